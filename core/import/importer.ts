import { type Order, orderKeyOf, type RejectedRow, yenContextOf } from '../model';
import type { CsvRow } from './csv';
import { addRow, conflictOf, finishDraft, newDraft, type OrderDraft } from './draft';
import { ImportError } from './errors';
import { type HashLanes, hashCellsInto, hashStringInto, lanesHex } from './hash';
import { HashIndex } from './hashIndex';
import { countKnownCells, isHeaderRow, MAX_PREAMBLE_ROWS } from './header';
import { OrderLedger } from './ledger';
import { type LineContext, type LineValues, readLine } from './line';
import { MappingSpec, type Preset, type ResolvedMapping, type SavedPreset } from './mapping';
import { explainMappingError } from './mappingProblems';
import { BUILT_IN_PRESETS, getPreset } from './presets';
import { recogniseUnusableReport } from './reports';
import {
  detectPreset,
  presetHeaderNames,
  type ResolveResult,
  resolvePreset,
  resolveSpec,
  specHeaderNames,
} from './resolve';

export interface ImportOptions {
  /** A built-in preset id or a preset object; omit (and omit `mapping`) to auto-detect. */
  preset?: string | Preset;
  /** An explicit column mapping (saved preset or CLI MAPPING.json); wins over `preset`. */
  mapping?: MappingSpec;
  /** Candidates for auto-detection; default: the built-in presets. */
  presets?: readonly Preset[];
  /** Overrides the preset's platform (e.g. `tmall` with the Taobao layout). */
  platform?: string;
  /** Shop time zone for wall-clock dates. */
  timeZone: string;
  /** Currency of this file chosen by the seller; beats the preset's and the mapping's default. */
  currency?: string;
  /** Last resort when neither the rows, the seller nor the preset name a currency (shop currency). */
  defaultCurrency?: string;
  dayFirst?: boolean;
  dateFormat?: string;
  importId?: string;
  /** Stamped as `updatedAt` on every order (a parameter so tests are deterministic). */
  now: number;
  /**
   * The present, for refusing order dates in the future (spreadsheet-mangled years). Default: the
   * real clock, so tests that stamp a small constant `now` still import past dates.
   */
  today?: number;
  /** Orders per batch returned by `push` (default 500). */
  batchSize?: number;
}

export interface ImportBatch {
  orders: Order[];
  rejects: RejectedRow[];
  /** Data rows read so far (all batches). */
  rowsRead: number;
}

export interface Importer {
  /** Feeds one CSV row; returns a batch when `batchSize` orders are ready. Throws ImportError for file-level problems. */
  push(row: CsvRow): ImportBatch | undefined;
  /** Flushes the remaining orders; throws ImportError when no header row was ever found. */
  finish(): ImportBatch;
  readonly mapping: ResolvedMapping | undefined;
  readonly rowsRead: number;
  /** Record-count footer lines skipped (not rejects). */
  readonly footerLines: number;
  /** The context rows are read with (the preview reads its rows the same way). */
  lineContext(): LineContext;
}

/**
 * Footer lines some exports append after the data (eBay Selling Manager: "2 record(s)
 * downloaded", "Seller ID: …"): at most two filled cells, the first saying so.
 */
const FOOTER = /^(\d+\s+record\(s\)|\d+\s+records?\b|seller id\b|total records?\b|report generated\b)/i;
export function isFooterLine(cells: readonly string[]): boolean {
  let filled = 0;
  let first = '';
  for (const c of cells) {
    const t = c.trim();
    if (t === '') continue;
    if (++filled > 2) return false;
    if (filled === 1) first = t;
  }
  return FOOTER.test(first);
}

/** Turns a saved mapping into a one-layout preset so it can take part in auto-detection. */
export function presetFromSaved(saved: SavedPreset): Preset {
  const { dateFormat, currency, dayFirst, decimal, platform, statusMap, creditNotePrefix, ...cols } =
    saved.mapping;
  const columns: Record<string, string[]> = {};
  for (const [field, name] of Object.entries(cols)) if (typeof name === 'string') columns[field] = [name];
  return {
    id: `saved:${saved.id}`,
    label: saved.name,
    platform: platform ?? 'import',
    dateFormat,
    currency,
    dayFirst,
    decimal,
    statusMap,
    creditNotePrefix,
    layouts: [{ name: saved.name, columns }],
  };
}

/** Marks a fallback handle seen with more than one buyer id. */
const AMBIGUOUS = '';

/** Orders kept open after their last line, for files whose order lines are not quite adjacent. */
export const OPEN_WINDOW = 1000;

function clip(reason: string): string {
  return reason.length > 500 ? `${reason.slice(0, 499)}…` : reason;
}

