/**
 * What an IndexedDB record costs in the extension's service worker (Chromium, relaxed
 * durability), to choose the storage layout by (issue: speed, browser storage): 20,000
 * Shopify-like orders written 2,000 per transaction as one record each, with the orders table's
 * five indexes, with two, with none, and as records of 500 orders each.
 */
import { launchWithExtension } from '../e2e/support/extension';

type Report = (name: string, value: number, unit: string) => void;

export async function run(report: Report): Promise<void> {
  const ext = await launchWithExtension();
  try {
    // tsx keeps function names with an `__name` helper the worker does not have.
    await ext.worker.evaluate('globalThis.__name = (f) => f');
    const res = await ext.worker.evaluate(async () => {
      const open = () =>
        new Promise<IDBDatabase>((resolve, reject) => {
          const r = indexedDB.open('micro-' + Math.random(), 1);
          r.onupgradeneeded = () => {
            const db = r.result;
            const o5 = db.createObjectStore('o5', { keyPath: 'key' });
            o5.createIndex('buyerKey', 'buyerKey');
            o5.createIndex('placedAt', 'placedAt');
            o5.createIndex('bp', ['buyerKey', 'placedAt']);
            o5.createIndex('importId', 'importId');
            const o3 = db.createObjectStore('o3', { keyPath: 'key' });
            o3.createIndex('bp', ['buyerKey', 'placedAt']);
            o3.createIndex('importId', 'importId');
            db.createObjectStore('o1', { keyPath: 'key' });
            db.createObjectStore('chunks', { keyPath: 'id' });
          };
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
      const db = await open();
      const order = (i: number) => ({
        key: `shopify:#${i}`,
        orderId: `#${i}`,
        platform: 'shopify',
        buyerKey: `shopify:buyer${i % 20000}@example.com`,
        placedAt: 1700000000000 + i * 1000,
        total: 12345,
        currency: 'CNY',
        items: [{ title: `Item SKU-${i % 500}, size 2`, qty: 2, unitPrice: 6172, sku: `SKU-${i % 500}` }],
        status: 'paid',
        shipCountry: 'CN',
        source: 'import',
        importId: 'imp_x',
        updatedAt: 1700000000000,
      });
      const N = 20000,
        B = 2000;
      const out: Record<string, number> = {};
      for (const store of ['o5', 'o3', 'o1']) {
        const t0 = performance.now();
        for (let b = 0; b < N; b += B) {
          await new Promise<void>((resolve, reject) => {
            const tx = db.transaction(store, 'readwrite', { durability: 'relaxed' });
            const s = tx.objectStore(store);
            for (let i = b; i < b + B; i++) s.put(order(i));
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          });
        }
        out[`${store} µs/order`] = ((performance.now() - t0) * 1000) / N;
      }
      {
        const t0 = performance.now();
        for (let b = 0; b < N; b += B) {
          await new Promise<void>((resolve, reject) => {
            const tx = db.transaction('chunks', 'readwrite', { durability: 'relaxed' });
            const s = tx.objectStore('chunks');
            for (let c = b; c < b + B; c += 500)
              s.put({ id: `imp_x:${c}`, orders: Array.from({ length: 500 }, (_, k) => order(c + k)) });
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          });
        }
        out['chunks of 500 µs/order'] = ((performance.now() - t0) * 1000) / N;
      }
      return out;
    });
    report('IndexedDB put, one record per order, 5 indexes', res['o5 µs/order'], 'µs/order');
    report('IndexedDB put, one record per order, 2 indexes', res['o3 µs/order'], 'µs/order');
    report('IndexedDB put, one record per order, no index', res['o1 µs/order'], 'µs/order');
    report('IndexedDB put, 500 orders per record', res['chunks of 500 µs/order'], 'µs/order');
  } finally {
    await ext.close();
  }
}
