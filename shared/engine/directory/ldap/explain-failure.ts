// Turns what ldapts and Node's sockets throw into one LdapError a school's IT person can act on.
import { ResultCodeError } from 'ldapts';
import { LdapError, singleLine } from './ldap-error.ts';

export type ConnectionPhase = 'connect' | 'starttls' | 'bind' | 'search';

export interface FailureContext {
  phase: ConnectionPhase;
  /** host:port, never credentials. */
  server: string;
  bindDn?: string;
  baseDn?: string;
  entriesRead: number;
  timeoutMs: number;
  /** The time allowed to open the connection, when it differs from `timeoutMs` (read-ldap.ts caps it at 10 s). */
  connectTimeoutMs?: number;
}

// LDAP result codes (RFC 4511 §4.1.9) that need their own wording.
const TIME_LIMIT_EXCEEDED = 3;
const SIZE_LIMIT_EXCEEDED = 4;
const STRONGER_AUTH_REQUIRED = 8;
const ADMIN_LIMIT_EXCEEDED = 11;
const CONFIDENTIALITY_REQUIRED = 13;
const NO_SUCH_OBJECT = 32;
const INVALID_CREDENTIALS = 49;
const INSUFFICIENT_ACCESS = 50;

const UNREACHABLE_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'unknown host',
  EAI_AGAIN: 'the host name could not be resolved',
  EHOSTUNREACH: 'no route to the host',
  ENETUNREACH: 'no route to the network',
  ETIMEDOUT: 'no answer',
};

