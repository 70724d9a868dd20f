import { createBackupHandlers } from './backupHandlers';
import type { ServiceDeps, SettingsCache } from './context';
import { createExportHandlers } from './exportHandlers';
import { createImportHandlers } from './importHandlers';
import { combineHandlers } from './router';

/** Import, export and backup handlers as one part of the handler map (a clash fails at start-up). */
export function createImportExportHandlers(deps: ServiceDeps, settings: SettingsCache) {
  return combineHandlers(
    createImportHandlers(deps, settings),
    createExportHandlers(deps, settings),
    createBackupHandlers(deps, settings),
  );
}
