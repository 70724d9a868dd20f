import { ImportExportPanel } from '../../importExport/ImportExportPanel';

/**
 * Import, import history, export, backup and restore (components/importExport). Kept as the
 * mount point the settings section renders; the screens live in their own folder.
 */
export function ImportExport() {
  return <ImportExportPanel />;
}
