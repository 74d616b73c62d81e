// A directory failure the caller can tell apart by `kind` (exit codes, UI wording, tests), still one line.
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

export class LdapError extends DirectoryError {
  constructor(readonly kind: LdapFailureKind, message: string, hint?: string, options?: { cause?: unknown }) {
    super(singleLine(message), hint === undefined ? undefined : singleLine(hint), options);
  }
}

/** Server texts and socket messages may span lines; the user sees one. */
export function singleLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
