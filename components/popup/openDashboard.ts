import { browser } from 'wxt/browser';

/** Opens (or focuses) the dashboard page, optionally on one section (`#buyers`, `#sites`…). */
export async function openDashboard(section?: string): Promise<void> {
  const base = browser.runtime.getURL('/dashboard.html');
  const url = section ? `${base}#${section}` : base;
  const [existing] = await browser.tabs.query({ url: `${base}*` });
  if (existing?.id !== undefined) {
    await browser.tabs.update(existing.id, { active: true, url });
    return;
  }
  await browser.tabs.create({ url });
}
