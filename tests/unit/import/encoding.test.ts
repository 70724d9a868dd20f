import { describe, expect, it } from 'vitest';
import {
  ChunkDecoder,
  decodeBytes,
  detectEncoding,
  normalizeEncodingLabel,
} from '../../../core/import/encoding';
import { encodeGbk } from './gbk';

const utf8 = (s: string) => new TextEncoder().encode(s);
function utf16(s: string, le: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array(s.length * 2 + (bom ? 2 : 0));
  let at = 0;
  if (bom) {
    out[0] = le ? 0xff : 0xfe;
    out[1] = le ? 0xfe : 0xff;
    at = 2;
  }
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[at++] = le ? c & 0xff : c >> 8;
    out[at++] = le ? c >> 8 : c & 0xff;
  }
  return out;
}

const TEXT = 'buyer,total\n小明,¥12.50\n';

describe('encoding detection', () => {
  it('reads UTF-8 with and without BOM', () => {
    expect(decodeBytes(utf8(TEXT))).toEqual({ text: TEXT, encoding: 'utf-8' });
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(TEXT)]))).toEqual({
      text: TEXT,
      encoding: 'utf-8',
    });
  });

  it('reads UTF-16 LE/BE by BOM and by NUL pattern', () => {
    for (const le of [true, false]) {
      for (const bom of [true, false]) {
        const r = decodeBytes(utf16(TEXT, le, bom));
        expect(r.text).toBe(TEXT);
        expect(r.encoding).toBe(le ? 'utf-16le' : 'utf-16be');
      }
    }
  });

  it('falls back to GB18030 for GBK bytes', () => {
    const bytes = encodeGbk('买家会员名,订单编号\n小明,123\n');
    expect(detectEncoding(bytes).encoding).toBe('gb18030');
    expect(decodeBytes(bytes).text).toBe('买家会员名,订单编号\n小明,123\n');
  });

  it('a forced wrong encoding gives replacement characters, not an exception', () => {
    const r = decodeBytes(encodeGbk('小明,12\n'), 'utf-8');
    expect(r.text).toContain('\uFFFD');
    expect(r.text.endsWith(',12\n')).toBe(true);
  });

  it('knows common labels', () => {
    expect(normalizeEncodingLabel('GBK')).toBe('gb18030');
    expect(normalizeEncodingLabel('utf8')).toBe('utf-8');
    expect(normalizeEncodingLabel('latin9')).toBeUndefined();
  });
});

describe('ChunkDecoder', () => {
  function decodeInChunks(bytes: Uint8Array, size: number, choice: 'auto' | 'utf-8' | 'gb18030' = 'auto') {
    const d = new ChunkDecoder(choice);
    let text = '';
    for (let i = 0; i < bytes.length; i += size) text += d.push(bytes.subarray(i, i + size));
    return { text: text + d.end(), encoding: d.encoding };
  }

  it('joins multi-byte characters split across chunks (UTF-8, GBK, UTF-16)', () => {
    const long = `${TEXT.repeat(3000)}`;
    for (const size of [1, 2, 3, 7, 4096]) {
      expect(decodeInChunks(utf8(long), size)).toEqual({ text: long, encoding: 'utf-8' });
    }
    const gbkText = '买家,金额\n小明,１２\n'.repeat(5000);
    expect(decodeInChunks(encodeGbk(gbkText), 1001)).toEqual({ text: gbkText, encoding: 'gb18030' });
    expect(decodeInChunks(utf16(long, true, true), 333)).toEqual({ text: long, encoding: 'utf-16le' });
  });

  it('strips the BOM once and handles short files', () => {
    expect(decodeInChunks(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('a,b')]), 1)).toEqual({
      text: 'a,b',
      encoding: 'utf-8',
    });
    expect(decodeInChunks(new Uint8Array(), 10).text).toBe('');
  });
});
