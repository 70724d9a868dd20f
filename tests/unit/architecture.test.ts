/**
 * The layer rules, enforced (README: layering; DESIGN: structure):
 * - the pure core (core/model, scoring, needs, import, export, backup) imports no Dexie, WXT,
 *   Preact, core/store or core/background;
 * - components and entrypoints never import core/store (UI reaches data through messages);
 * - the team server (server/) imports no extension code (only the pure core, core/team among
 *   it), and the extension imports neither server/ nor the server-only packages;
 * - `npm run lint` (Biome's noRestrictedImports/noRestrictedGlobals in biome.json) fails on a
 *   file that breaks them;
 * - the store build's content script, loaded on every marketplace page, carries no zod and stays
 *   under its size budget.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const PURE_CORE = [
  'core/model',
  'core/scoring',
  'core/needs',
  'core/import',
  'core/export',
  'core/backup',
  'core/team',
];
/** The Node team server: its own folder, sharing only the pure core (core/team's protocol). */
const SERVER = 'server';
const SERVER_ONLY_PACKAGES = /^(better-sqlite3|@hocuspocus\/(server|extension-[a-z-]+))(\/|$)/;
const UI = ['components', 'entrypoints'];
const EXTENSION = ['core', ...UI];
const PURE_FORBIDDEN_PACKAGES = /^(dexie|wxt|preact|@preact)(\/|$)/;
/*
 * 60 KiB per page (issue 11). Amazon's, the largest with its 12 languages' labels, is at about
 * 59.6 KiB since a taught rule's reader moved into its own bundle, injected only where a site has
 * a rule (entrypoints/rule-reader.ts); `npm run bench` prints every bundle's size.
 */
const CONTENT_SCRIPT_BUDGET = 60 * 1024;

