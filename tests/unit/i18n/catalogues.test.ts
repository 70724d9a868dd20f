import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '@/components/i18n/catalogues';

const ROOT = join(__dirname, '../../..');

/**
 * Text that is the same in every language and may appear literally: the brand, language names
 * shown in their own language, the typed confirmation word, a date-format pattern, and a
 * platform id used as an example value (a code, not a word).
 */
const ALLOWED = new Set(['Buyer Tiers', 'English', '简体中文', 'DELETE', 'yyyy-MM-dd HH:mm', 'import']);
/** Upper-case codes such as CSV, JSON, UTF-16 LE, GBK / GB18030, R5. */
const CODE = /^[A-Z0-9][A-Z0-9 ./_-]*$/;
const VISIBLE_PROPS = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description']);
const HAS_WORDS = /[\p{L}]/u;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsxFiles(path);
    return path.endsWith('.tsx') ? [path] : [];
  });
}

/** Hard-coded visible strings: JSX text with letters, and literal strings in visible props. */
function hardCoded(path: string, text = readFileSync(path, 'utf8')): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (!clean || !HAS_WORDS.test(clean) || ALLOWED.has(clean) || CODE.test(clean)) return;
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${relative(ROOT, path)}:${line + 1}: ${clean}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    if (ts.isJsxAttribute(node) && VISIBLE_PROPS.has(node.name.getText(source))) {
      let init: ts.Node | undefined = node.initializer;
      if (init && ts.isJsxExpression(init)) init = init.expression;
      if (init && (ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init)))
        report(init, init.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('message catalogues', () => {
  it('have exactly the same keys in English and Chinese, none empty', () => {
    for (const c of CATALOGUES) {
      expect(Object.keys(c.zh_CN).sort()).toEqual(Object.keys(c.en).sort());
      for (const [k, v] of [...Object.entries(c.en), ...Object.entries(c.zh_CN)]) {
        expect(v.trim(), k).not.toBe('');
      }
    }
  });

  it('use every placeholder of the English text in the Chinese text too', () => {
    for (const c of CATALOGUES) {
      for (const [k, en] of Object.entries(c.en)) {
        const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(params((c.zh_CN as Record<string, string>)[k]), k).toEqual(params(en));
      }
    }
  });

  it('never define one key in two catalogues', () => {
    const seen = new Map<string, number>();
    CATALOGUES.forEach((c, i) => {
      for (const k of Object.keys(c.en)) {
        expect(seen.has(k), `${k} is in catalogues ${seen.get(k)} and ${i}`).toBe(false);
        seen.set(k, i);
      }
    });
  });
});

describe('no hard-coded visible strings', () => {
  const files = [...tsxFiles(join(ROOT, 'components')), ...tsxFiles(join(ROOT, 'entrypoints'))];

  it('finds the UI files to scan', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('has every JSX text and visible attribute go through t()', () => {
    expect(files.flatMap((f) => hardCoded(f))).toEqual([]);
  });

  it('catches the kinds of literal it is meant to catch', () => {
    const probe = join(ROOT, 'tests/unit/i18n/__probe__.tsx');
    const text =
      'const a = <p title="Hello" aria-label={"Close it"} placeholder={`Type`}>Hi 你好 <b>{t("x")}</b> Buyer Tiers</p>;';
    expect(hardCoded(probe, text).map((h) => h.split(': ').slice(1).join(': '))).toEqual([
      'Hello',
      'Close it',
      'Type',
      'Hi 你好',
    ]);
  });
});
