/**
 * Cell clean-up shared by every field. Chinese exports wrap long ids as `="123456"` or prefix
 * an apostrophe / tab so Excel keeps them as text; those wrappers are not part of the value.
 */
export function cleanCell(raw: string | undefined): string {
  if (raw === undefined) return '';
  let s = raw.trim();
  const c = s.charCodeAt(0);
  if (c !== 61 /* = */ && c !== 39 /* ' */ && c !== 9) return s;
  const wrapped = /^="(.*)"$/s.exec(s);
  if (wrapped) s = wrapped[1].trim();
  if (s.startsWith("'") || s.startsWith('\t')) s = s.slice(1).trim();
  return s;
}

/** Order ids that a spreadsheet turned into `1.23457E+17` have lost digits and cannot be trusted. */
export function looksMangledNumber(s: string): boolean {
  // Checked on every order id of a file: most have no `+`, and need no regex.
  if (s.indexOf('+') < 0) return false;
  return /^\d+(\.\d+)?E\+\d+$/i.test(s);
}

/** Longest cell we read into a field; longer content is refused rather than silently cut. */
export const MAX_CELL = 5000;
