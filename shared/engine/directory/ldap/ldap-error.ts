// A directory failure the caller can tell apart by `kind` (exit codes, UI wording, tests), still one line.
import type { ErrorCode, ErrorParams } from '../../../contract/errors.ts';
import { DirectoryError } from '../../errors.ts';

export const LDAP_FAILURE_KINDS = [
  'bad-option',
  'invalid-credentials',
  'unreachable',
  'tls-untrusted',
  'tls-handshake',
  'tls-required',
  'starttls-refused',
  'no-such-base',
  'access-denied',
  'size-limit',
  'time-limit',
  'timeout',
  'connection-lost',
  'refused',
] as const;
export type LdapFailureKind = (typeof LDAP_FAILURE_KINDS)[number];

/** The code each kind crosses the API with; a 'bad-option' names its own where it can (see LdapError). */
const CODE_OF_KIND: Record<LdapFailureKind, ErrorCode> = {
  'bad-option': 'BAD_OPTION',
  'invalid-credentials': 'LDAP_INVALID_CREDENTIALS',
  unreachable: 'LDAP_UNREACHABLE',
  'tls-untrusted': 'TLS_UNTRUSTED',
  'tls-handshake': 'TLS_HANDSHAKE_FAILED',
  'tls-required': 'LDAP_TLS_REQUIRED',
  'starttls-refused': 'LDAP_STARTTLS_REFUSED',
  'no-such-base': 'LDAP_NO_SUCH_BASE',
  'access-denied': 'LDAP_ACCESS_DENIED',
  'size-limit': 'LDAP_SIZE_LIMIT',
  'time-limit': 'LDAP_TIME_LIMIT',
  timeout: 'TIMEOUT',
  'connection-lost': 'LDAP_CONNECTION_LOST',
  refused: 'LDAP_REFUSED',
};

export class LdapError extends DirectoryError {
  constructor(readonly kind: LdapFailureKind, message: string, hint?: string, options?: { cause?: unknown; code?: ErrorCode; params?: ErrorParams }) {
    super(singleLine(message), hint === undefined ? undefined : singleLine(hint), { ...options, code: options?.code ?? CODE_OF_KIND[kind] });
  }
}

/** Server texts and socket messages may span lines; the user sees one. */
export function singleLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
