/** File-level problems that stop an import before any row is read (row problems are rejects). */
export type ImportErrorCode = 'no-header' | 'missing-columns' | 'unknown-preset' | 'invalid-mapping';

export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    /** For `missing-columns`: each missing column as the file would need it. */
    readonly missing: readonly string[] = [],
  ) {
    super(message);
  }
}
