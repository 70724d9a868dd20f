import { BackupPanel } from './BackupPanel';
import { ExportPanel } from './ExportPanel';
import './importExport.css';

/** Export, backup and restore, as the settings section shows them (import has its own section). */
export function ExportBackupPanel() {
  return (
    <div class="io" data-testid="import-export">
      <ExportPanel />
      <BackupPanel />
    </div>
  );
}
