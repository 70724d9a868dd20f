import { describe, expect, it } from 'vitest';
import { applyChatDay, defaultLexicon, emptyNeedsRecord } from '@/core/needs';
import { changeNeeds, clearLexicon, loadLexicon, loadNeeds, storeLexicon } from '@/core/store/needs';
import { testBackgrounds } from '../../support/background';

const T0 = Date.UTC(2024, 5, 1);
const DAY = Math.floor(T0 / 86_400_000);
const shops = testBackgrounds('needs');
const freshDb = () => shops.database();

describe('the lexicon', () => {
  it('defaults, stores a valid one, refuses an invalid one, and resets', async () => {
    const db = freshDb();
    expect(await loadLexicon(db)).toEqual(defaultLexicon());
    const mine = defaultLexicon();
    expect(await storeLexicon(db, mine)).toEqual(mine);
    await expect(storeLexicon(db, { nonsense: true })).rejects.toThrow();
    expect(await loadLexicon(db)).toEqual(mine);
    expect(await clearLexicon(db)).toEqual(defaultLexicon());
    expect(await db.meta.get('needs.lexicon')).toBeUndefined();
  });
});

describe('needs rows', () => {
  it('an absent or invalid row reads as empty', async () => {
    const db = freshDb();
    expect(await loadNeeds(db, 'demo:a', T0)).toEqual(emptyNeedsRecord('demo:a', T0));
    await db.needs.put({ ...emptyNeedsRecord('demo:b', T0), chats: -1 });
    expect(await loadNeeds(db, 'demo:b', T0)).toEqual(emptyNeedsRecord('demo:b', T0));
  });

  it('changeNeeds writes a changed record and returns both sides', async () => {
    const db = freshDb();
    const { before, after } = await changeNeeds(db, 'demo:a', T0, (prev) =>
      applyChatDay(prev, { day: DAY, counts: { price: 1 }, messages: 1 }, T0),
    );
    expect(before).toEqual(emptyNeedsRecord('demo:a', T0));
    expect(after.chats).toBe(1);
    expect(await loadNeeds(db, 'demo:a', T0)).toEqual(after);
  });

  it('changeNeeds writes nothing when the change returns the record it was given', async () => {
    const db = freshDb();
    const { before, after } = await changeNeeds(db, 'demo:a', T0, (prev) => prev);
    expect(after).toBe(before);
    expect(await db.needs.count()).toBe(0);
  });
});
