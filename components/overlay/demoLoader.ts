import { type RequestData, request } from '@/core/messaging';
import { DEMO_BUILD } from '@/core/sites/demoMode';

/** Orders per message: small enough for one write transaction and one structured clone. */
const CHUNK = 1000;

/**
 * On the local demo marketplace, loads its demo data set into the extension the first time,
 * so a new seller sees badges at once. Only demo-platform orders are accepted by the background.
 * The store build has no demo marketplace: there this is `return false` and the fetch is gone.
 */
export async function loadDemoDataOnce(pageOrigin: string): Promise<boolean> {
  if (!DEMO_BUILD) return false;
  const state = await request('getSiteState', { platform: 'demo' });
  if (state.demoLoaded) return false;
  const res = await fetch(`${pageOrigin}/demo-data.json`);
  if (!res.ok) throw new Error(`demo data: HTTP ${res.status}`);
  // Order-shaped as far as this page knows; the background checks every field before writing.
  const data = (await res.json()) as { orders: RequestData<'loadDemoOrders'>['orders'] };
  for (let i = 0; i < data.orders.length; i += CHUNK) {
    const chunk = data.orders.slice(i, i + CHUNK);
    await request('loadDemoOrders', { orders: chunk, done: i + CHUNK >= data.orders.length });
  }
  return true;
}
