import { describe, expect, it } from 'vitest';
import {
  type ChatDayPayload,
  collectNeeds,
  countChatNeeds,
  localEpochDay,
} from '@/components/needs/collectNeeds';
import { needsReasonText } from '@/components/needs/text';
import { DEFAULT_LEXICON } from '@/core/needs';
import type { NeedsDto } from '@/core/needs/dto';
import type { ChatMessage } from '@/core/sites/types';

const NOW = Date.UTC(2025, 0, 10, 12);

describe('collectNeeds (content side)', () => {
  const chat: ChatMessage[] = [
    { from: 'buyer', text: '能便宜点吗', at: NOW - 86_400_000 },
    { from: 'seller', text: '亲，包邮哦，质量保证', at: NOW - 86_400_000 },
    { from: 'buyer', text: 'Any coupon? also when do you ship', at: NOW },
    { from: 'buyer', text: '👍' },
  ];

  it('counts only the buyer’s messages, per day', () => {
    const days = countChatNeeds(chat, DEFAULT_LEXICON, NOW);
    expect(days).toEqual([
      { day: localEpochDay(NOW - 86_400_000), counts: { price: 1 }, messages: 1 },
      { day: localEpochDay(NOW), counts: { price: 1, service: 1 }, messages: 2 },
    ]);
  });

  it('sends counts only, never text', async () => {
    const sent: Array<ChatDayPayload & { platform: string; buyerId: string }> = [];
    const dto = { orientation: 'price' } as NeedsDto;
    const res = await collectNeeds({
      adapter: { platform: 'whatsapp', readMessages: () => chat },
      root: {} as ParentNode,
      buyerId: '123',
      now: NOW,
      getLexicon: async () => DEFAULT_LEXICON,
      send: async (p) => {
        sent.push(p);
        return dto;
      },
    });
    expect(res).toBe(dto);
    expect(sent).toHaveLength(2);
    for (const p of sent) {
      expect(Object.keys(p).sort()).toEqual(['buyerId', 'counts', 'day', 'messages', 'platform']);
      expect(JSON.stringify(p)).not.toMatch(/便宜|coupon|ship/);
    }
    const none = await collectNeeds({
      adapter: { platform: 'whatsapp', readMessages: () => [{ from: 'seller', text: 'hi' }] },
      root: {} as ParentNode,
      buyerId: '123',
      send: async () => dto,
      getLexicon: async () => DEFAULT_LEXICON,
    });
    expect(none).toBeNull();
  });

  it('words reasons in both languages', () => {
    const r = { code: 'needs.dominant', values: { need: 'price', chats: 4, total: 6 } };
    expect(needsReasonText('en', r)).toBe('Asked about prices and discounts in 4 of 6 chats');
    expect(needsReasonText('zh_CN', r)).toBe('6 次聊天中有 4 次问到价格优惠');
  });
});
