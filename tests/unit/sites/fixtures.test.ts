// @vitest-environment happy-dom
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADAPTERS, adapterForUrl } from '../../../core/sites/registry';
import {
  expectedMessages,
  expectedOrders,
  FIXTURES_DIR,
  fixtureHtml,
  loadIntoDocument,
  readAll,
  readExpected,
} from './harness';

// Every fixture page of every built-in adapter, read and compared with expected.json.
describe.each(ADAPTERS.map((a) => [a.id, a] as const))('%s adapter fixtures', (id, adapter) => {
  const expected = readExpected(id);
  const htmlFiles = readdirSync(join(FIXTURES_DIR, id)).filter((f) => f.endsWith('.html'));

  it('has an expectation for every fixture file and a fixture for every expectation', () => {
    expect(Object.keys(expected).sort()).toEqual(htmlFiles.sort());
  });

  it.each(htmlFiles)('%s starts with a dated provenance comment', (file) => {
    expect(fixtureHtml(id, file)).toMatch(/^<!-- \d{4}-\d{2}-\d{2} · [\s\S]{20,}?-->/);
  });

  it.each(Object.entries(expected))('%s', (_file, exp) => {
    const doc = loadIntoDocument(fixtureHtml(id, _file));
    const url = new URL(exp.url);
    expect(adapterForUrl(url)?.id).toBe(id);
    expect(adapter.pageKinds(url)).toContain(exp.pageKind);
    const got = readAll(adapter, doc, exp.pageKind);
    if (exp.chatBuyer !== undefined) expect(got.chatBuyer).toEqual(exp.chatBuyer);
    if (exp.chatInput !== undefined) expect(got.chatInput).toEqual(exp.chatInput);
    if (exp.listBuyers) expect(got.listBuyers).toEqual(exp.listBuyers);
    if (exp.orderRows) expect(got.orderRows).toEqual(expectedOrders(exp.orderRows));
    if (exp.messages) expect(got.messages).toEqual(expectedMessages(exp.messages));
    // Strategy counts are checked where a fixture lists them; other health fields always.
    if (exp.health) expect(got.health).toMatchObject(exp.health);
  });

  it('anchors badges on elements inside the page', () => {
    for (const file of htmlFiles) {
      const doc = loadIntoDocument(fixtureHtml(id, file));
      for (const b of adapter.readListBuyers?.(doc) ?? []) expect(doc.body.contains(b.anchor)).toBe(true);
      for (const r of adapter.readOrderRows?.(doc) ?? []) expect(doc.body.contains(r.anchor)).toBe(true);
      const input = adapter.findChatInput?.(doc);
      if (input)
        expect(input.localName === 'textarea' || input.getAttribute('contenteditable') === 'true').toBe(true);
    }
  });
});

describe('readers on an empty page', () => {
  it.each(ADAPTERS.map((a) => [a.id, a] as const))(
    '%s returns null / [] and never throws',
    (_id, adapter) => {
      const doc = loadIntoDocument('<div>nothing here</div>');
      expect(adapter.readChatBuyer?.(doc) ?? null).toBeNull();
      expect(adapter.findChatInput?.(doc) ?? null).toBeNull();
      expect(adapter.readListBuyers?.(doc) ?? []).toEqual([]);
      expect(adapter.readOrderRows?.(doc) ?? []).toEqual([]);
      expect(adapter.readMessages?.(doc) ?? []).toEqual([]);
    },
  );
});
