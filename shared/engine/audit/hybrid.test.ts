// The hybrid product inside the audit: word + year/digits/symbol found under unsalted hashes for all accounts at
// once (standard), and under a salted one with the budget left (deep), on whichever kernel tier loads.
import { describe, expect, it } from 'vitest';
import type { HashSchemeName } from '../../contract/codes.ts';
import type { AccountRecord, PasswordAttribute, SchoolContext } from '../directory/model.ts';
import { schemeByName } from '../hash/classify.ts';
import { runAudit } from './audit.ts';

const school: SchoolContext = { names: ['Collège Jean Moulin'], towns: ['Brest'], uais: ['0290001A'], classes: ['6A'], extra: [] };

async function account(login: string, scheme: HashSchemeName, password: string): Promise<AccountRecord> {
  const attribute: PasswordAttribute = scheme === 'NT' ? 'sambantpassword' : 'userpassword';
  const value = await schemeByName(scheme).create(password, {});
  return {
    dn: `uid=${login},ou=people,dc=test`, login, surnames: ['Kerbrat'], givenNames: ['Yann'], birthDate: { year: 2011, month: 3, day: 4 },
    profile: 'student', classes: ['6A'], passwords: [{ attribute, value: new TextEncoder().encode(value) }],
  };
}

const finding = (r: Awaited<ReturnType<typeof runAudit>>, login: string) =>
  r.accounts.find((a) => a.account.login === login)!.findings.find((f) => f.code === 'COMMON_PASSWORD');

describe('the hybrid family in the audit', () => {
  it('finds word + year + symbol under MD5, NT and SHA-1, with the pattern and never the password', async () => {
    const accounts = [
      await account('a', 'MD5', 'Soleil2024!'),
      await account('b', 'NT', 'chocolat13'),
      await account('c', 'SHA', 'marseille1998.'),
      await account('d', 'MD5', 'Kq7!vX2m#Lp9'),
    ];
    const r = await runAudit(accounts, { school, depth: 'standard', workers: 2 });
    expect(finding(r, 'a')?.patternId).toBe('common:word+year+symbol');
    expect(finding(r, 'b')?.patternId).toBe('common:word+digits');
    expect(finding(r, 'c')?.patternId).toBe('common:word+year+symbol');
    expect(finding(r, 'd')).toBeUndefined();
    expect(JSON.stringify(r)).not.toMatch(/Soleil2024|chocolat13|marseille1998/);
  });

  it('is not run at quick depth', async () => {
    const r = await runAudit([await account('a', 'MD5', 'Soleil2024!')], { school, depth: 'quick', workers: 1 });
    expect(finding(r, 'a')).toBeUndefined();
  });

  it('spends the budget a salted value has left at deep depth on the most likely pairs', async () => {
    const r = await runAudit([await account('s', 'SSHA', 'soleil2025')], { school, depth: 'deep', workers: 1 });
    expect(finding(r, 's')?.patternId).toBe('common:word+year');
  });
});
