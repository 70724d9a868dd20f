import type { ChangeSignal } from '../messaging';
import type { Buyer, BuyerAggregate } from '../model';
import type { BuyerTiersDB } from '../store';
import { tagIdsByBuyer } from '../store/buyerIndexData';
import { buyersByKeys, eachBuyer } from '../store/buyerReadsData';
import { type BuyerRow, RowSnapshot, rowOfBuyer } from './buyerQuery';

/**
 * The background's in-memory copy of every buyer's table row (and aggregate, for the settings
 * preview), so the dashboard can filter 100,000 buyers without reading IndexedDB per keystroke.
 *
 * Freshness: built lazily on first use; every change the background announces (its ChangeFeed) is
 * passed to `noteChange` — buyer-keyed changes patch just those rows, tag renames/merges reload
 * the tag links, anything broader (settings, rescore, delete-all) rebuilds on the next query. A
 * finished full rescore is detected from the rescorer's `finishedAt` stamp, because
 * `saveSettings` signals before its background rescore is done.
 */
export class BuyerIndex {
  private readonly entries = new Map<string, { row: BuyerRow; agg: BuyerAggregate }>();
  private snap: RowSnapshot | undefined;
  private dirtyAll = true;
  private tagsDirty = false;
  private readonly dirtyKeys = new Set<string>();
  private builtFor: number | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: BuyerTiersDB,
    /** When the last full rescore finished (undefined if none yet). */
    private readonly rescoredAt: () => number | undefined,
  ) {}

  noteChange(change: Omit<ChangeSignal, 'at'>): void {
    if (change.buyerKeys.length > 0) {
      for (const k of change.buyerKeys) this.dirtyKeys.add(k);
    } else if (change.kinds.includes('buyers') || change.kinds.includes('settings')) {
      this.dirtyAll = true;
    } else if (change.kinds.includes('tags')) {
      this.tagsDirty = true;
    }
  }

  /** The current rows, refreshed first if anything changed. Calls are serialised. */
  snapshot(): Promise<RowSnapshot> {
    const next = this.queue.then(() => this.refresh());
    this.queue = next.catch(() => {});
    return next;
  }

  async aggregates(): Promise<BuyerAggregate[]> {
    await this.snapshot();
    return [...this.entries.values()].map((e) => e.agg);
  }

  private async refresh(): Promise<RowSnapshot> {
    const finishedAt = this.rescoredAt();
    if (finishedAt !== this.builtFor) this.dirtyAll = true;
    if (this.dirtyAll) {
      this.dirtyAll = false;
      this.tagsDirty = false;
      this.dirtyKeys.clear();
      this.builtFor = finishedAt;
      await this.loadAll();
    } else if (this.tagsDirty || this.dirtyKeys.size > 0) {
      if (this.tagsDirty) {
        this.tagsDirty = false;
        await this.reloadTags();
      }
      if (this.dirtyKeys.size > 0) {
        const keys = [...this.dirtyKeys];
        this.dirtyKeys.clear();
        await this.reloadBuyers(keys);
      }
      this.snap = undefined;
    }
    this.snap ??= new RowSnapshot([...this.entries.values()].map((e) => e.row));
    return this.snap;
  }

  private put(b: Buyer, tagIds: string[]) {
    this.entries.set(b.key, { row: rowOfBuyer(b, tagIds), agg: b.agg });
  }

  private async loadAll() {
    const tags = await tagIdsByBuyer(this.db);
    this.entries.clear();
    await eachBuyer(this.db, (b) => this.put(b, tags.get(b.key) ?? []));
    this.snap = undefined;
  }

  private async reloadTags() {
    const tags = await tagIdsByBuyer(this.db);
    for (const [key, e] of this.entries) {
      this.entries.set(key, { ...e, row: { ...e.row, tagIds: tags.get(key) ?? [] } });
    }
  }

  private async reloadBuyers(keys: readonly string[]) {
    const [buyers, tags] = await Promise.all([buyersByKeys(this.db, keys), tagIdsByBuyer(this.db, keys)]);
    keys.forEach((key, i) => {
      const b = buyers[i];
      if (b) this.put(b, tags.get(key) ?? []);
      else this.entries.delete(key);
    });
  }
}
