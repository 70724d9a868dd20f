import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  BUILT_IN_PRESETS,
  type EncodingChoice,
  type MappingPreview,
  normalizeEncodingLabel,
  type ResolvedMapping,
  RunOptions,
  type SavedPreset,
} from '@/core/import';
import {
  type CurrencyChoice,
  type CurrencyCount,
  leftOutCurrencies,
  proposedShopCurrency,
  settingsChangeOf,
  undecidedCurrencies,
} from '@/core/import/currencyPlan';
import { request } from '@/core/messaging';
import type { ImportRecord, Settings } from '@/core/model';
import { useI18n } from '../ui/i18nContext';
import { CurrencyStep } from './CurrencyStep';
import { FileDrop } from './FileDrop';
import { ImportProgressView } from './ImportProgressView';
import { ImportSummary } from './ImportSummary';
import { importBatchSize } from './importBatchSize';
import { importFailureText } from './importErrors';
import { MappingEditor } from './MappingEditor';
import { draftFromResolved, guessHeader, type MappingDraft, specOf } from './mappingDraft';
import { PreviewTable } from './PreviewTable';
import { type PreviewResult, previewRows } from './previewRows';
import { ReadOptions } from './ReadOptions';
import { type FileRead, isWorkbookFile, loadWorkbook } from './rowSource';
import { type ImportProgress, runImport } from './runImport';
import { type FileSample, headHash, importOptionsOf, readSample } from './runOptions';
import { ScanSummary } from './ScanSummary';
import { useFileScan } from './useFileScan';
import { useShopOrders } from './useShopOrders';

export interface Review {
  file: File;
  read: FileRead;
  /** The workbook's sheets (Excel files), for the sheet choice. */
  sheets?: Array<{ name: string; rows: number }>;
  sample: FileSample;
  run: RunOptions;
  /** Label of the auto-detected preset; undefined when nothing matched. */
  detected?: string;
  base?: ResolvedMapping;
  editing: boolean;
  draft: MappingDraft;
}

type Stage =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | ({ kind: 'review' } & Review)
  | { kind: 'running'; fileName: string; progress?: ImportProgress }
  | { kind: 'finished'; record: ImportRecord; cancelled: boolean; leftOut: CurrencyCount[] };

export interface ImportedResult {
  record: ImportRecord;
  leftOut: CurrencyCount[];
}

interface Props {
  settings: Settings | undefined;
  /** An import the seller chose to resume from the history. */
  resume?: ImportRecord;
  onResumeDone?(): void;
  /** Something changed the history (started, progressed, finished). */
  onChanged?(): void;
  /** A run finished with every row read: the dashboard shows the result on the overview. */
  onImported?(result: ImportedResult): void;
  /** Heading text; the empty dashboard words it as its first step. */
  title?: string;
  /** Offered after a finished import: open the overview, where the new buyers and the summary show. */
  onShowOverview?(): void;
  /** An import is writing (true) or has stopped (false): its host must stay on screen meanwhile. */
  onRunning?(running: boolean): void;
}

/** The run options as the screen currently says: the edited mapping wins over the detected preset. */
function effectiveRun(r: Review): RunOptions | undefined {
  if (!r.editing) return r.run;
  const s = specOf(r.draft, r.base);
  return s.ok ? { ...r.run, preset: undefined, mapping: s.spec } : undefined;
}

function freshChoice(settings: Settings): CurrencyChoice {
  return {
    shopCurrency: settings.shopCurrency,
    rates: { ...settings.currencyRates },
    unconverted: new Set(),
  };
}

/**
 * Import: drop a file (CSV/TSV/TXT or an Excel workbook), see what was recognised and what the
 * whole file will give (a dry run, nothing written), settle its currencies, fix the mapping if
 * needed, then stream it in.
 */
