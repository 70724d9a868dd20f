import { describe, expect, it } from 'vitest';
import type { BuyerClasses } from '../../../core/model';
import {
  type ActionNeeds,
  type ActionTemplate,
  ActionTemplates,
  conditionHolds,
  DEFAULT_ACTION_TEMPLATES,
  fillTemplate,
  suggestActions,
} from '../../../core/scoring/actions';
import { scoreAll } from '../../../core/scoring/index';
import { ASOF, aggOf, testSettings } from './helpers';

function classesOf(patch: Partial<BuyerClasses>): BuyerClasses {
  return {
    asOf: ASOF,
    scheme: 'rfm-grid',
    rfm: { r: 3, f: 3, m: 3, recencyDays: 12, frequency: 4, monetary: 123_456, method: 'quantile' },
    segment: 'need-attention',
    valueTier: 'medium',
    keyAccount: false,
    frequencyBand: 'medium',
    spendBand: 'medium',
    loyalty: 'average',
    lifecycle: 'mature',
    preferences: { priceSensitive: false, qualityOriented: false, topCategories: [] },
    geography: { scope: 'domestic', country: 'US' },
    customerType: 'consumer',
    prediction: { status: 'not-enough-history' },
    reasons: {},
    ...patch,
  };
}

const agg = aggOf(
  [
    [12, 60_000],
    [40, 63_456],
  ],
  { lastItemTitle: 'Longjing tea 250 g' },
);
const ids = (c: BuyerClasses) =>
  suggestActions(c, agg, 'Mei', DEFAULT_ACTION_TEMPLATES, 'en').map((a) => a.id);

describe('default action templates', () => {
  it('validate against the schema', () => {
    expect(ActionTemplates.safeParse(DEFAULT_ACTION_TEMPLATES).success).toBe(true);
  });

  it('VIP / key account → priority service first', () => {
    expect(ids(classesOf({ keyAccount: true }))[0]).toBe('vip-service');
    expect(ids(classesOf({ valueTier: 'high' }))[0]).toBe('vip-service');
  });

  it('at-risk, cannot-lose, hibernating → win-back', () => {
    for (const segment of ['at-risk', 'cannot-lose', 'hibernating'] as const) {
      expect(ids(classesOf({ segment }))).toContain('win-back');
    }
  });

  it('new → welcome guide; price-sensitive → bundle; overdue → reminder before win-back', () => {
    expect(ids(classesOf({ segment: 'new', lifecycle: 'new' }))).toContain('welcome-guide');
    expect(
      ids(classesOf({ preferences: { priceSensitive: true, qualityOriented: false, topCategories: [] } })),
    ).toContain('bundle-discount');
    const overdue = ids(
      classesOf({ segment: 'at-risk', repurchase: { medianIntervalDays: 30, dueInDays: -5 } }),
    );
    expect(overdue.slice(0, 2)).toEqual(['repurchase-reminder', 'win-back']);
  });

  it('returns at most three actions, by priority', () => {
    const busy = classesOf({
      keyAccount: true,
      segment: 'at-risk',
      lifecycle: 'declining',
      customerType: 'business',
      preferences: { priceSensitive: true, qualityOriented: false, topCategories: [] },
      repurchase: { medianIntervalDays: 30, dueInDays: -5 },
    });
    expect(ids(busy)).toEqual(['vip-service', 'repurchase-reminder', 'win-back']);
  });
});

describe('reply text', () => {
  it('fills {name}, {lastItem}, {daysSince}, {orders}, {spend} in English and Chinese', () => {
    const t: ActionTemplate = {
      id: 't',
      titleKey: 'action.t',
      priority: 1,
      when: [{ dimension: 'segment', in: ['need-attention'] }],
      reply: {
        en: '{name}|{lastItem}|{daysSince}|{orders}|{spend}',
        zh_CN: '{name}：{lastItem}，{daysSince}天，{orders}单，{spend}',
      },
    };
    const c = classesOf({});
    expect(suggestActions(c, agg, 'Mei', [t], 'en', { currency: 'USD' })[0].text).toBe(
      'Mei|Longjing tea 250 g|12|2|$1,234.56',
    );
    expect(suggestActions(c, agg, '小美', [t], 'zh_CN', { currency: 'CNY' })[0].text).toBe(
      '小美：Longjing tea 250 g，12天，2单，¥1,234.56',
    );
    expect(suggestActions(c, agg, undefined, [t], 'en')[0].text).toBe(
      'there|Longjing tea 250 g|12|2|1234.56',
    );
    const noItem = { ...agg, lastItemTitle: undefined };
    expect(suggestActions(c, noItem, ' ', [t], 'zh_CN')[0].text.startsWith('亲：上次购买的商品')).toBe(true);
  });

  it('leaves unknown braces alone and never interprets buyer text', () => {
    expect(
      fillTemplate('{name} {nope}', { name: '{spend}', lastItem: '', daysSince: '', orders: '', spend: 'X' }),
    ).toBe('{spend} {nope}');
  });

  it('every default reply resolves with no placeholder left in either language', () => {
    const c = classesOf({});
    for (const t of DEFAULT_ACTION_TEMPLATES) {
      for (const locale of ['en', 'zh_CN'] as const) {
        const [a] = suggestActions(
          c,
          agg,
          'Mei',
          [{ ...t, when: [{ dimension: 'segment', in: ['need-attention'] }] }],
          locale,
        );
        expect(a.text, `${t.id} ${locale}`).not.toMatch(/[{}]/);
      }
    }
  });
});

