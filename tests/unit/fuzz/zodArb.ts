/**
 * fast-check arbitraries derived from a zod 4 schema: `validFor` produces values the schema
 * should mostly accept (lengths, ranges, enums and regexes respected), `nearMissFor` takes such a
 * value and breaks exactly one thing (a wrong type, a deleted key, an extra key, a value out of
 * range). Walks zod's public definition objects (`schema._zod.def`).
 */
import fc from 'fast-check';
import type { z } from 'zod';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

interface Check {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}
interface Def {
  type: string;
  checks?: Array<{ _zod: { def: Check } }>;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  options?: z.ZodType[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  items?: z.ZodType[];
}

function defOf(s: z.ZodType): Def {
  return (s as unknown as { _zod: { def: Def } })._zod.def;
}

function checksOf(d: Def): Check[] {
  return (d.checks ?? []).map((c) => c._zod.def);
}

/** Text a hostile page or a confused caller might send, plus real-looking identifiers. */
export const INTERESTING_STRINGS = [
  'whatsapp:8613812345678',
  'whatsapp:eve_xss',
  'amazon:x',
  'demo:alice',
  'whatsapp',
  'amazon',
  'demo',
  't1',
  'no-such-tag',
  '',
  ' ',
  'x'.repeat(70),
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '=cmd|"/c calc"!A1',
  '@SUM(1+1)',
  '\u202egnp.exe',
  '\u200b',
  'a\u0000b',
  '#3366ff',
  'DELETE',
  'https://web.whatsapp.com/',
  'https://evil.example/',
  'en',
  'zh_CN',
  '__proto__',
  'constructor',
  '😀',
  '𠜎',
];

const INTERESTING_NUMBERS = [
  0,
  1,
  -1,
  0.5,
  3,
  366,
  500,
  501,
  2 ** 31,
  Number.MAX_SAFE_INTEGER,
  1e308,
  -1e308,
  1_700_000_000_000,
];

const junk: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, [], {}, ...INTERESTING_STRINGS, ...INTERESTING_NUMBERS),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

function stringArb(d: Def): fc.Arbitrary<string> {
  let min = 0;
  let max = 40;
  let pattern: RegExp | undefined;
  for (const c of checksOf(d)) {
    if (c.check === 'min_length') min = c.minimum ?? 0;
    if (c.check === 'max_length') max = Math.min(c.maximum ?? max, 200);
    if (c.check === 'string_format' && c.format === 'regex' && c.pattern) pattern = c.pattern;
  }
  max = Math.max(max, min);
  const fits = (s: string) => s.length >= min && s.length <= max && (!pattern || pattern.test(s));
  const pool = INTERESTING_STRINGS.filter(fits);
  const options: fc.Arbitrary<string>[] = [];
  if (pool.length > 0) options.push(fc.constantFrom(...pool));
  if (pattern) {
    options.push(
      fc.stringMatching(new RegExp(pattern.source, pattern.flags.replace(/[gi]/g, ''))).filter(fits),
    );
  } else options.push(fc.string({ minLength: min, maxLength: Math.min(max, 60) }));
  return fc.oneof(...options);
}

function numberArb(d: Def): fc.Arbitrary<number> {
  let min = -1e9;
  let max = 1e9;
  let int = false;
  for (const c of checksOf(d)) {
    if (c.check === 'greater_than' && c.value !== undefined) min = c.inclusive ? c.value : c.value + 1e-9;
    if (c.check === 'less_than' && c.value !== undefined) max = c.inclusive ? c.value : c.value - 1e-9;
    if (c.check === 'number_format') int = c.format !== 'float32' && c.format !== 'float64';
  }
  if (int) {
    const lo = Math.ceil(Math.max(min, Number.MIN_SAFE_INTEGER));
    const hi = Math.floor(Math.min(max, Number.MAX_SAFE_INTEGER));
    return fc.oneof(fc.integer({ min: lo, max: Math.min(hi, lo + 10) }), fc.integer({ min: lo, max: hi }));
  }
  return fc.double({
    min: Math.max(min, -1e12),
    max: Math.min(max, 1e12),
    noNaN: true,
    noDefaultInfinity: true,
  });
}