const UNTRUSTED_CERTIFICATE_CODES = new Set([
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'INVALID_CA',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

const CERTIFICATE_PROBLEM: Record<string, string> = {
  CERT_HAS_EXPIRED: 'has expired',
  CERT_NOT_YET_VALID: 'is not valid yet',
  CERT_REVOKED: 'is revoked',
  ERR_TLS_CERT_ALTNAME_INVALID: 'does not name this host',
};

const LIMITS_HINT_TARGET = (bindDn: string | undefined): string =>
  bindDn ? `dn.exact="${bindDn}"` : 'anonymous';

export function explainLdapFailure(error: unknown, context: FailureContext): LdapError {
  if (error instanceof LdapError) return error;
  const read = context.entriesRead;
  const after = `after ${read} ${read === 1 ? 'entry' : 'entries'}`;
  const seconds = Math.round(context.timeoutMs / 100) / 10;
  // Every name and figure the sentences may use: the UI and the CLI pick those theirs need (a partial report's reason).
  const options = {
    cause: error,
    params: {
      server: context.server, who: context.bindDn ?? 'anonymous', ...(context.baseDn !== undefined ? { base: context.baseDn } : {}),
      ...(context.phase === 'search' ? { entries: String(read), seconds: String(seconds) } : {}),
    },
  };

  if (error instanceof ResultCodeError) {
    switch (error.code) {
      case INVALID_CREDENTIALS:
        return new LdapError('invalid-credentials',
          `The directory refused the bind as ${context.bindDn ?? 'anonymous'}: wrong DN or password.`,
          'check the bind DN and the password given by file, VIGIE_BIND_PASSWORD or the prompt.', options);
      case NO_SUCH_OBJECT:
        return new LdapError('no-such-base',
          `The base DN "${context.baseDn ?? ''}" does not exist on ${context.server}.`,
          'check the base DN; the root DSE lists the directory\'s naming contexts (ldapsearch -x -s base -b "" namingContexts).', options);
      case SIZE_LIMIT_EXCEEDED:
      case ADMIN_LIMIT_EXCEEDED:
        return new LdapError('size-limit',
          read
            ? `The directory refused to return more than ${read} ${read === 1 ? 'entry' : 'entries'}: its size limit, which caps paged searches too.`
            : 'The directory refused to return the entries: its size limit, which caps paged searches too.',
          `lift it on the database in cn=config with olcLimits: ${LIMITS_HINT_TARGET(context.bindDn)} size.soft=unlimited size.hard=unlimited size.prtotal=unlimited, or bind as an account without the limit.`, options);
      case TIME_LIMIT_EXCEEDED:
        return new LdapError('time-limit',
          `The directory stopped the search at its time limit ${after}.`,
          `lift it on the database in cn=config with olcLimits: ${LIMITS_HINT_TARGET(context.bindDn)} time.soft=unlimited time.hard=unlimited, or read a smaller base DN.`, options);
      case STRONGER_AUTH_REQUIRED:
      case CONFIDENTIALITY_REQUIRED:
        if (context.phase === 'starttls') break;
        return new LdapError('tls-required',
          'The directory requires an encrypted connection.',
          'use an ldaps:// URL or StartTLS.', options);
      case INSUFFICIENT_ACCESS:
        return new LdapError('access-denied',
          `The directory denied the ${context.phase === 'search' ? 'search' : 'operation'} to ${context.bindDn ?? 'anonymous'}.`,
          'bind as an account allowed to read the people entries (a locked or must-change-password account is refused too).', options);
    }
    if (context.phase === 'starttls') {
      return new LdapError('starttls-refused',
        `The directory refused StartTLS: ${serverText(error)}.`,
        'use an ldaps:// URL, or configure a TLS certificate on the server.', options);
    }
    return new LdapError('refused', `The directory answered "${serverText(error)}" (result ${error.code}) during the ${context.phase}.`,
      undefined, options);
  }

  const code = errorCode(error);
  const message = error instanceof Error ? singleLine(error.message) : String(error);

  if (code && UNTRUSTED_CERTIFICATE_CODES.has(code)) {
    const problem = CERTIFICATE_PROBLEM[code] ?? 'is not signed by a trusted authority';
    return new LdapError('tls-untrusted',
      `The TLS certificate of ${context.server} ${problem} (${code}).`,
      code === 'ERR_TLS_CERT_ALTNAME_INVALID'
        ? 'connect with the host name written in the certificate.'
        : 'pass the certificate of the authority that signed it with --ca-file.', options);
  }
  if (code && code in UNREACHABLE_CODES) {
    return new LdapError('unreachable', `Cannot reach the directory at ${context.server}: ${UNREACHABLE_CODES[code]}.`,
      'check the URL and port, that the server runs, and that no firewall stands between.', options);
  }
  if (message === 'Connection timeout') {
    const connectSeconds = Math.round((context.connectTimeoutMs ?? context.timeoutMs) / 100) / 10;
    return new LdapError('unreachable', `Cannot reach the directory at ${context.server}: no answer within ${connectSeconds} s.`,
      'check the URL and port, that the server runs, and that no firewall stands between.', options);
  }
  if (code?.startsWith('ERR_SSL_') || /SSL routines|handshake|before secure TLS connection/i.test(message)) {
    return new LdapError('tls-handshake', `The TLS handshake with ${context.server} failed (${code ?? 'no TLS answer'}).`,
      'check that the port speaks ldaps:// (usually 636), or use ldap:// with StartTLS (usually 389).', options);
  }
  if (/Operation timed out/i.test(message)) {
    return context.phase === 'search'
      ? new LdapError('timeout', `The directory did not answer within ${seconds} s ${after}.`,
        'check the server\'s load, or allow more time.', options)
      : new LdapError('unreachable', `Cannot reach the directory at ${context.server}: no LDAP answer within ${seconds} s.`,
        'check the URL and port: an ldaps:// port does not answer plain ldap://.', options);
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || /Connection closed|Socket error|socket hang up|not established/i.test(message)) {
    return context.phase === 'search'
      ? new LdapError('connection-lost', `The directory stopped answering ${after}.`,
        'check that the server is still running, then scan again.', options)
      : new LdapError('connection-lost', `The directory at ${context.server} closed the connection during the ${context.phase}.`,
        'check the URL: an ldaps:// port does not answer plain ldap://, and the server may limit connections.', options);
  }
  return new LdapError('refused', `Reading the directory at ${context.server} failed during the ${context.phase}: ${message}.`,
    undefined, options);
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** The server's diagnostic without ldapts's " Code: 0x…" suffix. */
function serverText(error: ResultCodeError): string {
  return singleLine(error.message.replace(/\s*Code: 0x[0-9a-f]+\s*$/i, '')) || `result ${error.code}`;
}
