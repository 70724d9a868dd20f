/**
 * Hostile buyer names and page text (HTML, script URLs, CSS injection, RTL and zero-width tricks)
 * through seeBuyer, createTag, saveNote and the exports: stored and returned as plain text, keys
 * normalised so invisible characters cannot split or forge identities, CSV cells neutralised
 * against formula injection, JSON export verbatim.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { dispatch } from '@/core/background/router';
import { buyersToCsv, buyersToJson, EXPORT_COLUMNS, type ExportRow, neutralizeCell } from '@/core/export';
import { CsvRowStream } from '@/core/import';
import { buyerKeyOf } from '@/core/model';
import { seeBuyer } from '@/core/store';
import { env, type FuzzBackground, NOW, SENDERS, settled, snapshot, startBackground } from '../fuzz/harness';

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(document.cookie)</script>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  '</style><style>body{background:url(https://evil.example/x)}</style>',
  'x{}*{display:none!important}',
  '\u202eevil\u202c.exe',
  'ad\u200bmin',
  '\u2066RTL\u2069 isolate',
  '{{constructor.constructor("alert(1)")()}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal text is the attack
  '${alert(1)}',
  '=HYPERLINK("https://evil.example","click")',
  'eve_xss',
  'x'.repeat(20_000),
];

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

describe('hostile page text through the handlers', () => {
  it('seeBuyer stores a hostile name as text (whitespace collapsed, cut at 300) and returns it unchanged', async () => {
    for (const [i, name] of HOSTILE.entries()) {
      const res = await dispatch(
        'seeBuyer',
        { platform: 'whatsapp', buyerId: `hostile-${i}`, name },
        SENDERS.whatsapp,
        env,
        bg.service,
      );
      expect(res.ok, name.slice(0, 40)).toBe(true);
      const expected = name.replace(/\s+/g, ' ').trim().slice(0, 300);
      if (res.ok) expect(res.value.name).toBe(expected);
      expect((await bg.db.buyers.get(`whatsapp:hostile-${i}`))?.name).toBe(expected);
    }
  });

  it('invisible and bidi characters cannot forge a second identity for the same buyer', () => {
    const plain = buyerKeyOf('whatsapp', 'eve');
    for (const trick of [
      'e\u200bve',
      '\u202eeve',
      'eve\ufeff',
      '\u2066eve\u2069',
      'ｅｖｅ',
      ' eve ',
      'e\u200dve',
    ]) {
      expect(buyerKeyOf('whatsapp', trick), JSON.stringify(trick)).toBe(plain);
    }
  });

  it('regression: a buyer id of only invisible characters is refused, not stored as an empty, unbackupable buyer', async () => {
    const before = await snapshot(bg.db);
    for (const buyerId of ['\u200b', '\u202e\u202c', '\ufeff\u2060', '\u200b \u200b']) {
      const res = await dispatch(
        'seeBuyer',
        { platform: 'whatsapp', buyerId },
        SENDERS.whatsapp,
        env,
        bg.service,
      );
      expect(res, JSON.stringify(buyerId)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    }
    await expect(seeBuyer(bg.db, 'whatsapp:', undefined, NOW)).rejects.toThrow(/buyer key must look like/);
    expect(await snapshot(bg.db)).toEqual(before);
  });

  it('createTag and saveNote keep hostile text as text; tag names are normalised, notes verbatim', async () => {
    for (const [i, raw] of HOSTILE.slice(0, 13).entries()) {
      const name = `${raw.slice(0, 30)} ${i}`;
      const tag = await dispatch('createTag', { name }, SENDERS.whatsapp, env, bg.service);
      expect(tag.ok, name).toBe(true);
      const visible = name.normalize('NFKC').replace(/[\u200B\u202A-\u202E\u2066-\u2069]/g, '');
      if (tag.ok) expect(tag.value.name).toBe(visible.replace(/\s+/g, ' ').trim());
      const note = await dispatch(
        'saveNote',
        { buyerKey: 'whatsapp:8613812345678', text: raw },
        SENDERS.whatsapp,
        env,
        bg.service,
      );
      expect(note.ok).toBe(true);
      expect((await bg.db.notes.get('whatsapp:8613812345678'))?.text).toBe(raw.trim());
    }
  });

  it('regression: tag names lose bidi overrides and zero-width characters; an invisible-only name is refused', async () => {
    const spoof = await dispatch('createTag', { name: 'vip\u202e\u200bpiv' }, SENDERS.page, env, bg.service);
    expect(spoof.ok && spoof.value.name).toBe('vippiv');
    for (const name of ['\u200b', '\u202e\u202c', '\ufeff \u2066\u2069']) {
      const res = await dispatch('createTag', { name }, SENDERS.page, env, bg.service);
      expect(res.ok, JSON.stringify(name)).toBe(false);
    }
    const emoji = await dispatch(
      'createTag',
      { name: '👨\u200d👩\u200d👧 family' },
      SENDERS.page,
      env,
      bg.service,
    );
    expect(emoji.ok && emoji.value.name).toBe('👨\u200d👩\u200d👧 family');
  });

  it('over-long tag names and notes are refused with a clear error, not truncated silently', async () => {
    const tag = await dispatch('createTag', { name: 'x'.repeat(41) }, SENDERS.page, env, bg.service);
    expect(tag.ok).toBe(false);
    const note = await dispatch(
      'saveNote',
      { buyerKey: 'amazon:x', text: 'x'.repeat(5001) },
      SENDERS.page,
      env,
      bg.service,
    );
    expect(note).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
  });
});

function row(over: Partial<ExportRow>): ExportRow {
  return {
    platform: 'whatsapp',
    buyerId: 'eve',
    tags: [],
    tier: 'high',
    segment: 'champions',
    orders: 1,
    spendMinor: 1234,
    currency: 'USD',
    ...over,
  };
}

/** Cells of a CSV export as a spreadsheet would read them back. */
function readCsv(text: string): string[][] {
  const s = new CsvRowStream({ delimiter: ',' });
  return [...s.push(text.replace(/^\uFEFF/, '')), ...s.end()].map((r) => r.cells);
}

