/**
 * Import throughput in Node: a seeded synthetic 200,000-line line-item CSV (Shopify-like
 * columns, quoted fields, one to three lines per order) generated in memory, then
 * (1) importText on the whole string, (2) the streaming path used by the extension:
 * UTF-8 bytes → ChunkDecoder → CsvRowStream → createImporter in 64 KiB chunks.
 */
import { CsvRowStream } from '../../core/import/csv';
import { ChunkDecoder } from '../../core/import/encoding';
import { createImporter } from '../../core/import/importer';
import { importText } from '../../core/import/text';
// The project's seeded PRNG (mulberry32), so every run imports the same file.
import { seededRandom } from '../../core/scoring/cluster/random';

type Report = (name: string, value: number, unit: string) => void;

const LINES = 200_000;

/** `maxItems` lines per order at most (1: one line per order, as most order exports). */
export function syntheticCsv(lines: number, seed = 42, maxItems = 3): string {
  const r = seededRandom(seed);
  const out = [
    'Name,Email,Financial Status,Created at,Currency,Total,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Shipping Country',
  ];
  let order = 1000;
  let written = 0;
  while (written < lines) {
    order++;
    const buyer = `buyer${Math.floor(r() * 20_000)}@example.com`;
    const day = 1 + Math.floor(r() * 28);
    const month = 1 + Math.floor(r() * 12);
    const created = `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')} ${String(Math.floor(r() * 24)).padStart(2, '0')}:15:00 +0800`;
    const status = r() < 0.9 ? 'paid' : r() < 0.5 ? 'refunded' : 'voided';
    const n = Math.min(1 + Math.floor(r() * maxItems), lines - written);
    const items = Array.from({ length: n }, () => ({
      qty: 1 + Math.floor(r() * 4),
      price: 100 + Math.floor(r() * 20_000),
      sku: `SKU-${Math.floor(r() * 500)}`,
    }));
    const total = items.reduce((s, it) => s + it.qty * it.price, 0);
    items.forEach((it, i) => {
      const money = (m: number) => `${Math.floor(m / 100)}.${String(m % 100).padStart(2, '0')}`;
      const first = i === 0;
      out.push(
        [
          `#${order}`,
          first ? buyer : '',
          first ? status : '',
          created,
          first ? 'CNY' : '',
          first ? money(total) : '',
          it.qty,
          `"Item ${it.sku}, size ${1 + (it.qty % 3)}"`,
          money(it.price),
          it.sku,
          first ? 'CN' : '',
        ].join(','),
      );
    });
    written += n;
  }
  return `${out.join('\n')}\n`;
}

export async function run(report: Report): Promise<void> {
  const text = syntheticCsv(LINES);
  const options = { preset: 'shopify', timeZone: 'Asia/Shanghai', now: 0, importId: 'bench' } as const;

  importText(syntheticCsv(5_000, 7), options); // warm-up
  let t = performance.now();
  const whole = importText(text, options);
  let secs = (performance.now() - t) / 1000;
  if (whole.rejects.length > 0) throw new Error(`unexpected rejects: ${whole.rejects[0].reason}`);
  report('importText 200k lines', Math.round(LINES / secs), 'lines/s');
  report('importText 200k lines time', secs * 1000, 'ms');
  report('orders from 200k lines', whole.orders.length, 'orders');

  const bytes = new TextEncoder().encode(text);
  t = performance.now();
  const decoder = new ChunkDecoder();
  const csv = new CsvRowStream();
  const importer = createImporter({ ...options, batchSize: 1000 });
  let orders = 0;
  const feed = (chunk: string) => {
    for (const row of csv.push(chunk)) orders += importer.push(row)?.orders.length ?? 0;
  };
  const CHUNK = 64 * 1024;
  for (let i = 0; i < bytes.length; i += CHUNK) feed(decoder.push(bytes.subarray(i, i + CHUNK)));
  feed(decoder.end());
  for (const row of csv.end()) orders += importer.push(row)?.orders.length ?? 0;
  orders += importer.finish().orders.length;
  secs = (performance.now() - t) / 1000;
  if (orders !== whole.orders.length)
    throw new Error(`streaming gave ${orders} orders, importText ${whole.orders.length}`);
  report('streaming bytes→orders 200k lines', Math.round(LINES / secs), 'lines/s');
  report('file size', Math.round(bytes.length / 1024), 'KiB');
}
