import { cleanText } from '../text';

/** A display string that is a phone number: "+86 138 1234 5678", "(65) 9123-4567". */
const PHONE_LIKE = /^\+?[\d\s().-]{7,}$/;

/** Digits of a phone number shown on the page (7–15 digits, E.164's range), else null. */
export function phoneDigits(raw: string | null | undefined): string | null {
  const text = cleanText(raw);
  if (!PHONE_LIKE.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  return digits.length >= 7 && digits.length <= 15 ? digits : null;
}

/** Two page labels name the same party: equal after cleaning and case folding, or the same phone. */
export function sameParty(a: string, b: string): boolean {
  const pa = phoneDigits(a);
  if (pa !== null) return pa === phoneDigits(b);
  const fold = (s: string) => cleanText(s).normalize('NFKC').toLocaleLowerCase();
  return fold(a) !== '' && fold(a) === fold(b);
}

/** The visible label of an element: its full `title` when it has one (text may be cut), else its text. */
export function labelOf(el: Element): string {
  return cleanText(el.getAttribute('title') || el.textContent);
}
