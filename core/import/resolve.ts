import { cleanHeaderCell, normalizeHeader } from './header';
import {
  AMOUNT_FIELDS,
  COLUMN_FIELDS,
  type ColumnField,
  type MappingSpec,
  type Preset,
  type PresetLayout,
  REQUIRED_FIELDS,
  type ResolvedMapping,
} from './mapping';
import { FIELD_WORDS } from './mappingProblems';

export type ResolveResult =
  | { ok: true; mapping: ResolvedMapping }
  | {
      ok: false;
      /** Missing columns, each named as the file would need it. */
      missing: string[];
      message: string;
    };

/** Normalised header name → first column index with that name. */
export function headerIndex(header: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((cell, i) => {
    const n = normalizeHeader(cell);
    if (n !== '' && !index.has(n)) index.set(n, i);
  });
  return index;
}

interface LayoutMatch {
  columns: Partial<Record<ColumnField, number>>;
  fallbackColumns: number[];
  score: number;
  missing: string[];
}

function matchLayout(layout: PresetLayout, index: Map<string, number>): LayoutMatch {
  const columns: Partial<Record<ColumnField, number>> = {};
  const used = new Set<number>();
  let score = 0;
  for (const field of COLUMN_FIELDS) {
    const candidates = layout.columns[field];
    if (!candidates) continue;
    for (const name of candidates) {
      const i = index.get(normalizeHeader(name));
      // A column can serve two fields (e.g. Lazada's Customer Name as id and name), but a
      // field's own match counts once for the score.
      if (i !== undefined) {
        columns[field] = i;
        if (!used.has(i)) score++;
        used.add(i);
        break;
      }
    }
  }
  // Every buyer fallback column present, in the layout's order (Billing Phone, then Shipping Phone).
  const fallbackColumns: number[] = [];
  for (const name of layout.columns.buyerFallback ?? []) {
    const i = index.get(normalizeHeader(name));
    if (i !== undefined && !fallbackColumns.includes(i)) fallbackColumns.push(i);
  }
  for (const s of layout.signature ?? []) if (index.has(normalizeHeader(s))) score++;
  const missing: string[] = [];
  for (const field of REQUIRED_FIELDS) {
    if (columns[field] === undefined) missing.push(describeCandidates(field, layout.columns[field]));
  }
  if (!AMOUNT_FIELDS.some((f) => columns[f] !== undefined)) {
    const names = AMOUNT_FIELDS.flatMap((f) => layout.columns[f] ?? []);
    const shown = names.slice(0, 6).map((n) => `'${n}'`);
    const more = names.length > 6 ? `, … ${names.length - 6} more` : '';
    missing.push(
      `no column with an amount (looked for ${shown.join(', ') || 'a total, line total or unit price'}${more})`,
    );
  }
  return { columns, fallbackColumns, score, missing };
}

/** "no column for the buyer (looked for 'Email')": the field in seller words and the names tried. */
function describeCandidates(field: ColumnField, names: readonly string[] | undefined): string {
  const what = FIELD_WORDS[field];
  if (!names || names.length === 0) return `no column for ${what}`;
  const shown = names.slice(0, 6).map((n) => `'${n}'`);
  const more = names.length > 6 ? `, … ${names.length - 6} more` : '';
  return `no column for ${what} (looked for ${shown.join(', ')}${more})`;
}

function namesOf(columns: Partial<Record<ColumnField, number>>, header: readonly string[]) {
  const out: Partial<Record<ColumnField, string>> = {};
  for (const [field, i] of Object.entries(columns) as Array<[ColumnField, number]>) {
    out[field] = cleanHeaderCell(header[i] ?? '');
  }
  return out;
}

/** Binds a preset to a header row, choosing the best-matching layout. */
export function resolvePreset(preset: Preset, header: readonly string[], headerLine: number): ResolveResult {
  const index = headerIndex(header);
  let best: { layout: PresetLayout; match: LayoutMatch } | undefined;
  for (const layout of preset.layouts) {
    const match = matchLayout(layout, index);
    const complete = match.missing.length === 0;
    const bestComplete = best?.match.missing.length === 0;
    const better =
      !best || (complete && !bestComplete) || (complete === bestComplete && match.score > best.match.score);
    if (better) best = { layout, match };
  }
  if (!best) return { ok: false, missing: [], message: `preset '${preset.id}' has no layouts` };
  if (best.match.missing.length > 0) {
    return {
      ok: false,
      missing: best.match.missing,
      message: `${preset.label}: ${best.match.missing.join('; ')}`,
    };
  }
  const { layouts: _layouts, id, label: _label, platform, ...options } = preset;
  return {
    ok: true,
    mapping: {
      ...options,
      presetId: id,
      layout: best.layout.name,
      platform,
      columns: best.match.columns,
      fallbackColumns: best.match.fallbackColumns,
      columnNames: namesOf(best.match.columns, header),
      header,
      headerLine,
    },
  };
}

/** Binds a saved/CLI mapping (exact column names) to a header row. */
export function resolveSpec(
  spec: MappingSpec,
  header: readonly string[],
  headerLine: number,
  defaultPlatform = 'import',
): ResolveResult {
  const index = headerIndex(header);
  const columns: Partial<Record<ColumnField, number>> = {};
  const missing: string[] = [];
  for (const field of COLUMN_FIELDS) {
    const name = spec[field];
    if (name === undefined) continue;
    const i = index.get(normalizeHeader(name));
    if (i === undefined) missing.push(`'${name}' (${FIELD_WORDS[field]})`);
    else columns[field] = i;
  }
  if (missing.length > 0) {
    return { ok: false, missing, message: `missing column ${missing.join(', ')}` };
  }
  return {
    ok: true,
    mapping: {
      dateFormat: spec.dateFormat,
      currency: spec.currency,
      dayFirst: spec.dayFirst,
      decimal: spec.decimal,
      statusMap: spec.statusMap,
      creditNotePrefix: spec.creditNotePrefix,
      presetId: 'custom',
      platform: spec.platform ?? defaultPlatform,
      columns,
      fallbackColumns: columns.buyerFallback === undefined ? [] : [columns.buyerFallback],
      columnNames: namesOf(columns, header),
      header,
      headerLine,
    },
  };
}

/** Every header name a preset knows (normalised), for finding the header row under a preamble. */
export function presetHeaderNames(preset: Preset): Set<string> {
  const out = new Set<string>();
  for (const layout of preset.layouts) {
    for (const names of Object.values(layout.columns))
      for (const n of names ?? []) out.add(normalizeHeader(n));
    for (const n of layout.signature ?? []) out.add(normalizeHeader(n));
  }
  return out;
}

export function specHeaderNames(spec: MappingSpec): Set<string> {
  const out = new Set<string>();
  for (const field of COLUMN_FIELDS) {
    const name = spec[field];
    if (name !== undefined) out.add(normalizeHeader(name));
  }
  return out;
}

export interface PresetGuess {
  preset: Preset;
  layout: string;
  /** Matched fields plus signature columns; higher is more certain. */
  score: number;
}

/**
 * Scores every preset layout against a header row and returns the best one that has all
 * required columns (buyer, date, an amount). Ties keep the earlier preset in the list.
 */
export function detectPreset(header: readonly string[], presets: readonly Preset[]): PresetGuess | undefined {
  const index = headerIndex(header);
  let best: PresetGuess | undefined;
  for (const preset of presets) {
    for (const layout of preset.layouts) {
      const m = matchLayout(layout, index);
      if (m.missing.length > 0) continue;
      if (!best || m.score > best.score) best = { preset, layout: layout.name, score: m.score };
    }
  }
  return best;
}
