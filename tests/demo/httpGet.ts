import { get } from 'node:http';

/**
 * Plain GET over node:http. Tests running under happy-dom get happy-dom's browser-like fetch,
 * which applies CORS to a page-less window; this sidesteps it.
 */
export function httpGet(url: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    }).on('error', reject);
  });
}
