import { describe, expect, it } from 'vitest';
import { directoryDetail } from '../../contract/directory-details.ts';
import type { DirectoryEntry } from '../directory/model.ts';
import { cnilMinimumLength, policyFindings, readPolicy } from './password-policy.ts';

function policy(attrs: Record<string, string>): DirectoryEntry {
  return { dn: 'cn=default,ou=policies,dc=x', attrs: new Map(Object.entries(attrs).map(([k, v]) => [k.toLowerCase(), [v]])), bytes: new Map() };
}

describe('the password policy against CNIL 2022', () => {
  it('needs 12 characters alone, 8 with a restriction', () => {
    expect(cnilMinimumLength(false)).toBe(12);
    expect(cnilMinimumLength(true)).toBe(8);
  });

  it('finds nothing wrong with the plan\'s own policy', () => {
    const p = readPolicy(policy({ pwdMinLength: '12', pwdCheckQuality: '1', pwdLockout: 'TRUE', pwdMaxFailure: '10' }));
    expect(policyFindings({ kind: 'found', policies: [p] })).toEqual([]);
  });

  it('flags no lockout, and a minimum length slapd does not check (pwdCheckQuality 0)', () => {
    const p = readPolicy(policy({ pwdMinLength: '12', pwdLockout: 'TRUE', pwdMaxFailure: '0' }));
    const codes = policyFindings({ kind: 'found', policies: [p] }).map((f) => f.code);
    expect(codes).toEqual(['NO_LOCKOUT', 'WEAK_MIN_LENGTH']);
  });

  it('accepts 8 characters with a lockout, not without', () => {
    const locked = readPolicy(policy({ pwdMinLength: '8', pwdCheckQuality: '2', pwdLockout: 'TRUE', pwdMaxFailure: '5' }));
    const open = readPolicy(policy({ pwdMinLength: '8', pwdCheckQuality: '2', pwdMinDelay: '0' }));
    expect(policyFindings({ kind: 'found', policies: [locked] })).toEqual([]);
    expect(policyFindings({ kind: 'found', policies: [open] }).map((f) => f.code)).toEqual(['NO_LOCKOUT', 'WEAK_MIN_LENGTH']);
  });

  it('says unknown, not absent, when the policy could not be read, each finding in one French sentence', () => {
    const unknown = policyFindings({ kind: 'unknown' });
    expect(unknown.map((f) => f.code)).toEqual(['PASSWORD_POLICY_UNKNOWN']);
    expect(policyFindings({ kind: 'absent' }).map((f) => f.code)).toEqual(['NO_PASSWORD_POLICY']);
    for (const f of [...unknown, ...policyFindings({ kind: 'absent' })]) expect(directoryDetail(f, 'fr')).toMatch(/^[^\n]+ : [^\n]+\.$/);
  });
});
