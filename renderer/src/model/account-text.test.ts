import { describe, expect, it } from 'vitest';
import type { AccountReport } from '../../../shared/contract/index.ts';
import { en } from '../i18n/messages-en.ts';
import { fr } from '../i18n/messages-fr.ts';
import { accountActions, findingsText, localPattern, schemeName, schemeParams } from './account-text.ts';
import { account } from './report-fixture.test-support.ts';

describe('accountActions', () => {
  it('says what to do per kind of problem, most severe first, each once', () => {
    const a = account('x', 'teacher', [
      { code: 'LEGACY_HASH', severity: 'high', scheme: 'MD5' },
      { code: 'CLEARTEXT_PASSWORD', severity: 'critical' },
      { code: 'LEGACY_HASH', severity: 'high', scheme: 'SHA' },
    ]);
    expect(accountActions(a, fr)).toEqual([fr.accountDetail.actions.CLEARTEXT_PASSWORD, fr.accountDetail.actions.LEGACY_HASH]);
    expect(accountActions(a, fr)[0]).toContain('Faire changer le mot de passe et migrer le stockage vers argon2');
    expect(accountActions(a, en)[0]).toContain('migrate the storage to argon2');
  });

  it('puts a forced renewal first when anyone can know the password, and nothing for a clean account', () => {
    const shared = account('y', 'teacher', [
      { code: 'LEGACY_HASH', severity: 'high', scheme: 'MD5' },
      { code: 'SHARED_PASSWORD', severity: 'critical', groupId: 1, groupSize: 12, likelyDefault: true },
    ]);
    expect(accountActions(shared, fr)[0]).toBe(fr.accountDetail.forced.sharedDefault);
    expect(accountActions(account('z', 'student'), fr)).toEqual([]);
    const unchecked: AccountReport = { ...account('u', 'staff'), unchecked: true };
    expect(accountActions(unchecked, en)).toEqual([en.accountDetail.uncheckedAction]);
  });

  it('has an action for every kind of problem in both languages', () => {
    for (const [code, text] of Object.entries(fr.accountDetail.actions)) {
      expect(text.length, code).toBeGreaterThan(20);
      expect(en.accountDetail.actions[code as keyof typeof en.accountDetail.actions].length, code).toBeGreaterThan(20);
    }
  });
});

describe('localPattern', () => {
  const finding = { code: 'PERSONAL_INFO_PASSWORD', severity: 'high', patternId: 'surname+birthdate:DDMMYYYY', pattern: 'nom + date de naissance (JJMMAAAA)' } as const;
  it('gives the pattern in the reader’s language only', () => {
    expect(localPattern(finding, 'fr')).toBe('nom + date de naissance (JJMMAAAA)');
    expect(localPattern(finding, 'en')).toBe('surname + date of birth (DDMMYYYY)');
    expect(localPattern({ ...finding, patternId: 'unknown-id' }, 'en')).toBeNull();
    // An English label can be its own id.
    expect(localPattern({ ...finding, patternId: 'login', pattern: 'identifiant' }, 'en')).toBe('login');
    expect(localPattern({ ...finding, patternId: 'surname', pattern: 'nom' }, 'en')).toBe('surname');
    expect(findingsText(account('a', 'student', [{ ...finding, patternId: 'unknown-id' }]), en, 'en', new Map())).toBe(en.codes.PERSONAL_INFO_PASSWORD);
  });
});

describe('schemes', () => {
  it('names a scheme, never shows a value, and gives the parameters that matter', () => {
    expect(schemeName('CLEARTEXT', fr)).toBe('en clair');
    expect(schemeName('NONE', en)).toBe('no password');
    expect(schemeName('ARGON2ID', fr)).toBe('argon2id');
    expect(schemeName('SSHA', fr)).toBe('SSHA');
    expect(schemeParams({ cost: 10, salt: 16 }, fr)).toBe('cost 10, sel de 16 octets');
    expect(schemeParams({ m: 65536, t: 3, p: 4, salt: 16 }, en)).toBe('m 65,536, t 3, p 4, 16-byte salt');
    // A string parameter is never shown: the panel shows numbers only.
    expect(schemeParams({ variant: '$2b$10$abcdefghijklmnopqrstuv' }, fr)).toBe('');
  });
});
