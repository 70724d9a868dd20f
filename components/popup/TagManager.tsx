import { useCallback, useEffect, useState } from 'preact/hooks';
import { type ResponseOf, request } from '@/core/messaging';
import { errorText } from '../ui/errors';
import { formatCount } from '../ui/format';
import { useI18n } from '../ui/i18nContext';
import type { ToastState } from '../ui/Toast';
import { useChangeSignal } from '../ui/useChangeSignal';

type TagRow = ResponseOf<'listTags'>[number];

const DEFAULT_COLOR = '#2563eb';

/**
 * Create, rename, recolour, merge and delete tags. Deleting shows how many buyers lose the tag
 * and offers Undo (the background keeps the deleted links behind a token).
 */
export function TagManager({ notify }: { notify(t: ToastState): void }) {
  const { t, locale } = useI18n();
  const [tags, setTags] = useState<TagRow[] | null>(null);
  const [name, setName] = useState('');
  const [color, setColor] = useState(DEFAULT_COLOR);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    request('listTags', {})
      .then(setTags)
      .catch((e) => setError(errorText(e, t)));
  }, [t]);
  useEffect(reload, [reload]);
  useChangeSignal((c) => {
    if (c.kinds.includes('tags')) reload();
  });

  const run = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      reload();
      return true;
    } catch (e) {
      setError(errorText(e, t));
      return false;
    }
  };

  const create = async (e: Event) => {
    e.preventDefault();
    if (!name.trim()) return;
    if (await run(() => request('createTag', { name, color }))) setName('');
  };

  const remove = (tag: TagRow) =>
    run(async () => {
      const res = await request('deleteTag', { tagId: tag.id });
      notify({
        text: t('tagmgr.deleted', { name: tag.name, n: formatCount(res.buyers, locale) }),
        action: {
          label: t('tagmgr.undo'),
          run: () => void run(() => request('undoDeleteTag', { token: res.token })),
        },
      });
    });

  return (
    <section class="tag-manager" aria-labelledby="tags-title">
      <h2 id="tags-title" class="section-title">
        {t('tagmgr.title')}
      </h2>
      <form class="tag-create" onSubmit={create}>
        <label class="sr-only" for="new-tag-name">
          {t('tagmgr.newName')}
        </label>
        <input
          id="new-tag-name"
          class="input"
          value={name}
          maxLength={40}
          placeholder={t('tagmgr.newPlaceholder')}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <label class="sr-only" for="new-tag-color">
          {t('tagmgr.color')}
        </label>
        <input
          id="new-tag-color"
          class="color"
          type="color"
          value={color}
          onInput={(e) => setColor(e.currentTarget.value)}
        />
        <button type="submit" class="btn btn--primary" disabled={!name.trim()}>
          {t('tagmgr.create')}
        </button>
      </form>
      <p class="field-error" role="alert">
        {error ?? ''}
      </p>
      {tags === null ? (
        <div class="skeleton skeleton--list" aria-busy="true" />
      ) : tags.length === 0 ? (
        <p class="empty">{t('tagmgr.empty')}</p>
      ) : (
        <ul class="tag-list">
          {tags.map((tag) => (
            <TagItem
              key={tag.id}
              tag={tag}
              others={tags.filter((o) => o.id !== tag.id)}
              run={run}
              onDelete={remove}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function TagItem(props: {
  tag: TagRow;
  others: TagRow[];
  run(work: () => Promise<unknown>): Promise<boolean>;
  onDelete(tag: TagRow): void;
}) {
  const { t, locale } = useI18n();
  const { tag } = props;
  const [mode, setMode] = useState<'view' | 'rename' | 'merge'>('view');
  const [draft, setDraft] = useState(tag.name);
  const [into, setInto] = useState('');

  const rename = async (e: Event) => {
    e.preventDefault();
    if (await props.run(() => request('renameTag', { tagId: tag.id, name: draft }))) setMode('view');
  };
  const merge = async (e: Event) => {
    e.preventDefault();
    if (!into) return;
    if (await props.run(() => request('mergeTags', { fromId: tag.id, intoId: into }))) setMode('view');
  };

  return (
    <li class="tag-item" data-tag={tag.name}>
      <input
        type="color"
        class="color color--small"
        value={tag.color}
        aria-label={t('tagmgr.recolor', { name: tag.name })}
        onChange={(e) =>
          void props.run(() => request('recolorTag', { tagId: tag.id, color: e.currentTarget.value }))
        }
      />
      {mode === 'rename' ? (
        <form class="tag-inline" onSubmit={rename}>
          <input
            class="input input--small"
            value={draft}
            maxLength={40}
            aria-label={t('tagmgr.renameTo', { name: tag.name })}
            onInput={(e) => setDraft(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Escape' && setMode('view')}
            ref={(el) => el?.focus()}
          />
          <button type="submit" class="btn btn--small btn--primary">
            {t('ui.save')}
          </button>
          <button type="button" class="btn btn--small" onClick={() => setMode('view')}>
            {t('ui.cancel')}
          </button>
        </form>
      ) : mode === 'merge' ? (
        <form class="tag-inline" onSubmit={merge}>
          <label class="sr-only" for={`merge-${tag.id}`}>
            {t('tagmgr.mergeInto', { name: tag.name })}
          </label>
          <select
            id={`merge-${tag.id}`}
            class="select select--small"
            value={into}
            onChange={(e) => setInto(e.currentTarget.value)}
          >
            <option value="">{t('tagmgr.mergePick')}</option>
            {props.others.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          <button type="submit" class="btn btn--small btn--primary" disabled={!into}>
            {t('tagmgr.merge')}
          </button>
          <button type="button" class="btn btn--small" onClick={() => setMode('view')}>
            {t('ui.cancel')}
          </button>
        </form>
      ) : (
        <>
          <span class="tag-chip" style={{ borderColor: tag.color, color: tag.color }}>
            {tag.name}
          </span>
          <span class="tag-count" data-testid="tag-count">
            {t('tagmgr.buyers', { n: formatCount(tag.buyers, locale) })}
          </span>
          <span class="tag-actions">
            <button
              type="button"
              class="btn btn--small"
              aria-label={t('tagmgr.renameLabel', { name: tag.name })}
              onClick={() => {
                setDraft(tag.name);
                setMode('rename');
              }}
            >
              {t('tagmgr.rename')}
            </button>
            <button
              type="button"
              class="btn btn--small"
              disabled={props.others.length === 0}
              aria-label={t('tagmgr.mergeLabel', { name: tag.name })}
              onClick={() => setMode('merge')}
            >
              {t('tagmgr.merge')}
            </button>
            <button
              type="button"
              class="btn btn--small btn--danger"
              aria-label={t('tagmgr.deleteLabel', { name: tag.name, n: tag.buyers })}
              onClick={() => props.onDelete(tag)}
            >
              {t('tagmgr.delete')}
            </button>
          </span>
        </>
      )}
    </li>
  );
}
