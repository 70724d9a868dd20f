import type { TagRef } from '@/core/messaging';

export type TagOption = { kind: 'tag'; tag: TagRef } | { kind: 'create'; name: string };

/** Longest tag name the picker offers to create (the store caps names too). */
export const MAX_TAG_NAME = 40;

/**
 * What the tag picker offers for a query: tags the buyer does not have whose name contains the
 * query (prefix matches first), then "create" when no tag has exactly that name.
 */
export function tagOptions(query: string, all: readonly TagRef[], applied: readonly TagRef[]): TagOption[] {
  const q = query.trim().toLocaleLowerCase();
  const have = new Set(applied.map((t) => t.id));
  const matches = all
    .filter((t) => !have.has(t.id) && t.name.toLocaleLowerCase().includes(q))
    .sort((a, b) => {
      const pa = a.name.toLocaleLowerCase().startsWith(q) ? 0 : 1;
      const pb = b.name.toLocaleLowerCase().startsWith(q) ? 0 : 1;
      return pa - pb || a.name.localeCompare(b.name);
    })
    .slice(0, 20)
    .map((tag): TagOption => ({ kind: 'tag', tag }));
  const name = query.trim().slice(0, MAX_TAG_NAME);
  const exact = all.some((t) => t.name.toLocaleLowerCase() === name.toLocaleLowerCase());
  return name && !exact ? [...matches, { kind: 'create', name }] : matches;
}
