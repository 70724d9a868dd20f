// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { newStrategyLog } from '../../../core/sites/strategy';
import { phoneFromDataId, phoneFromHref, whatsappAdapter } from '../../../core/sites/whatsapp';
import { isParticipantList } from '../../../core/sites/whatsapp/header';
import { fixtureHtml, loadIntoDocument } from './harness';

const wa = whatsappAdapter;

/** A 2026-shaped open chat: header name (optionally a subtitle title), bubbles, optional drawer. */
function chat(opts: {
  name: string;
  subtitleTitle?: string;
  bubbles?: string;
  drawer?: string;
  header?: string;
}) {
  const sub = opts.subtitleTitle
    ? `<span title="${opts.subtitleTitle}">${opts.subtitleTitle}</span>`
    : '<span>online</span>';
  return loadIntoDocument(`<div id="app"><div id="main">
    <header data-testid="conversation-header"><div role="button">
      <span dir="auto" data-testid="conversation-info-header-chat-title">${opts.name}</span><div>${sub}</div>${opts.header ?? ''}
    </div></header>
    <div role="application">${opts.bubbles ?? ''}</div>
    <footer><div contenteditable="true" role="textbox" data-lexical-editor="true" data-tab="10"><p><br></p></div></footer>
  </div>${opts.drawer ?? ''}</div>`);
}

let n = 0;
function bubble(o: { tail?: 'in' | 'out'; meta?: string; text?: string; extra?: string }) {
  n++;
  const tail = o.tail ? `<span data-icon="tail-${o.tail}"></span>` : '';
  const text = o.text ? `<span class="selectable-text">${o.text}</span>` : '';
  const body = o.meta ? `<div class="copyable-text" data-pre-plain-text="${o.meta}">${text}</div>` : text;
  return `<div role="row"><div data-id="3A${n}" data-testid="conv-msg-3A${n}">${tail}${o.extra ?? ''}${body}</div></div>`;
}

const drawerOf = (name: string, phone: string) =>
  `<div data-testid="drawer-right"><section><span dir="auto">${name}</span><span>${phone}</span><span>3 groups in common</span></section></div>`;

describe('whatsapp open chat', () => {
  it('keys a saved contact by the phone the contact drawer shows, and reports the name as a former id', () => {
    const doc = chat({ name: 'Siti Rahman', drawer: drawerOf('Siti Rahman', '+60 12-345 6789') });
    const log = newStrategyLog();
    const b = wa.readChatBuyer!(doc, log);
    expect(b).toMatchObject({ buyerId: '60123456789', name: 'Siti Rahman', formerIds: ['Siti Rahman'] });
    expect(log.get('chatPhone')?.get('testid:drawer-right')).toBe(1);
  });

  it('does not trust a drawer that names another contact (left over from the previous chat)', () => {
    const doc = chat({ name: 'Siti Rahman', drawer: drawerOf('Tan Wei Ming', '+65 9123 4567') });
    const b = wa.readChatBuyer!(doc);
    expect(b).toMatchObject({ buyerId: 'Siti Rahman', name: 'Siti Rahman' });
    expect(b?.formerIds).toBeUndefined();
  });

  it('reads the phone from a wa.me or tel: link in the header when one is there', () => {
    const doc = chat({ name: 'Ana', header: '<a href="https://wa.me/6591234567">chat</a>' });
    expect(wa.readChatBuyer!(doc)).toMatchObject({ buyerId: '6591234567', formerIds: ['Ana'] });
    expect(phoneFromHref('tel:+65%209123%204567')).toBe('6591234567');
    expect(phoneFromHref('https://api.whatsapp.com/send?phone=6591234567&text=hi')).toBe('6591234567');
    expect(phoneFromHref('https://example.com/6591234567')).toBeNull();
  });

  it('an unsaved number is its own id, with no former id to merge', () => {
    const b = wa.readChatBuyer!(chat({ name: '+86 138 1234 5678' }));
    expect(b).toMatchObject({ buyerId: '8613812345678', name: '+86 138 1234 5678' });
    expect(b?.formerIds).toBeUndefined();
  });

  it('never takes a group for a buyer: member-list title, member count, or three senders', () => {
    const byTitle = chat({ name: 'Pottery Lovers', subtitleTitle: 'Ana, Ben, You' });
    const byCount = chat({ name: 'Pottery Lovers', header: '<span>12 participants</span>' });
    const bySenders = chat({
      name: 'Pottery Lovers',
      bubbles: ['Ana', 'Ben', 'Chen']
        .map((s) => bubble({ tail: 'in', meta: `[10:00, 20/11/2026] ${s}: `, text: 'price?' }))
        .join(''),
    });
    for (const doc of [byTitle, byCount, bySenders]) {
      expect(wa.readChatBuyer!(doc)).toBeNull();
      expect(wa.readMessages!(doc)).toEqual([]);
    }
    // Even with a drawer showing a number (a group's info lists members' numbers).
    const withDrawer = chat({
      name: 'Pottery Lovers',
      subtitleTitle: 'Ana, Ben, You',
      drawer: drawerOf('Pottery Lovers', '+65 9000 1111'),
    });
    expect(wa.readChatBuyer!(withDrawer)).toBeNull();
  });

  it("never takes a member's number from an open group-info drawer for the chat's", () => {
    const members = chat({
      name: 'Pottery Lovers',
      drawer:
        '<div data-testid="drawer-right"><span>Pottery Lovers</span><span>Group · 5 members</span><span>+65 9000 1111</span></div>',
    });
    expect(wa.readChatBuyer!(members)).toBeNull();
    const numbers = chat({
      name: 'Pottery Lovers',
      drawer:
        '<div data-testid="drawer-right"><span>Pottery Lovers</span><span>+65 9000 1111</span><span>+65 9000 2222</span></div>',
    });
    const log = newStrategyLog();
    expect(wa.readChatBuyer!(numbers, log)).toBeNull();
    expect(log.get('groupChat')?.get('testid:drawer-members')).toBe(1);
  });

  it('a contact whose name has a comma is not a group (the name element is never the member list)', () => {
    expect(wa.readChatBuyer!(chat({ name: 'Smith, John' }))).toMatchObject({ buyerId: 'Smith, John' });
  });

  it('tells member lists from "last seen" lines', () => {
    expect(isParticipantList('Ana Lim, Ben Koh, +65 9000 1111, You')).toBe(true);
    expect(isParticipantList('陈, 李, 你')).toBe(true);
    expect(isParticipantList('last seen Monday, 10:41')).toBe(false);
    expect(isParticipantList('online')).toBe(false);
  });
});

