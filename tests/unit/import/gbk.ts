/**
 * Test helper: Node has no GBK encoder, so build the reverse of TextDecoder('gbk') over every
 * two-byte sequence once and use it to turn strings into GBK bytes.
 */
let table: Map<string, number> | undefined;

function reverseTable(): Map<string, number> {
  if (table) return table;
  table = new Map();
  const dec = new TextDecoder('gbk', { fatal: true });
  const pair = new Uint8Array(2);
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      pair[0] = hi;
      pair[1] = lo;
      let ch: string;
      try {
        ch = dec.decode(pair);
      } catch {
        continue;
      }
      if (ch.length === 1 && !table.has(ch)) table.set(ch, (hi << 8) | lo);
    }
  }
  return table;
}

export function encodeGbk(text: string): Uint8Array {
  const map = reverseTable();
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) {
      out.push(c);
      continue;
    }
    const code = map.get(ch);
    if (code === undefined) throw new Error(`no GBK code for ${ch}`);
    out.push(code >> 8, code & 0xff);
  }
  return new Uint8Array(out);
}
