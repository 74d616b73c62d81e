// Small hand-made report rows for the model tests.
import type { AccountFinding, AccountReport, Profile } from '../../../shared/contract/index.ts';

export function account(login: string, profile: Profile, findings: AccountFinding[] = [], classes: string[] = []): AccountReport {
  const order = ['critical', 'high', 'medium', 'low'] as const;
  const risk = findings.length === 0 ? null : order.find((s) => findings.some((f) => f.severity === s)) ?? null;
  return {
    dn: `uid=${login},ou=people,dc=college,dc=test`,
    login,
    profile,
    classes,
    hashScheme: 'SSHA',
    storedSchemes: [{ scheme: 'SSHA', attribute: 'userPassword' }],
    findings,
    risk,
  };
}
