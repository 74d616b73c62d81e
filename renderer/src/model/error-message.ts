// What went wrong, in the user's language (issue #13 §7, issue #14 §3). The host answers a failure with an ApiError:
// a code, its one line in English (the CLI's words) and the names it holds. The page chooses its sentence and its
// advice by the code — never by reading the English line, which stays available as the technical detail.
import type { ApiError, ErrorCode, ErrorParams } from '../../../shared/contract/index.ts';
import type { ErrorAdvice } from './error-advice.ts';

export type { ErrorParams };

/** The page's sentences (t.errorText), one per kind of failure; several codes may share one. */
export const ERROR_KINDS = [
  // The directory
  'invalidCredentials', 'noSuchBase', 'sizeLimit', 'timeLimit', 'tlsRequired', 'accessDenied', 'startTlsRefused',
  'tlsUntrusted', 'unreachable', 'tlsHandshake', 'timeout', 'connectionLost', 'directoryRefused',
  // The connection as typed
  'badUrl', 'urlCredentials', 'startTlsWithLdaps', 'passwordNeeded', 'caFileUnreadable', 'caFileNoCertificate',
  // An LDIF export
  'fileMissing', 'notAFile', 'fileUnreadable', 'fileEmpty', 'fileCompressed', 'changeRecords', 'notLdif',
  // Breached passwords (Have I Been Pwned)
  'notFullPath', 'noSuchPath', 'notHibp', 'noHibpFiles', 'breachIndexDamaged', 'diskFull',
  // The migration plan
  'folderNotEmpty', 'otherDirectory', 'planNeedsDirectory', 'planNeedsBindAccount', 'planNeedsSchool',
  // The app
  'scanRunning', 'importRunning', 'planRunning', 'scanUnknown', 'profileMissing', 'reportMissing', 'reportDamaged', 'demoReadOnly',
  'noKeychain',
  'pdfInBrowser', 'badArguments', 'cannotWrite', 'damagedFile', 'noSource', 'cancelled',
  // The host
  'requestTooLarge', 'unauthorised', 'hostUnreachable', 'failed', 'unexpected',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** The sentence each code is said with. A table, checked whole by the compiler: a new code needs its line here. */
export const KIND_OF_CODE: Record<ErrorCode, ErrorKind> = {
  LDAP_INVALID_CREDENTIALS: 'invalidCredentials',
  LDAP_NO_SUCH_BASE: 'noSuchBase',
  LDAP_SIZE_LIMIT: 'sizeLimit',
  LDAP_TIME_LIMIT: 'timeLimit',
  LDAP_TLS_REQUIRED: 'tlsRequired',
  LDAP_ACCESS_DENIED: 'accessDenied',
  LDAP_STARTTLS_REFUSED: 'startTlsRefused',
  TLS_UNTRUSTED: 'tlsUntrusted',
  LDAP_UNREACHABLE: 'unreachable',
  TLS_HANDSHAKE_FAILED: 'tlsHandshake',
  TIMEOUT: 'timeout',
  LDAP_CONNECTION_LOST: 'connectionLost',
  LDAP_REFUSED: 'directoryRefused',
  LDAP_MALFORMED_ANSWER: 'directoryRefused',
  BAD_LDAP_URL: 'badUrl',
  LDAP_URL_CREDENTIALS: 'urlCredentials',
  STARTTLS_WITH_LDAPS: 'startTlsWithLdaps',
  PASSWORD_NEEDED: 'passwordNeeded',
  BAD_OPTION: 'badArguments',
  CA_FILE_UNREADABLE: 'caFileUnreadable',
  CA_FILE_NO_CERTIFICATE: 'caFileNoCertificate',
  LDIF_NOT_FOUND: 'fileMissing',
  NOT_A_FILE: 'notAFile',
  FILE_UNREADABLE: 'fileUnreadable',
  LDIF_EMPTY: 'fileEmpty',
  LDIF_COMPRESSED: 'fileCompressed',
  LDIF_CHANGE_RECORDS: 'changeRecords',
  LDIF_INVALID: 'notLdif',
  NOT_FULL_PATH: 'notFullPath',
  PATH_NOT_FOUND: 'noSuchPath',
  NOT_HIBP: 'notHibp',
  NO_HIBP_FILES: 'noHibpFiles',
  BREACH_INDEX_DAMAGED: 'breachIndexDamaged',
  DISK_FULL: 'diskFull',
  FOLDER_NOT_EMPTY: 'folderNotEmpty',
  PLAN_OTHER_DIRECTORY: 'otherDirectory',
  PLAN_NEEDS_DIRECTORY: 'planNeedsDirectory',
  PLAN_NEEDS_BIND_ACCOUNT: 'planNeedsBindAccount',
  PLAN_NEEDS_SCHOOL: 'planNeedsSchool',
  SCAN_RUNNING: 'scanRunning',
  IMPORT_RUNNING: 'importRunning',
  PLAN_RUNNING: 'planRunning',
  JOB_NOT_FOUND: 'scanUnknown',
  PROFILE_NOT_FOUND: 'profileMissing',
  REPORT_NOT_FOUND: 'reportMissing',
  REPORT_DAMAGED: 'reportDamaged',
  DEMO_READ_ONLY: 'demoReadOnly',
  NO_KEYCHAIN: 'noKeychain',
  PDF_IN_BROWSER: 'pdfInBrowser',
  CANNOT_WRITE: 'cannotWrite',
  DAMAGED_FILE: 'damagedFile',
  NO_SOURCE: 'noSource',
  CANCELLED: 'cancelled',
  BAD_REQUEST: 'badArguments',
  REQUEST_TOO_LARGE: 'requestTooLarge',
  UNAUTHORISED: 'unauthorised',
  HOST_UNREACHABLE: 'hostUnreachable',
  FAILED: 'failed',
  UNEXPECTED: 'unexpected',
};

export interface ExplainedError {
  kind: ErrorKind;
  params: ErrorParams;
  /** The host's own line, shown as the technical detail. */
  detail: string;
}

export function explainError(error: ApiError): ExplainedError {
  return { kind: KIND_OF_CODE[error.code] ?? 'unexpected', params: error.params, detail: error.message.trim() };
}

/** What a host that sent no ApiError (an older one) said: its line, unexplained. */
export function unexplainedError(message: string | undefined): ApiError {
  return { code: 'UNEXPECTED', message: message ?? '', params: {} };
}

/** The advice each kind calls for (ErrorWithAdvice's « Que faire ? »). */
const ADVICE: Partial<Record<ErrorKind, ErrorAdvice>> = {
  invalidCredentials: 'credentials', accessDenied: 'credentials', passwordNeeded: 'credentials',
  noSuchBase: 'baseDn',
  tlsUntrusted: 'certificate', tlsHandshake: 'certificate', tlsRequired: 'certificate', startTlsRefused: 'certificate',
  caFileUnreadable: 'certificate', caFileNoCertificate: 'certificate',
  unreachable: 'network', timeout: 'network', connectionLost: 'network', badUrl: 'network',
  fileMissing: 'file', notAFile: 'file', fileUnreadable: 'file', fileEmpty: 'file', fileCompressed: 'file',
  changeRecords: 'file', notLdif: 'file',
  failed: 'generic', unexpected: 'generic',
};

/** The advice for a kind, or null when the kind's own sentence already says what to do. */
export function adviceOfKind(kind: ErrorKind): ErrorAdvice | null {
  return ADVICE[kind] ?? null;
}
