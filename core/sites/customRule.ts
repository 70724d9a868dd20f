import { z } from 'zod';

/**
 * A teach-mode rule: selectors the seller taught for one origin. Stored by the background and
 * turned into an adapter at runtime. Selectors are plain strings; an invalid one reads as "found
 * nothing" (see query.ts), never as an error in the page.
 */
const Selector = z.string().trim().min(1).max(1000);

export const CustomRule = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, 'rule id: letters, digits, - or _'),
  /** Exact origin, e.g. "https://seller.example.com". */
  origin: z
    .string()
    .max(300)
    .regex(/^https?:\/\/[^/?#\s]+$/, 'origin must be scheme://host[:port] with no path'),
  label: z.string().trim().min(1).max(100),
  chatBuyerSelector: Selector.optional(),
  chatInputSelector: Selector.optional(),
  listBuyerSelector: Selector.optional(),
  orderRowSelector: Selector.optional(),
  createdAt: z.number().int().nonnegative(),
});
export type CustomRule = z.infer<typeof CustomRule>;

export { adapterFromRule, originPattern, ruleSlug } from './ruleAdapter';
