import type { RescoreStatusDto } from '../messaging';
import { type Buyer, type ClassChange, epochDayInZone, type Settings } from '../model';
import { latestChatNeeds, needsOrientation } from '../needs';
import {
  buildScoringContext,
  classifyBuyer,
  diffClasses,
  explainBuyer,
  type ShopScoringContext,
  suggestActions,
  unscoredProspectClasses,
  updateScoringContext,
} from '../scoring';
import { type BuyerTiersDB, getActionTemplates, getSettings } from '../store';
import { allBuyerKeys, allBuyers, buyersByKeys, countUnscoredBuyers } from '../store/buyerReadsData';
import { loadNeeds } from '../store/needs';
import {
  clearRescoreOwed,
  markRescoreOwed,
  readRescorePending,
  rebuildAggregatesOf,
  writeRescoredBuyers,
} from '../store/rescoreData';
import { aggregateContextOf, type FullRescoreOptions, type Rescorer, type TouchedBuyer } from './context';

/** Buyers written per transaction during a full rescore; small enough to keep badge reads fast. */
export const RESCORE_CHUNK = 2000;

/** The owed-rescore marker is store data; re-exported here because handlers and tests name it here. */
export { RESCORE_PENDING_KEY, recordRescoreOwed } from '../store/rescoreData';

export interface RescorerDeps {
  db: BuyerTiersDB;
  now(): number;
  browserLanguage: string;
}

/**
 * Keeps every buyer's classes fresh.
 *
 * How quantile boundaries stay fresh: a full rescore builds the shop context (sorted values per
 * dimension, medians, model fits) from every aggregate. When orders arrive, each touched buyer is
 * moved inside that context (remove the old aggregate, insert the new one; exact, O(log n)) and
 * only that buyer is reclassified. Other buyers' ranks can shift slightly as the shop grows, so a
 * full rescore runs whenever the shop calendar day changes, settings change, or after a
 * demo/import load, and the model fits are refreshed then too.
 */
