import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TagRef } from '@/core/messaging';
import type { CardTranslate } from './i18n';
import { MAX_TAG_NAME, type TagOption, tagOptions } from './tagOptions';

export interface TagPickerProps {
  applied: TagRef[];
  all: TagRef[];
  t: CardTranslate;
  busy?: boolean;
  onAdd(tag: TagRef): void;
  onCreate(name: string): void;
  onRemove(tag: TagRef): void;
  autoFocus?: boolean;
}

/**
 * The buyer's tags as removable chips plus a type-ahead box: ↑/↓ move, Enter applies the
 * highlighted tag or creates the typed one, Esc clears. Works the same with the mouse.
 */
export function TagPicker({ applied, all, t, busy, onAdd, onCreate, onRemove, autoFocus }: TagPickerProps) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const options = useMemo(() => tagOptions(query, all, applied), [query, all, applied]);
  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);

  const choose = (o: TagOption | undefined) => {
    if (!o || busy) return;
    if (o.kind === 'tag') onAdd(o.tag);
    else onCreate(o.name);
    setQuery('');
    setActive(0);
    input.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, options.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(options[active] ?? options[0]);
    } else if (e.key === 'Escape' && (query || open)) {
      // First Esc closes the list; the card's own Esc handler closes the card after that.
      e.stopPropagation();
      setQuery('');
      setOpen(false);
    }
  };

  return (
    <div class="bt-tagpicker" data-testid="bt-tagpicker">
      <div class="bt-tags">
        {applied.length === 0 && <span class="bt-key">{t('tags.none')}</span>}
        {applied.map((tag) => (
          <span key={tag.id} class="bt-chip-tag" style={{ borderColor: tag.color }} data-testid="bt-tag">
            <span style={{ color: tag.color }}>{tag.name}</span>
            <button
              type="button"
              class="bt-icon"
              aria-label={t('tags.remove', { name: tag.name })}
              disabled={busy}
              onClick={() => onRemove(tag)}
            >
              ×
            </button>
          </span>
        ))}
      </div>
      <div class="bt-picker">
        <input
          ref={input}
          type="text"
          role="combobox"
          aria-expanded={open && options.length > 0}
          aria-controls="bt-tag-options"
          aria-activedescendant={open && options[active] ? `bt-tag-opt-${active}` : undefined}
          aria-label={t('tags.add')}
          placeholder={t('tags.placeholder')}
          maxLength={MAX_TAG_NAME}
          value={query}
          data-testid="bt-tag-input"
          onInput={(e) => {
            setQuery((e.currentTarget as HTMLInputElement).value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onKeyDown={onKeyDown}
        />
        {open && options.length > 0 && (
          <div class="bt-options" id="bt-tag-options" role="listbox">
            {options.map((o, i) => (
              // Combobox pattern: focus stays in the text box, which handles the keys (↑ ↓ Enter).
              // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard selection is on the combobox input
              <div
                id={`bt-tag-opt-${i}`}
                key={o.kind === 'tag' ? o.tag.id : `new:${o.name}`}
                role="option"
                tabIndex={-1}
                aria-selected={i === active}
                data-testid={o.kind === 'create' ? 'bt-tag-create' : 'bt-tag-option'}
                onMouseEnter={() => setActive(i)}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(o)}
              >
                {o.kind === 'tag' ? o.tag.name : t('tags.create', { name: o.name })}
              </div>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
