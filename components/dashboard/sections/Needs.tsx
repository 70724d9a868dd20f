import { useEffect, useMemo, useState } from 'preact/hooks';
import { request } from '@/core/messaging';
import { DEFAULT_NEEDS, NeedsSettings, type Settings } from '@/core/model';
import { NEEDS, type Need } from '@/core/needs/kinds';
import { Lexicon } from '@/core/needs/lexicon';
import type { Translate } from '../../i18n';
import { Field, NumberInput } from '../../popup/fields';
import { errorText } from '../../ui/errors';
import { useI18n } from '../../ui/i18nContext';
import type { SectionContext } from '../DashboardApp';
import './needs.css';

/**
 * Needs from conversations: the Settings `needs` switches (on/off, how many chats and what share
 * of them before a buyer gets an orientation) and the editor of the bilingual lexicon.
 */
export function Needs({ ctx, settings }: { ctx: SectionContext; settings: Settings | undefined }) {
  const { t } = useI18n();
  return (
    <div class="needs-page">
      <h1 class="page-title">{t('dash.nav.needs')}</h1>
      <p class="lead">{t('needs.set.lead')}</p>
      <NeedsSwitches ctx={ctx} settings={settings} />
      <LexiconEditor ctx={ctx} />
    </div>
  );
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function NeedsSwitches({ ctx, settings }: { ctx: SectionContext; settings: Settings | undefined }) {
  const { t } = useI18n();
  const saved = settings?.needs;
  const [draft, setDraft] = useState<NeedsSettings | null>(saved ?? null);
  /** The saved values the draft started from, to tell an edit from a stale copy. */
  const [base, setBase] = useState<NeedsSettings | undefined>(saved);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    // Adopt saved values when they arrive or change elsewhere, unless the seller is editing.
    if (!saved) return;
    if (!draft || sameJson(draft, base)) setDraft(saved);
    setBase(saved);
  }, [saved]);

  const parsed = useMemo(() => (draft ? NeedsSettings.safeParse(draft) : null), [draft]);
  if (!draft || !settings || !parsed) return <div class="skeleton skeleton--list" aria-busy="true" />;

  const issue = (field: keyof NeedsSettings) =>
    parsed.success ? undefined : parsed.error.issues.find((i) => i.path[0] === field)?.message;
  const dirty = !sameJson(draft, settings.needs);

  const save = async () => {
    if (!parsed.success) return;
    setSaving(true);
    try {
      await request('saveSettings', { settings: { ...settings, needs: parsed.data } });
      ctx.reloadSettings();
      ctx.notify({ text: t('needs.set.saved') });
    } catch (e) {
      ctx.notify({ text: errorText(e, t), kind: 'error' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section class="card needs-switches" aria-labelledby="needs-set-title">
      <h2 id="needs-set-title">{t('needs.set.title')}</h2>
      <form
        class="needs-switches__form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div class="needs-switches__toggle">
          <button
            type="button"
            role="switch"
            class={`switch ${draft.enabled ? 'switch--on' : ''}`}
            aria-checked={draft.enabled}
            aria-label={t('needs.set.enabled')}
            data-testid="needs-enabled"
            onClick={() => setDraft({ ...draft, enabled: !draft.enabled })}
          >
            <span class="switch__knob" />
          </button>
          <div>
            <p class="needs-switches__label">{t('needs.set.enabled')}</p>
            <p class="field__hint">{t('needs.set.enabledHint')}</p>
          </div>
        </div>
        <Field label={t('needs.set.minChats')} hint={t('needs.set.minChatsHint')} error={issue('minChats')}>
          {({ id, errorId, invalid }) => (
            <NumberInput
              id={id}
              label={t('needs.set.minChats')}
              value={draft.minChats}
              step={1}
              min={2}
              invalid={invalid}
              describedBy={errorId}
              testId="needs-min-chats"
              onChange={(minChats) => setDraft({ ...draft, minChats })}
            />
          )}
        </Field>
        <Field label={t('needs.set.minShare')} hint={t('needs.set.minShareHint')} error={issue('minShare')}>
          {({ id, errorId, invalid }) => (
            <NumberInput
              id={id}
              label={t('needs.set.minShare')}
              value={draft.minShare}
              scale={0.01}
              step={5}
              invalid={invalid}
              describedBy={errorId}
              testId="needs-min-share"
              onChange={(minShare) => setDraft({ ...draft, minShare })}
            />
          )}
        </Field>
        <div class="inline-form">
          <button
            type="submit"
            class="btn btn--primary"
            disabled={saving || !dirty || !parsed.success}
            data-testid="needs-save"
          >
            {t('needs.set.save')}
          </button>
          <button
            type="button"
            class="btn"
            disabled={sameJson(draft, DEFAULT_NEEDS)}
            onClick={() => setDraft({ ...DEFAULT_NEEDS })}
          >
            {t('needs.set.defaults')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Han characters (and CJK punctuation-free compatibility forms) mark a Chinese term. */
const CHINESE = /[\u3400-\u9fff\uf900-\ufaff]/;
/** Commas (ASCII, full-width, ideographic), semicolons and new lines separate added words. */
const SEPARATORS = /[,，、;；\n]+/;

type LexiconCheck = ReturnType<typeof Lexicon.safeParse>;

/** The words zod rejects (too long, empty), to mark them in the lists. */
function badWords(parsed: LexiconCheck, draft: Lexicon): Set<string> {
  const bad = new Set<string>();
  if (parsed.success) return bad;
  for (const i of parsed.error.issues) {
    const [, need, index] = i.path;
    if (typeof need === 'string' && typeof index === 'number') {
      const word = draft.terms[need as Need]?.[index];
      if (word !== undefined) bad.add(word);
    }
  }
  return bad;
}

/** zod's issues as sentences in the seller's language, naming the need and the word. */
function lexiconIssues(parsed: LexiconCheck, draft: Lexicon, t: Translate): string[] {
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => {
    const need = i.path[1];
    const label = typeof need === 'string' && need in draft.terms ? t(`needs.${need as Need}`) : '';
    const index = i.path[2];
    const word =
      typeof index === 'number' && typeof need === 'string' ? draft.terms[need as Need]?.[index] : undefined;
    const max = 'maximum' in i ? String(i.maximum) : '';
    if (i.code === 'too_big' && word !== undefined)
      return t('needs.lex.err.tooLong', { need: label, word, max });
    if (i.code === 'too_big') return t('needs.lex.err.tooMany', { need: label, max });
    if (i.code === 'too_small') return t('needs.lex.err.empty', { need: label });
    return t('needs.lex.err.other', { need: label, message: i.message });
  });
}

function LexiconEditor({ ctx }: { ctx: SectionContext }) {
  const { t } = useI18n();
  const [saved, setSaved] = useState<Lexicon | null>(null);
  const [draft, setDraft] = useState<Lexicon | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    request('getLexicon', {})
      .then((lex) => {
        setSaved(lex);
        setDraft(lex);
      })
      .catch((e: unknown) => setLoadError(errorText(e, t)));
  }, []);

  const parsed = useMemo(() => (draft ? Lexicon.safeParse(draft) : null), [draft]);

  if (loadError) {
    return (
      <p class="field-error" role="alert">
        {t('needs.lex.loadError', { message: loadError })}
      </p>
    );
  }
  if (!draft || !saved || !parsed) return <div class="skeleton skeleton--form" aria-busy="true" />;

  const issues = lexiconIssues(parsed, draft, t);
  const bad = badWords(parsed, draft);
  const dirty = !sameJson(draft, saved);
  const setTerms = (need: Need, terms: string[]) => {
    setSaveError(null);
    setDraft({ ...draft, terms: { ...draft.terms, [need]: terms } });
  };

  const done = (lex: Lexicon, text: string) => {
    setSaved(lex);
    setDraft(lex);
    setSaveError(null);
    ctx.notify({ text });
  };
  const save = async () => {
    if (!parsed.success) return;
    setBusy(true);
    try {
      done(await request('saveLexicon', { lexicon: parsed.data }), t('needs.lex.saved'));
    } catch (e) {
      setSaveError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  const reset = async () => {
    if (!window.confirm(t('needs.lex.resetConfirm'))) return;
    setBusy(true);
    try {
      done(await request('resetLexicon', {}), t('needs.lex.resetDone'));
    } catch (e) {
      setSaveError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card lexicon" aria-labelledby="lexicon-title" data-testid="lexicon">
      <h2 id="lexicon-title">{t('needs.lex.title')}</h2>
      <p class="muted">{t('needs.lex.lead')}</p>
      <div class="lexicon__needs">
        {NEEDS.map((need) => (
          <NeedTerms
            key={need}
            need={need}
            terms={draft.terms[need]}
            bad={bad}
            onChange={(terms) => setTerms(need, terms)}
          />
        ))}
      </div>
      {issues.length > 0 ? (
        <div class="lexicon__issues" role="alert" data-testid="lexicon-issues">
          <p>{t('needs.lex.invalid')}</p>
          <ul>
            {issues.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {saveError ? (
        <p class="lexicon__issues" role="alert" data-testid="lexicon-save-error">
          {saveError}
        </p>
      ) : null}
      <div class="lexicon__actions">
        <button
          type="button"
          class="btn btn--primary"
          disabled={busy || !dirty || !parsed.success}
          onClick={() => void save()}
          data-testid="lexicon-save"
        >
          {t('needs.lex.save')}
        </button>
        <button type="button" class="btn" disabled={busy || !dirty} onClick={() => setDraft(saved)}>
          {t('needs.lex.discard')}
        </button>
        <button
          type="button"
          class="btn btn--danger"
          disabled={busy}
          onClick={() => void reset()}
          data-testid="lexicon-reset"
        >
          {t('needs.lex.reset')}
        </button>
        {dirty ? <span class="lexicon__dirty">{t('needs.lex.unsaved')}</span> : null}
      </div>
    </section>
  );
}

function NeedTerms({
  need,
  terms,
  bad,
  onChange,
}: {
  need: Need;
  terms: string[];
  bad: ReadonlySet<string>;
  onChange(terms: string[]): void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const label = t(`needs.${need}`);
  const chinese = terms.filter((w) => CHINESE.test(w));
  const other = terms.filter((w) => !CHINESE.test(w));

  const add = () => {
    const have = new Set(terms.map((w) => w.toLowerCase()));
    const fresh: string[] = [];
    const dup: string[] = [];
    for (const raw of text.split(SEPARATORS)) {
      const word = raw.trim().replace(/\s+/g, ' ');
      if (!word) continue;
      if (have.has(word.toLowerCase())) dup.push(word);
      else {
        have.add(word.toLowerCase());
        fresh.push(word);
      }
    }
    setNote(dup.length ? t('needs.lex.duplicate', { words: dup.join(', ') }) : null);
    if (fresh.length) onChange([...terms, ...fresh]);
    setText('');
  };
  const remove = (word: string) => onChange(terms.filter((w) => w !== word));

  const list = (words: string[], heading: string) => (
    <div class="lexicon__group">
      <h4 class="lexicon__group-title">{heading}</h4>
      {words.length === 0 ? (
        <p class="muted lexicon__none">{t('needs.lex.noWords')}</p>
      ) : (
        <ul class="lexicon__terms">
          {words.map((w) => (
            <li key={w} class={`lexicon__term ${bad.has(w) ? 'lexicon__term--bad' : ''}`} data-term={w}>
              <span>{w}</span>
              <button
                type="button"
                class="lexicon__remove"
                aria-label={t('needs.lex.remove', { word: w })}
                onClick={() => remove(w)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );

  const inputId = `lex-add-${need}`;
  return (
    <fieldset class="lexicon__need" data-need={need} data-testid={`lexicon-${need}`}>
      <legend>
        {label} <span class="muted">· {t('needs.lex.count', { n: terms.length })}</span>
      </legend>
      {list(chinese, t('needs.lex.zh'))}
      {list(other, t('needs.lex.en'))}
      <form
        class="lexicon__add"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label class="sr-only" for={inputId}>
          {t('needs.lex.addLabel', { need: label })}
        </label>
        <input
          id={inputId}
          class="input input--small"
          value={text}
          placeholder={t('needs.lex.addPlaceholder')}
          title={t('needs.lex.addHint')}
          onInput={(e) => setText(e.currentTarget.value)}
          data-testid={`lexicon-add-${need}`}
        />
        <button type="submit" class="btn btn--small" disabled={!text.trim()}>
          {t('needs.lex.add')}
        </button>
      </form>
      {note ? (
        <p class="lexicon__note" role="status">
          {note}
        </p>
      ) : null}
    </fieldset>
  );
}
