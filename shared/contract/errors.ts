// What went wrong, as a code the UI can say in the user's language (issue #14 §3). Every error a user can act on
// is a `VigieError` (shared/engine/errors.ts) with one of these codes; it crosses the API, over Electron's IPC and
// over the loopback host's HTTP, as an `ApiError`: the code, the engine's one-line message (English, the CLI's
// words, shown as the technical detail) and the names it holds (where, never what: no password, no hash).

export const ERROR_CODES = [
  // The directory
  'LDAP_INVALID_CREDENTIALS', 'LDAP_NO_SUCH_BASE', 'LDAP_SIZE_LIMIT', 'LDAP_TIME_LIMIT', 'LDAP_TLS_REQUIRED',
  'LDAP_ACCESS_DENIED', 'LDAP_STARTTLS_REFUSED', 'TLS_UNTRUSTED', 'LDAP_UNREACHABLE', 'TLS_HANDSHAKE_FAILED',
  'TIMEOUT', 'LDAP_CONNECTION_LOST', 'LDAP_REFUSED', 'LDAP_MALFORMED_ANSWER',
  // The connection as typed
  'BAD_LDAP_URL', 'LDAP_URL_CREDENTIALS', 'STARTTLS_WITH_LDAPS', 'PASSWORD_NEEDED', 'BAD_OPTION',
  'CA_FILE_UNREADABLE', 'CA_FILE_NO_CERTIFICATE',
  // An LDIF export, or another file Vigie reads
  'LDIF_NOT_FOUND', 'NOT_A_FILE', 'FILE_UNREADABLE', 'LDIF_EMPTY', 'LDIF_COMPRESSED', 'LDIF_CHANGE_RECORDS',
  'LDIF_INVALID',
  // Breached passwords (Have I Been Pwned)
  'NOT_FULL_PATH', 'PATH_NOT_FOUND', 'NOT_HIBP', 'NO_HIBP_FILES', 'BREACH_INDEX_DAMAGED', 'DISK_FULL',
  // The migration plan
  'FOLDER_NOT_EMPTY', 'PLAN_OTHER_DIRECTORY', 'PLAN_NEEDS_DIRECTORY', 'PLAN_NEEDS_BIND_ACCOUNT', 'PLAN_NEEDS_SCHOOL',
  // The app
  'SCAN_RUNNING', 'IMPORT_RUNNING', 'PLAN_RUNNING', 'JOB_NOT_FOUND', 'PROFILE_NOT_FOUND', 'REPORT_NOT_FOUND', 'REPORT_DAMAGED',
  'DEMO_READ_ONLY',
  'NO_KEYCHAIN', 'PDF_IN_BROWSER', 'CANNOT_WRITE', 'DAMAGED_FILE', 'NO_SOURCE', 'CANCELLED',
  // The API itself: a call the host refused, or a host the page cannot reach
  'BAD_REQUEST', 'REQUEST_TOO_LARGE', 'UNAUTHORISED', 'HOST_UNREACHABLE',
  // A VigieError without a more precise code (its line says it), and anything that is not a VigieError.
  'FAILED', 'UNEXPECTED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The names a sentence may carry: where, not what. */
export interface ErrorParams {
  server?: string;
  who?: string;
  base?: string;
  file?: string;
  line?: string;
  url?: string;
  /** A directory that failed mid-read: the entries read before, and the time it was given (seconds). */
  entries?: string;
  seconds?: string;
}
export const ERROR_PARAM_NAMES = ['server', 'who', 'base', 'file', 'line', 'url', 'entries', 'seconds'] as const satisfies readonly (keyof ErrorParams)[];

/** An error as it crosses the API. */
export interface ApiError {
  code: ErrorCode;
  /** The engine's one line (message — hint), in English: the technical detail. */
  message: string;
  params: ErrorParams;
}

export interface VigieErrorOptions {
  cause?: unknown;
  /** What kind of failure: the UI chooses its sentence and its advice by it. Default: the class's. */
  code?: ErrorCode;
  /** The names the UI's sentence may carry (server, account, file, line…), never a value. */
  params?: ErrorParams;
}

/**
 * An error a user can act on: what went wrong and what to do, in one line (the CLI and the UI print it, never a
 * stack), and its code. Every error of Vigie is one: the engine's (shared/engine/errors.ts adds its kinds), the
 * app's and the hosts', and the page's own HostError, built from what crossed the API. Here, in the contract,
 * because the renderer may import nothing else.
 */
export class VigieError extends Error {
  override readonly name: string = 'VigieError';
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  constructor(message: string, readonly hint?: string, options?: VigieErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = options?.code ?? this.defaultCode();
    this.params = Object.fromEntries(Object.entries(options?.params ?? {}).filter(([, v]) => v !== undefined)) as ErrorParams;
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

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** The ApiError a value holds, or null: checked field by field, as it comes off the wire. */
export function toApiError(value: unknown): ApiError | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  if (!isErrorCode(record.code) || typeof record.message !== 'string') return null;
  const params: ErrorParams = {};
  const given = typeof record.params === 'object' && record.params !== null ? record.params as Record<string, unknown> : {};
  for (const name of ERROR_PARAM_NAMES) {
    const param = given[name];
    if (typeof param === 'string') params[name] = param;
  }
  return { code: record.code, message: record.message, params };
}

// Electron's IPC (and its context bridge) carry a thrown error's message only, never its other fields: the ApiError
// travels inside the message, after this marker, as JSON. Electron prefixes the message with its own words.
const IPC_MARKER = 'vigie-error:';

/** The message of the Error an IPC handler throws. */
export function encodeIpcError(error: ApiError): string {
  return `${IPC_MARKER}${JSON.stringify(error)}`;
}

/** The ApiError inside an IPC error's message (Electron's prefix or not), or null. */
export function decodeIpcError(message: string): ApiError | null {
  const at = message.indexOf(IPC_MARKER);
  if (at < 0) return null;
  try {
    return toApiError(JSON.parse(message.slice(at + IPC_MARKER.length)));
  } catch {
    return null;
  }
}

// The loopback host answers an error with its one line in the body (`{ "error": "…" }`, as scripts and curl read
// it) and the rest of the ApiError in this header: `{code, params}` as JSON, percent-encoded (a path may hold any
// character, a header only ASCII).
export const ERROR_HEADER = 'x-vigie-error';

export function encodeErrorHeader(error: ApiError): string {
  return encodeURIComponent(JSON.stringify({ code: error.code, params: error.params }));
}

/** The code an HTTP status stands for, where nothing more precise was said (the host's own refusals, a proxy). */
export function codeOfStatus(status: number): ErrorCode {
  if (status === 401 || status === 403) return 'UNAUTHORISED';
  if (status === 413) return 'REQUEST_TOO_LARGE';
  return status >= 500 ? 'UNEXPECTED' : 'BAD_REQUEST';
}

/** The ApiError of an HTTP answer: the header's code and names with the body's line, or null without the header. */
export function decodeErrorHeader(header: string | null, message: string): ApiError | null {
  if (header === null || header === '') return null;
  try {
    return toApiError({ ...(JSON.parse(decodeURIComponent(header)) as object), message });
  } catch {
    return null;
  }
}
