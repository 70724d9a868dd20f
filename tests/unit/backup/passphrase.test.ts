/**
 * Backup passphrase strength. Audit regression: a one-character passphrase was accepted for an
 * encrypted backup. The rule: at least 10 characters, and not trivially guessable.
 */
import { describe, expect, it } from 'vitest';
import { translator } from '../../../components/i18n';
import { BackupError, encryptBackup, passphraseProblem } from '../../../core/backup';

describe('passphraseProblem', () => {
  it.each(['a', 'pa55', 'café', '123456789', '密码密码密码密码密'])('%j is too short', (p) => {
    expect(passphraseProblem(p)).toBe('too-short');
  });

  it.each([
    'aaaaaaaaaa',
    '          ',
    '1111111111111',
    'abcabcabcabc',
    '1212121212',
    '0123456789',
    '9876543210',
    'abcdefghijk',
    'QWERTYUIOP',
    'asdfghjkl;',
    'Password123!',
    'passphrase2024',
    'P@ssword!!',
    'password-2025',
    '1234567890123',
  ])('%j is guessable', (p) => {
    expect(passphraseProblem(p)).toBe('guessable');
  });

  it.each([
    'correct horse battery',
    'tea kettle 7 blue',
    'Lantern-Harbor-92',
    '我的店铺茶杯很好卖呀',
    'xK9#mQ2$vL',
  ])('%j will do', (p) => {
    expect(passphraseProblem(p)).toBeUndefined();
  });

  it('counts characters, not UTF-16 units: ten emoji are ten characters', () => {
    expect(passphraseProblem('🐱🐶🐭🐹🐰🦊🐻🐼🐨🐯')).toBeUndefined();
  });
});

describe('encryptBackup enforces the rule', () => {
  it('refuses a weak passphrase with a typed error in seller words', async () => {
    const err = await encryptBackup('{}', 'x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackupError);
    expect((err as BackupError).code).toBe('weak-passphrase');
    expect((err as BackupError).message).toMatch(/at least 10 characters/);
  });
});

describe('the dashboard explains both problems in both locales', () => {
  it.each(['too-short', 'guessable'] as const)('io.backup.weak.%s', (problem) => {
    const en = translator('en')(`io.backup.weak.${problem}`, { min: 10 });
    const zh = translator('zh_CN')(`io.backup.weak.${problem}`, { min: 10 });
    expect(en).not.toContain('io.backup');
    expect(zh).not.toContain('io.backup');
    expect(zh).not.toBe(en);
    if (problem === 'too-short') expect([en, zh].every((t) => t.includes('10'))).toBe(true);
  });
});
