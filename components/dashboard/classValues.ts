import { Lifecycle, SEGMENTS } from '@/core/model';

/** Filter choices, in the order a seller reads them (best first). */
export const SEGMENT_VALUES: readonly string[] = [...SEGMENTS];
export const TIER_VALUES = ['high', 'medium', 'low', 'none'] as const;
export const LIFECYCLE_VALUES: readonly string[] = Lifecycle.options;
