import { NEEDS, type Need } from './kinds';
import type { Lexicon } from './lexicon';

/**
 * Message classification by lexicon. Text and terms are normalised the same way (NFKC folds
 * full-width letters and digits, then lower case), so "ＤＩＳＣＯＵＮＴ" matches "discount".
 */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

const ASCII_ONLY = /^[\x20-\x7e]+$/;
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface NeedMatcher {
  need: Need;
  /** Chinese and other non-ASCII terms: plain substrings. */
  substrings: string[];
  /** ASCII terms as one whole-word alternation, or null without any. */
  words: RegExp | null;
}

export type CompiledLexicon = readonly NeedMatcher[];

const compiled = new WeakMap<Lexicon, CompiledLexicon>();

/**
 * Builds (and caches per lexicon object) the matchers. ASCII "word boundaries" are ASCII-only on
 * purpose: in "有discount吗" the Chinese characters around the word must count as boundaries.
 */
export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const hit = compiled.get(lexicon);
  if (hit) return hit;
  const out = NEEDS.map((need) => {
    const terms = [...new Set(lexicon.terms[need].map((t) => normaliseText(t.trim())).filter(Boolean))];
    const ascii = terms.filter((t) => ASCII_ONLY.test(t));
    const substrings = terms.filter((t) => !ASCII_ONLY.test(t));
    // Longest first so "how to use" wins over a shorter term inside it; spaces match any run.
    const alternatives = ascii
      .sort((a, b) => b.length - a.length)
      .map((t) => escapeRegex(t).replace(/\s+/g, '\\s+'));
    const words = alternatives.length
      ? new RegExp(`(?<![a-z0-9])(?:${alternatives.join('|')})(?:e?s)?(?![a-z0-9])`, 'u')
      : null;
    return { need, substrings, words };
  });
  compiled.set(lexicon, out);
  return out;
}

/** The needs one message signals (empty for small talk, emoji or empty text). */
export function classifyMessage(text: string, lexicon: Lexicon | CompiledLexicon): Set<Need> {
  const matchers = Array.isArray(lexicon) ? (lexicon as CompiledLexicon) : compileLexicon(lexicon as Lexicon);
  const found = new Set<Need>();
  if (typeof text !== 'string' || text.trim() === '') return found;
  const t = normaliseText(text);
  for (const m of matchers) {
    if (m.substrings.some((s) => t.includes(s)) || m.words?.test(t)) found.add(m.need);
  }
  return found;
}
