import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chatPage } from './chatPage';
import { type DemoData, generateDemoData } from './data';
import { esc, layout } from './html';
import { nameIndex, orderRowsHtml, ordersNewestFirst, ordersPage } from './ordersPage';

export interface DemoServerOptions {
  /** 0 picks a free port. Default 0. */
  port?: number;
  seed?: number;
  /** Reference date of the data; default: start of today (UTC), so restarts on one day agree. */
  asOf?: Date;
}

export interface DemoServer {
  /** e.g. http://127.0.0.1:8787 (no trailing slash). */
  url: string;
  data: DemoData;
  close(): Promise<void>;
}

export const DEFAULT_DEMO_SEED = 20261122;

function indexPage(): string {
  return layout(
    'Demo Marketplace — Seller Console',
    'home',
    `<main class="index"><h1>Demo Marketplace — Seller Console</h1><p>演示卖家中心，数据为随机生成 · Generated demo data.</p>
<ul><li><a href="/chat">客服工作台 Chat</a></li><li><a href="/orders">订单列表 Orders</a> (<a href="/orders?infinite=1">无限滚动 infinite scroll</a>)</li><li><a href="/demo-data.json">demo-data.json</a></li></ul></main>`,
  );
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'Content-Type': `${type}; charset=utf-8`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
}

/** Starts the demo seller console on 127.0.0.1 (never on other interfaces). */
export async function startDemoServer(opts: DemoServerOptions = {}): Promise<DemoServer> {
  const today = new Date();
  const asOf =
    opts.asOf ?? new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  const data = generateDemoData(opts.seed ?? DEFAULT_DEMO_SEED, asOf);
  // Everything is derived once: pages are pure functions of the data.
  const sorted = ordersNewestFirst(data);
  const names = nameIndex(data);
  const json = JSON.stringify(data);

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'text/plain', 'Method not allowed');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const page = Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1;
    switch (url.pathname) {
      case '/':
        return send(res, 200, 'text/html', indexPage());
      case '/chat':
        return send(res, 200, 'text/html', chatPage(data, url.searchParams.get('buyer') ?? undefined));
      case '/orders':
        return send(
          res,
          200,
          'text/html',
          ordersPage(data, sorted, names, page, url.searchParams.get('infinite') === '1'),
        );
      case '/orders/rows':
        return send(res, 200, 'text/html', orderRowsHtml(sorted, names, page));
      case '/demo-data.json':
        return send(res, 200, 'application/json', json);
      default:
        return send(
          res,
          404,
          'text/html',
          layout('404', 'home', `<main class="index">未找到 Not found: ${esc(url.pathname)}</main>`),
        );
    }
  };

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    data,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
