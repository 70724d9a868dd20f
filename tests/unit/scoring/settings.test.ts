import { describe, expect, it } from 'vitest';
import { defaultSettings, Settings } from '../../../core/model';

describe('scoring settings', () => {
  it('defaults validate in both languages', () => {
    expect(Settings.safeParse(defaultSettings('en')).success).toBe(true);
    expect(Settings.safeParse(defaultSettings('zh-CN')).success).toBe(true);
  });

  it('settings saved before the loyalty / lifecycle / preference / customer-type fields still parse, with defaults', () => {
    const { loyalty, lifecycle, preferences, customerType, ...old } = defaultSettings('en');
    const parsed = Settings.parse(old);
    expect(parsed.loyalty).toEqual(loyalty);
    expect(parsed.lifecycle).toEqual(lifecycle);
    expect(parsed.preferences).toEqual(preferences);
    expect(parsed.customerType).toEqual(customerType);
  });

  it('rejects inconsistent thresholds', () => {
    const s = defaultSettings('en');
    expect(Settings.safeParse({ ...s, loyalty: { ...s.loyalty, lapseFactor: 1 } }).success).toBe(false);
    expect(Settings.safeParse({ ...s, loyalty: { ...s.loyalty, disloyalRefundShare: 0.1 } }).success).toBe(
      false,
    );
    expect(
      Settings.safeParse({ ...s, lifecycle: { ...s.lifecycle, matureMinPurchaseDays: 1 } }).success,
    ).toBe(false);
    expect(Settings.safeParse({ ...s, preferences: { ...s.preferences, discountShare: 2 } }).success).toBe(
      false,
    );
    expect(Settings.safeParse({ ...s, rfm: { ...s.rfm, recencyCuts: [30, 14, 90, 180] } }).success).toBe(
      false,
    );
  });

  it('defaultSettings returns fresh objects (editing one does not change the next)', () => {
    const a = defaultSettings('en');
    a.customerType.businessNameWords.push('Zzz');
    expect(defaultSettings('en').customerType.businessNameWords).not.toContain('Zzz');
  });
});
