/**
 * Whether this build carries the local demo marketplace (adapter, loopback host, demo-data
 * loader). Only the demo build (`wxt build --mode demo`, used by `npm start` and the tests),
 * `wxt` dev and the unit tests do; the store build (`wxt build` / `wxt zip`, mode "production")
 * does not. Vite replaces `import.meta.env.MODE` with a string literal, so in the store build
 * this is the constant `false` and every branch it guards is dropped from the bundle.
 */
export const DEMO_BUILD: boolean =
  import.meta.env.MODE === 'demo' ||
  import.meta.env.MODE === 'development' ||
  import.meta.env.MODE === 'test';

/**
 * Loopback hosts that only the demo and test builds may reach over plain http (the real-browser
 * tests run their team server on 127.0.0.1). Empty in the store build, which never talks to
 * loopback: a seller's team server is https.
 */
export const DEMO_LOOPBACK_HOSTS: readonly string[] = DEMO_BUILD ? ['127.0.0.1', 'localhost', '[::1]'] : [];
