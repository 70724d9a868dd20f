/** Backup format v2: the sections it added, their validation, plan counts and reading v1 files. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BACKUP_SECTIONS,
  BackupError,
  createBackup,
  parseBackup,
  planRestore,
  serializeBackup,
} from '@/core/backup';
import { sampleBackupData } from '../../support/backup';

const V1_TEXT = readFileSync(join(__dirname, 'fixtures', 'v1-backup.json'), 'utf8');

function errorOf(fn: () => unknown): BackupError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(BackupError);
    return e as BackupError;
  }
  throw new Error('expected a throw');
}

function emptyKeys(): Record<(typeof BACKUP_SECTIONS)[number], Set<string>> {
  return Object.fromEntries(BACKUP_SECTIONS.map((s) => [s, new Set<string>()])) as Record<
    (typeof BACKUP_SECTIONS)[number],
    Set<string>
  >;
}

describe('version 1 backups', () => {
  it('are still read: v1 data intact, the later sections empty, in the current shape', () => {
    const b = parseBackup(V1_TEXT);
    const raw = JSON.parse(V1_TEXT);
    expect(b.version).toBe(2);
    expect(b.buyers).toEqual(raw.buyers);
    expect(b.orders).toEqual(raw.orders);
    expect(b.imports).toEqual(raw.imports);
    expect(b).toMatchObject({
      siteRules: [],
      selectorHealth: [],
      needs: [],
      importRejects: [],
      importPresets: [],
      actionTemplates: null,
      needsLexicon: null,
    });
    // Re-saved, it is a v2 file that reads back the same.
    expect(parseBackup(serializeBackup(b))).toEqual(b);
  });

  it('a v1 file is checked as v1: its own tables still must be valid, unknown keys are ignored', () => {
    const raw = JSON.parse(V1_TEXT);
    expect(parseBackup(JSON.stringify({ ...raw, siteRules: 'not read in v1' })).siteRules).toEqual([]);
    const bad = { ...raw, orders: [{ ...raw.orders[0], total: 'x' }] };
    expect(errorOf(() => parseBackup(JSON.stringify(bad))).message).toMatch(/orders\[0\]\.total/);
  });
});

describe('version 2 sections', () => {
  const text = serializeBackup(createBackup(sampleBackupData(), 1));

  it('round-trip every new section', () => {
    const b = parseBackup(text);
    const data = sampleBackupData();
    expect(b.siteRules).toEqual(data.siteRules);
    expect(b.selectorHealth).toEqual(data.selectorHealth);
    expect(b.needs).toEqual(data.needs);
    expect(b.importRejects).toEqual(data.importRejects);
    expect(b.importPresets).toEqual(data.importPresets);
    expect(b.actionTemplates).toEqual(data.actionTemplates);
    expect(b.needsLexicon).toEqual(data.needsLexicon);
  });

  it.each([
    ['siteRules', (j: Json) => (j.siteRules[0].origin = 'https://x.example/path'), 'siteRules[0].origin'],
    ['siteRules', (j: Json) => (j.siteRules[0].id = 'bad id!'), 'siteRules[0].id'],
    ['selectorHealth', (j: Json) => (j.selectorHealth[0].hits = -1), 'selectorHealth[0].hits'],
    ['needs', (j: Json) => (j.needs[0].chats = 1.5), 'needs[0].chats'],
    ['needs (strict)', (j: Json) => (j.needs[0].text = 'message text'), 'needs[0]'],
    ['importRejects', (j: Json) => (j.importRejects[0].line = 'x'), 'importRejects[0].line'],
    ['importPresets', (j: Json) => (j.importPresets[0].name = ''), 'importPresets[0].name'],
    ['actionTemplates', (j: Json) => (j.actionTemplates[1].id = 'Bad Id'), 'actionTemplates[1].id'],
    ['needsLexicon', (j: Json) => (j.needsLexicon.version = 9), 'needsLexicon.version'],
    ['missing section', (j: Json) => delete j.importRejects, 'importRejects: missing or not a list'],
    ['missing lexicon', (j: Json) => delete j.needsLexicon, 'needsLexicon'],
  ])('a bad %s names table, index and field', (_name, mutate, where) => {
    const j = JSON.parse(text) as Json;
    mutate(j);
    const e = errorOf(() => parseBackup(JSON.stringify(j)));
    expect(e.code).toBe('invalid-record');
    expect(e.message).toContain(`backup is invalid: ${where}`);
  });

  it('null templates and lexicon mean "the defaults" and are valid', () => {
    const j = JSON.parse(text) as Json;
    j.actionTemplates = null;
    j.needsLexicon = null;
    expect(parseBackup(JSON.stringify(j))).toMatchObject({ actionTemplates: null, needsLexicon: null });
  });

  it('planRestore counts the new tables and meta values', () => {
    const b = parseBackup(text);
    const current = emptyKeys();
    current.siteRules.add('https://seller.example.com').add('https://other.example');
    current.importRejects.add('i1|3').add('i9|1');
    current.importPresets.add('Other sheet');
    current.actionTemplates.add('actionTemplates');
    const merge = planRestore(current, b, 'merge');
    expect(merge.tables.siteRules).toEqual({ inBackup: 1, add: 0, replace: 1, keep: 1, remove: 0 });
    expect(merge.tables.importRejects).toEqual({ inBackup: 1, add: 0, replace: 1, keep: 1, remove: 0 });
    expect(merge.tables.importPresets).toEqual({ inBackup: 1, add: 1, replace: 0, keep: 1, remove: 0 });
    expect(merge.tables.actionTemplates).toEqual({ inBackup: 1, add: 0, replace: 1, keep: 0, remove: 0 });
    expect(merge.tables.needsLexicon).toEqual({ inBackup: 1, add: 1, replace: 0, keep: 0, remove: 0 });
    const replace = planRestore(current, { ...b, actionTemplates: null }, 'replace');
    expect(replace.tables.actionTemplates).toEqual({ inBackup: 0, add: 0, replace: 0, keep: 0, remove: 1 });
    expect(replace.tables.selectorHealth.add).toBe(1);
    expect(replace.tables.needs.add).toBe(1);
    expect(Object.keys(replace.tables)).toEqual([...BACKUP_SECTIONS]);
  });
});

// biome-ignore lint/suspicious/noExplicitAny: mutating parsed JSON in tests
type Json = any;
