/**
 * The one protocol between content scripts / extension pages and the background worker.
 * Each message has one `data` object whose zod schema lives in `messageSchemas.ts` (only the
 * receiver loads it, which keeps zod out of the content script); the types here are derived from
 * those schemas with type-only imports. Every answer is a `Result`, so a bad message yields a
 * typed error instead of a crash.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { z } from 'zod';
import type * as Admin from './adminDtos';
import type * as IO from './importExportDtos';
import type { REQUESTS, TeachDraft } from './messageSchemas';
import type { Buyer, ClassChange, ImportRecord, Note, Order, Settings, Tag } from './model';
import type { Lexicon, NeedsDto } from './needs';
import type { ClusteringDto, ClusteringStatusDto } from './scoring/cluster/types';
import type { CustomRule } from './sites/customRule';
import type * as Team from './teamDtos';

export type ErrorCode =
  | 'invalid-message'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'storage'
  | 'quota'
  | 'internal';

export interface MessageError {
  code: ErrorCode;
  message: string;
  /** Field-level problems, e.g. `buyerKeys.3: buyer key must look like platform:buyerId`. */
  details?: string[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: MessageError };

export type Sender = 'content' | 'page';

export type MessageName = keyof typeof REQUESTS;
export type RequestData<K extends MessageName> = z.input<(typeof REQUESTS)[K]['data']>;
export type ParsedRequest<K extends MessageName> = z.output<(typeof REQUESTS)[K]['data']>;

export interface TagRef {
  id: string;
  name: string;
  color: string;
}

/** What a badge shows; everything the overlay needs without a second round trip. */
export interface BadgeDto {
  key: string;
  name?: string;
  orders: number;
  paidOrders: number;
  spend: number;
  currency: string;
  lastOrderAt?: number;
  segment: string;
  tier: string;
  lifecycle: string;
  keyAccount: boolean;
  tags: TagRef[];
  /** The latest class change within the last 30 days. */
  change?: { dimension: string; from: string; to: string; at: number };
}

export interface ResolvedActionDto {
  id: string;
  title: string;
  reply: string;
}

export interface BuyerCardDto {
  badge: BadgeDto;
  buyer: Buyer;
  orders: Order[];
  note?: Note;
  history: ClassChange[];
  actions: ResolvedActionDto[];
}

export interface SiteStateDto {
  captureEnabled: boolean;
  demoLoaded: boolean;
  locale: string;
}

export interface OverviewDto {
  buyers: number;
  orders: number;
  revenue: number;
  currency: string;
  active90d: number;
}

export interface RescoreStatusDto {
  running: boolean;
  done: number;
  total: number;
  finishedAt?: number;
}

/** How much space Buyer Tiers uses, and by what (the quota is the browser's, per origin). */
export interface StorageUsageDto {
  /** Bytes used by the extension's origin (navigator.storage.estimate); undefined if unknown. */
  usage?: number;
  /** Bytes the browser allows the origin; undefined if unknown. */
  quota?: number;
  /** Rows per database table. */
  perTable: Record<string, number>;
  /** Approximate bytes per table: rows × the size of a sample of rows. */
  estimateBytes: Record<string, number>;
}

/** A picked teach-mode draft waiting for the seller's permission grant in teach.html. */
export interface TeachDraftDto {
  token: string;
  origin: string;
  tabId?: number;
  draft: TeachDraft;
}

/** What a merge of one buyer into another moved (core/store/buyerMerge.ts). */
export interface BuyerMergeDto {
  /** False when nothing was left under the old key (the merge had already happened). */
  merged: boolean;
  into: string;
  orders: number;
  tags: number;
  classChanges: number;
  note: boolean;
  needs: boolean;
}

