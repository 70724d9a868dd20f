import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  BUILT_IN_PRESETS,
  type EncodingChoice,
  ImportError,
  type MappingPreview,
  normalizeEncodingLabel,
  presetFromSaved,
  previewMapping,
  type ResolvedMapping,
  type SavedPreset,
} from '@/core/import';
import { request } from '@/core/messaging';
import type { ImportRecord, Settings } from '@/core/model';
import { errorText } from '../ui/errors';
import { useI18n } from '../ui/i18nContext';
import { ImportProgressView } from './ImportProgressView';
import { ImportSummary } from './ImportSummary';
import { MappingEditor } from './MappingEditor';
import { draftFromResolved, guessHeader, type MappingDraft, specOf } from './mappingDraft';
import { PreviewTable } from './PreviewTable';
import { type ImportProgress, runImport } from './runImport';
import { type FileSample, headHash, importOptionsOf, RunOptions, readSample } from './runOptions';

/** Orders per `importBatch` message: one transaction each, small enough to keep the worker responsive. */
export const IMPORT_BATCH_SIZE = 2000;

interface Review {
  file: File;
  sample: FileSample;
  encoding: EncodingChoice;
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
  | { kind: 'finished'; record: ImportRecord; cancelled: boolean };

interface Props {
  settings: Settings | undefined;
  /** An import the seller chose to resume from the history. */
  resume: ImportRecord | undefined;
  onResumeDone(): void;
  /** Something changed the history (started, progressed, finished). */
  onChanged(): void;
}

type PreviewResult = { ok: true; preview: MappingPreview } | { ok: false; message: string };

function preview(
  rows: FileSample['rows'],
  run: RunOptions,
  settings: Settings,
  presets: SavedPreset[],
): PreviewResult {
  try {
    const options = {
      ...importOptionsOf(
        { ...run, defaultCurrency: run.defaultCurrency ?? settings.shopCurrency },
        settings.timeZone,
      ),
      now: 0,
      presets: [...presets.map(presetFromSaved), ...BUILT_IN_PRESETS],
    };
    return { ok: true, preview: previewMapping(rows, options) };
  } catch (e) {
    if (e instanceof ImportError) return { ok: false, message: e.message };
    throw e;
  }
}

/** Import: pick or drop a file, check the detected preset or map columns, then stream it in. */
export function ImportPanel({ settings, resume, onResumeDone, onChanged }: Props) {
  const { t } = useI18n();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [error, setError] = useState<string>();
  const [presets, setPresets] = useState<SavedPreset[]>([]);
  const [dragging, setDragging] = useState(false);
  const abort = useRef<AbortController | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);

  const loadPresets = () => {
    request('listPresets', {})
      .then(setPresets)
      .catch(() => {});
  };
  useEffect(loadPresets, []);
  useEffect(() => () => abort.current?.abort(), []);

  const review = stage.kind === 'review' ? stage : undefined;
  const checked = useMemo<PreviewResult | undefined>(() => {
    if (!review || !settings) return undefined;
    if (review.editing) {
      const s = specOf(review.draft, review.base);
      if (!s.ok) return { ok: false, message: s.message };
      return preview(
        review.sample.rows,
        { ...review.run, preset: undefined, mapping: s.spec },
        settings,
        presets,
      );
    }
    return preview(review.sample.rows, review.run, settings, presets);
  }, [review, settings, presets]);

  const open = async (file: File, encoding: EncodingChoice = 'auto') => {
    setError(undefined);
    if (!settings) return;
    if (resume) {
      void resumeWith(file, resume);
      return;
    }
    setStage({ kind: 'reading' });
    try {
      const sample = await readSample(file, encoding);
      const auto = preview(sample.rows, {}, settings, presets);
      if (auto.ok) {
        const m = auto.preview.mapping;
        const saved = m.presetId.startsWith('saved:')
          ? presets.find((p) => `saved:${p.id}` === m.presetId)
          : undefined;
        const label = saved?.name ?? BUILT_IN_PRESETS.find((p) => p.id === m.presetId)?.label ?? m.presetId;
        setStage({
          kind: 'review',
          file,
          sample,
          encoding,
          run: saved ? { mapping: saved.mapping } : { preset: m.presetId },
          detected: m.layout && !saved ? `${label} · ${m.layout}` : label,
          base: m,
          editing: false,
          draft: draftFromResolved(m),
        });
      } else {
        setStage({ kind: 'review', file, sample, encoding, run: {}, editing: true, draft: {} });
      }
    } catch (e) {
      setStage({ kind: 'idle' });
      setError(errorText(e, t));
    }
  };

  const execute = async (
    file: File,
    record: ImportRecord,
    run: RunOptions,
    encoding: EncodingChoice,
    timeZone: string,
    batchSize: number,
  ) => {
    const ctrl = new AbortController();
    abort.current = ctrl;
    setStage({ kind: 'running', fileName: file.name });
    onChanged();
    try {
      const res = await runImport({
        file,
        importId: record.id,
        encoding,
        options: importOptionsOf(run, timeZone),
        batchSize,
        skipBatches: record.committedBatches ?? 0,
        signal: ctrl.signal,
        onProgress: (progress) => setStage({ kind: 'running', fileName: file.name, progress }),
      });
      const status = res.status === 'done' ? 'done' : 'cancelled';
      const done = await request('finishImport', { importId: record.id, status });
      setStage({ kind: 'finished', record: done, cancelled: status === 'cancelled' });
    } catch (e) {
      const message = errorText(e, t);
      await request('finishImport', { importId: record.id, status: 'failed', error: message }).catch(
        () => {},
      );
      setStage({ kind: 'idle' });
      setError(message);
    } finally {
      abort.current = undefined;
      onChanged();
    }
  };

