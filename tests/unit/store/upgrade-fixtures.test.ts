/**
 * Upgrades from every released schema version. For each entry of SCHEMA_VERSIONS there must be a
 * fixture `tests/fixtures/db/v<N>.json`: the table contents as version N wrote them, settings
 * included. The fixture is written into a database opened at version N, the database is opened
 * with the current code, and nothing may be lost: every row is there (upgrade functions may only
 * add fields), every index of the current schema answers, and the stored settings come back as
 * valid current Settings keeping every stored value. Adding a schema version without a fixture
 * (or a table without rows in it) fails the meta-test below.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Table } from 'dexie';
import { describe, expect, it } from 'vitest';
import { defaultSettings, Settings } from '@/core/model';
import { BuyerTiersDB, CURRENT_SCHEMA_VERSION, getSettings, SCHEMA_VERSIONS } from '@/core/store';

const DIR = join(process.cwd(), 'tests/fixtures/db');

interface Fixture {
  version: number;
  description: string;
  tables: Record<string, Array<Record<string, unknown>>>;
}

function fixturePath(version: number): string {
  return join(DIR, `v${version}.json`);
}

function loadFixture(version: number): Fixture {
  return JSON.parse(readFileSync(fixturePath(version), 'utf8')) as Fixture;
}

/** Table → schema string as declared up to `version` (later declarations replace earlier ones). */
function storesAt(version: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of SCHEMA_VERSIONS) {
    if (v.version > version) break;
    for (const [table, spec] of Object.entries(v.stores)) {
      if (spec === null) delete out[table];
      else out[table] = spec;
    }
  }
  return out;
}

/** Index names (key paths) of a Dexie schema string, primary key first. */
function indexesOf(spec: string): { primary: string; indexes: string[] } {
  const parts = spec.split(',').map((p) => p.trim().replace(/^[&*]|^\+\+/, ''));
  return { primary: parts[0], indexes: parts.slice(1) };
}

function keyPathValue(row: Record<string, unknown>, path: string): unknown {
  if (path.startsWith('[')) {
    const values = path
      .slice(1, -1)
      .split('+')
      .map((p) => row[p]);
    return values.some((v) => v === undefined) ? undefined : values;
  }
  return row[path];
}

/** Fields an upgrade to the current version adds to a row written by `from`. */
function addedByUpgrade(table: string, from: number, row: Record<string, unknown>): Record<string, unknown> {
  if (table === 'buyers' && from < 2) {
    return { lastOrderAt: (row.agg as { lastOrderAt?: number } | undefined)?.lastOrderAt ?? 0 };
  }
  return {};
}

describe('every released schema version has an upgrade fixture (meta-test)', () => {
  it('a fixture per SCHEMA_VERSIONS entry, declaring its version and filling every table it had', () => {
    expect(SCHEMA_VERSIONS.length).toBeGreaterThan(0);
    for (const { version } of SCHEMA_VERSIONS) {
      expect(existsSync(fixturePath(version)), `missing tests/fixtures/db/v${version}.json`).toBe(true);
      const f = loadFixture(version);
      expect(f.version).toBe(version);
      expect(f.description.length).toBeGreaterThan(10);
      const tables = Object.keys(storesAt(version)).sort();
      expect(Object.keys(f.tables).sort(), `v${version} fixture tables`).toEqual(tables);
      for (const t of tables) expect(f.tables[t].length, `v${version}.${t} has no rows`).toBeGreaterThan(0);
    }
  });

  it('the fixtures carry a settings row', () => {
    for (const { version } of SCHEMA_VERSIONS) {
      expect(
        loadFixture(version).tables.meta.some((r) => r.key === 'settings'),
        `v${version}`,
      ).toBe(true);
    }
  });
});

describe('upgrading each released version to the current one loses nothing', () => {
  for (const { version } of SCHEMA_VERSIONS) {
    it(`v${version} → v${CURRENT_SCHEMA_VERSION}`, async () => {
      const fixture = loadFixture(version);
      const name = `upgrade-v${version}-${Math.random()}`;
      const old = new BuyerTiersDB(name, version);
      await old.open();
      expect(old.verno).toBe(version);
      for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
      old.close();

      const db = new BuyerTiersDB(name);
      try {
        await db.open();
        expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
        const current = storesAt(CURRENT_SCHEMA_VERSION);

        // Every row is still there, unchanged apart from fields the upgrade adds.
        for (const [table, rows] of Object.entries(fixture.tables)) {
          const spec = current[table];
          expect(spec, `table ${table} was dropped`).toBeDefined();
          const t: Table = db.table(table);
          const { primary } = indexesOf(spec);
          expect(await t.count(), `${table} row count`).toBe(rows.length);
          for (const row of rows) {
            const stored = await t.get(keyPathValue(row, primary) as string);
            expect(stored, `${table} ${JSON.stringify(keyPathValue(row, primary))}`).toEqual({
              ...row,
              ...addedByUpgrade(table, version, row),
            });
          }
        }

        // Every index of the current schema answers, and holds every row that has the field.
        for (const [table, spec] of Object.entries(current)) {
          const t: Table = db.table(table);
          const rows = (await t.toArray()) as Array<Record<string, unknown>>;
          for (const index of indexesOf(spec).indexes) {
            const expected = rows.filter((r) => keyPathValue(r, index) !== undefined).length;
            expect(await t.orderBy(index).count(), `${table}.${index}`).toBe(expected);
            const sample = rows.find((r) => keyPathValue(r, index) !== undefined);
            if (sample) {
              const hits = await t
                .where(index)
                .equals(keyPathValue(sample, index) as string)
                .count();
              expect(hits, `${table}.${index} lookup`).toBeGreaterThan(0);
            }
          }
        }
        // The query the v2 upgrade exists for.
        expect(await db.buyers.where('lastOrderAt').above(0).count()).toBe(
          fixture.tables.buyers.filter((b) => (b.agg as { lastOrderAt?: number }).lastOrderAt).length,
        );

        // Settings written by that version load as valid current settings, keeping their values.
        const storedSettings = fixture.tables.meta.find((r) => r.key === 'settings')?.value as Record<
          string,
          unknown
        >;
        for (const lang of ['en', 'zh-CN']) {
          const settings = await getSettings(db, lang);
          expect(Settings.safeParse(settings).success).toBe(true);
          expect(settings).toMatchObject(storedSettings);
          const defaults = defaultSettings(lang) as unknown as Record<string, unknown>;
          for (const k of Object.keys(defaults)) {
            if (!(k in storedSettings))
              expect(settings[k as keyof typeof settings], `new setting ${k}`).toEqual(defaults[k]);
          }
        }
      } finally {
        db.close();
        await db.delete();
      }
    });
  }
});
