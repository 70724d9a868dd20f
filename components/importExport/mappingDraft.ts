import { MAPPING_FIELDS, type MappingField, MappingSpec, type ResolvedMapping } from '@/core/import';

/** The mapping screen's editable state: a column name per field plus the mapping's own options. */
export type MappingDraft = Partial<Record<MappingField, string>> & { dateFormat?: string; platform?: string };

/** Starts the editor from what auto-detection (or a preset) resolved. */
export function draftFromResolved(m: ResolvedMapping): MappingDraft {
  const d: MappingDraft = {};
  for (const f of MAPPING_FIELDS) if (m.columnNames[f]) d[f] = m.columnNames[f];
  if (m.dateFormat) d.dateFormat = m.dateFormat;
  if (m.platform && m.platform !== 'import') d.platform = m.platform;
  return d;
}

/** Carries over a resolved preset's reading options (decimal comma, status words…) into the spec. */
export function specOf(
  draft: MappingDraft,
  base?: ResolvedMapping,
): { ok: true; spec: MappingSpec } | { ok: false; message: string } {
  const raw: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(draft)) if (typeof v === 'string' && v.trim() !== '') raw[k] = v;
  if (base) {
    if (base.decimal) raw.decimal = base.decimal;
    if (base.statusMap) raw.statusMap = base.statusMap;
    if (base.creditNotePrefix) raw.creditNotePrefix = base.creditNotePrefix;
    if (base.currency) raw.currency ??= base.currency;
  }
  const r = MappingSpec.safeParse(raw);
  if (r.success) return { ok: true, spec: r.data };
  const i = r.error.issues[0];
  return { ok: false, message: `${i.path.join('.') || 'mapping'}: ${i.message}` };
}

/** The header row of a file nothing recognised: the first row with at least two filled cells. */
export function guessHeader(rows: ReadonlyArray<{ cells: string[] }>): string[] {
  const row = rows.find((r) => r.cells.filter((c) => c.trim() !== '').length >= 2);
  return (row?.cells ?? []).map((c) => c.trim()).filter((c) => c !== '');
}
