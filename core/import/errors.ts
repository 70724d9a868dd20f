import type { UnusableReport } from './reports';

/** File-level problems that stop an import before any row is read (row problems are rejects). */
export type ImportErrorCode =
  | 'no-header'
  | 'missing-columns'
  | 'unknown-preset'
  | 'invalid-mapping'
  /** A known report that has no buyer or no amount (`report` says which, and what to use instead). */
  | 'unusable-report';

export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    /** For `missing-columns`: each missing column as the file would need it. */
    readonly missing: readonly string[] = [],
    /** For `unusable-report`: the recognised report. */
    readonly report?: UnusableReport,
  ) {
    super(message);
  }
}
