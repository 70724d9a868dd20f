/**
 * Heuristics for telling hand-written, stable names from generated ones. Generated names
 * (CSS modules, CSS-in-JS, atomic CSS, framework ids) change with every site build, so a taught
 * selector built on them would break within weeks.
 */

const HASHED_CLASS = [
  /^_[A-Za-z0-9_-]{3,}$/, // CSS modules: _3xYz9, _ak8l
  /^css-[a-z0-9]{4,}(-|$)/i, // emotion: css-1q2w3e
  /^sc-[A-Za-z]{4,}$/, // styled-components: sc-bdVaJa
  /^jsx-\d+$/, // styled-jsx
  /^svelte-[a-z0-9]+$/,
];

/** Words of a stable-looking name contain vowels and few digits. */
function looksRandom(token: string): boolean {
  if (token.length > 40) return true;
  const alnum = token.replace(/[^A-Za-z0-9]/g, '');
  if (alnum.length < 5) return false;
  const digits = (alnum.match(/\d/g) ?? []).length;
  const caseFlips = (alnum.match(/[a-z][A-Z]|[A-Z][a-z](?=[A-Z])/g) ?? []).length;
  const letters = alnum.replace(/\d/g, '');
  const vowels = (letters.match(/[aeiouy]/gi) ?? []).length;
  // Letter+digit soup (x1n2onr6, a1b2c3d4), many case flips (bdVaJaX), or no vowels (xkcdqz).
  if (digits >= 2 && letters.length > 0 && /\d[A-Za-z]+\d|[A-Za-z]\d[A-Za-z]/.test(alnum)) return true;
  if (digits >= 3 && digits / alnum.length > 0.3) return true;
  if (caseFlips >= 3) return true;
  return letters.length >= 5 && vowels / letters.length < 0.15;
}

export function isHashedClass(name: string): boolean {
  return HASHED_CLASS.some((re) => re.test(name)) || name.split(/[-_]/).some(looksRandom);
}

/** State classes describe the moment, not the element. */
const STATE_CLASS =
  /^(is-|has-)|^(active|selected|current|hover|focus|focused|open|opened|disabled|checked|visible|hidden|unread|new)$/i;

export function isStableClass(name: string): boolean {
  return (
    name.length <= 40 && !STATE_CLASS.test(name) && !isHashedClass(name) && /^[A-Za-z_-][\w-]*$/.test(name)
  );
}

/** Framework-generated ids: React `:r1:`, Ember `ember123`, uuids, ids ending in counters. */
export function isStableId(id: string): boolean {
  if (!id || id.length > 50) return false;
  if (/[:\s]/.test(id) || /^\d/.test(id)) return false;
  if (/^(ember|react|ext-gen|yui_|ui-id-|mui-|radix-|headlessui-)/i.test(id)) return false;
  if (/[-_]?\d{3,}$/.test(id)) return false;
  if (/[0-9a-f]{8}-?[0-9a-f]{4}/i.test(id)) return false;
  return !id.split(/[-_]/).some(looksRandom);
}

/** Attribute names we never build on: framework internals and inline handlers. */
export function isUsableAttributeName(name: string): boolean {
  if (
    /^data-v-[0-9a-f]+$/i.test(name) ||
    /^data-reactid$|^data-react-|^data-emotion|^data-styled/i.test(name)
  )
    return false;
  return !name.startsWith('on') && !/^(style|class|id|src|href|srcset|value|width|height)$/.test(name);
}

/** A value that names what an element is ("buyer-name", "Send") rather than whom it shows. */
export function isStableValue(value: string, elementText: string): boolean {
  const v = value.trim();
  if (!v || v.length > 60) return false;
  if (elementText) {
    // The value repeats what the element shows (title="张伟", aria-label="Chat with 张伟"), so it
    // changes with every buyer. A hyphenated token that merely contains the text ("buyer-nick" on
    // "nick") is a name, not content.
    if (v === elementText || (v.length >= 2 && elementText.includes(v))) return false;
    if (v.split(/\s+/).includes(elementText) || (/\s/.test(v) && v.includes(elementText))) return false;
  }
  if (/\d{4,}/.test(v) || /@/.test(v)) return false; // ids, phone numbers, e-mail addresses
  return !v.split(/[\s_-]+/).some(looksRandom);
}
