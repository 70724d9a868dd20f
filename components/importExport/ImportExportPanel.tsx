import { useState } from 'preact/hooks';
import { request } from '@/core/messaging';
import type { ImportRecord, Settings } from '@/core/model';
import { BackupPanel } from './BackupPanel';
import { ExportPanel } from './ExportPanel';
import { ImportHistory } from './ImportHistory';
import { ImportPanel } from './ImportPanel';
import { useRequestOnce } from './useRequestOnce';
import './importExport.css';

/** Import, import history, export, backup and restore, as the dashboard shows them. */
export function ImportExportPanel() {
  const settings = useRequestOnce<Settings>(() => request('getSettings', {}));
  const [version, setVersion] = useState(0);
  const [resume, setResume] = useState<ImportRecord>();
  return (
    <div class="io" data-testid="import-export">
      <ImportPanel
        settings={settings}
        resume={resume}
        onResumeDone={() => setResume(undefined)}
        onChanged={() => setVersion((v) => v + 1)}
      />
      <ImportHistory version={version} onResume={setResume} />
      <ExportPanel />
      <BackupPanel />
    </div>
  );
}
