/**
 * The language a buyer writes in, when their messages make it evident: Chinese when Han
 * characters make up a clear share of the letters, English when the messages are Latin script
 * only. Anything else (too little text, emoji, mixed scripts, other languages) is undecided and
 * the reply follows the seller's interface language. No zod or heavy imports: this runs in the
 * buyer-card bundle on the page.
 */
export type ReplyLanguage = 'en' | 'zh_CN';

/** Fewer letters than this say nothing about a language ("ok", "?", a price). */
const MIN_LETTERS = 4;
/** Share of Han characters among all letters from which a chat reads as Chinese. */
const MIN_HAN_SHARE = 0.3;

const HAN = /\p{Script=Han}/gu;
const LATIN = /\p{Script=Latin}/gu;
const LETTER = /\p{L}/gu;

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

export function chatLanguageOf(buyerTexts: readonly string[]): ReplyLanguage | undefined {
  let han = 0;
  let latin = 0;
  let letters = 0;
  for (const text of buyerTexts) {
    han += count(text, HAN);
    latin += count(text, LATIN);
    letters += count(text, LETTER);
  }
  if (letters < MIN_LETTERS && han < 2) return undefined;
  if (han >= 2 && han / Math.max(letters, 1) >= MIN_HAN_SHARE) return 'zh_CN';
  // English only when every letter is Latin and nothing Han: a German or Vietnamese buyer is also
  // Latin script, but an English reply is still the nearest of the two we have.
  if (han === 0 && latin === letters && latin >= MIN_LETTERS) return 'en';
  return undefined;
}
