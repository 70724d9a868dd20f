// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dashboardMessages } from '../../../components/i18n/messages/dashboard';
import { FieldCountsSchema } from '../../../core/sites/fieldCountsSchema';
import { FIELD_LIMITS, fieldReports, healthUrl, mergeFieldCounts } from '../../../core/sites/fieldHealth';
import { selectorHealth } from '../../../core/sites/health';
import { ADAPTERS } from '../../../core/sites/registry';
import {
  NO_MATCH,
  newStrategyLog,
  OLDER_LAYOUT,
  readWith,
  type Strategy,
} from '../../../core/sites/strategy';
import { FIXTURES_DIR, fixtureHtml, loadIntoDocument, readExpected } from './harness';

const strategy = (id: string, value: string | null, seen = '2026-01-01'): Strategy<string> => ({
  id,
  kind: 'testid',
  seen,
  read: () => value,
});

describe('strategy log', () => {
  it('counts the strategy that supplied the value, and NO_MATCH when none did', () => {
    const log = newStrategyLog();
    readWith('name', document, [strategy('a', null), strategy('b', 'x'), strategy('c', 'y')], log);
    readWith('name', document, [strategy('a', null), strategy('b', null), strategy('c', null)], log);
    expect(Object.fromEntries(log.get('name') ?? [])).toEqual({ b: 1, [NO_MATCH]: 1 });
  });

  it('marks a strategy whose evidence is over a year older than the field’s newest as older layout', () => {
    const log = newStrategyLog();
    const list = [
      strategy('new', null, '2026-03-01'),
      strategy('recent', null, '2025-06-01'),
      strategy('old', 'x', '2024-01-01'),
    ];
    readWith('row', document, list, log);
    readWith(
      'row',
      document,
      [strategy('new', null, '2026-03-01'), strategy('recent', 'y', '2025-06-01')],
      log,
    );
    expect(Object.fromEntries(log.get('row') ?? [])).toEqual({ [`${OLDER_LAYOUT}old`]: 1, recent: 1 });
  });
});

describe('mergeFieldCounts', () => {
  it('adds counts, keeps the kept order, appends new strategies before NO_MATCH', () => {
    const kept = { name: { a: 2, b: 0, [NO_MATCH]: 1 } };
    const merged = mergeFieldCounts(kept, { name: { a: 1, c: 4, [NO_MATCH]: 2 }, phone: { p: 1 } });
    expect(Object.entries(merged.name)).toEqual([
      ['a', 3],
      ['b', 0],
      ['c', 4],
      [NO_MATCH, 3],
    ]);
    expect(merged.phone).toEqual({ p: 1 });
    expect(kept.name.a).toBe(2);
  });

  it('treats names from pages as plain names: constructor counts, __proto__ is ignored', () => {
    const incoming = JSON.parse('{"constructor":{"toString":2},"__proto__":{"x":1},"name":{"a":1}}');
    const merged = mergeFieldCounts({ constructor: { toString: 1 } }, incoming);
    expect(merged.constructor).toEqual({ toString: 3 });
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.keys(merged).sort()).toEqual(['constructor', 'name']);
  });

  it('drops new names past the limits, never old ones', () => {
    const many = Object.fromEntries(
      Array.from({ length: FIELD_LIMITS.fields }, (_, i) => [`f${i}`, { s: 1 }]),
    );
    const merged = mergeFieldCounts(many, { extra: { s: 1 }, f0: { s: 2 } });
    expect(Object.keys(merged)).toHaveLength(FIELD_LIMITS.fields);
    expect(merged.extra).toBeUndefined();
    expect(merged.f0.s).toBe(3);
  });
});

describe('fieldReports', () => {
  it('tells first choice, fallback in use, never found and not read apart', () => {
    const reports = fieldReports({
      ok: { a: 5, b: 0, [NO_MATCH]: 2 },
      drift: { a: 1, [`${OLDER_LAYOUT}b`]: 3 },
      gone: { a: 0, b: 0, [NO_MATCH]: 4 },
      fresh: { a: 0 },
    });
    expect(reports.map((r) => [r.field, r.state, r.first, r.fallback, r.none, r.mostUsed])).toEqual([
      ['ok', 'first', 5, 0, 2, 'a'],
      ['drift', 'fallback', 1, 3, 0, `${OLDER_LAYOUT}b`],
      ['gone', 'missing', 0, 0, 4, undefined],
      ['fresh', 'unread', 0, 0, 0, undefined],
    ]);
  });
});

describe('healthUrl', () => {
  it('keeps origin and path, drops the query and fragment (they can hold names)', () => {
    expect(healthUrl('https://www.etsy.com/your/orders/sold?search=Emma%20Clarke#x')).toBe(
      'https://www.etsy.com/your/orders/sold',
    );
    expect(healthUrl('not a url')).toBe('');
  });
});

// What a page sends must pass the background's schema, on every fixture of every built-in site.
describe.each(ADAPTERS.map((a) => [a.id, a] as const))('%s strategy report', (id, adapter) => {
  const expected = readExpected(id);
  const files = readdirSync(join(FIXTURES_DIR, id)).filter((f) => f.endsWith('.html'));

  it.each(files)('%s: fits the wire schema', (file) => {
    const doc = loadIntoDocument(fixtureHtml(id, file));
    const { strategies } = selectorHealth(adapter, doc, expected[file].pageKind);
    expect(FieldCountsSchema.safeParse(strategies).success).toBe(true);
  });
});

describe('an older layout shows as a fallback in use', () => {
  it('WhatsApp’s listitem-era chat list is read by a later strategy than the row-era one', () => {
    const whatsapp = ADAPTERS.find((a) => a.id === 'whatsapp');
    if (!whatsapp) throw new Error('no WhatsApp adapter');
    const current = selectorHealth(
      whatsapp,
      loadIntoDocument(fixtureHtml('whatsapp', 'chat-open.html')),
      'chat',
    );
    const older = selectorHealth(
      whatsapp,
      loadIntoDocument(fixtureHtml('whatsapp', 'older-listitem-chat.html')),
      'chat',
    );
    expect(fieldReports(current.strategies).filter((r) => r.state === 'fallback')).toEqual([]);
    expect(fieldReports(older.strategies).some((r) => r.state === 'fallback')).toBe(true);
  });
});

describe('field names in the dashboard', () => {
  it('every field an adapter reads has a label in English and Chinese', () => {
    const dir = join(__dirname, '../../../core/sites');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const fields = new Set(
      files.flatMap((f) =>
        [...readFileSync(join(dir, f), 'utf8').matchAll(/readWith\(\s*'([a-zA-Z]+)'/g)].map((m) => m[1]),
      ),
    );
    expect(fields.size).toBeGreaterThan(20);
    const en: Record<string, string> = dashboardMessages.en;
    const zh: Record<string, string> = dashboardMessages.zh_CN;
    const missing = [...fields].filter((f) => !en[`dash.sites.field.${f}`] || !zh[`dash.sites.field.${f}`]);
    expect(missing).toEqual([]);
  });
});