describe('whatsapp message direction', () => {
  const buyer = (t: string, tail?: 'in') => bubble({ tail, meta: `[10:00, 20/11/2026] Ana: `, text: t });

  it('a tail-less bubble continues its run, but not across a day divider', () => {
    const doc = chat({
      name: 'Ana',
      bubbles: [
        bubble({ tail: 'out', text: 'one' }),
        bubble({ text: 'two' }),
        '<div role="row"><span>TODAY</span></div>',
        bubble({ text: 'three' }),
      ].join(''),
    });
    const log = newStrategyLog();
    // "three" has no tail, no sender and no status: unknown, so it is not read at all.
    expect(wa.readMessages!(doc, log).map((m) => [m.from, m.text])).toEqual([
      ['seller', 'one'],
      ['seller', 'two'],
    ]);
    expect(Object.fromEntries(log.get('messageDirection')!)).toEqual({
      'testid:tail': 1,
      'structure:run': 1,
      none: 1,
    });
  });

  it('reads the sender name against the chat name, then "You:" labels and delivery states', () => {
    const doc = chat({
      name: 'Ana',
      bubbles: [
        buyer('from Ana'),
        bubble({ meta: '[10:01, 20/11/2026] Lotus Ceramics: ', text: 'from the shop' }),
        bubble({ extra: '<span aria-label="You:"></span>', text: 'labelled' }),
        bubble({ extra: '<span aria-label=" Read "></span>', text: 'read ticks' }),
        bubble({ extra: '<span aria-label="Ana:"></span>', text: 'labelled Ana' }),
      ].join(''),
    });
    expect(wa.readMessages!(doc).map((m) => [m.from, m.text])).toEqual([
      ['buyer', 'from Ana'],
      ['seller', 'from the shop'],
      ['seller', 'labelled'],
      ['seller', 'read ticks'],
      ['buyer', 'labelled Ana'],
    ]);
  });

  it('skips quoted text inside a reply and media without text', () => {
    const doc = chat({
      name: 'Ana',
      bubbles: [
        bubble({
          tail: 'in',
          extra:
            '<div data-testid="quoted-message"><span class="selectable-text">seller price offer</span></div>',
          text: 'ok thanks',
        }),
        bubble({ tail: 'in', extra: '<img alt="">' }),
      ].join(''),
    });
    expect(wa.readMessages!(doc)).toEqual([{ from: 'buyer', text: 'ok thanks' }]);
  });

  it('page text stays text: markup in a message is not parsed back', () => {
    const doc = chat({ name: 'Ana', bubbles: buyer('&lt;img src=x onerror=alert(1)&gt;', 'in') });
    expect(wa.readMessages!(doc)[0].text).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('whatsapp chat list and older layouts', () => {
  it('names rows by the title cell, never by the last-message preview', () => {
    const doc = loadIntoDocument(`<div id="pane-side"><div role="grid">
      <div role="row"><span title="Price of the blue vase?">Price of the blue vase?</span>
        <div data-testid="cell-frame-title"><span dir="auto" title="Ana Lim">Ana…</span></div></div>
      <div role="row"><div>Chats</div></div>
    </div></div>`);
    expect(wa.readListBuyers!(doc).map((b) => b.name)).toEqual(['Ana Lim']);
  });

  it('still reads the listitem era page with the phone in data-id', () => {
    const doc = loadIntoDocument(fixtureHtml('whatsapp', 'older-listitem-chat.html'));
    expect(wa.readChatBuyer!(doc)).toMatchObject({ buyerId: '6591234567', formerIds: ['Tan Wei Ming'] });
    expect(phoneFromDataId('false_8613812345678@c.us_3EB0')).toBe('8613812345678');
    expect(phoneFromDataId('3A1F0C2B9D8E7F6A5B4C')).toBeNull();
    expect(phoneFromDataId('false_1203630@g.us_3EB0_8613812345678@c.us')).toBeNull();
  });

  it('finds the Lexical reply box, not the side-pane search box', () => {
    const doc = loadIntoDocument(fixtureHtml('whatsapp', 'chat-open.html'));
    expect(wa.findChatInput!(doc)?.getAttribute('data-tab')).toBe('10');
  });
});
