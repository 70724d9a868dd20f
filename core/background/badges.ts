import type { BadgeDto } from '../messaging';
import type { Buyer, ClassChange, Settings, Tag } from '../model';
import type { BuyerTiersDB } from '../store';
import { tagsOfBuyers } from '../store';
import { buyerKeysOfOrders, recentSegmentChanges } from '../store/badgeData';
import { buyersByKeys } from '../store/buyerReadsData';

/** How long a class change keeps its arrow on the badge. */
export const RECENT_CHANGE_MS = 30 * 86_400_000;

export function toBadge(
  buyer: Buyer,
  tags: readonly Tag[],
  settings: Settings,
  change?: ClassChange,
): BadgeDto {
  return {
    key: buyer.key,
    name: buyer.name,
    orders: buyer.agg.orders,
    paidOrders: buyer.agg.paidOrders,
    spend: buyer.agg.paidSpend,
    currency: settings.shopCurrency,
    lastOrderAt: buyer.agg.lastOrderAt,
    segment: buyer.segment,
    tier: buyer.tier,
    lifecycle: buyer.lifecycle,
    keyAccount: buyer.classes?.keyAccount ?? false,
    tags: tags.map((t) => ({ id: t.id, name: t.name, color: t.color })),
    change: change
      ? { dimension: change.dimension, from: change.from, to: change.to, at: change.at }
      : undefined,
  };
}

/**
 * Badges for many buyers in a few indexed reads, however many keys are asked for. The change
 * read may return older changes too, so only those within RECENT_CHANGE_MS get an arrow.
 */
export async function badgesFor(
  db: BuyerTiersDB,
  keys: readonly string[],
  settings: Settings,
  now: number,
): Promise<Record<string, BadgeDto>> {
  const unique = [...new Set(keys)];
  const [buyers, tags, changes] = await Promise.all([
    buyersByKeys(db, unique),
    tagsOfBuyers(db, unique),
    recentSegmentChanges(db, unique, now - RECENT_CHANGE_MS),
  ]);
  const latestChange = new Map<string, ClassChange>();
  for (const c of changes) {
    if (c.at < now - RECENT_CHANGE_MS || c.dimension !== 'segment') continue;
    const prev = latestChange.get(c.buyerKey);
    if (!prev || c.at > prev.at) latestChange.set(c.buyerKey, c);
  }
  const out: Record<string, BadgeDto> = {};
  buyers.forEach((b) => {
    if (b) out[b.key] = toBadge(b, tags.get(b.key) ?? [], settings, latestChange.get(b.key));
  });
  return out;
}

/**
 * Badges of the buyers of some orders, keyed by order key (`<platform>:<orderId>`): the badge's
 * own `key` says which buyer it is. Unknown orders are absent. One indexed read for the orders,
 * then the same batched read as badgesFor.
 */
export async function badgesForOrders(
  db: BuyerTiersDB,
  orderKeys: readonly string[],
  settings: Settings,
  now: number,
): Promise<Record<string, BadgeDto>> {
  const unique = [...new Set(orderKeys)];
  if (unique.length === 0) return {};
  const buyerOf = await buyerKeysOfOrders(db, unique);
  const badges = await badgesFor(db, [...new Set(buyerOf.values())], settings, now);
  const out: Record<string, BadgeDto> = {};
  for (const [orderKey, buyerKey] of buyerOf) if (badges[buyerKey]) out[orderKey] = badges[buyerKey];
  return out;
}
