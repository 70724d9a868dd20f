import type { BuyerPageDto } from '@/core/adminDtos';
import { request } from '@/core/messaging';
import type { Tag } from '@/core/model';
import type { ClusteringDto, ClusteringStatusDto } from '@/core/scoring/cluster/types';

/** What GroupsView needs from the background; pass `groupsApi` in the extension, fakes in tests. */
export interface GroupsApi {
  status(): Promise<ClusteringStatusDto>;
  run(k?: number): Promise<ClusteringDto>;
  buyers(groupIndex: number, offset: number, limit: number): Promise<BuyerPageDto>;
  saveAsTag(groupIndex: number, tagName: string): Promise<{ tag: Tag; tagged: number }>;
}

export const groupsApi: GroupsApi = {
  status: () => request('getClusteringStatus', {}),
  run: (k) => request('runClustering', k ? { k } : {}),
  buyers: (groupIndex, offset, limit) => request('groupBuyers', { groupIndex, offset, limit }),
  saveAsTag: (groupIndex, tagName) => request('saveGroupAsTag', { groupIndex, tagName }),
};