class RowImporter implements Importer {
  mapping: ResolvedMapping | undefined;
  rowsRead = 0;
  private preambleRows = 0;
  private nearMiss: { line: number; result: Extract<ResolveResult, { ok: false }> } | undefined;
  /**
   * Orders still being assembled, oldest first: the current one plus up to OPEN_WINDOW recently
   * left ones, so an order whose lines are a little apart is still merged before it is emitted.
   * Everything older has been emitted and lives on only as a compact signature in `emitted`:
   * memory stays flat however long the file is.
   */
  private readonly open = new Map<string, OrderDraft>();
  private readonly emitted = new OrderLedger();
  /** Orderless files: hash of the row's order fields → how often it was seen. */
  private readonly occurrences = new HashIndex(4096);
  /** Hash of every row's cells → its line, to recognise a row repeated verbatim. */
  private readonly seenRows = new HashIndex(4096);
  private readonly lanes: HashLanes = { a: 0, b: 0 };
  private ready: Order[] = [];
  private rejects: RejectedRow[] = [];
  private readonly batchSize: number;
  private readonly preset: Preset | undefined;
  private readonly spec: MappingSpec | undefined;
  private fileCurrency: string | undefined;
  private fallbackCurrency: string | undefined;
  private yen: 'CNY' | 'JPY' | undefined;
  private earliest: number | undefined;
  private latest: number | undefined;
  /**
   * Fallback buyer key (phone, plain name) → the id-based key seen with it on another line, so
   * a buyer whose id cell is empty on some lines is still one buyer (Etsy Buyer User ID, Shopify
   * e-mail vs phone). Learned as the file is read: a line can only join an earlier line's buyer.
   */
  private readonly buyerAliases = new Map<string, string>();
  /** Footer lines skipped (eBay "2 record(s) downloaded"), reported instead of rejected. */
  footerLines = 0;

  constructor(private readonly options: ImportOptions) {
    this.batchSize = options.batchSize ?? 500;
    if (options.mapping) {
      const parsed = MappingSpec.safeParse(options.mapping);
      if (!parsed.success) {
        throw new ImportError('invalid-mapping', `mapping: ${explainMappingError(parsed.error)}`);
      }
      this.spec = parsed.data;
    } else if (typeof options.preset === 'string') {
      this.preset = getPreset(options.preset) ?? options.presets?.find((p) => p.id === options.preset);
      if (!this.preset) throw new ImportError('unknown-preset', `unknown preset '${options.preset}'`);
    } else {
      this.preset = options.preset;
    }
  }

  push(row: CsvRow): ImportBatch | undefined {
    if (!this.mapping) {
      this.findHeader(row);
      return undefined;
    }
    // Rows of only empty cells (",,,,") are spacing, not data; record-count footers are not orders.
    if (row.cells.every((c) => c.trim() === '')) return undefined;
    if (isFooterLine(row.cells)) {
      this.footerLines++;
      return undefined;
    }
    this.rowsRead++;
    this.readRow(row);
    // A file of mostly bad rows must not pile its rejects up in memory either.
    return this.ready.length >= this.batchSize || this.rejects.length >= this.batchSize
      ? this.take()
      : undefined;
  }

  finish(): ImportBatch {
    if (!this.mapping) this.failNoHeader();
    for (const d of this.open.values()) this.close(d);
    this.open.clear();
    return this.take();
  }

  private take(): ImportBatch {
    const batch = { orders: this.ready, rejects: this.rejects, rowsRead: this.rowsRead };
    this.ready = [];
    this.rejects = [];
    return batch;
  }

  private findHeader(row: CsvRow): void {
    // A known report without buyers or prices is named before any preset tries (and half-matches) it;
    // an explicit mapping is the seller's own decision and is not second-guessed.
    const unusable = this.spec ? undefined : recogniseUnusableReport(row.cells);
    if (unusable)
      throw new ImportError('unusable-report', `line ${row.line}: ${unusable.message}`, [], unusable);
    const result = this.tryHeader(row);
    if (result?.ok) {
      this.bind(result.mapping);
      return;
    }
    if (result && !result.ok) {
      // With a chosen preset or mapping, a row that is clearly its header but lacks columns is final.
      if (this.spec || this.preset)
        throw new ImportError('missing-columns', `line ${row.line}: ${result.message}`, result.missing);
      this.nearMiss ??= { line: row.line, result };
    }
    if (++this.preambleRows >= MAX_PREAMBLE_ROWS) this.failNoHeader();
  }