describe('template validation', () => {
  const base = DEFAULT_ACTION_TEMPLATES[0];
  it('rejects unknown placeholders, duplicate ids and empty conditions', () => {
    expect(
      ActionTemplates.safeParse([{ ...base, reply: { ...base.reply, en: 'Hi {nickname}' } }]).success,
    ).toBe(false);
    expect(ActionTemplates.safeParse([base, base]).success).toBe(false);
    expect(ActionTemplates.safeParse([{ ...base, when: [] }]).success).toBe(false);
    expect(ActionTemplates.safeParse([{ ...base, when: [{ dimension: 'mood', in: ['x'] }] }]).success).toBe(
      false,
    );
  });
});

describe('conditions', () => {
  it('repurchase overdue / due-soon windows', () => {
    const due = (d: number) => classesOf({ repurchase: { medianIntervalDays: 30, dueInDays: d } });
    expect(conditionHolds({ repurchase: 'overdue' }, due(-1))).toBe(true);
    expect(conditionHolds({ repurchase: 'overdue' }, due(0))).toBe(false);
    expect(conditionHolds({ repurchase: 'due-soon', withinDays: 3 }, due(3))).toBe(true);
    expect(conditionHolds({ repurchase: 'due-soon', withinDays: 3 }, due(4))).toBe(false);
    expect(conditionHolds({ repurchase: 'overdue' }, classesOf({}))).toBe(false);
  });

  it('geography compares the scope', () => {
    const c = classesOf({ geography: { scope: 'cross-border', country: 'DE' } });
    expect(conditionHolds({ dimension: 'geography', in: ['cross-border'] }, c)).toBe(true);
  });

  it('works on classes from the scorer', () => {
    const a = aggOf([
      [400, 5000],
      [430, 5000],
      [460, 5000],
    ]);
    const c = scoreAll([{ key: 't:1', agg: a }], testSettings(), ASOF).classes.get('t:1')!;
    expect(c.lifecycle).toBe('declining');
    expect(suggestActions(c, a, 'Mei', DEFAULT_ACTION_TEMPLATES, 'en').map((x) => x.id)).toContain(
      'win-back',
    );
  });
});

describe('pre-sale (prospect) actions', () => {
  const prospect = classesOf({
    segment: 'prospect',
    lifecycle: 'prospect',
    valueTier: 'none',
    rfm: undefined,
  });
  const none = aggOf([]);
  const pre = (latestChat: ActionNeeds['latestChat'], orientation: ActionNeeds['orientation'] = null) =>
    suggestActions(
      prospect,
      none,
      undefined,
      DEFAULT_ACTION_TEMPLATES,
      'en',
      {},
      { orientation, latestChat },
    ).map((a) => a.id);

  it('a prospect gets the first-order welcome first, then answers to what the latest chat asks', () => {
    expect(pre([])).toEqual(['first-order-welcome']);
    expect(pre(['price', 'service'])).toEqual(['first-order-welcome', 'bundle-discount', 'delivery-times']);
    expect(pre(['quality'])).toEqual(['first-order-welcome', 'quality-guarantee']);
    expect(pre(['function'])).toEqual(['first-order-welcome', 'product-details']);
  });

  it('the latest chat decides need conditions for prospects only; buyers with orders need an orientation', () => {
    const regular = classesOf({});
    const withNeeds = (n: ActionNeeds) =>
      suggestActions(regular, agg, 'Mei', DEFAULT_ACTION_TEMPLATES, 'en', {}, n).map((a) => a.id);
    expect(withNeeds({ orientation: null, latestChat: ['quality'] })).not.toContain('quality-guarantee');
    expect(withNeeds({ orientation: 'quality' })).toContain('quality-guarantee');
  });

  it('pre-sale replies read naturally with no name, order or item', () => {
    const [welcome] = suggestActions(prospect, none, undefined, DEFAULT_ACTION_TEMPLATES, 'zh_CN');
    expect(welcome.text).toMatch(/^亲您好，欢迎光临本店/);
    expect(welcome.text).not.toMatch(/[{}]|undefined/);
  });
});
