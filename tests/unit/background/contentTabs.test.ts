import { describe, expect, it } from 'vitest';
import { ContentTabs } from '@/core/background/contentTabs';

describe('tabs that hear the change broadcast', () => {
  it('are remembered across a worker restart and dropped when they stop answering', async () => {
    const first = new ContentTabs();
    await first.add(3);
    await first.add(7);
    await first.add(3);
    expect((await first.list()).sort()).toEqual([3, 7]);
    await first.remove(3);
    // A restarted worker reads them back from session storage.
    const restarted = new ContentTabs();
    await new Promise((r) => setTimeout(r, 0));
    expect(await restarted.list()).toEqual([7]);
  });
});
