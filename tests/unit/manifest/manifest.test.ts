/**
 * Least privilege, checked on the built extension (Chrome MV3 and Firefox). The builds go to
 * `.output/manifest-test/` and are redone only when a source file is newer than the manifest.
 * Checks: host permissions are exactly BUILT_IN_HOSTS (no `<all_urls>`, no wildcard host), the
 * teach-mode wildcard is only optional, a strict extension-page CSP, minimal web-accessible
 * resources, and no remote code in any built JS: no eval / new Function, no script loaded from
 * the network, no fetch at all. The store build carries nothing of the demo marketplace (no
 * loopback host access or content-script match, no demo adapter, no `/demo-data.json` fetch);
 * the demo build (`--mode demo`, what `npm start` and the real-browser tests load) does.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_HOSTS, DEMO_HOSTS } from '@/core/sites/hosts';

const ROOT = process.cwd();
const OUT = join(ROOT, '.output/manifest-test');
const CONFIG = 'tests/unit/manifest/wxt.manifest-test.config.ts';
const SOURCES = ['core', 'components', 'entrypoints', 'public', 'wxt.config.ts', 'package.json', CONFIG];
/** The store builds (mode "production") and the demo build, each with its output folder. */
const TARGETS = {
  chrome: { browser: 'chrome', mode: 'production', dir: 'chrome-mv3' },
  firefox: { browser: 'firefox', mode: 'production', dir: 'firefox-mv2' },
  'chrome-demo': { browser: 'chrome', mode: 'demo', dir: 'chrome-mv3-demo' },
} as const;
type Target = keyof typeof TARGETS;
const STORE_BUILDS = ['chrome', 'firefox'] as const satisfies readonly Target[];
/** Strings only the demo marketplace's code contains (core/sites/demo.ts, demoLoader.ts). */
const DEMO_CODE_MARKERS = ['demo-data.json', '#reply-input', '.conversation-name[data-buyer-id]'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, e)));
  return newest;
}

function filesUnder(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p, ext));
    else if (ext.test(e.name)) out.push(p);
  }
  return out;
}

/** Builds `target` unless its manifest is newer than every source file. */
function ensureBuilt(target: Target): string {
  const { browser, mode, dir: name } = TARGETS[target];
  const dir = join(OUT, name);
  const manifest = join(dir, 'manifest.json');
  const sourcesAt = Math.max(...SOURCES.map((s) => newestMtime(join(ROOT, s))));
  if (!existsSync(manifest) || statSync(manifest).mtimeMs < sourcesAt) {
    try {
      execFileSync('npx', ['wxt', 'build', '-c', CONFIG, '-b', browser, '--mode', mode], {
        cwd: ROOT,
        stdio: 'pipe',
        timeout: 120_000,
      });
    } catch (e) {
      const out = e as { stdout?: Buffer; stderr?: Buffer };
      throw new Error(
        `wxt build -b ${browser} --mode ${mode} failed, so the manifest cannot be checked:\n${String(out.stdout ?? '').slice(-2000)}${String(out.stderr ?? '').slice(-2000)}`,
      );
    }
  }
  return dir;
}

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  content_security_policy?: string | { extension_pages?: string; sandbox?: string };
  web_accessible_resources?: Array<string | { resources: string[]; matches?: string[] }>;
  content_scripts?: Array<{ matches: string[]; js?: string[]; css?: string[] }>;
  externally_connectable?: unknown;
  [k: string]: unknown;
}

const builds: Partial<Record<Target, { dir: string; manifest: Manifest }>> = {};

beforeAll(() => {
  for (const b of Object.keys(TARGETS) as Target[]) {
    const dir = ensureBuilt(b);
    builds[b] = { dir, manifest: JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest };
  }
}, 300_000);

const TEACH_WILDCARDS = ['https://*/*', 'http://*/*'];
const API_PERMISSIONS = ['storage', 'unlimitedStorage', 'scripting', 'contextMenus', 'activeTab'];

function isHostPattern(p: string): boolean {
  return p === '<all_urls>' || p.includes('://');
}

function cspOf(m: Manifest): string {
  const csp = m.content_security_policy;
  return typeof csp === 'string' ? csp : (csp?.extension_pages ?? '');
}

/** The security-relevant part of a manifest, for the snapshot. */
function privileges(m: Manifest) {
  return {
    manifest_version: m.manifest_version,
    permissions: m.permissions,
    host_permissions: m.host_permissions,
    optional_host_permissions: m.optional_host_permissions,
    optional_permissions: m.optional_permissions,
    content_security_policy: m.content_security_policy,
    web_accessible_resources: m.web_accessible_resources,
    content_script_matches: m.content_scripts?.map((c) => [...c.matches].sort()),
    externally_connectable: m.externally_connectable,
  };
}

