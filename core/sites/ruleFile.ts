import { z } from 'zod';
import { CustomRule } from './customRule';

/**
 * A site-rule file: one taught rule as a small JSON file, so a seller who fixed a site once can
 * hand the fix to the whole team. It carries what was taught (origin, label, selectors) and
 * nothing of this browser (no rule id, no buyer data); the importing browser gives it its own id.
 */
export const SITE_RULE_FILE_KIND = 'buyer-tiers/site-rule';
export const SITE_RULE_FILE_VERSION = 1;

/** The rule as a file carries it: everything taught, minus this browser's id. */
export const PortableRule = CustomRule.omit({ id: true }).strict();
export type PortableRule = z.infer<typeof PortableRule>;

export const SiteRuleFile = z
  .object({
    kind: z.literal(SITE_RULE_FILE_KIND),
    version: z.literal(SITE_RULE_FILE_VERSION),
    exportedAt: z.number().int().nonnegative(),
    rule: PortableRule,
  })
  .strict();
export type SiteRuleFile = z.infer<typeof SiteRuleFile>;

/** Why a file is not a usable site rule, as codes the dashboard words for the seller. */
export type RuleFileProblem =
  | { code: 'not-json' }
  | { code: 'not-a-rule-file' }
  | { code: 'newer-version'; version: number }
  | { code: 'bad-field'; field: string; detail: string }
  | { code: 'no-buyer-selector' };

export type RuleFileResult = { ok: true; file: SiteRuleFile } | { ok: false; problem: RuleFileProblem };

export function siteRuleFileOf(rule: CustomRule, exportedAt: number): SiteRuleFile {
  const { id: _id, ...portable } = rule;
  return { kind: SITE_RULE_FILE_KIND, version: SITE_RULE_FILE_VERSION, exportedAt, rule: portable };
}

/** File name for a rule's export: the host, readable and safe on every file system. */
export function siteRuleFileName(rule: Pick<CustomRule, 'origin'>): string {
  const host = new URL(rule.origin).host.replace(/[^A-Za-z0-9.-]+/g, '-');
  return `buyer-tiers-rule-${host}.json`;
}

/** Checks parsed JSON (from a file or a message): the first problem, naming its field. */
export function checkSiteRuleFile(value: unknown): RuleFileResult {
  const v = value as { kind?: unknown; version?: unknown } | null;
  if (!v || typeof v !== 'object' || Array.isArray(v) || v.kind !== SITE_RULE_FILE_KIND) {
    return { ok: false, problem: { code: 'not-a-rule-file' } };
  }
  if (typeof v.version === 'number' && v.version > SITE_RULE_FILE_VERSION) {
    return { ok: false, problem: { code: 'newer-version', version: v.version } };
  }
  const parsed = SiteRuleFile.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.length > 0 ? issue.path.join('.') : 'file';
    const detail = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.message;
    return { ok: false, problem: { code: 'bad-field', field, detail } };
  }
  const { rule } = parsed.data;
  if (!rule.chatBuyerSelector && !rule.listBuyerSelector) {
    return { ok: false, problem: { code: 'no-buyer-selector' } };
  }
  return { ok: true, file: parsed.data };
}

/** `checkSiteRuleFile` over the file's text. */
export function parseSiteRuleFile(text: string): RuleFileResult {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problem: { code: 'not-json' } };
  }
  return checkSiteRuleFile(value);
}