function sourceFiles(dir: string): string[] {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Every module specifier a file imports or re-exports (static and dynamic). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const out: string[] = [];
  const re =
    /(?:\bimport\s+(?:type\s+)?(?:[^'"()]*?\sfrom\s+)?|\bexport\s+(?:type\s+)?[^'"()]*?\sfrom\s+|\bimport\s*\(\s*)['"]([^'"]+)['"]/g;
  for (const m of text.matchAll(re)) out.push(m[1]);
  return out;
}

/** A specifier as a path relative to the repository (packages stay as they are). */
function target(file: string, spec: string): string {
  if (spec.startsWith('@/')) return spec.slice(2);
  if (spec.startsWith('.')) return relative(ROOT, resolve(ROOT, dirname(file), spec));
  return spec;
}

const inside = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`);

describe('import rules', () => {
  it('finds the imports it checks (the scanner is not blind)', () => {
    const scoring = sourceFiles('core/scoring');
    expect(scoring.length).toBeGreaterThan(5);
    expect(scoring.flatMap(importsOf).length).toBeGreaterThan(10);
    expect(
      importsOf('core/background/handlers.ts').map((s) => target('core/background/handlers.ts', s)),
    ).toContain('core/store');
  });

  it('the pure core imports no Dexie, WXT, Preact, core/store or core/background', () => {
    const bad = PURE_CORE.flatMap(sourceFiles).flatMap((file) =>
      importsOf(file)
        .filter((spec) => {
          const t = target(file, spec);
          return PURE_FORBIDDEN_PACKAGES.test(t) || inside(t, 'core/store') || inside(t, 'core/background');
        })
        .map((spec) => `${file} → ${spec}`),
    );
    expect(bad).toEqual([]);
  });

  it('the team server imports nothing of ours but the pure core', () => {
    const files = sourceFiles(SERVER);
    expect(files.length).toBeGreaterThan(3);
    const bad = files.flatMap((file) =>
      importsOf(file)
        .filter((spec) => {
          const t = target(file, spec);
          if (PURE_FORBIDDEN_PACKAGES.test(t)) return true;
          const ours = spec.startsWith('.') || spec.startsWith('@/');
          return ours && !inside(t, SERVER) && !PURE_CORE.some((dir) => inside(t, dir));
        })
        .map((spec) => `${file} → ${spec}`),
    );
    expect(bad).toEqual([]);
    expect(files.flatMap(importsOf)).toContain('../../core/team/protocol');
  });

  it('the extension imports neither the team server nor its server-only packages', () => {
    const bad = EXTENSION.flatMap(sourceFiles).flatMap((file) =>
      importsOf(file)
        .filter((spec) => SERVER_ONLY_PACKAGES.test(spec) || inside(target(file, spec), SERVER))
        .map((spec) => `${file} → ${spec}`),
    );
    expect(bad).toEqual([]);
  });

  it('components and entrypoints never import core/store', () => {
    const bad = UI.flatMap(sourceFiles).flatMap((file) =>
      importsOf(file)
        .filter((spec) => inside(target(file, spec), 'core/store'))
        .map((spec) => `${file} → ${spec}`),
    );
    expect(bad).toEqual([]);
  });
});

/** A Dexie table or transaction reached through a database handle (`db.orders.where…`). */
const TABLES =
  'orders|buyers|tags|buyerTags|notes|classChanges|imports|meta|siteRules|selectorHealth|importRejects|importUndo|needs';
const DEXIE_CALL =
  'where|get|put|add|bulk\\w+|toArray|count|delete|clear|update|orderBy|toCollection|each|primaryKeys|modify|filter';
const TABLE_USE = new RegExp(
  [
    `\\b(?:db|this\\.db|deps\\.db)\\s*\\.\\s*(?:(?:${TABLES})\\b|transaction\\s*\\()`,
    // Short handle names (`.then((d) => d.siteRules.toArray())`) count when a Dexie call follows.
    `\\b(?:d|tx|database)\\.(?:${TABLES})\\.(?:${DEXIE_CALL})\\(`,
  ].join('|'),
  'g',
);

/** Each table use outside core/store, as `file:line text`. */
function tableUsesOutsideStore(): string[] {
  return ['core', ...UI]
    .flatMap(sourceFiles)
    .filter((f) => !inside(f, 'core/store'))
    .flatMap((file) =>
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        // Comments may name a table (`db.meta` keys…); code may not use one.
        .flatMap((line, i) =>
          line.match(TABLE_USE) && !/^\s*(\/\/|\/?\*)/.test(line) ? [`${file}:${i + 1} ${line.trim()}`] : [],
        ),
    );
}

describe('the store owns the database', () => {
  it('the scanner sees table uses where they are (core/store)', () => {
    const inStore = sourceFiles('core/store').filter((f) =>
      readFileSync(join(ROOT, f), 'utf8').match(TABLE_USE),
    );
    expect(inStore.length).toBeGreaterThan(5);
  });

  it('no Dexie table or transaction is touched outside core/store', () => {
    expect(tableUsesOutsideStore()).toEqual([]);
  });
});

describe('npm run lint enforces the same rules', () => {
  const BIOME = join(ROOT, 'node_modules/.bin/biome');

  /** Writes `files`, lints just them with the project's biome.json, and removes them again. */
  function lint(files: Record<string, string>): { status: number | null; out: string } {
    try {
      for (const [path, text] of Object.entries(files)) writeFileSync(join(ROOT, path), text);
      const r = spawnSync(BIOME, ['lint', ...Object.keys(files)], { cwd: ROOT, encoding: 'utf8' });
      return { status: r.status, out: `${r.stdout}${r.stderr}` };
    } finally {
      for (const path of Object.keys(files)) rmSync(join(ROOT, path), { force: true });
    }
  }

  it('fails on a core/scoring file importing dexie, the store or using browser', () => {
    const probe = 'core/scoring/zz-architecture-probe.ts';
    const r = lint({
      [probe]:
        "import Dexie from 'dexie';\nimport { openStore } from '../store';\nexport const x = [Dexie, openStore, browser];\n",
    });
    expect(r.status).not.toBe(0);
    expect(r.out).toContain('only core/store imports Dexie');
    expect(r.out).toContain('cannot import core/store or core/background');
    expect(r.out).toContain('noRestrictedGlobals');
  });

  it('fails on a component importing the store (alias or relative path)', () => {
    const probe = 'components/overlay/zz-architecture-probe.ts';
    const r = lint({
      [probe]:
        "import { openStore } from '@/core/store';\nimport { getSettings } from '../../core/store/settings';\nexport const x = [openStore, getSettings];\n",
    });
    expect(r.status).not.toBe(0);
    expect(r.out.match(/only core\/background imports core\/store/g)?.length).toBe(2);
  });

  it('fails on a team server file importing the store, WXT or using browser', () => {
    const r = lint({
      'server/team/zz-architecture-probe.ts':
        "import { browser } from 'wxt/browser';\nimport { openStore } from '../../core/store';\nexport const x = [browser, openStore, chrome];\n",
    });
    expect(r.status).not.toBe(0);
    expect(r.out).toContain('The team server runs in Node');
    expect(r.out).toContain('noRestrictedGlobals');
  });

  it('passes the same kind of file when it keeps to the rules', () => {
    const r = lint({
      'core/scoring/zz-architecture-probe.ts':
        "import { epochDayInZoneFast } from './zoneDay';\nexport const x = epochDayInZoneFast;\n",
    });
    expect(r.out).not.toContain('noRestricted');
  });
});

describe('the store build’s content scripts', () => {
  const OUT = join(ROOT, '.output/architecture-test/chrome-mv3');
  const DIR = join(OUT, 'content-scripts');
  /** One bundle per built-in site plus the generic one for taught origins. */
  const EXPECTED = ['amazon.js', 'content.js', 'etsy.js', 'qianniu.js', 'whatsapp.js'];
  let files: string[] = [];

  beforeAll(() => {
    execFileSync('npx', ['wxt', 'build', '-c', 'tests/unit/architecture.wxt.config.ts'], {
      cwd: ROOT,
      stdio: 'pipe',
      timeout: 120_000,
      // vitest sets NODE_ENV=test, which makes the JSX transform emit its development form
      // (file names and line numbers in every element): measure what the store ships instead.
      env: { ...process.env, NODE_ENV: 'production' },
    });
    files = readdirSync(DIR).filter((f) => f.endsWith('.js'));
  }, 180_000);

  it('has one bundle per built-in site and the generic one', () => {
    expect(files).toEqual(expect.arrayContaining(EXPECTED));
  });

  it('carry no zod (validation happens in the background)', () => {
    for (const f of files) {
      const text = readFileSync(join(DIR, f), 'utf8');
      for (const marker of ['_zod', 'ZodError', '$ZodType', 'safeParse'])
        expect(text, `${f}: ${marker}`).not.toContain(marker);
    }
  });

  it(`each stay under ${CONTENT_SCRIPT_BUDGET / 1024} KiB`, () => {
    for (const f of files) expect(statSync(join(DIR, f)).size, f).toBeLessThan(CONTENT_SCRIPT_BUDGET);
  });

  it('a site’s bundle carries no other site’s adapter', () => {
    // Selectors unique to each adapter: a bundle must contain its own and nobody else's.
    const marks: Record<string, string> = {
      'whatsapp.js': 'conversation-info-header-chat-title',
      'amazon.js': 'buyer-name-with-link',
      'etsy.js': 'panel-body-row',
      'qianniu.js': 'next-table',
    };
    for (const [file, own] of Object.entries(marks)) {
      const text = readFileSync(join(DIR, file), 'utf8');
      expect(text.includes(own), `${file} has its own adapter`).toBe(true);
      for (const [other, mark] of Object.entries(marks))
        if (other !== file) expect(text.includes(mark), `${file} carries ${other}'s adapter`).toBe(false);
    }
  });
});
