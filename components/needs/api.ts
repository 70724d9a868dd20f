import { request } from '@/core/messaging';
import type { NeedsDto } from '@/core/needs/dto';
import type { Orientation } from '@/core/needs/record';

/** The two calls the buyer card makes for its needs block. */
export const needsApi = {
  get: (buyerKey: string): Promise<NeedsDto> => request('getNeeds', { buyerKey }),
  correct: (buyerKey: string, orientation: Orientation | null): Promise<NeedsDto> =>
    request('correctNeeds', { buyerKey, orientation }),
};
