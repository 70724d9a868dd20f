import type { NeedsOrientation } from './orientation';

/** What the buyer card shows about needs: the orientation, its reasons and the per-need counts. */
export interface NeedsDto extends NeedsOrientation {
  buyerKey: string;
  /** Last time counts arrived (epoch ms); absent when no chat was read yet. */
  updatedAt?: number;
}
