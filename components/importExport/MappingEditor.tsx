import { useState } from 'preact/hooks';
import { MAPPING_FIELDS, REQUIRED_FIELDS } from '@/core/import';
import { useI18n } from '../ui/i18nContext';
import { fieldLabel } from './fieldLabels';
import type { MappingDraft } from './mappingDraft';

interface Props {
  header: readonly string[];
  draft: MappingDraft;
  onChange(next: MappingDraft): void;
  /** Why the current draft is not a valid mapping yet (shown under the grid). */
  problem?: string;
  onSavePreset(name: string): void;
}

/** The seller picks a column of the file for each order field; the preview below follows live. */
export function MappingEditor({ header, draft, onChange, problem, onSavePreset }: Props) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const set = (key: keyof MappingDraft, value: string) => onChange({ ...draft, [key]: value || undefined });
  const columns = [...new Set(header)];
  return (
    <fieldset class="io-mapping" data-testid="io-mapping">
      <legend>{t('io.map.title')}</legend>
      <p class="muted">{t('io.map.lead')}</p>
      <div class="io-mapping__grid">
        {MAPPING_FIELDS.map((f) => (
          <label class="filter" key={f}>
            <span class="filter__label">
              {fieldLabel(t, f)}
              {REQUIRED_FIELDS.includes(f) ? ' *' : ''}
            </span>
            <select
              class="select"
              data-testid={`io-map-${f}`}
              value={draft[f] ?? ''}
              onChange={(e) => set(f, e.currentTarget.value)}
            >
              <option value="">{t('io.map.none')}</option>
              {columns.map((c) => (
                <option value={c} key={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label class="filter">
          <span class="filter__label">{t('io.map.dateFormat')}</span>
          <input
            class="input"
            value={draft.dateFormat ?? ''}
            placeholder="yyyy-MM-dd HH:mm"
            onInput={(e) => set('dateFormat', e.currentTarget.value)}
          />
        </label>
        <label class="filter">
          <span class="filter__label">{t('io.map.platform')}</span>
          <input
            class="input"
            value={draft.platform ?? ''}
            placeholder="import"
            onInput={(e) => set('platform', e.currentTarget.value.trim().toLowerCase())}
          />
        </label>
      </div>
      {problem && (
        <p class="io-error" role="alert" data-testid="io-map-problem">
          {problem}
        </p>
      )}
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) onSavePreset(name.trim());
        }}
      >
        <input
          class="input"
          value={name}
          placeholder={t('io.map.presetName')}
          aria-label={t('io.map.presetName')}
          onInput={(e) => setName(e.currentTarget.value)}
          data-testid="io-preset-name"
        />
        <button type="submit" class="btn" disabled={!name.trim() || !!problem} data-testid="io-preset-save">
          {t('io.map.savePreset')}
        </button>
      </form>
    </fieldset>
  );
}
