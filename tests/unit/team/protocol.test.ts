/** The pure team protocol: document names, buckets, join codes, and the update check both sides run. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { defaultSettings } from '../../../core/model';
import { ENTRIES, KEY_SEP, SETTINGS_KEY } from '../../../core/team/entries';
import {
  allDocNames,
  BUCKETS,
  bucketOf,
  canWrite,
  docName,
  formatCode,
  MAX_MESSAGE_BYTES,
  normalizeCode,
  parseDocName,
} from '../../../core/team/protocol';
import { checkUpdate } from '../../../core/team/updateCheck';

const TEAM = 'abcdef0123456789';

function updateOf(change: (entries: Y.Map<unknown>) => void, base = new Y.Doc()): Uint8Array {
  const before = Y.encodeStateVector(base);
  change(base.getMap(ENTRIES));
  return Y.encodeStateAsUpdate(base, before);
}

describe('document names', () => {
  it('round-trip through parseDocName and cover every bucket once', () => {
    const names = allDocNames(TEAM);
    expect(names).toHaveLength(4 + 4 * BUCKETS);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(docName(parseDocName(n)!)).toBe(n);
  });

  it('refuse names that are not a team document', () => {
    for (const bad of [
      `team/${TEAM}/orders`,
      `team/${TEAM}/links`,
      `team/${TEAM}/settings/1`,
      `team/${TEAM}/notes/${BUCKETS}`,
      `team/${TEAM}/notes/01`,
      'team/UPPER/tags',
      `x/${TEAM}/tags`,
    ])
      expect(parseDocName(bad), bad).toBeNull();
  });

  it('buckets spread buyers evenly and stay the same everywhere', () => {
    expect(bucketOf('taobao:buyer-1')).toBe(bucketOf('taobao:buyer-1'));
    const counts = new Array(BUCKETS).fill(0);
    for (let i = 0; i < 64_000; i++) counts[bucketOf(`amazon:buyer${i}`)]++;
    expect(Math.min(...counts)).toBeGreaterThan(800);
    expect(Math.max(...counts)).toBeLessThan(1200);
  });

  it('only the owner writes settings, rules and templates', () => {
    expect(canWrite('agent', 'settings')).toBe(false);
    expect(canWrite('agent', 'rules')).toBe(false);
    expect(canWrite('agent', 'templates')).toBe(false);
    expect(canWrite('agent', 'links')).toBe(true);
    expect(canWrite('owner', 'settings')).toBe(true);
  });
});

describe('join codes', () => {
  it('accept loose typing and refuse what cannot be a code', () => {
    expect(normalizeCode(' abcd-efgh 2345 ')).toBe('ABCDEFGH2345');
    expect(normalizeCode('ABCD-EFGH-234')).toBeNull();
    expect(normalizeCode('ABCD-EFGH-23IL')).toBeNull();
    expect(formatCode('ABCDEFGH2345')).toBe('ABCD-EFGH-2345');
  });
});

describe('checkUpdate', () => {
  const buyer = 'taobao:buyer-1';
  const links = { teamId: TEAM, kind: 'links' as const, bucket: bucketOf(buyer) };

  it('accepts valid entries and leaves the document untouched', () => {
    const current = new Y.Doc();
    const u = updateOf((e) => e.set(`${buyer}${KEY_SEP}vip`, { at: 1, by: 'member0001' }));
    expect(checkUpdate(current, links, u)).toEqual({ ok: true });
    expect(current.getMap(ENTRIES).size).toBe(0);
  });

  it('refuses entries of another bucket, bad values, other top-level types and garbage', () => {
    const current = new Y.Doc();
    let other = 'taobao:x';
    for (let i = 0; bucketOf(other) === links.bucket; i++) other = `taobao:x${i}`;
    expect(
      checkUpdate(
        current,
        links,
        updateOf((e) => e.set(`${other}${KEY_SEP}vip`, { at: 1, by: 'member0001' })),
      ),
    ).toMatchObject({ ok: false, reason: 'invalid' });
    expect(
      checkUpdate(
        current,
        links,
        updateOf((e) => e.set(`${buyer}${KEY_SEP}vip`, { at: -1, by: 'member0001' })),
      ),
    ).toMatchObject({ ok: false, reason: 'invalid' });
    const stray = new Y.Doc();
    stray.getArray('other').push([1]);
    expect(checkUpdate(current, links, Y.encodeStateAsUpdate(stray))).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
    expect(checkUpdate(current, links, new Uint8Array([9, 9, 9, 9]))).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
    expect(checkUpdate(current, links, new Uint8Array(MAX_MESSAGE_BYTES + 1))).toMatchObject({
      ok: false,
      reason: 'oversized',
    });
  });

  it('checks settings against the shop settings schema', () => {
    const settings = { teamId: TEAM, kind: 'settings' as const };
    const good = defaultSettings('en');
    expect(
      checkUpdate(
        new Y.Doc(),
        settings,
        updateOf((e) => e.set(SETTINGS_KEY, good)),
      ),
    ).toEqual({ ok: true });
    expect(
      checkUpdate(
        new Y.Doc(),
        settings,
        updateOf((e) => e.set(SETTINGS_KEY, { ...good, currency: 42 })),
      ),
    ).toMatchObject({ ok: false, reason: 'invalid' });
  });
});
