// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { rememberIdentities } from '@/components/overlay/identityMemory';
import { whatsappAdapter } from '@/core/sites/whatsapp';
import { fixtureHtml, loadIntoDocument } from '../sites/harness';

describe('rememberIdentities', () => {
  it('merges once when the drawer shows the phone, then keeps reading the name as that phone', async () => {
    const learned: Array<[string, string]> = [];
    const adapter = rememberIdentities(whatsappAdapter, async (from, into) => {
      learned.push([from, into]);
    });
    const doc = loadIntoDocument(fixtureHtml('whatsapp', 'chat-contact-drawer.html'));
    expect(adapter.readChatBuyer!(doc)?.buyerId).toBe('60123456789');
    expect(adapter.readChatBuyer!(doc)?.buyerId).toBe('60123456789');
    expect(learned).toEqual([['whatsapp:Siti Rahman', 'whatsapp:60123456789']]);
    // The seller closes the drawer: the header shows the name only, the list too.
    doc.querySelector('[data-testid="drawer-right"]')?.remove();
    expect(whatsappAdapter.readChatBuyer!(doc)?.buyerId).toBe('Siti Rahman');
    expect(adapter.readChatBuyer!(doc)?.buyerId).toBe('60123456789');
    expect(adapter.readListBuyers!(doc).map((b) => b.buyerId)).toEqual(['60123456789']);
    expect(learned).toHaveLength(1);
  });

  it('forgets a pair whose merge failed, so the next sighting tries again', async () => {
    let calls = 0;
    const adapter = rememberIdentities(whatsappAdapter, () => {
      calls++;
      return Promise.reject(new Error('background restarting'));
    });
    const doc = loadIntoDocument(fixtureHtml('whatsapp', 'chat-contact-drawer.html'));
    adapter.readChatBuyer!(doc);
    await new Promise((r) => setTimeout(r, 0));
    adapter.readChatBuyer!(doc);
    expect(calls).toBe(2);
  });

  it('changes nothing for a page that never shows a better handle', () => {
    const adapter = rememberIdentities(whatsappAdapter, async () => {});
    const doc = loadIntoDocument(fixtureHtml('whatsapp', 'chat-open.html'));
    expect(adapter.readChatBuyer!(doc)?.buyerId).toBe('Tan Wei Ming');
    expect(adapter.readListBuyers!(doc)).toEqual(whatsappAdapter.readListBuyers!(doc));
  });
});
