/**
 * How strong a backup passphrase must be. An encrypted backup leaves the seller's computer (a
 * cloud folder, a USB stick), so its passphrase is the only thing between a finder and every
 * buyer's orders and notes: at least 10 characters, and not one of the first things tried.
 */
export const MIN_PASSPHRASE_LENGTH = 10;

export type PassphraseProblem = 'too-short' | 'guessable';

/** Runs of keys or digits people type in order; a passphrase inside one (either way) is guessable. */
const SEQUENCES = [
  '01234567890123456789',
  'abcdefghijklmnopqrstuvwxyz',
  'qwertyuiop[]',
  "asdfghjkl;'",
  'zxcvbnm,./',
  'qwertzuiop',
  'azertyuiop',
  '1qaz2wsx3edc4rfv5tgb',
];

/** Words that, padded with digits or symbols, make most of the passwords tried first. */
const COMMON_WORDS = new Set([
  'password',
  'passwort',
  'passphrase',
  'qwerty',
  'letmein',
  'iloveyou',
  'welcome',
  'admin',
  'secret',
  'backup',
  'buyertiers',
  'dragon',
  'monkey',
  'abc',
]);

/** Look-alike digits and symbols read as the letters they stand for (`P@ssw0rd` is `password`). */
const LEET: Record<string, string> = {
  '@': 'a',
  $: 's',
  '0': 'o',
  '3': 'e',
  '1': 'i',
  '!': 'i',
  '5': 's',
  '7': 't',
};

function isInSequence(s: string): boolean {
  const reversed = [...s].reverse().join('');
  return SEQUENCES.some((seq) => seq.includes(s) || seq.includes(reversed));
}

/** The same short block (up to 4 characters) over and over: `aaaaaaaaaa`, `abcabcabca`, `12121212…`. */
function isRepetition(s: string): boolean {
  const chars = [...s];
  for (let period = 1; period <= 4 && period < chars.length; period++) {
    if (chars.every((c, i) => c === chars[i % period])) return true;
  }
  return false;
}

/** Why `passphrase` is too weak for an encrypted backup, or undefined when it will do. */
export function passphraseProblem(passphrase: string): PassphraseProblem | undefined {
  const p = passphrase.normalize('NFC');
  if ([...p].length < MIN_PASSPHRASE_LENGTH) return 'too-short';
  const lower = p.toLowerCase();
  if (isRepetition(lower) || isInSequence(lower)) return 'guessable';
  // A common word padded with digits or symbols, spelled plainly or with look-alikes.
  const letters = lower.replace(/[\d\s\p{P}\p{S}]/gu, '');
  const core = lower.replace(/^[\d\s\p{P}\p{S}]+|[\d\s\p{P}\p{S}]+$/gu, '');
  const unleet = [...core]
    .map((c) => LEET[c] ?? c)
    .join('')
    .replace(/[\d\s\p{P}\p{S}]/gu, '');
  if (COMMON_WORDS.has(letters) || COMMON_WORDS.has(unleet)) return 'guessable';
  return undefined;
}

/** The seller-facing reason (English; the dashboard shows its own translated text first). */
export const PASSPHRASE_PROBLEM_TEXT: Record<PassphraseProblem, string> = {
  'too-short': `Use a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters; a few unrelated words are easy to remember.`,
  guessable:
    'This passphrase is too easy to guess (one repeated character, a keyboard or number sequence, or a common password). Use a few unrelated words.',
};
