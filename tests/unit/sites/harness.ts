import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { selectorHealth } from '../../../core/sites/health';
import type {
  CapturedOrderRow,
  ChatMessage,
  FoundBuyer,
  PageKind,
  SelectorHealth,
  SiteAdapter,
} from '../../../core/sites/types';

/** Where adapter fixtures live: tests/fixtures/sites/<adapter id>/*.html + expected.json. */
export const FIXTURES_DIR = join(__dirname, '../../fixtures/sites');

export interface PlainBuyer {
  buyerId: string;
  name: string;
}

export type PlainOrder = Omit<CapturedOrderRow, 'anchor' | 'placedAt'> & { placedAt: string };
export type PlainMessage = Omit<ChatMessage, 'at'> & { at?: string };

/**
 * What expected.json holds per fixture file. Times are ISO strings: with "Z" or an offset for
 * sites that print a zone, without one for sites read in the browser's local zone (Date.parse
 * then reads them as local time, matching the adapter on any test machine).
 */
export interface FixtureExpectation {
  url: string;
  pageKind: PageKind;
  chatBuyer?: PlainBuyer | null;
  /** Tag name of the chat input, or null when there is none. */
  chatInput?: string | null;
  listBuyers?: PlainBuyer[];
  orderRows?: PlainOrder[];
  messages?: PlainMessage[];
  health?: Partial<SelectorHealth>;
}

export type ExpectedFile = Record<string, FixtureExpectation>;

export function fixtureIds(): string[] {
  return readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

export function readExpected(id: string): ExpectedFile {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, id, 'expected.json'), 'utf8')) as ExpectedFile;
}

export function fixtureHtml(id: string, file: string): string {
  return readFileSync(join(FIXTURES_DIR, id, file), 'utf8');
}

/**
 * Puts page HTML into the (happy-dom) document. Parsed with DOMParser and moved in as markup via
 * innerHTML, so inline page scripts are never executed.
 */
export function loadIntoDocument(html: string): Document {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.head.innerHTML = parsed.head.innerHTML;
  document.body.innerHTML = parsed.body.innerHTML;
  return document;
}

const plainBuyer = (b: FoundBuyer | null): PlainBuyer | null =>
  b ? { buyerId: b.buyerId, name: b.name } : null;

/** Everything the adapter reads from `root`, as plain data comparable with expected.json. */
export function readAll(adapter: SiteAdapter, root: ParentNode, pageKind: PageKind) {
  const input = adapter.findChatInput?.(root);
  return {
    chatBuyer: adapter.readChatBuyer ? plainBuyer(adapter.readChatBuyer(root)) : undefined,
    chatInput: adapter.findChatInput ? (input ? input.localName : null) : undefined,
    listBuyers: adapter.readListBuyers?.(root).map((b) => plainBuyer(b)!),
    orderRows: adapter.readOrderRows?.(root).map(({ anchor, ...row }) => row),
    messages: adapter.readMessages?.(root),
    health: selectorHealth(adapter, root, pageKind),
  };
}

/** Turns expected ISO strings into epoch ms for comparison with reader output. */
export function expectedOrders(rows: PlainOrder[]): Array<Omit<CapturedOrderRow, 'anchor'>> {
  return rows.map((r) => ({ ...r, placedAt: Date.parse(r.placedAt) }));
}

export function expectedMessages(list: PlainMessage[]): ChatMessage[] {
  return list.map(({ at, ...m }) => (at === undefined ? m : { ...m, at: Date.parse(at) }));
}
