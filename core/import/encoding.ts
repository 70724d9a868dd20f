/**
 * Byte decoding for imported files. Chinese marketplace exports are often GBK (GB18030 is a
 * superset, so we always decode with it), Excel "Unicode text" is UTF-16 LE, everything else is
 * UTF-8 with or without a BOM.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
export type EncodingChoice = TextEncodingName | 'auto';

/** How many bytes the detector looks at; enough for a header and some rows, cheap to scan. */
const SNIFF_BYTES = 64 * 1024;

/** Recognises labels users or presets may pass (`gbk`, `GB2312`, `utf8`, `utf-16`). */
export function normalizeEncodingLabel(label: string): EncodingChoice | undefined {
  const l = label.trim().toLowerCase().replace(/_/g, '-');
  if (l === 'auto' || l === '') return 'auto';
  if (l === 'utf-8' || l === 'utf8') return 'utf-8';
  if (l === 'utf-16le' || l === 'utf-16' || l === 'ucs-2' || l === 'unicode') return 'utf-16le';
  if (l === 'utf-16be') return 'utf-16be';
  if (l === 'gbk' || l === 'gb2312' || l === 'gb18030' || l === 'cp936') return 'gb18030';
  return undefined;
}

export interface Detected {
  encoding: TextEncodingName;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
}

/**
 * Guesses the encoding from the first bytes: a BOM decides; otherwise a NUL in every other byte
 * means UTF-16 (ASCII-heavy CSV text); otherwise valid UTF-8 is UTF-8 and anything else GB18030.
 * `final` says the sample is the whole file (a multi-byte character cut at the end of a partial
 * sample is not a UTF-8 error).
 */
export function detectEncoding(bytes: Uint8Array, final = true): Detected {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const sample = bytes.subarray(0, SNIFF_BYTES);
  const nul = nulPattern(sample);
  if (nul) return { encoding: nul, bomLength: 0 };
  return {
    encoding: isUtf8(sample, final || bytes.length > SNIFF_BYTES) ? 'utf-8' : 'gb18030',
    bomLength: 0,
  };
}

function nulPattern(sample: Uint8Array): TextEncodingName | undefined {
  let even = 0;
  let odd = 0;
  const n = sample.length - (sample.length % 2);
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (pairs < 2) return undefined;
  // ASCII text in UTF-16 has a zero in nearly every pair on one side and almost none on the other.
  if (odd > pairs * 0.3 && even < pairs * 0.05) return 'utf-16le';
  if (even > pairs * 0.3 && odd < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** `cutOk`: the sample was cut from a longer file, so an incomplete last sequence is fine. */
function isUtf8(sample: Uint8Array, cutOk: boolean): boolean {
  try {
    const d = new TextDecoder('utf-8', { fatal: true });
    d.decode(sample, { stream: cutOk });
    return true;
  } catch {
    return false;
  }
}

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** Decodes a whole file. Undecodable bytes become U+FFFD rather than aborting the import. */
export function decodeBytes(bytes: Uint8Array, choice: EncodingChoice = 'auto'): DecodedText {
  const detected = detectEncoding(bytes, true);
  const encoding = choice === 'auto' ? detected.encoding : choice;
  const skip = encoding === detected.encoding ? detected.bomLength : 0;
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(skip));
  return { text: stripBom(text), encoding };
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Decodes a file read in chunks (File.stream() in the browser). With 'auto', the first bytes
 * are held until there are enough to decide (or the file ends), then one streaming
 * TextDecoder carries multi-byte characters split across chunk boundaries.
 */
export class ChunkDecoder {
  private decoder: TextDecoder | undefined;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private first = true;
  encoding: TextEncodingName | undefined;

  constructor(private readonly choice: EncodingChoice = 'auto') {}

  /** Returns the text decoded so far from this chunk (may be '' while detecting). */
  push(chunk: Uint8Array): string {
    if (this.decoder) return this.decode(chunk, true);
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.choice === 'auto' && this.pendingBytes < SNIFF_BYTES) return '';
    return this.start(false);
  }

  /** Flushes the rest, including a dangling partial character (as U+FFFD). */
  end(): string {
    const head = this.decoder ? '' : this.start(true);
    return head + this.decoder!.decode();
  }

  private start(final: boolean): string {
    const all = concat(this.pending, this.pendingBytes);
    this.pending = [];
    const detected = detectEncoding(all, final);
    this.encoding = this.choice === 'auto' ? detected.encoding : this.choice;
    const skip = this.encoding === detected.encoding ? detected.bomLength : 0;
    this.decoder = new TextDecoder(this.encoding, { ignoreBOM: true });
    return this.decode(all.subarray(skip), !final);
  }

  private decode(bytes: Uint8Array, stream: boolean): string {
    let text = this.decoder!.decode(bytes, { stream });
    if (this.first && text.length > 0) {
      this.first = false;
      text = stripBom(text);
    }
    return text;
  }
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
