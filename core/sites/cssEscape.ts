/**
 * CSS escaping for generated selectors (identifiers and quoted attribute values). Implemented
 * here because happy-dom and older engines may lack `CSS.escape`.
 */
export function escapeIdent(value: string): string {
  let out = '';
  const chars = Array.from(value);
  chars.forEach((ch, i) => {
    const code = ch.codePointAt(0) ?? 0;
    if (code === 0) out += '\uFFFD';
    else if ((code >= 1 && code <= 0x1f) || code === 0x7f) out += `\\${code.toString(16)} `;
    else if (i === 0 && /\d/.test(ch)) out += `\\${code.toString(16)} `;
    else if (i === 1 && /\d/.test(ch) && chars[0] === '-') out += `\\${code.toString(16)} `;
    else if (/[\w-]/.test(ch) || code >= 0x80) out += ch;
    else out += `\\${ch}`;
  });
  return out;
}

export function quoteAttr(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\a ')}"`;
}