export function ImportPanel({
  settings,
  resume,
  onResumeDone,
  onChanged,
  onImported,
  title,
  onRunning,
  onShowOverview,
}: Props) {
  const { t } = useI18n();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [error, setError] = useState<string>();
  const [presets, setPresets] = useState<SavedPreset[]>([]);
  const [choice, setChoice] = useState<CurrencyChoice>();
  const shopOrders = useShopOrders();
  const abort = useRef<AbortController | undefined>(undefined);
  /** The file whose first-import proposal was applied (once per file: the seller may change it). */
  const proposedFor = useRef<File | undefined>(undefined);

  const loadPresets = () => {
    request('listPresets', {})
      .then(setPresets)
      .catch(() => {});
  };
  useEffect(loadPresets, []);
  useEffect(() => () => abort.current?.abort(), []);

  const review = stage.kind === 'review' ? stage : undefined;
  const run = useMemo(() => (review ? effectiveRun(review) : undefined), [review]);
  const shopCurrency = choice?.shopCurrency ?? settings?.shopCurrency;
  const checked = useMemo<PreviewResult | undefined>(() => {
    if (!review || !settings || !shopCurrency) return undefined;
    if (!run) {
      const s = specOf(review.draft, review.base);
      return { ok: false, message: s.ok ? '' : s.message };
    }
    return previewRows(review.sample.rows, run, shopCurrency, settings.timeZone, presets);
  }, [review, run, settings, presets, shopCurrency]);

  const scanOptions =
    review && run && checked?.ok && settings && shopCurrency
      ? importOptionsOf({ ...run, defaultCurrency: shopCurrency }, settings.timeZone)
      : undefined;
  const scan = useFileScan(review?.file, review?.read, scanOptions, presets);
  const shopIsEmpty = shopOrders === 0;

  // First import into an empty shop: propose the file's currency as the shop currency, once.
  useEffect(() => {
    if (!review || !settings || !choice || scan?.status !== 'done') return;
    if (proposedFor.current === review.file) return;
    proposedFor.current = review.file;
    const proposal = proposedShopCurrency(scan.scan.byCurrency, settings.shopCurrency, shopIsEmpty);
    if (proposal) setChoice({ ...choice, shopCurrency: proposal });
  }, [scan, review, settings, choice, shopIsEmpty]);

  const open = async (file: File, requested?: FileRead) => {
    setError(undefined);
    if (!settings) return;
    if (resume) {
      void resumeWith(file, resume);
      return;
    }
    setStage({ kind: 'reading' });
    try {
      let read: FileRead = requested ?? { kind: 'text', encoding: 'auto' };
      let sheets: Review['sheets'];
      if (await isWorkbookFile(file)) {
        const wb = await loadWorkbook(file);
        const { defaultSheet } = await import('@/core/import/workbook');
        sheets = wb.sheets;
        read = requested?.kind === 'workbook' ? requested : { kind: 'workbook', sheet: defaultSheet(wb) };
      }
      const sample = await readSample(file, read);
      const sheet = read.kind === 'workbook' ? { sheet: read.sheet } : {};
      if (!requested || proposedFor.current !== file) {
        proposedFor.current = undefined;
        setChoice(freshChoice(settings));
      }
      const auto = previewRows(sample.rows, sheet, settings.shopCurrency, settings.timeZone, presets);
      if (auto.ok) {
        const m = auto.preview.mapping;
        const saved = m.presetId.startsWith('saved:')
          ? presets.find((p) => `saved:${p.id}` === m.presetId)
          : undefined;
        const label = saved?.name ?? BUILT_IN_PRESETS.find((p) => p.id === m.presetId)?.label ?? m.presetId;
        setStage({
          kind: 'review',
          file,
          read,
          sheets,
          sample,
          run: saved ? { ...sheet, mapping: saved.mapping } : { ...sheet, preset: m.presetId },
          detected: m.layout && !saved ? `${label} · ${m.layout}` : label,
          base: m,
          editing: false,
          draft: draftFromResolved(m),
        });
      } else {
        setStage({ kind: 'review', file, read, sheets, sample, run: sheet, editing: true, draft: {} });
      }
    } catch (e) {
      setStage({ kind: 'idle' });
      setError(importFailureText(e, t));
    }
  };

  const execute = async (
    file: File,
    record: ImportRecord,
    runOptions: RunOptions,
    read: FileRead,
    timeZone: string,
    batchSize: number,
    leftOut: CurrencyCount[],
  ) => {
    const ctrl = new AbortController();
    abort.current = ctrl;
    setStage({ kind: 'running', fileName: file.name });
    onRunning?.(true);
    onChanged?.();
    try {
      const res = await runImport({
        file,
        importId: record.id,
        read,
        options: importOptionsOf(runOptions, timeZone),
        batchSize,
        skipBatches: record.committedBatches ?? 0,
        signal: ctrl.signal,
        onProgress: (progress) => setStage({ kind: 'running', fileName: file.name, progress }),
      });
      const status = res.status === 'done' ? 'done' : 'cancelled';
      const done = await request('finishImport', { importId: record.id, status });
      setStage({ kind: 'finished', record: done, cancelled: status === 'cancelled', leftOut });
      if (status === 'done') onImported?.({ record: done, leftOut });
    } catch (e) {
      const message = importFailureText(e, t);
      await request('finishImport', { importId: record.id, status: 'failed', error: message }).catch(
        () => {},
      );
      setStage({ kind: 'idle' });
      setError(message);
    } finally {
      abort.current = undefined;
      onRunning?.(false);
      onChanged?.();
    }
  };

  const start = async (r: Review, result: MappingPreview) => {
    if (!settings || !choice || scan?.status !== 'done') return;
    const runOptions = effectiveRun(r);
    if (!runOptions) return;
    const options: RunOptions = { ...runOptions, defaultCurrency: choice.shopCurrency };
    const leftOut = leftOutCurrencies(scan.scan.paidByCurrency, choice);
    try {
      // The seller agreed (pressed Import): only now are the currency choices saved.
      const change = settingsChangeOf(settings, choice);
      onRunning?.(true);
      if (change) await request('saveSettings', { settings: { ...settings, ...change } });
      const batchSize = importBatchSize(r.file.size);
      const record = await request('startImport', {
        fileName: r.file.name,
        totalBytes: r.file.size,
        preset: options.mapping ? 'custom' : (options.preset ?? result.mapping.presetId),
        source: {
          headHash: await headHash(r.file),
          // The resolved encoding, not "auto": a resume must decode exactly as this run did.
          encoding: r.sample.encoding,
          batchSize,
          timeZone: settings.timeZone,
          options,
        },
      });
      const read: FileRead =
        r.read.kind === 'workbook' ? r.read : { kind: 'text', encoding: r.sample.encoding as EncodingChoice };
      await execute(r.file, record, options, read, settings.timeZone, batchSize, leftOut);
    } catch (e) {
      onRunning?.(false);
      setError(importFailureText(e, t));
    }
  };

  const resumeWith = async (file: File, rec: ImportRecord) => {
    const src = rec.source;
    try {
      if (!src) throw new Error(t('io.resume.old'));
      if (
        file.name !== rec.fileName ||
        file.size !== rec.totalBytes ||
        (await headHash(file)) !== src.headHash
      ) {
        throw new Error(t('io.resume.notSame', { name: rec.fileName }));
      }
      const runOptions = RunOptions.parse(src.options);
      const read: FileRead =
        src.encoding === 'workbook' && runOptions.sheet !== undefined
          ? { kind: 'workbook', sheet: runOptions.sheet }
          : { kind: 'text', encoding: normalizeEncodingLabel(src.encoding) ?? 'auto' };
      const record = await request('resumeImport', { importId: rec.id });
      onResumeDone?.();
      await execute(file, record, runOptions, read, src.timeZone, src.batchSize, []);
    } catch (e) {
      setError(importFailureText(e, t));
    }
  };

  const scanned = scan?.status === 'done' ? scan.scan : undefined;
  const undecided = scanned && choice ? undecidedCurrencies(scanned.byCurrency, choice) : [];
  const canStart = Boolean(checked?.ok && scanned && scanned.orders > 0 && undecided.length === 0);
  const busy = stage.kind === 'running' || stage.kind === 'reading';
  return (
    <section class="card io-import" aria-labelledby="io-import-title" data-testid="io-import">
      <h2 id="io-import-title">{title ?? t('io.import.title')}</h2>
      {resume && (
        <p class="io-resume" role="status" data-testid="io-resume-prompt">
          {t('io.resume.pick', { name: resume.fileName })}{' '}
          <button type="button" class="btn btn--link" onClick={onResumeDone}>
            {t('io.cancel')}
          </button>
        </p>
      )}
      {!busy && <FileDrop disabled={!settings} onFile={(f) => void open(f)} />}
      {error && (
        <p class="io-error" role="alert" data-testid="io-error">
          {error}
        </p>
      )}
      {stage.kind === 'reading' && <p class="muted">{t('io.import.reading')}</p>}
      {review && settings && choice && (
        <div class="io-review" data-testid="io-review">
          <p data-testid="io-detected">
            {review.detected
              ? t('io.import.detected', { preset: review.detected })
              : t('io.import.notDetected')}
          </p>
          <ReadOptions
            review={review}
            shopCurrency={choice.shopCurrency}
            onRead={(read) => void open(review.file, read)}
            onRun={(next) => setStage({ ...review, run: next })}
            onEditMapping={() => setStage({ ...review, editing: true })}
          />
          {review.editing && (
            <MappingEditor
              header={review.base?.header ?? guessHeader(review.sample.rows)}
              draft={review.draft}
              onChange={(draft) => setStage({ ...review, draft })}
              problem={checked && !checked.ok ? checked.message : undefined}
              onSavePreset={(name) => {
                const s = specOf(review.draft, review.base);
                if (!s.ok) return;
                request('savePreset', { name, mapping: s.spec })
                  .then(() => {
                    loadPresets();
                    setError(undefined);
                  })
                  .catch((e) => setError(importFailureText(e, t)));
              }}
            />
          )}
          {checked && !checked.ok && !review.editing && (
            <p class="io-error" role="alert">
              {checked.message}
            </p>
          )}
          {checked?.ok && (
            <>
              {scan?.status === 'running' && (
                <p class="muted" role="status" data-testid="io-scan-running">
                  {t('io.scan.running', { rows: scan.rows })}
                </p>
              )}
              {scan?.status === 'failed' && (
                <p class="io-error" role="alert" data-testid="io-scan-error">
                  {scan.message}
                </p>
              )}
              {scanned && (
                <div class="io-checks">
                  <ScanSummary
                    scan={scanned}
                    recognised={review.detected ?? checked.preview.mapping.presetId}
                    platform={checked.preview.mapping.platform}
                    timeZone={settings.timeZone}
                  />
                  <CurrencyStep
                    byCurrency={scanned.byCurrency}
                    currentShop={settings.shopCurrency}
                    shopIsEmpty={shopIsEmpty}
                    choice={choice}
                    onChange={setChoice}
                  />
                </div>
              )}
              <PreviewTable preview={checked.preview} timeZone={settings.timeZone} />
              <p class="muted" data-testid="io-preview-summary">
                {t('io.preview.summary', {
                  rows: checked.preview.rows.length,
                  errors: checked.preview.rows.filter(
                    (r) => r.errors.length > 0 || checked.preview.rejects.some((x) => x.line === r.line),
                  ).length,
                })}
              </p>
            </>
          )}
          <SettingsNote settings={settings} choice={choice} />
          <div class="inline-form">
            <button
              type="button"
              class="btn btn--primary"
              data-testid="io-start"
              disabled={!canStart}
              onClick={() => checked?.ok && void start(review, checked.preview)}
            >
              {t('io.import.start')}
            </button>
            <button type="button" class="btn" onClick={() => setStage({ kind: 'idle' })}>
              {t('io.cancel')}
            </button>
          </div>
        </div>
      )}
      {stage.kind === 'running' && (
        <ImportProgressView
          fileName={stage.fileName}
          progress={stage.progress}
          onCancel={() => abort.current?.abort()}
        />
      )}
      {stage.kind === 'finished' && (
        <>
          <ImportSummary record={stage.record} cancelled={stage.cancelled} leftOut={stage.leftOut} />
          {onShowOverview && !stage.cancelled && (
            <button
              type="button"
              class="btn btn--primary"
              data-testid="io-to-overview"
              onClick={onShowOverview}
            >
              {t('io.summary.toOverview')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

/** Says which settings pressing Import will save, so nothing changes behind the seller's back. */
function SettingsNote({ settings, choice }: { settings: Settings; choice: CurrencyChoice }) {
  const { t } = useI18n();
  const change = settingsChangeOf(settings, choice);
  if (!change) return null;
  const what: string[] = [];
  if (change.shopCurrency !== settings.shopCurrency)
    what.push(t('io.money.saveShop', { currency: change.shopCurrency }));
  for (const [code, rate] of Object.entries(change.currencyRates)) {
    if (settings.currencyRates[code] !== rate)
      what.push(t('io.money.saveRate', { currency: code, rate: String(rate), shop: change.shopCurrency }));
  }
  if (what.length === 0) return null;
  return (
    <p class="muted" data-testid="io-settings-note">
      {t('io.money.saves', { what: what.join(', ') })}
    </p>
  );
}
