import type { BuyerFilters } from '../adminDtos';
import { buyerIdsText, buyersToCsv, buyersToJson, type ExportRow, exportFileName } from '../export';
import type { ExportSelection } from '../importExportSchemas';
import type { Buyer, Settings } from '../model';
import type { BuyerTiersDB } from '../store';
import { exportCandidates, notesOf, tagsAndLinks } from '../store/exportData';
import { matcher, rowOfBuyer } from './buyerQuery';
import type { ServiceDeps, SettingsCache } from './context';
import type { Handlers } from './router';

export type ExportHandlerName = 'exportBuyers';

const MIME = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
  ids: 'text/plain;charset=utf-8',
} as const;
const EXT = { csv: 'csv', json: 'json', ids: 'txt' } as const;

/**
 * Exports a list of buyers (a tag, tier, segment, explicit keys or the buyer table's filters;
 * several criteria narrow each other) as CSV, JSON or plain buyer ids. The rows are built here
 * from buyers + tags + notes; formatting is the pure core/export.
 */
export function createExportHandlers(
  deps: ServiceDeps,
  settings: SettingsCache,
): Pick<Handlers, ExportHandlerName> {
  const { db, now } = deps;
  return {
    async exportBuyers({ selection, columns, format, listName, language }) {
      const s = await settings.get();
      const rows = await exportRows(db, selection, s);
      const options = { columns, language: language ?? 'en', timeZone: s.timeZone };
      const content =
        format === 'csv'
          ? buyersToCsv(rows, options)
          : format === 'json'
            ? buyersToJson(rows, options)
            : buyerIdsText(rows);
      return {
        fileName: exportFileName(listName ?? 'buyers', now(), EXT[format], s.timeZone),
        mime: MIME[format],
        content,
        count: rows.length,
      };
    },
  };
}

/** Candidates come from the most selective index available; every criterion is then applied. */
async function selectBuyers(
  db: BuyerTiersDB,
  sel: ExportSelection,
  tagIdsOf: Map<string, string[]>,
): Promise<Buyer[]> {
  const candidates = await exportCandidates(db, sel);
  const own: BuyerFilters = { tagId: sel.tagId, tier: sel.tier, segment: sel.segment };
  const tests = [matcher(own), ...(sel.filter ? [matcher(sel.filter)] : [])];
  return candidates.filter((b): b is Buyer => {
    if (!b) return false;
    const row = rowOfBuyer(b, tagIdsOf.get(b.key) ?? []);
    return tests.every((t) => t(row));
  });
}

export async function exportRows(db: BuyerTiersDB, sel: ExportSelection, s: Settings): Promise<ExportRow[]> {
  const { tags, links } = await tagsAndLinks(db);
  const tagIdsOf = new Map<string, string[]>();
  for (const l of links) {
    const list = tagIdsOf.get(l.buyerKey);
    if (list) list.push(l.tagId);
    else tagIdsOf.set(l.buyerKey, [l.tagId]);
  }
  const tagName = new Map(tags.map((t) => [t.id, t.name]));
  const buyers = await selectBuyers(db, sel, tagIdsOf);
  const notes = await notesOf(
    db,
    buyers.map((b) => b.key),
  );
  return buyers.map((b, i) => {
    const rfm = b.classes?.rfm;
    const countries = Object.entries(b.agg.countries).sort((x, y) => y[1] - x[1]);
    const row: ExportRow = {
      platform: b.platform,
      buyerId: b.buyerId,
      name: b.name,
      tags: (tagIdsOf.get(b.key) ?? []).flatMap((id) => {
        const n = tagName.get(id);
        return n ? [n] : [];
      }),
      tier: b.tier,
      segment: b.segment,
      orders: b.agg.paidOrders,
      spendMinor: b.agg.paidSpend,
      currency: s.shopCurrency,
      lastOrderAt: b.agg.lastOrderAt,
      country: countries[0]?.[0],
      note: notes[i]?.text,
    };
    if (rfm) {
      row.r = rfm.r;
      row.f = rfm.f;
      row.m = rfm.m;
    }
    return row;
  });
}
