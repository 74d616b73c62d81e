import { describe, expect, it } from 'vitest';
import { adviceFor } from './error-advice.ts';

describe('adviceFor', () => {
  it.each([
    ['The directory refused the bind as cn=admin,dc=x: wrong DN or password.', 'credentials'],
    ['Cannot reach ldap://127.0.0.1:1/: connection refused.', 'network'],
    ['The certificate of ldaps://x/ is self-signed.', 'certificate'],
    ['The base DN "dc=nope" does not exist on ldap://x/.', 'baseDn'],
    ['/tmp/x.ldif, line 3: expected "attribute: value"', 'file'],
    ['Something odd happened.', 'generic'],
  ] as const)('%s → %s', (message, advice) => {
    expect(adviceFor(message)).toBe(advice);
  });
});