  const start = async (r: Review, result: MappingPreview) => {
    if (!settings) return;
    let run = r.run;
    if (r.editing) {
      const s = specOf(r.draft, r.base);
      if (!s.ok) return;
      run = { ...r.run, preset: undefined, mapping: s.spec };
    }
    const options = { ...run, defaultCurrency: settings.shopCurrency };
    try {
      const record = await request('startImport', {
        fileName: r.file.name,
        totalBytes: r.file.size,
        preset: options.mapping ? 'custom' : (options.preset ?? result.mapping.presetId),
        source: {
          headHash: await headHash(r.file),
          // The resolved encoding, not "auto": a resume must decode exactly as this run did.
          encoding: r.sample.encoding,
          batchSize: IMPORT_BATCH_SIZE,
          timeZone: settings.timeZone,
          options,
        },
      });
      await execute(
        r.file,
        record,
        options,
        r.sample.encoding as EncodingChoice,
        settings.timeZone,
        IMPORT_BATCH_SIZE,
      );
    } catch (e) {
      setError(errorText(e, t));
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
      const run = RunOptions.parse(src.options);
      const record = await request('resumeImport', { importId: rec.id });
      onResumeDone();
      await execute(
        file,
        record,
        run,
        normalizeEncodingLabel(src.encoding) ?? 'auto',
        src.timeZone,
        src.batchSize,
      );
    } catch (e) {
      setError(errorText(e, t));
    }
  };

  const pick = (files: FileList | null | undefined) => {
    const file = files?.[0];
    if (file) void open(file);
    if (input.current) input.current.value = '';
  };

  const busy = stage.kind === 'running' || stage.kind === 'reading';
  return (
    <section class="card io-import" aria-labelledby="io-import-title" data-testid="io-import">
      <h2 id="io-import-title">{t('io.import.title')}</h2>
      {resume && (
        <p class="io-resume" role="status" data-testid="io-resume-prompt">
          {t('io.resume.pick', { name: resume.fileName })}{' '}
          <button type="button" class="btn btn--link" onClick={onResumeDone}>
            {t('io.cancel')}
          </button>
        </p>
      )}
      {!busy && (
        <div
          class={`io-drop ${dragging ? 'io-drop--over' : ''}`}
          data-testid="io-drop"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            pick(e.dataTransfer?.files);
          }}
        >
          <p>{t('io.import.drop')}</p>
          <label class="btn btn--primary">
            {t('io.import.choose')}
            <input
              ref={input}
              type="file"
              class="sr-only"
              accept=".csv,.tsv,.txt,text/csv,text/plain"
              data-testid="io-file"
              disabled={!settings}
              onChange={(e) => pick(e.currentTarget.files)}
            />
          </label>
          <p class="muted">{t('io.import.hint')}</p>
        </div>
      )}
      {error && (
        <p class="io-error" role="alert" data-testid="io-error">
          {error}
        </p>
      )}
      {stage.kind === 'reading' && <p class="muted">{t('io.import.reading')}</p>}
      {review && settings && (
        <div class="io-review" data-testid="io-review">
          <p data-testid="io-detected">
            {review.detected
              ? t('io.import.detected', { preset: review.detected })
              : t('io.import.notDetected')}
          </p>
          <div class="filters">
            <label class="filter">
              <span class="filter__label">{t('io.opt.encoding')}</span>
              <select
                class="select"
                value={review.encoding}
                onChange={(e) => void open(review.file, e.currentTarget.value as EncodingChoice)}
              >
                <option value="auto">{t('io.opt.auto', { found: review.sample.encoding })}</option>
                <option value="utf-8">UTF-8</option>
                <option value="gb18030">GBK / GB18030</option>
                <option value="utf-16le">UTF-16 LE</option>
                <option value="utf-16be">UTF-16 BE</option>
              </select>
            </label>
            <label class="filter">
              <span class="filter__label">{t('io.opt.dayFirst')}</span>
              <select
                class="select"
                value={review.run.dayFirst === undefined ? '' : String(review.run.dayFirst)}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setStage({
                    ...review,
                    run: { ...review.run, dayFirst: v === '' ? undefined : v === 'true' },
                  });
                }}
              >
                <option value="">{t('io.opt.dayFirstAuto')}</option>
                <option value="true">{t('io.opt.dayFirstYes')}</option>
                <option value="false">{t('io.opt.dayFirstNo')}</option>
              </select>
            </label>
            <label class="filter">
              <span class="filter__label">{t('io.opt.currency')}</span>
              <input
                class="input io-currency"
                maxLength={3}
                value={review.run.currency ?? ''}
                placeholder={settings.shopCurrency}
                onInput={(e) => {
                  const v = e.currentTarget.value.trim().toUpperCase();
                  setStage({
                    ...review,
                    run: { ...review.run, currency: /^[A-Z]{3}$/.test(v) ? v : undefined },
                  });
                }}
              />
            </label>
            {!review.editing && (
              <button
                type="button"
                class="btn"
                data-testid="io-edit-mapping"
                onClick={() => setStage({ ...review, editing: true })}
              >
                {t('io.import.editMapping')}
              </button>
            )}
          </div>
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
                  .catch((e) => setError(errorText(e, t)));
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
          <div class="inline-form">
            <button
              type="button"
              class="btn btn--primary"
              data-testid="io-start"
              disabled={!checked?.ok}
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
      {stage.kind === 'finished' && <ImportSummary record={stage.record} cancelled={stage.cancelled} />}
    </section>
  );
}
