/**
 * Backups through the background: the passphrase is never stored (every table and every
 * browser.storage area is scanned for it), a wrong passphrase or a tampered file restores nothing,
 * and "Forget this buyer" leaves no row that names the buyer.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { dispatch } from '@/core/background/router';
import { fromBase64, toBase64 } from '@/core/backup';
import { REQUESTS } from '@/core/messageSchemas';
import { env, type FuzzBackground, NOW, SENDERS, settled, snapshot, startBackground } from '../fuzz/harness';

const PASS = 'Tr0ub4dor&3 — 秘密のパスフレーズ';

let bg: FuzzBackground;
beforeEach(async () => {
  fakeBrowser.reset();
  bg = await startBackground();
});
afterEach(async () => {
  await settled(bg.db);
  bg.db.close();
  await bg.db.delete();
});

/** Everything persisted anywhere the extension can write, as one string. */
async function everythingStored(): Promise<string> {
  const areas = await Promise.all([
    fakeBrowser.storage.local.get(null),
    fakeBrowser.storage.session.get(null),
    fakeBrowser.storage.sync.get(null),
  ]);
  return JSON.stringify({ db: await snapshot(bg.db), areas });
}

async function makeBackup(passphrase?: string): Promise<string> {
  const res = await dispatch(
    'createBackup',
    passphrase === undefined ? {} : { passphrase },
    SENDERS.page,
    env,
    bg.service,
  );
  if (!res.ok) throw new Error(res.error.message);
  return (res.value as { content: string }).content;
}

describe('encrypted backups through the background', () => {
  it('the createBackup message exists for pages only', () => {
    expect(REQUESTS.createBackup.from).toBe('page');
  });

  it('never stores the passphrase: not in any table, not in browser.storage, not in the file', async () => {
    const content = await makeBackup(PASS);
    expect(content).not.toContain(PASS);
    expect(content).not.toContain('private note');
    expect(JSON.parse(content).format).toBe('buyer-tiers-backup-encrypted');
    await settled(bg.db);
    expect(await everythingStored()).not.toContain(PASS);
    for (const message of ['planRestore', 'applyRestore'] as const) {
      const res = await dispatch(
        message,
        { content, passphrase: PASS, mode: 'merge' },
        SENDERS.page,
        env,
        bg.service,
      );
      expect(res.ok, message).toBe(true);
      await settled(bg.db);
      expect(await everythingStored(), `after ${message}`).not.toContain(PASS);
    }
  });

  it('a wrong passphrase or a tampered file restores nothing and says why', async () => {
    const content = await makeBackup(PASS);
    const env1 = JSON.parse(content) as { iv: string; ciphertext: string; kdf: { salt: string } };
    const flip = (b64: string, at: number) => {
      const bytes = fromBase64(b64);
      bytes[at % bytes.length] ^= 0x80;
      return toBase64(bytes);
    };
    const variants: Array<[string, string, string]> = [
      ['wrong passphrase', content, `${PASS}!`],
      [
        'tampered salt',
        JSON.stringify({ ...env1, kdf: { ...env1.kdf, salt: flip(env1.kdf.salt, 0) } }),
        PASS,
      ],
      ['tampered iv', JSON.stringify({ ...env1, iv: flip(env1.iv, 0) }), PASS],
      ['tampered ciphertext', JSON.stringify({ ...env1, ciphertext: flip(env1.ciphertext, 7) }), PASS],
      [
        'tampered tag',
        JSON.stringify({
          ...env1,
          ciphertext: flip(env1.ciphertext, fromBase64(env1.ciphertext).length - 1),
        }),
        PASS,
      ],
      ['truncated', content.slice(0, content.length >> 1), PASS],
    ];
    // Make the restore observable: change the database after taking the backup.
    await dispatch('forgetBuyer', { buyerKey: 'amazon:x' }, SENDERS.page, env, bg.service);
    // Each variant once (key derivation is slow on purpose); the wrong passphrase in both modes.
    for (const [mode, list] of [
      ['replace', variants],
      ['merge', variants.slice(0, 1)],
    ] as const) {
      for (const [label, text, passphrase] of list) {
        const before = await settled(bg.db);
        const res = await dispatch(
          'applyRestore',
          { content: text, passphrase, mode },
          SENDERS.page,
          env,
          bg.service,
        );
        expect(res.ok, `${label} (${mode})`).toBe(false);
        if (!res.ok)
          expect(res.error.message, label).toMatch(
            /passphrase is wrong or the file was changed|not valid JSON|damaged/,
          );
        expect(await snapshot(bg.db), `${label} (${mode}) changed the database`).toEqual(before);
      }
    }
    expect(await bg.db.buyers.get('amazon:x')).toBeUndefined();
  });

  it('the plain (unencrypted) backup does carry the data, so the encryption above is what protects it', async () => {
    expect(await makeBackup()).toContain('private note');
  });
});

describe('"Forget this buyer" deletes everything about them', () => {
  it('regression: no table keeps a row that names the forgotten buyer (import-undo copies included)', async () => {
    const key = 'amazon:x';
    // Give the buyer a row in every per-buyer table there is.
    await bg.db.importUndo.put({
      importId: 'imp1',
      key: 'amazon:a1',
      order: { ...(await bg.db.orders.get('amazon:a1'))!, total: 1 },
    });
    const res = await dispatch('forgetBuyer', { buyerKey: key }, SENDERS.page, env, bg.service);
    expect(res.ok).toBe(true);
    await settled(bg.db);
    const snap = await snapshot(bg.db);
    for (const [table, rows] of Object.entries(snap)) {
      for (const r of rows) expect(JSON.stringify(r), `${table} still names ${key}`).not.toContain(key);
    }
    expect(NOW).toBeGreaterThan(0);
  });
});