  private tryHeader(row: CsvRow): ResolveResult | undefined {
    if (this.spec) {
      const known = specHeaderNames(this.spec);
      if (countKnownCells(row.cells, known) < Math.min(2, known.size)) return undefined;
      return resolveSpec(this.spec, row.cells, row.line, this.options.platform);
    }
    if (this.preset) {
      if (!isHeaderRow(row.cells, presetHeaderNames(this.preset))) return undefined;
      return resolvePreset(this.preset, row.cells, row.line);
    }
    const candidates = this.options.presets ?? BUILT_IN_PRESETS;
    const guess = detectPreset(row.cells, candidates);
    if (guess) return resolvePreset(guess.preset, row.cells, row.line);
    // Remember the closest miss so the final error can say which columns were missing.
    let best: { preset: Preset; known: number } | undefined;
    for (const p of candidates) {
      const known = countKnownCells(row.cells, presetHeaderNames(p));
      if (known >= 3 && (!best || known > best.known)) best = { preset: p, known };
    }
    return best ? resolvePreset(best.preset, row.cells, row.line) : undefined;
  }

  private bind(mapping: ResolvedMapping): void {
    const o = this.options;
    this.mapping = {
      ...mapping,
      platform: o.platform ?? mapping.platform,
      dayFirst: o.dayFirst ?? mapping.dayFirst,
      dateFormat: o.dateFormat ?? mapping.dateFormat,
    };
    this.fileCurrency = o.currency ?? mapping.currency;
    // What ¥ means when the file names no currency: yuan on Chinese platforms, yen on Japanese.
    this.yen = yenContextOf(mapping.header.join(' '));
    this.earliest = mapping.since === undefined ? undefined : Date.UTC(mapping.since, 0, 1);
    this.latest = o.today ?? Date.now();
    // The shop currency only fills orders that end up with none: were it given to every row, a
    // Shopify continuation line (empty Currency cell) would "conflict" with its order's CNY.
    this.fallbackCurrency = o.defaultCurrency;
  }

  private failNoHeader(): never {
    if (this.nearMiss) {
      const { line, result } = this.nearMiss;
      throw new ImportError('missing-columns', `line ${line}: ${result.message}`, result.missing);
    }
    const what = this.spec
      ? 'the mapped columns'
      : this.preset
        ? `a ${this.preset.label} header`
        : 'a known header';
    throw new ImportError(
      'no-header',
      `no header row found in the first ${MAX_PREAMBLE_ROWS} rows (looked for ${what}); is this an order export?`,
    );
  }

  /** Records a rejected row; returns `false` so row handlers can `return this.reject(…)`. */
  private reject(line: number, field: string | undefined, reason: string): false {
    this.rejects.push(field ? { line, field, reason: clip(reason) } : { line, reason: clip(reason) });
    return false;
  }

  /** Reads one data row into the orders being built; `false` when the row was rejected. */
  private readRow(row: CsvRow): boolean {
    const m = this.mapping!;
    if (row.error) return this.reject(row.line, undefined, row.error);
    const { values, errors } = readLine(row.cells, m, this.lineContext());
    if (errors.length > 0) {
      return this.reject(
        row.line,
        errors[0].field,
        errors
          .map((e) => `${m.columnNames[e.field as keyof typeof m.columnNames] ?? e.field}: ${e.reason}`)
          .join('; '),
      );
    }
    const buyerFromFallback = this.resolveBuyer(values);

    if (m.columns.orderId === undefined) {
      // Each row is an order. Its id must come out the same when the file is imported again, so
      // it is a hash of what the row says (not its position); the n-th identical row gets `-n`.
      if (values.buyerKey === undefined) return this.reject(row.line, 'buyerId', this.emptyBuyer());
      if (values.placedAt === undefined)
        return this.reject(row.line, 'date', `the order date (${m.columnNames.date}) is empty`);
      const h = hashStringInto(
        [
          values.buyerKey,
          values.placedAt,
          values.total,
          values.lineTotal,
          values.unitPrice,
          values.qty,
          values.currency,
          values.item,
          values.sku,
        ].join('|'),
        this.lanes,
      );
      const n = (this.occurrences.get(h) ?? 0) + 1;
      this.occurrences.set(h, n);
      const base = lanesHex(h);
      const orderId = n === 1 ? `row-${base}` : `row-${base}-${n}`;
      const draft = newDraft(
        orderKeyOf(m.platform, orderId),
        orderId,
        m.platform,
        { ...values, buyerKey: values.buyerKey, placedAt: values.placedAt },
        row.line,
      );
      addRow(draft, values, row.line);
      this.emit(draft);
      return true;
    }

    if (values.orderId === undefined)
      return this.reject(row.line, 'orderId', `the order number (${m.columnNames.orderId}) is empty`);
    const key = orderKeyOf(m.platform, values.orderId);
    const signature = hashCellsInto(row.cells, this.lanes);
    const seen = this.seenRows.get(signature);
    let draft = this.open.get(key);
    if (!draft) {
      const done = this.emitted.get(key, values.orderId);
      if (done) {
        if (seen !== undefined) return this.reject(row.line, 'row', `duplicate of line ${seen}; skipped`);
        const conflict = conflictOf(done, values, row.line);
        if (conflict) return this.reject(row.line, conflict.field, conflict.reason);
        return this.reject(
          row.line,
          'orderId',
          `order ${values.orderId} on line ${row.line} continues the order started on line ${done.firstLine}, which was already complete (more than ${OPEN_WINDOW} orders in between); keep each order's lines together`,
        );
      }
      if (values.buyerKey === undefined) return this.reject(row.line, 'buyerId', this.emptyBuyer());
      if (values.placedAt === undefined)
        return this.reject(row.line, 'date', `the order date (${m.columnNames.date}) is empty`);
      draft = newDraft(
        key,
        values.orderId,
        m.platform,
        { ...values, buyerKey: values.buyerKey, placedAt: values.placedAt },
        row.line,
      );
      if (buyerFromFallback) draft.fallbackKey = values.buyerFallbackKey;
      this.open.set(key, draft);
    } else {
      if (seen !== undefined) return this.reject(row.line, 'row', `duplicate of line ${seen}; skipped`);
      // A later line's phone or name does not contradict the buyer its order already has.
      if (buyerFromFallback) values.buyerKey = undefined;
      const conflict = conflictOf(draft, values, row.line);
      if (conflict) return this.reject(row.line, conflict.field, conflict.reason);
    }
    if (seen === undefined) this.seenRows.set(signature, row.line);
    addRow(draft, values, row.line);
    // Line-item exports keep an order's rows together: orders left long enough ago are complete.
    // Emitted in file order (first line), so batches come out as a whole-file import lists them.
    if (this.open.size > OPEN_WINDOW) {
      for (const [k, d] of this.open) {
        if (d === draft) continue;
        this.open.delete(k);
        this.close(d);
        break;
      }
    }
    return true;
  }

