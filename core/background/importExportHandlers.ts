import { createBackupHandlers } from './backupHandlers';
import type { ServiceDeps, SettingsCache } from './context';
import { createExportHandlers } from './exportHandlers';
import { createImportHandlers } from './importHandlers';

/** Import, export and backup handlers as one object, so `createHandlers` spreads them in one line. */
export function createImportExportHandlers(deps: ServiceDeps, settings: SettingsCache) {
  return {
    ...createImportHandlers(deps, settings),
    ...createExportHandlers(deps, settings),
    ...createBackupHandlers(deps, settings),
  };
}