/** Values the schema should mostly accept. `unknown` fields draw from `unknownPool`. */
export function validFor(
  schema: z.ZodType,
  unknownPool: fc.Arbitrary<Json> = junk,
  depth = 0,
): fc.Arbitrary<Json> {
  const d = defOf(schema);
  const rec = (s: z.ZodType) => validFor(s, unknownPool, depth + 1);
  switch (d.type) {
    case 'string':
      return stringArb(d);
    case 'number':
      return numberArb(d);
    case 'boolean':
      return fc.boolean();
    case 'literal':
      return fc.constantFrom(...(d.values as Json[]));
    case 'enum':
      return fc.constantFrom(...(Object.values(d.entries ?? {}) as Json[]));
    case 'optional':
    case 'default':
      return fc.option(rec(d.innerType!), { nil: undefined }) as fc.Arbitrary<Json>;
    case 'nullable':
      return fc.option(rec(d.innerType!), { nil: null });
    case 'array': {
      let min = 0;
      let max = 4;
      for (const c of checksOf(d)) {
        if (c.check === 'min_length') min = c.minimum ?? 0;
        if (c.check === 'max_length') max = Math.min(c.maximum ?? max, 4);
      }
      return fc.array(rec(d.element!), { minLength: min, maxLength: Math.max(min, max) });
    }
    case 'tuple':
      return fc.tuple(...(d.items ?? []).map(rec));
    case 'object': {
      const shape = d.shape ?? {};
      const keys = Object.keys(shape);
      if (keys.length === 0) return fc.constant({});
      return fc.record(Object.fromEntries(keys.map((k) => [k, rec(shape[k])]))).map((o) => {
        const out: Record<string, Json> = {};
        for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v as Json;
        return out;
      });
    }
    case 'record':
      return fc.dictionary(stringArb(defOf(d.keyType!)), rec(d.valueType!), { maxKeys: 3 });
    case 'union':
      return fc.oneof(...(d.options ?? []).map(rec));
    case 'pipe':
      return rec(d.in!);
    default:
      return depth > 6 ? fc.constant(null) : unknownPool;
  }
}

type Path = (string | number)[];

/** Every path to a value inside `v`. */
export function pathsOf(v: Json, prefix: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(v)) for (const [i, c] of v.entries()) pathsOf(c, [...prefix, i], out);
  else if (v && typeof v === 'object')
    for (const [k, c] of Object.entries(v)) pathsOf(c, [...prefix, k], out);
  out.push(prefix);
  return out;
}

function mutateAt(root: Json, path: Path, how: 'replace' | 'delete' | 'extra', value: Json): Json {
  if (path.length === 0) return how === 'replace' ? value : root;
  const copy = structuredClone(root);
  let at = copy as Record<string | number, Json>;
  for (const p of path.slice(0, -1)) at = at[p] as Record<string | number, Json>;
  const last = path[path.length - 1];
  if (how === 'delete') {
    if (Array.isArray(at)) at.splice(last as number, 1);
    else delete at[last];
  } else if (how === 'extra' && at && typeof at === 'object' && !Array.isArray(at)) {
    at[`extra_${String(last)}`] = value;
  } else at[last] = value;
  return copy;
}

/** A valid-looking value with exactly one thing broken. */
export function nearMissFor(schema: z.ZodType, unknownPool?: fc.Arbitrary<Json>): fc.Arbitrary<Json> {
  return validFor(schema, unknownPool).chain((v) => {
    const paths = pathsOf(v);
    return fc
      .tuple(
        fc.constantFrom(...paths),
        fc.constantFrom('replace', 'delete', 'extra') as fc.Arbitrary<'replace' | 'delete' | 'extra'>,
        junk,
      )
      .map(([path, how, value]) => mutateAt(v, path, how, value));
  });
}
