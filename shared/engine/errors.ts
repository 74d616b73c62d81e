// Errors a user can act on. The CLI and the UI print `message` as one line, never a stack trace; the UI says it in
// the user's language by its `code` (shared/contract/errors.ts), with the names in `params`.
import type { ApiError, ErrorCode, ErrorParams } from '../contract/errors.ts';

export interface VigieErrorOptions {
  cause?: unknown;
  /** What kind of failure: the UI chooses its sentence and its advice by it. Default: the class's. */
  code?: ErrorCode;
  /** The names the UI's sentence may carry (server, account, file, line…), never a value. */
  params?: ErrorParams;
}

/** Bad input or an unreachable directory: what went wrong and what to do, in one line. */
export class VigieError extends Error {
  override readonly name: string = 'VigieError';
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  constructor(message: string, readonly hint?: string, options?: VigieErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = options?.code ?? this.defaultCode();
    this.params = withoutUndefined(options?.params ?? {});
  }
  /** The one line shown to the user. */
  oneLine(): string {
    return this.hint ? `${this.message} — ${this.hint}` : this.message;
  }
  /** What crosses the API (IPC, HTTP). */
  toApiError(): ApiError {
    return { code: this.code, message: this.oneLine(), params: this.params };
  }
  /** The code when the thrower names none: each subclass its own. */
  protected defaultCode(): ErrorCode {
    return 'FAILED';
  }
}

/** Any error as it may cross the API: a VigieError as itself, anything else as UNEXPECTED with its first line. */
export function apiErrorOf(e: unknown): ApiError {
  if (e instanceof VigieError) return e.toApiError();
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'UNEXPECTED', message: `unexpected error: ${message.split('\n')[0]}`, params: {} };
}

/** The input file is not valid LDIF; names the line. */
export class LdifError extends VigieError {
  override readonly name = 'LdifError';
  constructor(readonly file: string, readonly lineNumber: number, message: string, code: ErrorCode = 'LDIF_INVALID') {
    super(`${file}, line ${lineNumber}: ${message}`, undefined, { code, params: { file, line: String(lineNumber) } });
  }
}

/** The directory refused, limited or dropped the connection. */
export class DirectoryError extends VigieError {
  override readonly name: string = 'DirectoryError';
  protected override defaultCode(): ErrorCode {
    return 'LDAP_REFUSED';
  }
}

/** The scan was cancelled by the user. */
export class CancelledError extends VigieError {
  override readonly name = 'CancelledError';
  constructor(message = 'Scan cancelled.') {
    super(message, undefined, { code: 'CANCELLED' });
  }
}

function withoutUndefined(params: ErrorParams): ErrorParams {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as ErrorParams;
}
