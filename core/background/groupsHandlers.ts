import type { TagRef } from '../messaging';
import { epochDayInZone } from '../model';
import { clusterBuyers } from '../scoring/cluster';
import { createTag, getSettings, tagBuyers, tagsOfBuyers } from '../store';
import { allBuyers, buyersByKeys } from '../store/buyerReadsData';
import { loadClustering, type StoredClustering, saveClustering } from '../store/clustering';
import { rowFieldsOfBuyer } from './buyerQuery';
import type { ServiceDeps } from './context';
import { HandlerError, type Handlers } from './router';

type GroupsHandlerName = 'runClustering' | 'getClusteringStatus' | 'saveGroupAsTag' | 'groupBuyers';

/** Tag links written per transaction when saving a large group as a tag. */
const TAG_CHUNK = 5000;

/**
 * Discovered groups. Clustering 100,000 buyers takes about a second (tests/bench/cluster.ts), so
 * `runClustering` answers with the result directly; `getClusteringStatus` reports whether a run
 * is in progress (e.g. started from another tab) and returns the last result after a reload.
 */
export function createGroupsHandlers(deps: ServiceDeps): Pick<Handlers, GroupsHandlerName> {
  const { db, now } = deps;
  let last: StoredClustering | null | undefined;
  let running: Promise<StoredClustering> | undefined;

  const current = async (): Promise<StoredClustering | null> => {
    last ??= await loadClustering(db);
    return last;
  };

  const requireGroup = async (groupIndex: number): Promise<string[]> => {
    const c = await current();
    if (!c) throw new HandlerError('not-found', 'Discover groups first.');
    const keys = c.members[groupIndex];
    if (!keys) throw new HandlerError('not-found', `There is no group ${groupIndex + 1}.`);
    return keys;
  };

  const run = async (seed: number | undefined, k: number | undefined): Promise<StoredClustering> => {
    const started = performance.now();
    const s = await getSettings(db, deps.browserLanguage);
    const t = now();
    const buyers = await allBuyers(db);
    const res = clusterBuyers(
      buyers.map((b) => ({ agg: b.agg, segment: b.segment || undefined })),
      { asOfDay: epochDayInZone(t, s.timeZone), seed, k },
    );
    const members = res.members.map((idx) =>
      idx
        .slice()
        .sort((a, b) => buyers[b].agg.paidSpend - buyers[a].agg.paidSpend || a - b)
        .map((i) => buyers[i].key),
    );
    const stored: StoredClustering = {
      dto: { ...res.summary, computedAt: t, tookMs: performance.now() - started, currency: s.shopCurrency },
      members,
    };
    await saveClustering(db, stored);
    last = stored;
    return stored;
  };

  return {
    async runClustering({ seed, k }) {
      // One run at a time: a second request waits for the one in progress.
      running ??= run(seed, k).finally(() => {
        running = undefined;
      });
      return (await running).dto;
    },

    async getClusteringStatus() {
      return { running: running !== undefined, last: (await current())?.dto ?? null };
    },

    async saveGroupAsTag({ groupIndex, tagName }) {
      const keys = await requireGroup(groupIndex);
      const t = now();
      const tag = await createTag(db, tagName, undefined, t);
      for (let i = 0; i < keys.length; i += TAG_CHUNK) {
        await tagBuyers(db, keys.slice(i, i + TAG_CHUNK), tag.id, t);
      }
      return { tag, tagged: keys.length };
    },

    async groupBuyers({ groupIndex, offset, limit }) {
      const started = performance.now();
      const keys = await requireGroup(groupIndex);
      const page = keys.slice(offset, offset + limit);
      const [buyers, tags, s] = await Promise.all([
        buyersByKeys(db, page),
        tagsOfBuyers(db, page),
        getSettings(db, deps.browserLanguage),
      ]);
      const rows = buyers.flatMap((b) => {
        // A buyer forgotten since the run is simply skipped.
        if (!b) return [];
        const tagRefs: TagRef[] = (tags.get(b.key) ?? []).map((x) => ({
          id: x.id,
          name: x.name,
          color: x.color,
        }));
        return [{ ...rowFieldsOfBuyer(b), tags: tagRefs }];
      });
      return {
        total: keys.length,
        offset,
        rows,
        currency: s.shopCurrency,
        tookMs: performance.now() - started,
      };
    },
  };
}
