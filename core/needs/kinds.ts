/**
 * The needs a buyer's messages can signal. price / quality / function / service are basic needs
 * every buyer has to some degree; a special request (custom work, wholesale, invoices) is rarer
 * and usually worth a different reply.
 */
export const NEEDS = ['price', 'quality', 'function', 'service', 'special'] as const;
export type Need = (typeof NEEDS)[number];

export const NEED_KIND: Readonly<Record<Need, 'basic' | 'special'>> = {
  price: 'basic',
  quality: 'basic',
  function: 'basic',
  service: 'basic',
  special: 'special',
};

export function isNeed(x: unknown): x is Need {
  return typeof x === 'string' && (NEEDS as readonly string[]).includes(x);
}

/** Bit of a need in a per-day mask (stored instead of any text). */
export function needBit(need: Need): number {
  return 1 << NEEDS.indexOf(need);
}