  lineContext(): LineContext {
    return {
      timeZone: this.options.timeZone,
      currency: this.fileCurrency,
      fallbackCurrency: this.fallbackCurrency,
      yen: this.yen,
      earliest: this.earliest,
      latest: this.latest,
    };
  }

  /**
   * Picks the line's buyer key: its id, else the id its fallback handle was seen with, else the
   * handle. Returns whether the key came from the fallback.
   */
  private resolveBuyer(values: LineValues): boolean {
    const fallback = values.buyerFallbackKey;
    if (fallback === undefined) return false;
    if (values.buyerKey !== undefined) {
      const known = this.buyerAliases.get(fallback);
      // Two ids under one name (two people called Sam Lee): the name proves nothing, keep it apart.
      if (known === undefined) this.buyerAliases.set(fallback, values.buyerKey);
      else if (known !== values.buyerKey) this.buyerAliases.set(fallback, AMBIGUOUS);
      return false;
    }
    const alias = this.buyerAliases.get(fallback);
    values.buyerKey = alias === undefined || alias === AMBIGUOUS ? fallback : alias;
    return true;
  }

  private emptyBuyer(): string {
    const m = this.mapping!;
    const alt = m.fallbackColumns?.length
      ? ` and so are ${m.fallbackColumns.map((i) => `'${m.header[i]?.trim()}'`).join(', ')}`
      : '';
    return `the buyer (${m.columnNames.buyerId}) is empty${alt}: this line cannot be given to a buyer`;
  }

  private close(d: OrderDraft): void {
    if (d.fallbackKey !== undefined) {
      const alias = this.buyerAliases.get(d.fallbackKey);
      if (alias !== undefined && alias !== AMBIGUOUS) d.buyerKey = alias;
    }
    this.emitted.add(d.key, d);
    this.emit(d);
  }

  private emit(d: OrderDraft): void {
    const r = finishDraft(d, {
      importId: this.options.importId,
      now: this.options.now,
      defaultCurrency: this.fallbackCurrency,
    });
    if ('order' in r) this.ready.push(r.order);
    else this.rejects.push({ ...r.reject, reason: clip(r.reject.reason) });
  }
}

/**
 * Creates an incremental importer: feed it CSV rows (from `CsvRowStream`), write each batch it
 * returns, then `finish()`. Rows are validated one by one; a bad row becomes a RejectedRow
 * with its line and reason and the rest of the file is imported.
 */
export function createImporter(options: ImportOptions): Importer {
  return new RowImporter(options);
}

/** Async-iterable flavour for streams of rows: yields non-empty batches. */
export async function* importRows(
  rows: AsyncIterable<CsvRow> | Iterable<CsvRow>,
  options: ImportOptions,
): AsyncGenerator<ImportBatch> {
  const importer = createImporter(options);
  for await (const row of rows) {
    const batch = importer.push(row);
    if (batch) yield batch;
  }
  yield importer.finish();
}