function hostsOf(m: Manifest): string[] {
  return m.manifest_version === 3 ? (m.host_permissions ?? []) : (m.permissions ?? []).filter(isHostPattern);
}

describe.each(STORE_BUILDS)('%s build: least privilege', (browser) => {
  const get = () => builds[browser]!;

  it('host access is exactly the built-in marketplaces: no <all_urls>, no wildcard host', () => {
    const m = get().manifest;
    const hosts = hostsOf(m);
    expect([...hosts].sort()).toEqual([...BUILT_IN_HOSTS].sort());
    for (const h of hosts) {
      expect(h).not.toBe('<all_urls>');
      expect(h, h).toMatch(/^https?:\/\/[a-z0-9.-]+\//);
    }
    // API permissions: only the ones the design names.
    const api = (m.permissions ?? []).filter((p) => !isHostPattern(p));
    expect([...api].sort()).toEqual([...API_PERMISSIONS].sort());
    // Each site's content script matches a path within one of its host patterns.
    const covered = (match: string) => BUILT_IN_HOSTS.some((h) => match.startsWith(h.replace(/\*$/, '')));
    for (const cs of m.content_scripts ?? []) {
      for (const match of cs.matches) expect(covered(match), match).toBe(true);
    }
  });

  it('the teach-mode wildcard hosts are optional permissions only', () => {
    const m = get().manifest;
    const optional = m.manifest_version === 3 ? m.optional_host_permissions : m.optional_permissions;
    expect([...(optional ?? [])].sort()).toEqual([...TEACH_WILDCARDS].sort());
    const granted = [...(m.host_permissions ?? []), ...(m.permissions ?? [])];
    for (const w of [...TEACH_WILDCARDS, '<all_urls>', '*://*/*']) expect(granted).not.toContain(w);
  });

  it("a strict extension CSP: script-src 'self' only, no unsafe-eval, no remote sources", () => {
    const csp = cspOf(get().manifest);
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|\*|data:|blob:/);
  });

  it('web-accessible resources are minimal: content-script styles only, never pages or scripts, never for every site', () => {
    const m = get().manifest;
    for (const w of m.web_accessible_resources ?? []) {
      const resources = typeof w === 'string' ? [w] : w.resources;
      for (const r of resources) expect(r, r).toMatch(/^content-scripts\/[\w.-]+\.css$|\.(woff2?|png|svg)$/);
      if (typeof w !== 'string') {
        for (const match of w.matches ?? []) expect(BUILT_IN_HOSTS as readonly string[]).toContain(match);
      }
    }
    expect(m.externally_connectable).toBeUndefined();
  });

  it('no remote code in any built file', () => {
    const { dir } = get();
    const problems: string[] = [];
    // URLs that are data, not code: match patterns, XML namespaces, and library strings that
    // only ever appear in error messages or schema ids. A new host here needs a review.
    const DATA_URLS = [
      /^http:\/\/www\.w3\.org\/(2000\/svg|1999\/xhtml|1998\/Math\/MathML|1999\/xlink|XML\/1998\/namespace|2000\/xmlns\/?)$/,
      /^https?:\/\/json-schema\.org\/draft[-/\w.]*\/schema#?$/, // zod's toJSONSchema ids
      /^http:\/\/\[\$\{\w+\}\]$/, // zod's IPv6 URL template
      /^https:\/\/github\.com\/date-fns\/date-fns\/blob\/master\/docs\/unicodeTokens\.md$/, // date-fns error text
      /^https:\/\/tinyurl\.com\/y2uuvskb$|^http:\/\/bit\.ly\/2kdckMn$/, // Dexie error texts
      // SheetJS (Excel import, dashboard only): XML namespace names inside workbook files, never fetched.
      /^http:\/\/(schemas|sheetjs)\.openxmlformats\.org\/[\w/.-]+$/,
      /^http:\/\/schemas\.microsoft\.com\/office\/[\w/.-]+$/,
      /^http:\/\/purl\.(org\/dc|oclc\.org\/ooxml)\/[\w/.-]*$/,
      /^http:\/\/www\.w3\.org\/2001\/XMLSchema(-instance)?$/,
      /^https:\/\/github\.com\/yjs\/yjs\/issues\/438$/, // Yjs's "imported twice" console warning
    ];
    const allowedUrl = (u: string) =>
      DATA_URLS.some((r) => r.test(u)) ||
      TEACH_WILDCARDS.includes(u) ||
      BUILT_IN_HOSTS.some((h) => u.startsWith(h.replace(/\*$/, '')));
    for (const file of filesUnder(dir, /\.(m?js|html)$/)) {
      const text = readFileSync(file, 'utf8');
      const name = relative(dir, file);
      if (/\beval\s*\(/.test(text)) problems.push(`${name}: eval(`);
      if (/new\s+Function\s*\(/.test(text)) problems.push(`${name}: new Function(`);
      if (/importScripts\s*\(/.test(text)) problems.push(`${name}: importScripts(`);
      if (/<script[^>]+src=["']?(https?:)?\/\//i.test(text)) problems.push(`${name}: remote <script src>`);
      if (/\bimport\s*\(\s*["'`]https?:/.test(text)) problems.push(`${name}: remote import()`);
      if (/<script(?![^>]*\bsrc=)[^>]*>\s*\S/i.test(text)) problems.push(`${name}: inline <script>`);
      const remoteLoad =
        /(new\s+(Worker|SharedWorker|WebSocket|EventSource)\s*\(|\.open\s*\(\s*["'`]\w+["'`]\s*,|sendBeacon\s*\(|\.src\s*=)\s*["'`](https?:|wss?:)?\/\//;
      if (remoteLoad.test(text)) problems.push(`${name}: loads something from the network`);
      for (const m of text.matchAll(/https?:\/\/[^\s"'`)<>\\,]+/g)) {
        if (!allowedUrl(m[0])) problems.push(`${name}: URL ${m[0]}`);
      }
      for (const m of text.matchAll(/.{0,120}\bfetch\s*\(.{0,60}/g)) {
        const call = m[0];
        // Vite's modulepreload polyfill fetches the extension's own <link rel=modulepreload> chunks.
        if (/\.ep\)return;\w+\.ep=!0;let \w+=\w+\(\w+\);fetch\(\w+\.href,\w+\)/.test(call)) continue;
        // Team sync (core/background/team/wiring.ts), reviewed: the background only, and only to
        // the origin of the team the seller joined, after checking the seller granted it.
        if (name === 'background.js' && /fetch:\(\w+,\w+\)=>fetch\(\w+,\w+\),hasOriginPermission:/.test(call))
          continue;
        problems.push(`${name}: ${call.slice(100)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('matches the reviewed privileges snapshot (update it only with a security review)', () => {
    expect(privileges(get().manifest)).toMatchSnapshot();
  });

  it('carries nothing of the demo marketplace: no loopback access or match, no demo adapter or data', () => {
    const { dir, manifest } = get();
    const loopback = /127\.0\.0\.1|localhost|\[::1\]/;
    expect(hostsOf(manifest).filter((h) => loopback.test(h))).toEqual([]);
    expect(
      (manifest.content_scripts ?? []).flatMap((c) => c.matches).filter((h) => loopback.test(h)),
    ).toEqual([]);
    const found: string[] = [];
    for (const file of filesUnder(dir, /\.(m?js|html|json)$/)) {
      const text = readFileSync(file, 'utf8');
      for (const marker of [...DEMO_CODE_MARKERS, ...DEMO_HOSTS]) {
        if (text.includes(marker)) found.push(`${relative(dir, file)}: ${marker}`);
      }
    }
    expect(found).toEqual([]);
  });
});

describe('chrome demo build (npm start, real-browser tests)', () => {
  const get = () => builds['chrome-demo']!;

  it('adds exactly the demo marketplace: loopback host access and content-script match', () => {
    const m = get().manifest;
    expect([...hostsOf(m)].sort()).toEqual([...BUILT_IN_HOSTS, ...DEMO_HOSTS].sort());
    // The demo marketplace runs the generic overlay script; every built-in site keeps its own.
    const demo = (m.content_scripts ?? []).filter((cs) => DEMO_HOSTS.some((h) => cs.matches.includes(h)));
    expect(demo.map((cs) => cs.js)).toEqual([['content-scripts/content.js']]);
    expect(demo[0]?.matches).toEqual([...DEMO_HOSTS]);
  });

  it('carries the demo adapter and the demo-data loader in its content script', () => {
    const text = readFileSync(join(get().dir, 'content-scripts/content.js'), 'utf8');
    for (const marker of DEMO_CODE_MARKERS) expect(text, marker).toContain(marker);
  });

  it('matches the reviewed privileges snapshot', () => {
    expect(privileges(get().manifest)).toMatchSnapshot();
  });
});
