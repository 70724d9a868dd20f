import type { ChangeSignal, RescoreStatusDto, ResolvedActionDto } from '../messaging';
import type { Buyer, BuyerAggregate, BuyerClasses, Settings } from '../model';
import type { AggregateContext } from '../scoring/aggregate';
import type { BuyerTiersDB } from '../store';
import { getSettings, saveSettings } from '../store';
import { saveSettingsWith } from '../store/settingsSave';
import type { TeamService } from './team/service';

/** A buyer whose aggregate a write changed, with the aggregate before it (undefined if new). */
export interface TouchedBuyer {
  key: string;
  prev?: BuyerAggregate;
}

export interface FullRescoreOptions {
  /** Rebuild every aggregate from its orders first (after a currency or time-zone change). */
  rebuildAggregates?: boolean;
}

/** Scoring as the handlers see it; implemented in `rescorer.ts` over core/scoring. */
export interface Rescorer {
  /** Rescores the buyers whose orders just changed against the current shop context. */
  afterWrite(touched: readonly TouchedBuyer[]): Promise<void>;
  /**
   * Starts a full rescore (rebuilding quantile boundaries and model fits); resolves when done.
   * With `rebuildAggregates` every buyer's aggregate is first rebuilt from its orders. Owed work
   * is recorded in the database first, so a worker stopped mid-way finishes it on its next start.
   */
  full(opts?: FullRescoreOptions): Promise<RescoreStatusDto>;
  status(): RescoreStatusDto;
  /** On worker start: re-runs a full rescore a stopped worker left unfinished, if any. */
  resumeIfNeeded?(): Promise<RescoreStatusDto | undefined>;
  /**
   * Actions in `locale` (the interface language); replies in `replyLocale` when given (the
   * buyer's chat language). A buyer without stored classes and no paid order gets a prospect's.
   */
  suggestActions(buyer: Buyer, locale: string, replyLocale?: string): Promise<ResolvedActionDto[]>;
  /**
   * The reasons for the buyer's stored classes (stored lean, without reasons, to keep rescoring
   * cheap), computed against the current shop context at the classes' `asOf`. Optional so
   * test doubles need not implement it; without it the card shows no reasons.
   */
  explain?(buyer: Buyer): Promise<BuyerClasses['reasons']>;
}

export interface ServiceDeps {
  db: BuyerTiersDB;
  now(): number;
  browserLanguage: string;
  /**
   * Where the background's announced changes go: every open page and overlay tab (`broadcastTo`).
   * Handlers never call it; the router announces what each message declares it invalidates.
   */
  signal(change: Omit<ChangeSignal, 'at'>): void;
  rescorer: Rescorer;
  /** Team sync (core/background/team); absent in test backgrounds that do not exercise it. */
  team?: TeamService;
}

/** Settings cached in memory; every write goes through `save` so the cache cannot go stale. */
export class SettingsCache {
  private cached: Settings | undefined;
  constructor(
    private readonly db: BuyerTiersDB,
    private readonly browserLanguage: string,
  ) {}
  async get(): Promise<Settings> {
    this.cached ??= await getSettings(this.db, this.browserLanguage);
    return this.cached;
  }
  /**
   * Saves `next`; `alongside` (writes to `db.meta` only) runs in the same transaction, so both are
   * stored or neither is. The cache changes only after the commit.
   */
  async save(next: Settings, alongside?: () => Promise<void>): Promise<Settings> {
    const saved = alongside
      ? await saveSettingsWith(this.db, next, alongside)
      : await saveSettings(this.db, next);
    this.cached = saved;
    return saved;
  }
}

export function aggregateContextOf(s: Settings): AggregateContext {
  return { shopCurrency: s.shopCurrency, currencyRates: s.currencyRates, timeZone: s.timeZone };
}
