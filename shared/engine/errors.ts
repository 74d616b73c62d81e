// Errors a user can act on. The CLI and the UI print `message` as one line, never a stack trace; the UI says it in
// the user's language by its `code` (shared/contract/errors.ts), with the names in `params`.
import { VigieError, type ErrorCode } from '../contract/errors.ts';

// The family's root lives in the contract (the page's HostError is one too); the engine's kinds are below.
export { apiErrorOf, VigieError, type VigieErrorOptions } from '../contract/errors.ts';

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
