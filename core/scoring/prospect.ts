import type { BuyerClasses, Settings } from '../model';
import { type BuyerInput, classifyBuyer } from './classify';
import { buildScoringContext } from './context';
import { hasPaidPurchase } from './features';

/**
 * Classes for a buyer who has none stored yet because they have no paid order: a buyer first
 * seen in a chat is recorded without classes, and stays so until the next full rescore. Such a
 * buyer is a prospect whatever the rest of the shop looks like (the classifier never reads the
 * shop distribution for them), so an empty shop context gives exactly the classes a full
 * rescore would store, without reading every buyer. Undefined for a buyer with a paid order,
 * whose classes do depend on the shop.
 */
export function unscoredProspectClasses(
  buyer: BuyerInput,
  settings: Settings,
  asOf: number,
): BuyerClasses | undefined {
  if (hasPaidPurchase(buyer.agg)) return undefined;
  return classifyBuyer(buyer, buildScoringContext([], settings, asOf), settings, asOf);
}