export function createRescorer(deps: RescorerDeps): Rescorer {
  const { db, now } = deps;
  let context: ShopScoringContext | undefined;
  // For explaining before this worker's first full rescore: built from every aggregate once per
  // shop day and never used for rescoring, so a restarted worker still rescores on its next write.
  let explainContext: ShopScoringContext | undefined;
  let status: RescoreStatusDto = { running: false, done: 0, total: 0 };
  let running: Promise<RescoreStatusDto> | undefined;
  let again = false;

  const settingsNow = () => getSettings(db, deps.browserLanguage);

  const writeClasses = async (
    keys: readonly string[],
    ctx: ShopScoringContext,
    settings: Settings,
    asOf: number,
  ) => {
    await writeRescoredBuyers(db, keys, (buyers) => {
      const changes: ClassChange[] = [];
      const next: Buyer[] = [];
      for (const b of buyers) {
        // Lean (no reasons): reasons are most of the objects; the card asks `explain` for them.
        const classes = classifyBuyer({ name: b.name, agg: b.agg }, ctx, settings, asOf, { reasons: false });
        for (const d of diffClasses(b.classes, classes)) changes.push({ buyerKey: b.key, ...d, at: asOf });
        next.push({
          ...b,
          classes,
          segment: classes.segment,
          tier: classes.valueTier,
          lifecycle: classes.lifecycle,
          scoredAt: asOf,
        });
      }
      return { buyers: next, changes };
    });
  };

  const runFull = async (): Promise<RescoreStatusDto> => {
    const settings = await settingsNow();
    const asOf = now();
    const snapshot = await allBuyers(db);
    status = { running: true, done: 0, total: snapshot.length };
    // The last fits are a starting point for the refit (data moved by a day: fewer evaluations).
    const ctx = buildScoringContext(
      snapshot.map((b) => b.agg),
      settings,
      asOf,
      { warmStart: context?.fits },
    );
    context = ctx;
    explainContext = undefined;
    const keys = snapshot.map((b) => b.key);
    for (let i = 0; i < keys.length; i += RESCORE_CHUNK) {
      await writeClasses(keys.slice(i, i + RESCORE_CHUNK), ctx, settings, asOf);
      status = { ...status, done: Math.min(keys.length, i + RESCORE_CHUNK) };
      // Let queued badge requests run between chunks.
      await new Promise((r) => setTimeout(r, 0));
    }
    status = { running: false, done: keys.length, total: keys.length, finishedAt: now() };
    return status;
  };

  /** After a currency or time-zone change: every aggregate rebuilt from its orders, in chunks. */
  const rebuildAllAggregates = async () => {
    const ctx = aggregateContextOf(await settingsNow());
    const keys = await allBuyerKeys(db);
    status = { running: true, done: 0, total: keys.length };
    for (let i = 0; i < keys.length; i += RESCORE_CHUNK) {
      await rebuildAggregatesOf(db, keys.slice(i, i + RESCORE_CHUNK), ctx, now());
    }
  };

  /** Best effort: a full disk must not stop the rescore itself from running. */
  const markPending = async (rebuild: boolean) => {
    try {
      await markRescoreOwed(db, rebuild, now());
    } catch {
      // Nothing to do: without the marker only a worker death would lose this rescore.
    }
  };

  let againRebuild = false;
  const full = async (opts: FullRescoreOptions = {}): Promise<RescoreStatusDto> => {
    const rebuild = opts.rebuildAggregates === true;
    if (running) {
      // Settings changed during a rescore: run once more after it, with the new settings.
      again = true;
      againRebuild ||= rebuild;
      if (rebuild) void markPending(true);
      return running;
    }
    running = (async () => {
      try {
        await markPending(rebuild);
        if ((await readRescorePending(db))?.rebuildAggregates ?? rebuild) await rebuildAllAggregates();
        let result = await runFull();
        while (again) {
          again = false;
          if (againRebuild) {
            againRebuild = false;
            await rebuildAllAggregates();
          }
          result = await runFull();
        }
        await clearRescoreOwed(db).catch(() => {});
        return result;
      } catch (e) {
        status = { ...status, running: false };
        throw e;
      } finally {
        running = undefined;
      }
    })();
    return running;
  };

  /**
   * On worker start: finishes a full rescore a stopped worker left owed, or scores buyers an
   * interrupted import left unscored. Resolves undefined when there was nothing to do.
   */
  const resumeIfNeeded = async (): Promise<RescoreStatusDto | undefined> => {
    const [pending, unscored] = await Promise.all([readRescorePending(db), countUnscoredBuyers(db)]);
    if (!pending && unscored === 0) return undefined;
    return full({ rebuildAggregates: pending?.rebuildAggregates ?? false });
  };

  const afterWrite = async (touched: readonly TouchedBuyer[]) => {
    const settings = await settingsNow();
    const asOf = now();
    if (!context || context.asOfDay !== epochDayInZone(asOf, settings.timeZone)) {
      await full();
      return;
    }
    const current = await buyersByKeys(
      db,
      touched.map((t) => t.key),
    );
    let ctx = context;
    touched.forEach((t, i) => {
      ctx = updateScoringContext(ctx, t.prev, current[i]?.agg, settings);
    });
    context = ctx;
    await writeClasses(
      touched.map((t) => t.key),
      ctx,
      settings,
      asOf,
    );
  };

  return {
    afterWrite,
    full,
    resumeIfNeeded,
    status: () => status,
    async explain(buyer) {
      if (!buyer.classes) return {};
      const settings = await settingsNow();
      let ctx = context;
      if (!ctx) {
        const at = now();
        if (!explainContext || explainContext.asOfDay !== epochDayInZone(at, settings.timeZone)) {
          const all = await allBuyers(db);
          explainContext = buildScoringContext(
            all.map((b) => b.agg),
            settings,
            at,
          );
        }
        ctx = explainContext;
      }
      return explainBuyer({ name: buyer.name, agg: buyer.agg }, ctx, settings, buyer.classes.asOf);
    },
    async suggestActions(buyer, language, replyLanguage) {
      const at = now();
      const [templates, settings, needs] = await Promise.all([
        getActionTemplates(db),
        settingsNow(),
        loadNeeds(db, buyer.key, at),
      ]);
      // A buyer first seen in a chat has no classes until the next full rescore: a prospect.
      const classes = buyer.classes ?? unscoredProspectClasses(buyer, settings, at);
      if (!classes) return [];
      const locale = /^zh/i.test(replyLanguage ?? language) ? 'zh_CN' : 'en';
      // The need orientation read from chats (core/needs) can trigger need conditions too, and
      // for a prospect so can what the latest chat asks about.
      const read = needsOrientation(needs, settings.needs);
      const latestChat = read.source === 'corrected' ? [] : latestChatNeeds(needs);
      return suggestActions(
        classes,
        buyer.agg,
        buyer.name,
        templates,
        locale,
        { currency: settings.shopCurrency },
        { orientation: read.orientation, latestChat },
      ).map((a) => ({ id: a.id, title: a.titleKey, reply: a.text }));
    },
  };
}
