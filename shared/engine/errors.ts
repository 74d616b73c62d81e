// Errors a user can act on. The CLI and the UI print `message` as one line, never a stack trace.

/** Bad input or an unreachable directory: what went wrong and what to do, in one line. */
export class VigieError extends Error {
  override readonly name: string = 'VigieError';
  constructor(message: string, readonly hint?: string, options?: { cause?: unknown }) {
    super(message, options);
  }
  /** The one line shown to the user. */
  oneLine(): string {
    return this.hint ? `${this.message} — ${this.hint}` : this.message;
  }
}

/** The input file is not valid LDIF; names the line. */
export class LdifError extends VigieError {
  override readonly name = 'LdifError';
  constructor(readonly file: string, readonly lineNumber: number, message: string) {
    super(`${file}, line ${lineNumber}: ${message}`);
  }
}

/** The directory refused, limited or dropped the connection. */
export class DirectoryError extends VigieError {
  override readonly name = 'DirectoryError';
}

/** The scan was cancelled by the user. */
export class CancelledError extends VigieError {
  override readonly name = 'CancelledError';
  constructor() {
    super('Scan cancelled.');
  }
}
