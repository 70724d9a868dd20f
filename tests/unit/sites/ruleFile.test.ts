import { describe, expect, it } from 'vitest';
import type { CustomRule } from '@/core/sites/customRule';
import { parseSiteRuleFile, siteRuleFileName, siteRuleFileOf } from '@/core/sites/ruleFile';

const RULE: CustomRule = {
  id: 'r1',
  origin: 'https://seller.example.com:8443',
  label: 'My shop',
  chatBuyerSelector: 'h2.peer',
  chatInputSelector: 'textarea[name="msg"]',
  listBuyerSelector: '#threads .nick',
  createdAt: Date.UTC(2026, 0, 5),
};
const text = (v: unknown) => JSON.stringify(v);

describe('site-rule files', () => {
  it('round-trip a rule without this browser’s id', () => {
    const file = siteRuleFileOf(RULE, 123);
    expect(file.rule).not.toHaveProperty('id');
    const back = parseSiteRuleFile(text(file));
    expect(back).toEqual({ ok: true, file });
    // A byte-order mark (Windows editors) does not spoil the file.
    expect(parseSiteRuleFile(`\uFEFF${text(file)}`).ok).toBe(true);
    expect(siteRuleFileName(RULE)).toBe('buyer-tiers-rule-seller.example.com-8443.json');
  });

  it('names what is wrong, field by field', () => {
    const file = siteRuleFileOf(RULE, 123);
    expect(parseSiteRuleFile('{nope')).toEqual({ ok: false, problem: { code: 'not-json' } });
    expect(parseSiteRuleFile(text({ hello: 1 }))).toEqual({
      ok: false,
      problem: { code: 'not-a-rule-file' },
    });
    expect(parseSiteRuleFile(text([file]))).toEqual({ ok: false, problem: { code: 'not-a-rule-file' } });
    expect(parseSiteRuleFile(text({ ...file, version: 7 }))).toEqual({
      ok: false,
      problem: { code: 'newer-version', version: 7 },
    });
    const bad = (rule: object) => parseSiteRuleFile(text({ ...file, rule: { ...file.rule, ...rule } }));
    expect(bad({ origin: 'https://x.test/path' })).toMatchObject({
      ok: false,
      problem: { code: 'bad-field', field: 'rule.origin' },
    });
    expect(bad({ origin: 'javascript:alert(1)' })).toMatchObject({ problem: { field: 'rule.origin' } });
    expect(bad({ label: '' })).toMatchObject({ problem: { field: 'rule.label' } });
    expect(bad({ chatBuyerSelector: 'x'.repeat(1001) })).toMatchObject({
      problem: { field: 'rule.chatBuyerSelector' },
    });
    // Fields a rule file never carries (an id, or anything else) are refused, not carried along.
    expect(bad({ id: 'r9' })).toMatchObject({ problem: { code: 'bad-field', field: 'rule', detail: 'id' } });
    expect(bad({ script: 'alert(1)' })).toMatchObject({ problem: { detail: 'script' } });
    const { createdAt: _c, ...noDate } = file.rule;
    expect(parseSiteRuleFile(text({ ...file, rule: noDate }))).toMatchObject({
      problem: { field: 'rule.createdAt' },
    });
    expect(bad({ chatBuyerSelector: undefined, listBuyerSelector: undefined })).toEqual({
      ok: false,
      problem: { code: 'no-buyer-selector' },
    });
  });
});
