export type BackupErrorCode =
  | 'not-json'
  | 'not-a-backup'
  | 'unsupported-version'
  | 'invalid-record'
  | 'passphrase-required'
  | 'weak-passphrase'
  | 'wrong-passphrase-or-tampered'
  | 'bad-envelope'
  | 'crypto-unavailable';

export interface RecordIssue {
  table: string;
  /** Index of the bad record in its table (absent for `settings`). */
  index?: number;
  path: string;
  message: string;
}

/** Every restore failure is one of these; a failed restore never yields partial data. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
  constructor(
    readonly code: BackupErrorCode,
    message: string,
    readonly issues: readonly RecordIssue[] = [],
  ) {
    super(message);
  }
}
