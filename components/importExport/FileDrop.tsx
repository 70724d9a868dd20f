import { useRef, useState } from 'preact/hooks';
import { useI18n } from '../ui/i18nContext';

/** What the picker offers: text exports and Excel workbooks (old and new). */
export const IMPORT_ACCEPT = [
  '.csv',
  '.tsv',
  '.txt',
  '.xlsx',
  '.xls',
  'text/csv',
  'text/plain',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
].join(',');

/** The drop zone and file picker of the import screen. */
export function FileDrop({ disabled, onFile }: { disabled: boolean; onFile(file: File): void }) {
  const { t } = useI18n();
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const pick = (files: FileList | null | undefined) => {
    const file = files?.[0];
    if (file) onFile(file);
    if (input.current) input.current.value = '';
  };
  return (
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
      <p>{t('io.import.dropAny')}</p>
      <label class="btn btn--primary">
        {t('io.import.choose')}
        <input
          ref={input}
          type="file"
          class="sr-only"
          accept={IMPORT_ACCEPT}
          data-testid="io-file"
          disabled={disabled}
          onChange={(e) => pick(e.currentTarget.files)}
        />
      </label>
      <p class="muted">{t('io.import.hint')}</p>
    </div>
  );
}
