import { describe, expect, it } from 'vitest';
import { createHandlers } from '@/core/background/handlers';
import { createRescorer } from '@/core/background/rescorer';
import { combineHandlers } from '@/core/background/router';
import { REQUESTS } from '@/core/messageSchemas';
import { BuyerTiersDB } from '@/core/store';

describe('the background’s handler map', () => {
  it('refuses two parts answering one message, naming it', () => {
    const a = { listTags: async () => [] };
    const b = { createTag: async () => ({}), listTags: async () => [] };
    expect(() => combineHandlers(a, b)).toThrow('Two handlers answer the message "listTags".');
    expect(Object.keys(combineHandlers(a, { createTag: b.createTag }))).toEqual(['listTags', 'createTag']);
    // A name Object.prototype also has is a name like any other, not a clash.
    expect(Object.keys(combineHandlers({ toString: async () => '' }))).toEqual(['toString']);
  });

  it('answers every message of the protocol exactly once', () => {
    const db = new BuyerTiersDB(`combine-${Math.random()}`);
    const now = () => 0;
    const rescorer = createRescorer({ db, now, browserLanguage: 'en' });
    const { handlers } = createHandlers({ db, now, browserLanguage: 'en', signal: () => {}, rescorer });
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(REQUESTS).sort());
  });
});
