/**
 * Buyer behaviours for the demo, tuned so every RFM segment and every preference signal the
 * scoring code looks for appears: recent heavy buyers, lapsed ones, newcomers, one-timers,
 * wholesale accounts, discount hunters, refunders and chat-only prospects.
 */
export type ProfileKind =
  | 'champion'
  | 'loyal'
  | 'potential'
  | 'new'
  | 'promising'
  | 'needAttention'
  | 'aboutToSleep'
  | 'atRisk'
  | 'cannotLose'
  | 'hibernating'
  | 'oneTimer'
  | 'wholesale'
  | 'prospect'
  | 'hostile';

export interface Profile {
  kind: ProfileKind;
  count: number;
  /** Number of orders, inclusive range. */
  orders: readonly [number, number];
  /** Days before `asOf` of the latest order. */
  lastDaysAgo: readonly [number, number];
  /** Days between first and latest order. */
  spanDays: readonly [number, number];
  /** Quantity per order line. */
  qty: readonly [number, number];
}

const R = (a: number, b: number) => [a, b] as const;

export const PROFILES: readonly Profile[] = [
  {
    kind: 'champion',
    count: 24,
    orders: R(30, 66),
    lastDaysAgo: R(0, 12),
    spanDays: R(400, 700),
    qty: R(1, 3),
  },
  {
    kind: 'loyal',
    count: 36,
    orders: R(10, 24),
    lastDaysAgo: R(10, 60),
    spanDays: R(300, 650),
    qty: R(1, 3),
  },
  {
    kind: 'potential',
    count: 34,
    orders: R(2, 5),
    lastDaysAgo: R(3, 40),
    spanDays: R(30, 200),
    qty: R(1, 2),
  },
  { kind: 'new', count: 26, orders: R(1, 1), lastDaysAgo: R(0, 14), spanDays: R(0, 0), qty: R(1, 2) },
  { kind: 'promising', count: 18, orders: R(1, 1), lastDaysAgo: R(15, 45), spanDays: R(0, 0), qty: R(1, 2) },
  {
    kind: 'needAttention',
    count: 24,
    orders: R(4, 8),
    lastDaysAgo: R(60, 120),
    spanDays: R(200, 500),
    qty: R(1, 2),
  },
  {
    kind: 'aboutToSleep',
    count: 22,
    orders: R(1, 2),
    lastDaysAgo: R(70, 130),
    spanDays: R(0, 60),
    qty: R(1, 2),
  },
  {
    kind: 'atRisk',
    count: 28,
    orders: R(8, 18),
    lastDaysAgo: R(150, 330),
    spanDays: R(200, 390),
    qty: R(1, 3),
  },
  {
    kind: 'cannotLose',
    count: 8,
    orders: R(25, 40),
    lastDaysAgo: R(200, 320),
    spanDays: R(300, 380),
    qty: R(1, 4),
  },
  {
    kind: 'hibernating',
    count: 36,
    orders: R(1, 2),
    lastDaysAgo: R(250, 700),
    spanDays: R(0, 20),
    qty: R(1, 2),
  },
  { kind: 'oneTimer', count: 14, orders: R(1, 1), lastDaysAgo: R(100, 600), spanDays: R(0, 0), qty: R(1, 1) },
  {
    kind: 'wholesale',
    count: 8,
    orders: R(10, 24),
    lastDaysAgo: R(5, 90),
    spanDays: R(300, 600),
    qty: R(20, 200),
  },
  { kind: 'prospect', count: 16, orders: R(0, 0), lastDaysAgo: R(0, 30), spanDays: R(0, 0), qty: R(1, 1) },
  { kind: 'hostile', count: 3, orders: R(2, 2), lastDaysAgo: R(380, 500), spanDays: R(10, 40), qty: R(1, 1) },
];

/**
 * Names that attack the page and the extension; they exist so security tests have real targets.
 * Kept last in every list so the first conversation is always a normal buyer.
 */
export const HOSTILE_BUYERS: ReadonlyArray<{ id: string; name: string }> = [
  { id: 'eve_xss', name: 'Eve<img src=x onerror=alert(1)>' },
  { id: 'mallory_rtl', name: 'Mallory \u202Egnp.exe\u202C 订单' },
  { id: 'longname_buyer', name: `超长名字${'很长的名字Long'.repeat(1200)}`.slice(0, 10_000) },
];
