import type { StorageUsageDto } from '../messaging';
import type { ServiceDeps } from './context';
import type { Handlers } from './router';

/** Rows read per table to estimate the size of one row. */
const SAMPLE_ROWS = 50;

/**
 * `getStorageUsage`: what the browser says the extension's origin uses and may use, and an
 * approximation per table (row count × mean serialised size of a sample of rows, UTF-16 bytes),
 * so a seller who runs out of space sees which data takes it.
 */
export function createStorageHandlers(deps: ServiceDeps): Pick<Handlers, 'getStorageUsage'> {
  const { db } = deps;
  return {
    async getStorageUsage() {
      const perTable: Record<string, number> = {};
      const estimateBytes: Record<string, number> = {};
      await Promise.all(
        db.tables.map(async (t) => {
          const [rows, sample] = await Promise.all([t.count(), t.limit(SAMPLE_ROWS).toArray()]);
          perTable[t.name] = rows;
          const sampled = sample.reduce((sum: number, r: unknown) => sum + JSON.stringify(r).length * 2, 0);
          estimateBytes[t.name] = sample.length > 0 ? Math.round((sampled / sample.length) * rows) : 0;
        }),
      );
      let usage: number | undefined;
      let quota: number | undefined;
      try {
        const est = await globalThis.navigator?.storage?.estimate?.();
        usage = est?.usage;
        quota = est?.quota;
      } catch {
        // Unknown: the per-table figures still say what takes the space.
      }
      const dto: StorageUsageDto = { perTable, estimateBytes };
      if (usage !== undefined) dto.usage = usage;
      if (quota !== undefined) dto.quota = quota;
      return dto;
    },
  };
}