const DANGEROUS_FIRST = ['=', '+', '-', '@', '\t', '\r'];

describe('exports', () => {
  it('neutralises every dangerous leading character in every text column', () => {
    for (const lead of DANGEROUS_FIRST) {
      const payload = `${lead}cmd|' /C calc'!A0`;
      const csv = buyersToCsv([
        row({
          buyerId: payload,
          name: payload,
          tags: [payload, 'b'],
          note: payload,
          country: payload,
          platform: payload,
        }),
      ]);
      const [, cells] = readCsv(csv);
      for (const [i, col] of EXPORT_COLUMNS.entries()) {
        const cell = cells[i];
        if (['buyerId', 'name', 'tags', 'note', 'country', 'platform'].includes(col)) {
          expect(cell.startsWith("'"), `${col} with ${JSON.stringify(lead)}`).toBe(true);
        }
        expect(DANGEROUS_FIRST.includes(cell[0] ?? ''), `${col}: ${JSON.stringify(cell)}`).toBe(false);
      }
    }
  });

  it('any text: the exported cell never starts with a formula character unless it is a plain number', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.constantFrom(...DANGEROUS_FIRST).chain((c) => fc.string().map((s) => c + s)),
        ),
        (text) => {
          const [, cells] = readCsv(buyersToCsv([row({ name: text, note: text })]));
          for (const cell of [cells[2], cells[14]]) {
            if (DANGEROUS_FIRST.includes(cell[0] ?? '')) expect(cell).toMatch(/^-?\d+(\.\d+)?$/);
            // Reading the cell back and removing the guard quote gives the text exactly.
            const back = neutralizeCell(text) !== text ? cell.slice(1) : cell;
            if (!text.includes('\r')) expect(back).toBe(text);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('negative amounts stay numeric; hostile text in them does not', () => {
    expect(neutralizeCell('-3.50')).toBe('-3.50');
    expect(neutralizeCell('-3.50+cmd')).toBe("'-3.50+cmd");
    expect(neutralizeCell('+1')).toBe("'+1");
  });

  it('JSON export keeps hostile text verbatim (it is data, not a spreadsheet)', () => {
    const rows = HOSTILE.map((h, i) => row({ buyerId: `b${i}`, name: h, note: h, tags: [h] }));
    const parsed = JSON.parse(buyersToJson(rows)) as Array<Record<string, unknown>>;
    parsed.forEach((p, i) => {
      expect(p.name).toBe(HOSTILE[i]);
      expect(p.note).toBe(HOSTILE[i]);
      expect(p.tags).toEqual([HOSTILE[i]]);
    });
  });
});
