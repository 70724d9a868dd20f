import { buyerKeyOf, type Order, orderKeyOf } from '../../core/model';
import {
  CHAT_LINES,
  CN_GIVEN,
  CN_NICKS,
  CN_SURNAMES,
  COMPANIES,
  EN_FIRST,
  EN_LAST,
  ID_SYLLABLES,
  JP_NAMES,
  PRODUCTS,
  type Product,
  SEA_NAMES,
  type Topic,
} from './catalog';
import { Rng } from './prng';
import { HOSTILE_BUYERS, PROFILES, type Profile, type ProfileKind } from './profiles';

export interface DemoBuyer {
  id: string;
  name: string;
  platform: 'demo';
}

export interface DemoMessage {
  from: 'buyer' | 'seller';
  text: string;
  at: number;
}

export interface DemoConversation {
  buyerId: string;
  messages: DemoMessage[];
}

export interface DemoData {
  meta: { seed: number; asOf: number; currency: 'CNY'; platform: 'demo' };
  buyers: DemoBuyer[];
  orders: Order[];
  conversations: DemoConversation[];
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

interface Persona {
  buyer: DemoBuyer;
  profile: Profile;
  country: string;
  favourite: string;
  discountRate: number;
  refundRate: number;
  priceFactor: number;
}

/** A display name and home country for the n-th buyer of a profile. */
function personName(rng: Rng, kind: ProfileKind, n: number): { name: string; country: string } {
  if (kind === 'wholesale') {
    const [country, name] = COMPANIES[n % COMPANIES.length];
    return { name, country };
  }
  const roll = rng.float();
  if (roll < 0.74) {
    const name = rng.chance(0.25) ? rng.pick(CN_NICKS) : rng.pick(CN_SURNAMES) + rng.pick(CN_GIVEN);
    return { name, country: rng.chance(0.04) ? rng.pick(['SG', 'MY']) : 'CN' };
  }
  if (roll < 0.84) return { name: `${rng.pick(EN_FIRST)} ${rng.pick(EN_LAST)}`, country: 'US' };
  if (roll < 0.95) {
    const [country, name] = rng.pick(SEA_NAMES);
    return { name, country };
  }
  return { name: rng.pick(JP_NAMES), country: 'JP' };
}

function nickFor(rng: Rng, name: string): string {
  if (/^[A-Za-z ]+$/.test(name)) return `${name.toLowerCase().replace(/\s+/g, '.')}${rng.int(1, 99)}`;
  if (rng.chance(0.15)) return `${name.replace(/\s+/g, '')}${rng.int(2015, 2024)}`;
  return `${rng.pick(ID_SYLLABLES)}_${rng.pick(ID_SYLLABLES)}${rng.int(1, 999)}`;
}

function makePersonas(rng: Rng): Persona[] {
  const personas: Persona[] = [];
  const ids = new Set<string>();
  const names = new Set<string>();
  // The names the brief's screenshots use come first, so the demo opens on familiar faces.
  const featured = ['张伟', '王芳', '李娜', '小鱼儿旗舰店采购'];
  for (const profile of PROFILES) {
    for (let n = 0; n < profile.count; n++) {
      let { name, country } = personName(rng, profile.kind, n);
      let id: string;
      if (profile.kind === 'hostile') {
        ({ id, name } = HOSTILE_BUYERS[n]);
        country = 'CN';
      } else {
        if (profile.kind === 'champion' && featured.length > 0) name = featured.shift()!;
        // Real shops have namesakes, but unique names make the demo easier to follow.
        while (names.has(name)) name = `${name}${rng.int(2, 9)}`;
        id = nickFor(rng, name);
        while (ids.has(id)) id = `${id}${rng.int(0, 9)}`;
      }
      names.add(name);
      ids.add(id);
      const discountHeavy =
        ['potential', 'loyal', 'new', 'needAttention'].includes(profile.kind) && rng.chance(0.22);
      personas.push({
        buyer: { id, name, platform: 'demo' },
        profile,
        country,
        favourite: rng.pick(PRODUCTS).category,
        discountRate: profile.kind === 'wholesale' ? 0.6 : discountHeavy ? 0.85 : 0.12,
        refundRate: rng.chance(0.06) ? 0.35 : 0.04,
        priceFactor: discountHeavy ? 0.7 : rng.chance(0.15) ? 1.6 : 1,
      });
    }
  }
  return personas;
}

function pickProduct(rng: Rng, favourite: string): Product {
  const pool = rng.chance(0.6) ? PRODUCTS.filter((p) => p.category === favourite) : PRODUCTS;
  return rng.pick(pool);
}

interface DraftOrder extends Omit<Order, 'key' | 'orderId'> {}

function draftOrders(rng: Rng, p: Persona, asOf: number): DraftOrder[] {
  const count = rng.int(p.profile.orders[0], p.profile.orders[1]);
  const lastAt = asOf - rng.int(p.profile.lastDaysAgo[0], p.profile.lastDaysAgo[1]) * DAY;
  const span = rng.int(p.profile.spanDays[0], p.profile.spanDays[1]) * DAY;
  const drafts: DraftOrder[] = [];
  for (let i = 0; i < count; i++) {
    // The latest order sits at lastAt; the others spread over the buyer's active span.
    const day = i === 0 ? lastAt : lastAt - Math.floor(rng.float() * span);
    // Step back up to 15 hours so no order lands after asOf and times of day vary.
    const placedAt = day - rng.int(1, 15 * 60) * 60_000 - rng.int(0, 59_999);
    const lines = rng.chance(0.7) ? 1 : rng.int(2, 3);
    const items = [];
    for (let l = 0; l < lines; l++) {
      const product = pickProduct(rng, p.favourite);
      const base = rng.int(product.price[0], product.price[1]);
      const unitPrice = Math.round((base * p.priceFactor) / 10) * 10;
      const qty = rng.int(p.profile.qty[0], p.profile.qty[1]);
      items.push({ title: product.title, sku: product.sku, category: product.category, qty, unitPrice });
    }
    const subtotal = items.reduce((sum, it) => sum + it.qty * it.unitPrice, 0);
    const discount = rng.chance(p.discountRate)
      ? Math.round((subtotal * rng.int(5, 25)) / 100 / 100) * 100
      : 0;
    const statusRoll = rng.float();
    const status =
      statusRoll < p.refundRate ? 'refunded' : statusRoll < p.refundRate + 0.03 ? 'cancelled' : 'paid';
    drafts.push({
      platform: 'demo',
      buyerKey: buyerKeyOf('demo', p.buyer.id),
      // Order names are capped by the model; the page still shows the full (hostile) name.
      buyerName: Array.from(p.buyer.name).slice(0, 300).join(''),
      placedAt,
      total: subtotal - discount,
      currency: 'CNY',
      ...(discount > 0 ? { discount } : {}),
      items,
      status,
      shipCountry: p.country,
      source: 'demo',
      updatedAt: Math.min(asOf, placedAt + rng.int(1, 48) * HOUR),
    });
  }
  return drafts;
}

function topicsFor(rng: Rng, p: Persona): Topic[] {
  const topics: Topic[] = [rng.chance(0.5) ? 'greet' : rng.pick(['price', 'quality'] as const)];
  if (p.profile.kind === 'wholesale') topics.push('wholesale');
  else if (p.discountRate > 0.5) topics.push('price');
  if (p.country !== 'CN' || rng.chance(0.4)) topics.push('shipping');
  if (rng.chance(0.25)) topics.push(rng.pick(['quality', 'service'] as const));
  return topics;
}

function conversationFor(
  rng: Rng,
  p: Persona,
  lastOrderAt: number | undefined,
  asOf: number,
): DemoConversation {
  // Active buyers chatted recently; lapsed ones last chatted around their last order.
  const recent = lastOrderAt === undefined || asOf - lastOrderAt < 30 * DAY;
  let at = recent ? asOf - rng.int(10, 20 * 24 * 60) * 60_000 : (lastOrderAt ?? asOf) - rng.int(1, 48) * HOUR;
  const messages: DemoMessage[] = [];
  const english = p.country !== 'CN' && !/[\u4e00-\u9fff]/.test(p.buyer.name);
  for (const topic of topicsFor(rng, p)) {
    const lines = CHAT_LINES[topic];
    const preferred = lines.filter(([q]) => /[\u4e00-\u9fff]/.test(q) !== english);
    const [question, answer] = rng.pick(preferred.length > 0 ? preferred : lines);
    messages.push({ from: 'buyer', text: question, at });
    at += rng.int(1, 15) * 60_000;
    if (messages.length < 5 || rng.chance(0.5)) {
      messages.push({ from: 'seller', text: answer, at });
      at += rng.int(2, 90) * 60_000;
    }
  }
  const end = messages[messages.length - 1].at;
  // Keep every message before asOf while preserving the gaps between them.
  const shift = end > asOf - 60_000 ? end - (asOf - 60_000) : 0;
  for (const m of messages) m.at -= shift;
  return { buyerId: p.buyer.id, messages };
}

function orderIdFor(placedAt: number, seq: number): string {
  const d = new Date(placedAt + 8 * HOUR);
  const ymd = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
  return `DM${ymd}${String(seq).padStart(5, '0')}`;
}

/**
 * The demo data set: ~300 buyers, ~3,000 orders over the two years before `asOf`, and chats.
 * Same seed and asOf → identical output (no clock, no Math.random).
 */
export function generateDemoData(seed: number, asOf: Date): DemoData {
  const rng = new Rng(seed);
  const asOfMs = asOf.getTime();
  const personas = makePersonas(rng);
  const drafts: DraftOrder[] = [];
  const lastOrderAt = new Map<string, number>();
  for (const p of personas) {
    const mine = draftOrders(rng, p, asOfMs);
    drafts.push(...mine);
    if (mine.length > 0) lastOrderAt.set(p.buyer.id, Math.max(...mine.map((o) => o.placedAt)));
  }
  drafts.sort((a, b) => a.placedAt - b.placedAt || a.buyerKey.localeCompare(b.buyerKey));
  const orders: Order[] = drafts.map((d, i) => {
    const orderId = orderIdFor(d.placedAt, i + 1);
    return { key: orderKeyOf('demo', orderId), orderId, ...d };
  });

  const hostileIds = new Set(HOSTILE_BUYERS.map((h) => h.id));
  const conversations = personas
    .filter((p) => {
      const last = lastOrderAt.get(p.buyer.id);
      const chatty = ['prospect', 'wholesale', 'hostile', 'champion', 'new'].includes(p.profile.kind);
      return chatty || (last !== undefined && asOfMs - last < 200 * DAY) || rng.chance(0.3);
    })
    .map((p) => conversationFor(rng, p, lastOrderAt.get(p.buyer.id), asOfMs));
  const lastAt = (c: DemoConversation) => c.messages[c.messages.length - 1].at;
  conversations.sort((a, b) => {
    const hostile = Number(hostileIds.has(a.buyerId)) - Number(hostileIds.has(b.buyerId));
    return hostile || lastAt(b) - lastAt(a);
  });

  return {
    meta: { seed, asOf: asOfMs, currency: 'CNY', platform: 'demo' },
    buyers: personas.map((p) => p.buyer),
    orders,
    conversations,
  };
}
