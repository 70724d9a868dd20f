import { useState } from 'preact/hooks';
import { request } from '@/core/messaging';
import type { ImportRecord, Settings } from '@/core/model';
import { ImportHistory } from './ImportHistory';
import { type ImportedResult, ImportPanel } from './ImportPanel';
import { useRequestOnce } from './useRequestOnce';
import './importExport.css';

interface Props {
  onImported?(result: ImportedResult): void;
  /** The empty dashboard shows the import alone, without a (necessarily empty) history. */
  withHistory?: boolean;
  title?: string;
  onRunning?(running: boolean): void;
  onShowOverview?(): void;
}

/** The import screen with its history (resume, discard), as the dashboard's Import section shows it. */
export function ImportPlace({ onImported, withHistory = true, title, onRunning, onShowOverview }: Props) {
  const settings = useRequestOnce<Settings>(() => request('getSettings', {}));
  const [version, setVersion] = useState(0);
  const [resume, setResume] = useState<ImportRecord>();
  return (
    <div class="io" data-testid="import-place">
      <ImportPanel
        settings={settings}
        resume={resume}
        title={title}
        onResumeDone={() => setResume(undefined)}
        onChanged={() => setVersion((v) => v + 1)}
        onImported={onImported}
        onRunning={onRunning}
        onShowOverview={onShowOverview}
      />
      {withHistory && <ImportHistory version={version} onResume={setResume} />}
    </div>
  );
}
