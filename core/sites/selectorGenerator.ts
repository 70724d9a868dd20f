import { escapeIdent, quoteAttr } from './cssEscape';
import { isStableClass, isStableId, isStableValue, isUsableAttributeName } from './selectorStability';

/**
 * Teach mode: turn the element the seller clicked into a CSS selector that will still find the
 * same thing tomorrow and on the next buyer's page. Preference order: a stable id, `data-*`,
 * `aria-*`, `title`, `name`, `role`, stable classes, then structure (tag + :nth-of-type) under a
 * stable ancestor. Generated class names and buyer-specific values (names, ids, phones) are never
 * used as values; attributes holding them are used by presence only (`[title]`).
 */

const MAX_DEPTH = 8;
const PREFERRED_DATA = [
  'data-testid',
  'data-test-id',
  'data-test',
  'data-qa',
  'data-cy',
  'data-role',
  'data-type',
  'data-field',
];

/** Attributes whose value identifies the person shown (data-buyer-id, data-user-name…): presence only. */
const IDENTITY_ATTR =
  /^data-(?!test-?id$|qa$|cy$)(.*[-_])?(id|uid|user|buyer|customer|nick|name|phone|email|key|jid)([-_].*)?$/;

function text(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function tagOf(el: Element): string {
  return el.localName.toLowerCase();
}

/** Candidate selectors for one element alone, strongest first. */
export function localCandidates(el: Element): string[] {
  const out: string[] = [];
  const tag = tagOf(el);
  const content = text(el);
  if (el.id && isStableId(el.id)) out.push(`#${escapeIdent(el.id)}`);
  const attrs = [...el.attributes].filter((a) => isUsableAttributeName(a.name));
  const rank = (name: string) => {
    const i = PREFERRED_DATA.indexOf(name);
    if (i >= 0) return i;
    if (name.startsWith('data-')) return 20;
    if (name.startsWith('aria-')) return 30;
    return { title: 40, name: 41, role: 42, type: 43, placeholder: 44, contenteditable: 45 }[name] ?? 60;
  };
  attrs.sort((a, b) => rank(a.name) - rank(b.name));
  const valued: string[] = [];
  const present: string[] = [];
  for (const a of attrs) {
    if (rank(a.name) >= 60) continue;
    const name = escapeIdent(a.name);
    if (!IDENTITY_ATTR.test(a.name) && isStableValue(a.value, content))
      valued.push(`${tag}[${name}=${quoteAttr(a.value)}]`);
    // Buyer-specific values (the name in `title`, an id in `data-buyer-id`) still mark the role.
    if (a.name.startsWith('data-') || a.name === 'title' || a.name.startsWith('aria-'))
      present.push(`${tag}[${name}]`);
  }
  out.push(...valued);
  const classes = [...el.classList].filter(isStableClass);
  for (const c of classes) out.push(`${tag}.${escapeIdent(c)}`);
  if (classes.length > 1) out.push(`${tag}${classes.map((c) => `.${escapeIdent(c)}`).join('')}`);
  out.push(...present, tag);
  return [...new Set(out)];
}

function nthOfType(el: Element): string {
  const tag = tagOf(el);
  const siblings = el.parentElement ? [...el.parentElement.children].filter((c) => tagOf(c) === tag) : [el];
  return siblings.length === 1 ? tag : `${tag}:nth-of-type(${siblings.indexOf(el) + 1})`;
}

function matches(root: ParentNode, selector: string): Element[] {
  try {
    return [...root.querySelectorAll(selector)];
  } catch {
    return [];
  }
}

function isUnique(root: ParentNode, selector: string, el: Element): boolean {
  const hits = matches(root, selector);
  return hits.length === 1 && hits[0] === el;
}

function ancestors(el: Element): Element[] {
  const out: Element[] = [];
  for (let a = el.parentElement; a && out.length < MAX_DEPTH; a = a.parentElement) {
    if (tagOf(a) === 'html') break;
    out.push(a);
  }
  return out;
}

/** Strong selectors only (no bare tags or presence tests) for anchoring a descendant. */
function anchorCandidates(el: Element): string[] {
  return localCandidates(el)
    .filter((c) => c.startsWith('#') || /\[[^\]]+=/.test(c) || c.includes('.'))
    .slice(0, 4);
}

/** Structural path from `from` (exclusive) down to `el`, e.g. "div:nth-of-type(2) > span". */
function pathBetween(from: Element | null, el: Element): string {
  const parts: string[] = [];
  for (let cur: Element | null = el; cur && cur !== from && tagOf(cur) !== 'html'; cur = cur.parentElement) {
    parts.unshift(nthOfType(cur));
  }
  return parts.join(' > ');
}

/**
 * A selector matching exactly `el` in `root` (its document by default), or null if `el` is not
 * in `root`.
 */
export function generateSelector(el: Element, root: ParentNode = el.ownerDocument): string | null {
  if (!root.contains(el)) return null;
  const own = localCandidates(el);
  for (const c of own) if (isUnique(root, c, el)) return c;
  // Scope by the nearest stable ancestor: "#chat-header h1[data-buyer-id]".
  for (const a of ancestors(el)) {
    for (const ac of anchorCandidates(a)) {
      for (const c of own.slice(0, 6)) {
        const sel = `${ac} ${c}`;
        if (isUnique(root, sel, el)) return sel;
      }
    }
  }
  // Structure under the nearest uniquely identifiable ancestor, else from the document root.
  for (const a of ancestors(el)) {
    const ac = anchorCandidates(a).find((c) => isUnique(root, c, a));
    if (ac) {
      const sel = `${ac} > ${pathBetween(a, el)}`;
      if (isUnique(root, sel, el)) return sel;
    }
  }
  const full = pathBetween(null, el);
  return isUnique(root, full, el) ? full : null;
}

/** Attributes that describe an element's role in a list (kept by presence in row shapes). */
function roleAttributes(el: Element): string[] {
  return [...el.attributes]
    .map((a) => a.name)
    .filter(
      (n) =>
        (n.startsWith('data-') || n.startsWith('aria-') || n === 'title' || n === 'role') &&
        isUsableAttributeName(n),
    )
    .filter((n) => n !== 'aria-selected' && n !== 'aria-current' && n !== 'aria-expanded')
    .sort();
}

/** Tag, stable classes and role attributes: how list rows recognise each other. A valid selector. */
function shapeOf(el: Element): string {
  const classes = [...el.classList]
    .filter(isStableClass)
    .sort()
    .map((c) => `.${escapeIdent(c)}`)
    .join('');
  return `${tagOf(el)}${classes}${roleAttributes(el)
    .map((n) => `[${escapeIdent(n)}]`)
    .join('')}`;
}

/** Tag names from `from`'s child down to `el`. */
function tagPath(from: Element, el: Element): string[] {
  const tags: string[] = [];
  for (let cur: Element | null = el; cur && cur !== from; cur = cur.parentElement) tags.unshift(tagOf(cur));
  return tags;
}

/** True when `start` has a descendant reached through the same tag path. */
function hasTagPath(start: Element, tags: string[]): boolean {
  let level: Element[] = [start];
  for (const t of tags) {
    level = level.flatMap((e) => [...e.children].filter((c) => tagOf(c) === t));
    if (level.length === 0) return false;
  }
  return true;
}

/**
 * The repeated ancestor (list row) of `el`: the nearest ancestor-or-self with a sibling of the same
 * shape that also holds an element where `el` sits (so a table cell next to a number cell is not
 * mistaken for the row).
 */
export function findListRow(el: Element): Element | null {
  for (let cur: Element | null = el; cur?.parentElement; cur = cur.parentElement) {
    if (tagOf(cur) === 'body') return null;
    const shape = shapeOf(cur);
    const path = tagPath(cur, el);
    const same = [...cur.parentElement.children].filter(
      (s) => s !== cur && shapeOf(s) === shape && hasTagPath(s, path),
    );
    if (same.length > 0) return cur;
  }
  return null;
}

/**
 * Teach mode for lists: generalises the clicked element to the same element in every row of its
 * list ("#conversation-list li.conversation span.name"). The result always matches `el`; it falls
 * back to `generateSelector` when `el` is not inside a repeated row.
 */
export function generateListSelector(el: Element, root: ParentNode = el.ownerDocument): string | null {
  const row = findListRow(el);
  const parent = row?.parentElement;
  if (!row || !parent) return generateSelector(el, root);
  const parentSel = generateSelector(parent, root);
  if (!parentSel) return generateSelector(el, root);
  const rowSel = `${parentSel} > ${shapeOf(row)}`;
  if (row === el) return rowSel;
  // Inside the row, pick the first candidate that is unique within this row.
  const inner = [...localCandidates(el), pathBetween(row, el)];
  for (const c of inner) {
    const inRow = matches(row, c);
    if (inRow.length !== 1 || inRow[0] !== el) continue;
    const sel = `${rowSel} ${c}`;
    if (matches(root, sel).includes(el)) return sel;
  }
  const sel = `${rowSel} > ${pathBetween(row, el)}`;
  return matches(root, sel).includes(el) ? sel : generateSelector(el, root);
}
