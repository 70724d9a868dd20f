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
import { type BuyerTiersDB, getActionTemplates, getSettings, rebuildAggregates } from '../store';
import { aggregateContextOf, type FullRescoreOptions, type Rescorer, type TouchedBuyer } from './context';
import { loadNeeds } from './needsStore';

/** Buyers written per transaction during a full rescore; small enough to keep badge reads fast. */
export const RESCORE_CHUNK = 2000;

/**
 * Meta row that exists while a full rescore (and, after a currency or time-zone change, the
 * rebuild of every aggregate before it) is owed. Written before the work starts and deleted when
 * it has finished, so a worker stopped mid-way (Chrome stops MV3 workers at will) finds it on
 * its next start and finishes the job: classes never stay half old, half new.
 */
export const RESCORE_PENDING_KEY = 'rescorePending';

interface PendingRescore {
  since: number;
  rebuildAggregates: boolean;
}

function pendingOf(value: unknown): PendingRescore | undefined {
  const v = value as Partial<PendingRescore> | undefined;
  return v ? { since: Number(v.since) || 0, rebuildAggregates: v.rebuildAggregates === true } : undefined;
}

/**
 * Records that a full rescore (with an aggregate rebuild when `rebuild`) is owed. Run it inside
 * the transaction that makes the rescore necessary (it needs `db.meta`), so the change and the
 * marker are written together or not at all: a worker stopped between them cannot leave new
 * settings with nobody owing the rescore.
 */
export async function recordRescoreOwed(db: BuyerTiersDB, rebuild: boolean, at: number): Promise<void> {
  const prev = pendingOf((await db.meta.get(RESCORE_PENDING_KEY))?.value);
  const value: PendingRescore = {
    since: prev?.since ?? at,
    rebuildAggregates: rebuild || (prev?.rebuildAggregates ?? false),
  };
  await db.meta.put({ key: RESCORE_PENDING_KEY, value });
}

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
    await db.transaction('rw', db.buyers, db.classChanges, async () => {
      // Re-read inside the transaction: a capture may have changed a buyer since the snapshot.
      const buyers = await db.buyers.bulkGet([...keys]);
      const changes: ClassChange[] = [];
      const next: Buyer[] = [];
      for (const b of buyers) {
        if (!b) continue;
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
      await db.buyers.bulkPut(next);
      if (changes.length > 0) await db.classChanges.bulkAdd(changes);
    });
  };

  const runFull = async (): Promise<RescoreStatusDto> => {
    const settings = await settingsNow();
    const asOf = now();
    const snapshot = await db.buyers.toArray();
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
    const keys = (await db.buyers.toCollection().primaryKeys()) as string[];
    status = { running: true, done: 0, total: keys.length };
    for (let i = 0; i < keys.length; i += RESCORE_CHUNK) {
      const chunk = keys.slice(i, i + RESCORE_CHUNK);
      await db.transaction('rw', db.orders, db.buyers, () => rebuildAggregates(db, chunk, ctx, now()));
    }
  };

  const readPending = async (): Promise<PendingRescore | undefined> =>
    pendingOf((await db.meta.get(RESCORE_PENDING_KEY))?.value);

  /** Best effort: a full disk must not stop the rescore itself from running. */
  const markPending = async (rebuild: boolean) => {
    try {
      await db.transaction('rw', db.meta, () => recordRescoreOwed(db, rebuild, now()));
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
        if ((await readPending())?.rebuildAggregates ?? rebuild) await rebuildAllAggregates();
        let result = await runFull();
        while (again) {
          again = false;
          if (againRebuild) {
            againRebuild = false;
            await rebuildAllAggregates();
          }
          result = await runFull();
        }
        await db.meta.delete(RESCORE_PENDING_KEY).catch(() => {});
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
    const [pending, unscored] = await Promise.all([
      readPending(),
      db.buyers.where('segment').equals('unscored').count(),
    ]);
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
    const current = await db.buyers.bulkGet(touched.map((t) => t.key));
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
          const all = await db.buyers.toArray();
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
