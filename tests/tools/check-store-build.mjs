// `node tests/tools/check-store-build.mjs <build dir>…`: fails when a store build carries the
// demo marketplace — loopback host access or content-script match, the demo adapter, or the
// demo-data fetch. CI runs it on the Chrome and Firefox builds it packages.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Strings only the demo marketplace's code contains (core/sites/demo.ts, demoLoader.ts). */
const DEMO_MARKERS = ['127.0.0.1', 'demo-data.json', '#reply-input', '.conversation-name[data-buyer-id]'];

function jsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return jsFiles(p);
    return /\.(m?js|json)$/.test(e.name) ? [p] : [];
  });
}

let problems = 0;
for (const dir of process.argv.slice(2)) {
  for (const file of jsFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    for (const marker of DEMO_MARKERS) {
      if (text.includes(marker)) {
        console.error(`${file}: contains "${marker}", which only the demo build may carry`);
        problems++;
      }
    }
  }
}
if (problems > 0) process.exit(1);
console.log(`store builds clean of the demo marketplace: ${process.argv.slice(2).join(', ')}`);
