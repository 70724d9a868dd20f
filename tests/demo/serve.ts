import { startDemoServer } from './server';

// `npm run demo:serve`: the demo marketplace for manual testing and the e2e suite.
const port = Number.parseInt(process.env.DEMO_PORT ?? '8787', 10);
const server = await startDemoServer({ port });
console.log(`Demo Marketplace — Seller Console: ${server.url}/`);
console.log(
  `  chat:   ${server.url}/chat\n  orders: ${server.url}/orders\n  data:   ${server.url}/demo-data.json`,
);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
