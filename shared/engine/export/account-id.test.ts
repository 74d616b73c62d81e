import { describe, expect, it } from 'vitest';
import { ACCOUNT_ID_PATTERN, accountId, newIdKey } from './account-id.ts';

describe('accountId', () => {
  const dn = 'uid=jdupont,ou=eleves,dc=lycee,dc=fr';

  it('is opaque: a fixed shape that shows nothing of the DN', () => {
    const id = accountId(newIdKey(), dn);
    expect(id).toMatch(ACCOUNT_ID_PATTERN);
    expect(id).not.toContain('jdupont');
    expect(id).not.toContain(':');
  });

  it('is the same for the same key and DN (any case), different with another key or DN', () => {
    const key = newIdKey();
    expect(accountId(key, dn)).toBe(accountId(key, dn.toUpperCase()));
    expect(accountId(key, dn)).not.toBe(accountId(newIdKey(), dn));
    expect(accountId(key, dn)).not.toBe(accountId(key, 'uid=mdupont,ou=eleves,dc=lycee,dc=fr'));
  });

  it('keeps a thousand accounts apart', () => {
    const key = newIdKey();
    const ids = new Set(Array.from({ length: 1000 }, (_, i) => accountId(key, `uid=u${i},dc=x`)));
    expect(ids.size).toBe(1000);
  });
});
