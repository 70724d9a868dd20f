/**
 * Page text is hostile input: it can carry bidi overrides that reorder what the seller sees,
 * zero-width characters that make two names look equal, or be absurdly long. Everything an
 * adapter returns as a name or id goes through these helpers.
 */

/** Longest name an adapter returns; enough for any real display name or company name. */
export const MAX_NAME_LENGTH = 300;

const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/** Removes control, zero-width and bidi characters, collapses whitespace and caps the length. */
export function cleanText(raw: string | null | undefined, max = MAX_NAME_LENGTH): string {
  const text = (raw ?? '').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  // Cut by code points so a surrogate pair is never split in half.
  const chars = Array.from(text);
  return chars.length > max ? chars.slice(0, max).join('').trimEnd() : text;
}

/** Cleaned visible text of an element (textContent, so markup in a name stays inert text). */
export function cleanTextOf(el: Element | null | undefined, max = MAX_NAME_LENGTH): string {
  return cleanText(el?.textContent, max);
}

/** Cleaned attribute value, or '' when missing. */
export function cleanAttr(el: Element | null | undefined, name: string, max = MAX_NAME_LENGTH): string {
  return cleanText(el?.getAttribute(name), max);
}

/**
 * Cleaned text with a space between text nodes: block lines such as
 * `<div>vor 2 Tagen</div><div>20.11.2026</div>` read as "vor 2 Tagen 20.11.2026", not run together.
 */
export function spacedTextOf(el: Element | null | undefined, max = MAX_NAME_LENGTH): string {
  if (!el) return '';
  const parts: string[] = [];
  let budget = max * 4;
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (budget <= 0) return;
      if (child.nodeType === 3) {
        const t = child.textContent ?? '';
        parts.push(t);
        budget -= t.length;
      } else if (child.nodeType === 1) walk(child);
    }
  };
  walk(el);
  return cleanText(parts.join(' '), max);
}
