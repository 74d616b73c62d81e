import { describe, expect, it } from 'vitest';
import { en } from '../i18n/messages-en.ts';
import { fr } from '../i18n/messages-fr.ts';
import { imposedSchemes, knownPasswordSentences, likelyDefaultGroups, needsForcedRenewal } from './known-passwords.ts';
import { account, imposedSchoolReport } from './report-fixture.test-support.ts';

/** Intl puts a no-break space before « % » (U+00A0 or U+202F, by ICU version): compare plain spaces. */
const plain = (sentences: string[]): string[] => sentences.map((s) => s.replace(/[\u00a0\u202f]/g, ' '));

describe('passwords others know', () => {
  const report = imposedSchoolReport({ students: 30, imposed: 24, defaults: 6 });

  it('reads each imposed scheme and each likely-default group from the report', () => {
    expect(imposedSchemes(report)).toMatchObject([{ profile: 'student', accounts: 24, share: 0.8, severity: 'high' }]);
    expect(likelyDefaultGroups(report)).toEqual([{ groupId: 1, accounts: 6, profiles: ['teacher'], severity: 'critical' }]);
    expect(report.accounts.filter(needsForcedRenewal)).toHaveLength(30);
  });

  it('says it to the principal in one plain French sentence each', () => {
    expect(plain(knownPasswordSentences(report, fr, 'fr'))).toEqual([
      'La plupart des élèves ont encore le mot de passe imposé à la création du compte (nom + date de naissance (AAAA) — Majuscule initiale) : '
        + '24 comptes, 80 %. Quiconque connaît la formule peut se connecter à leur place.',
      '6 comptes du personnel partagent un même mot de passe, probablement celui donné à la rentrée. Quiconque le connaît peut se connecter à leur place.',
    ]);
  });

  it('and in English', () => {
    expect(knownPasswordSentences(report, en, 'en')).toEqual([
      'Most students still have the password imposed when their account was created (surname + date of birth (YYYY) — Capitalised): '
        + '24 accounts, 80%. Anyone who knows the formula can log in as them.',
      '6 staff accounts share one password, probably the one handed out at the start of the school year. Anyone who knows it can log in as them.',
    ]);
  });

  it('does not say « most » of a minority, and names who shares a default that is not only the staff’s', () => {
    const minority = imposedSchoolReport({ students: 60, imposed: 24, defaults: 0 });
    minority.accounts.push(...['p1', 'p2'].map((login) => account(login, 'parent', [{ code: 'SHARED_PASSWORD', severity: 'high', groupId: 7, groupSize: 3, likelyDefault: true }])));
    minority.accounts.push(account('e-x', 'student', [{ code: 'SHARED_PASSWORD', severity: 'high', groupId: 7, groupSize: 3, likelyDefault: true }]));
    const [imposed, shared] = plain(knownPasswordSentences(minority, fr, 'fr'));
    expect(imposed).toMatch(/^Beaucoup d’élèves ont encore le mot de passe imposé .* : 24 comptes, 40 %\./);
    expect(shared).toBe('3 comptes (élèves et parents) partagent un même mot de passe, probablement un mot de passe donné par défaut. Quiconque le connaît peut se connecter à leur place.');
    expect(knownPasswordSentences(minority, en, 'en')[0]).toMatch(/^Many students still have/);
  });

  it('has nothing to say when no formula and no default was found', () => {
    expect(knownPasswordSentences({ directoryFindings: [], accounts: [account('e1', 'student', [{ code: 'SHARED_PASSWORD', severity: 'high', groupId: 2, groupSize: 2 }])] }, fr, 'fr')).toEqual([]);
  });
});