interface Responses {
  getBadges: Record<string, BadgeDto>;
  getBuyerCard: BuyerCardDto;
  seeBuyer: BadgeDto;
  recordCapturedOrders: { new: number; duplicate: number; updated: number; rejected: string[] };
  listTags: Array<Tag & { buyers: number }>;
  createTag: Tag;
  tagBuyers: { tagged: number };
  untagBuyers: { untagged: number };
  saveNote: Note | null;
  getSiteState: SiteStateDto;
  reportSelectorHealth: { misses: number };
  reportFieldStrategies: { fields: number };
  loadDemoOrders: { new: number; duplicate: number; updated: number };
  getSettings: Settings;
  saveSettings: Settings;
  renameTag: Tag;
  recolorTag: Tag;
  deleteTag: { token: string; buyers: number };
  undoDeleteTag: Tag;
  mergeTags: Tag;
  setCapture: { site: string; enabled: boolean };
  rescore: RescoreStatusDto;
  getRescoreStatus: RescoreStatusDto;
  forgetBuyer: { forgotten: string };
  getOverview: OverviewDto;
  listImports: ImportRecord[];
  startImport: ImportRecord;
  importBatch: IO.ImportBatchDto;
  importHeartbeat: { alive: boolean };
  finishImport: ImportRecord;
  resumeImport: ImportRecord;
  discardImport: IO.DiscardImportDto;
  getImportRejects: IO.ImportRejectsPageDto;
  listPresets: IO.SavedPreset[];
  savePreset: IO.SavedPreset;
  deletePreset: { deleted: string };
  getLeftOutOfSpend: IO.LeftOutOfSpendDto;
  exportBuyers: IO.ExportDto;
  createBackup: IO.BackupDto;
  planRestore: IO.RestorePlan;
  applyRestore: IO.RestoreDoneDto;
  queryBuyers: Admin.BuyerPageDto;
  tagMatching: { tagged: number };
  getDistributions: Admin.DistributionsDto;
  getMovers: Admin.MoverDto[];
  previewSettings: Admin.PreviewCountsDto;
  getActionTemplates: Admin.ActionTemplatesDto;
  saveActionTemplates: Admin.ActionTemplatesDto;
  resetActionTemplates: Admin.ActionTemplatesDto;
  previewActions: ResolvedActionDto[];
  deleteEverything: { deleted: true };
  listSiteRules: Admin.SiteRuleDto[];
  deleteSiteRule: { deleted: string };
  getSelectorHealth: Admin.SelectorHealthDto[];
  resetSelectorHealth: { reset: boolean };
  exportSiteRule: import('./sites/ruleFile').SiteRuleFile;
  importSiteRule: Admin.SiteRuleImportDto;
  getSiteRule: CustomRule | null;
  loadBuyerCard: { loaded: boolean };
  loadRuleReader: { loaded: boolean };
  startTeachMode: { started: boolean };
  submitTeachDraft: { token: string };
  getTeachDraft: TeachDraftDto;
  saveSiteRule: CustomRule;
  runClustering: ClusteringDto;
  getClusteringStatus: ClusteringStatusDto;
  saveGroupAsTag: { tag: Tag; tagged: number };
  groupBuyers: Admin.BuyerPageDto;
  recordChatNeeds: NeedsDto;
  getNeeds: NeedsDto;
  correctNeeds: NeedsDto;
  getLexicon: Lexicon;
  saveLexicon: Lexicon;
  resetLexicon: Lexicon;
  getStorageUsage: StorageUsageDto;
  mergeBuyers: BuyerMergeDto;
  getTeamStatus: Team.TeamStatusDto;
  joinTeam: Team.TeamStatusDto;
  listTeamMembers: Team.TeamMemberDto[];
  createTeamInvite: Team.TeamInviteDto;
  removeTeamMember: { removed: string };
  leaveTeam: { left: true };
}

export type ResponseOf<K extends MessageName> = Responses[K];

/**
 * Background → tab and page messages, in the same protocol map: the background sends them (to a
 * tab by id, or to the extension's open pages) and the receiver answers; the router serves only
 * the requests above.
 */
export interface TabMessages {
  /** The open-buyer-card keyboard command: open the card of the buyer this tab shows. */
  openBuyerCard(data: Record<string, never>): void;
  /** Data changed: sent to every tab and page after a write, so each can refresh what it shows. */
  dataChanged(data: ChangeSignal): void;
}

export type ProtocolMap = {
  [K in MessageName]: (data: RequestData<K>) => Result<Responses[K]>;
} & TabMessages;

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

export class MessageFailure extends Error {
  constructor(readonly error: MessageError) {
    super(error.message);
    this.name = 'MessageFailure';
  }
}

/** Sends a message and unwraps the result, throwing `MessageFailure` on a typed error. */
export async function request<K extends MessageName>(name: K, data: RequestData<K>): Promise<Responses[K]> {
  // The generic overloads cannot relate K to its data type; the map above guarantees it.
  const send = sendMessage as unknown as (n: K, d: RequestData<K>) => Promise<Result<Responses[K]>>;
  const res = await send(name, data);
  if (!res.ok) throw new MessageFailure(res.error);
  return res.value;
}

/** What a write can make stale: buyers (orders, classes, notes, needs), tags, or settings and rules. */
export type ChangeKind = 'buyers' | 'tags' | 'settings';

/** The `dataChanged` broadcast: the router sends it after every message that declares `invalidates`. */
export interface ChangeSignal {
  at: number;
  /** Changed buyers; empty means "many or all" (e.g. after a rescore). */
  buyerKeys: string[];
  kinds: ChangeKind[];
}
