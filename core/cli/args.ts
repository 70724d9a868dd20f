import { parseArgs } from 'node:util';

export interface ScoreArgs {
  input: string;
  map?: string;
  preset?: string;
  asOf?: string;
  scheme: 'rfm-grid' | 'value-8';
  unit: 'days' | 'weeks';
  out: string;
  report?: string;
  timeZone: string;
  currency?: string;
  encoding?: string;
}

export const USAGE = `usage: npm run score -- --in FILE [--map MAPPING.json | --preset NAME] [--as-of YYYY-MM-DD]
       [--scheme rfm-grid|value-8] [--unit days|weeks] [--tz ZONE] [--currency ISO] [--encoding auto|utf-8|gbk|utf-16le]
       --out BUYERS.csv [--report REPORT.json]`;

/** Parses the command line; returns a message (for stderr) instead of throwing on bad usage. */
export function parseScoreArgs(argv: readonly string[]): ScoreArgs | string {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        in: { type: 'string' },
        map: { type: 'string' },
        preset: { type: 'string' },
        'as-of': { type: 'string' },
        scheme: { type: 'string' },
        unit: { type: 'string' },
        out: { type: 'string' },
        report: { type: 'string' },
        tz: { type: 'string' },
        currency: { type: 'string' },
        encoding: { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    return `${(e as Error).message}\n${USAGE}`;
  }
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  if (values.help) return USAGE;
  const input = str('in');
  const out = str('out');
  if (!input) return `missing --in\n${USAGE}`;
  if (!out) return `missing --out\n${USAGE}`;
  // Neither: the preset is detected from the file's header row (and printed).
  if (str('map') && str('preset')) return `give --map or --preset, not both\n${USAGE}`;
  const scheme = str('scheme') ?? 'rfm-grid';
  if (scheme !== 'rfm-grid' && scheme !== 'value-8') return `--scheme must be rfm-grid or value-8`;
  const unit = str('unit') ?? 'weeks';
  if (unit !== 'days' && unit !== 'weeks') return `--unit must be days or weeks`;
  const asOf = str('as-of');
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return `--as-of must look like 1997-09-30`;
  const currency = str('currency');
  if (currency !== undefined && !/^[A-Z]{3}$/.test(currency))
    return `--currency must be an ISO code such as USD`;
  return {
    input,
    map: str('map'),
    preset: str('preset'),
    asOf,
    scheme,
    unit,
    out,
    report: str('report'),
    timeZone: str('tz') ?? 'UTC',
    currency,
    encoding: str('encoding'),
  };
}
