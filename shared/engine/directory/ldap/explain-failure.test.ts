// The mappings the live tests cannot provoke on demand (time limit, TLS required, access denied…).
// Each one live in integration/ldap/read-ldap-errors.test.ts is tried against a real slapd instead.
import { InsufficientAccessError, ConfidentialityRequiredError, SizeLimitExceededError, TimeLimitExceededError, UnavailableError } from 'ldapts';
import { describe, expect, it } from 'vitest';
import { explainLdapFailure, type FailureContext } from './explain-failure.ts';

const context: FailureContext = { phase: 'search', server: 'ldap.example.test:389', bindDn: 'cn=lecteur,dc=t', baseDn: 'dc=t', entriesRead: 1200, timeoutMs: 30_000 };

describe('explainLdapFailure', () => {
  it.each([
    [new TimeLimitExceededError(), context, 'time-limit', 'after 1200 entries'],
    [new ConfidentialityRequiredError(), { ...context, phase: 'bind' as const }, 'tls-required', 'ldaps://'],
    [new InsufficientAccessError(), context, 'access-denied', 'cn=lecteur,dc=t'],
    [new UnavailableError('TLS not configured'), { ...context, phase: 'starttls' as const }, 'starttls-refused', 'TLS not configured'],
    [Object.assign(new Error('getaddrinfo ENOTFOUND nowhere'), { code: 'ENOTFOUND' }), { ...context, phase: 'bind' as const }, 'unreachable', 'unknown host'],
    [Object.assign(new Error('certificate has expired'), { code: 'CERT_HAS_EXPIRED' }), context, 'tls-untrusted', 'has expired'],
    [new Error('SearchRequest: Operation timed out'), context, 'timeout', 'within 30 s after 1200 entries'],
    // The connection's own timeout (10 s), not the search's (issue #15 §5: « within 30 s » after 10 s on ldaps).
    [new Error('Connection timeout'), { ...context, phase: 'connect' as const, connectTimeoutMs: 10_000 }, 'unreachable', 'no answer within 10 s'],
    // The limit actually hit (here 100 entries), not slapd's default.
    [new SizeLimitExceededError(), { ...context, entriesRead: 100 }, 'size-limit', 'more than 100 entries'],
    [new Error('Connection closed before message response was received.\nMessage type: SearchRequest (0x63)'), context, 'connection-lost', 'stopped answering after 1200 entries'],
  ] as const)('%s → %s', (error, ctx, kind, words) => {
    const explained = explainLdapFailure(error, ctx);
    expect(explained.kind).toBe(kind);
    expect(explained.oneLine()).toContain(words);
    expect(explained.oneLine()).not.toMatch(/[\r\n]/);
    expect(explained.cause).toBe(error);
    expect(explained.oneLine()).not.toContain('500');
  });
});
