import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../demo/server';

let server: DemoServer;

beforeAll(async () => {
  server = await startDemoServer({ port: 0, seed: 1, asOf: new Date('2026-11-22T00:00:00Z') });
});
afterAll(() => server.close());

const get = (path: string) => fetch(server.url + path);

describe('demo server', () => {
  it('listens on 127.0.0.1 on a random port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves the index', async () => {
    const res = await get('/');
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('<title>Demo Marketplace — Seller Console</title>');
    expect(html).toContain('href="/chat"');
    expect(html).toContain('href="/orders"');
  });

  it('serves the chat page with list, header, thread and input', async () => {
    const html = await (await get('/chat')).text();
    for (const part of [
      'id="conversation-list"',
      'id="chat-header"',
      'id="message-thread"',
      'id="reply-input"',
      'id="send-button"',
      'window.demoReceive',
      'history.pushState',
      '客服工作台 Chat',
    ]) {
      expect(html).toContain(part);
    }
    // Hostile names are escaped server-side.
    expect(html).toContain('Eve&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img src=x');
  });

  it('serves paginated and infinite order lists', async () => {
    const p1 = await (await get('/orders')).text();
    const p2 = await (await get('/orders?page=2')).text();
    const count = (h: string) => (h.match(/<tr class="order-row"/g) ?? []).length;
    expect(count(p1)).toBe(50);
    expect(count(p2)).toBe(50);
    expect(p1).toContain('rel="next" href="/orders?page=2"');
    const inf = await (await get('/orders?infinite=1')).text();
    expect(inf).toContain('window.demoLoadMore');
    expect(inf).toContain('data-next-page="2"');
    const rows = await (await get('/orders/rows?page=2')).text();
    expect(count(rows)).toBe(50);
    expect(p2).toContain(rows.split('\n')[0]);
  });

  it('serves the demo data as JSON', async () => {
    const res = await get('/demo-data.json');
    expect(res.headers.get('content-type')).toContain('application/json');
    const json = (await res.json()) as typeof server.data;
    expect(json.orders).toHaveLength(server.data.orders.length);
    expect(json.buyers).toHaveLength(server.data.buyers.length);
    expect(json.meta.asOf).toBe(Date.parse('2026-11-22T00:00:00Z'));
  });

  it('answers unknown paths with 404 (escaped) and other methods with 405', async () => {
    const res = await get('/<script>');
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('<script>');
    expect((await fetch(server.url + '/chat', { method: 'POST' })).status).toBe(405);
  });
});
