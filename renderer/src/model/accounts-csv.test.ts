import { describe, expect, it } from 'vitest';
import { ACCOUNT_FINDING_CODES, PROFILES, SEVERITIES } from '../../../shared/contract/codes.ts';
import type { AccountReport } from '../../../shared/contract/index.ts';
import { en } from '../i18n/messages-en.ts';
import { fr } from '../i18n/messages-fr.ts';
import { accountsCsv, accountsCsvFileName, exportFileName, pseudonymised, schoolSlug, slug } from './accounts-csv.ts';
import { imposedLabels } from './account-text.ts';
import { account, imposedSchoolReport } from './report-fixture.test-support.ts';
import { readCsv } from './csv-reader.test-support.ts';

const mixed: AccountReport[] = [
  { ...account('eleve.cleartext', 'student', [{ code: 'CLEARTEXT_PASSWORD', severity: 'critical' }], ['6A']), hashScheme: 'CLEARTEXT', storedSchemes: [{ scheme: 'CLEARTEXT', attribute: 'userPassword' }] },
  { ...account('prof.md5', 'teacher', [
    { code: 'LEGACY_HASH', severity: 'high', scheme: 'MD5' },
    { code: 'PERSONAL_INFO_PASSWORD', severity: 'critical', patternId: 'surname+birthdate:DDMMYYYY', pattern: 'nom + date de naissance (JJMMAAAA)' },
  ], ['3B', '4C']), hashScheme: 'MD5', storedSchemes: [{ scheme: 'MD5', attribute: 'userPassword' }, { scheme: 'LM', attribute: 'sambaLMPassword' }] },
  account('=cmd|calc', 'staff'),
  { ...account('odd.pattern', 'parent', [{ code: 'COMMON_PASSWORD', severity: 'medium', patternId: 'not-a-known-id', pattern: 'motif inventé en français' }]) },
];

describe('accountsCsv', () => {
  it('writes French with ; and a BOM, every value in French words', () => {
    const csv = accountsCsv(mixed, fr, 'fr', new Map());
    expect(csv.startsWith('\ufeff')).toBe(true);
    const rows = readCsv(csv.slice(1), ';');
    expect(rows[0]).toEqual(['Identifiant', 'DN', 'Type de compte', 'Classes', 'Stockage', 'Gravité', 'Problèmes', 'À faire', 'Renouvellement forcé']);
    expect(rows).toHaveLength(mixed.length + 1);
    for (const row of rows) expect(row).toHaveLength(9);
    const [, cleartext, md5] = rows;
    expect(cleartext!.slice(2, 6)).toEqual(['élève', '6A', 'en clair (userPassword)', 'critique']);
    expect(cleartext![6]).toBe('Mot de passe stocké en clair [critique]');
    expect(cleartext![7]).toContain('migrer le stockage vers argon2');
    expect(md5![2]).toBe('enseignant');
    expect(md5![3]).toBe('3B, 4C');
    expect(md5![4]).toBe('MD5 (userPassword), LM (sambaLMPassword)');
    expect(md5![6]).toContain('nom + date de naissance (JJMMAAAA)');
    expect(md5![6]).toContain('[élevée]');
    // The most severe kind's action first.
    expect(md5![7]!.indexOf('Forcer le renouvellement')).toBeLessThan(md5![7]!.indexOf('Migrer le stockage'));
    const body = csv.slice(csv.indexOf('\r\n'));
    // « parent » is the same word in both languages.
    for (const code of [...ACCOUNT_FINDING_CODES, ...SEVERITIES, ...PROFILES.filter((p) => p !== 'parent'), 'CLEARTEXT']) expect(body).not.toMatch(new RegExp(`\\b${code}\\b`));
  });

  it('writes English with , and English words only, never the report’s French pattern', () => {
    const csv = accountsCsv(mixed, en, 'en', new Map());
    expect(csv.startsWith('\ufeff')).toBe(true);
    const rows = readCsv(csv.slice(1), ',');
    expect(rows[0]![0]).toBe('Login');
    for (const row of rows) expect(row).toHaveLength(9);
    expect(rows[1]!.slice(2, 6)).toEqual(['student', '6A', 'cleartext (userPassword)', 'critical']);
    expect(rows[2]![2]).toBe('teacher');
    expect(rows[2]![6]).toContain('surname + date of birth (DDMMYYYY)');
    expect(rows[2]![6]).toContain('[high]');
    expect(rows[4]![6]).toBe('Common password [medium]');
    expect(csv).not.toMatch(/nom|date de naissance|motif|élève|enseignant|critique|élevée|Mot de passe/);
    expect(csv).not.toMatch(/\bLEGACY_HASH\b|\bCLEARTEXT_PASSWORD\b/);
  });

  it('neutralises a value a spreadsheet would run, with the host export’s guard', () => {
    const rows = readCsv(accountsCsv(mixed, fr, 'fr', new Map()).slice(1), ';');
    expect(rows[3]![0]).toBe("'=cmd|calc");
    expect(rows[3]![1]).toBe('uid==cmd|calc,ou=people,dc=college,dc=test');
  });

  it('names the imposed formula and the forced renewal', () => {
    const report = imposedSchoolReport({ students: 2, imposed: 1, defaults: 2 });
    const rows = readCsv(accountsCsv(report.accounts, fr, 'fr', imposedLabels(report)).slice(1), ';');
    expect(rows[1]![6]).toContain('formule imposée : nom + date de naissance (AAAA) — Majuscule initiale');
    expect(rows[1]![8]).toBe('oui (formule imposée)');
    expect(rows[2]![8]).toBe('');
    expect(rows[3]![8]).toBe('oui (mot de passe par défaut)');
    expect(rows[3]![7]).toMatch(/^Forcer le renouvellement en priorité/);
  });
});

describe('accountsCsvFileName', () => {
  const report = { finishedAt: '2026-12-06T09:15:00.000Z', source: { kind: 'ldap', location: 'ldap://annuaire.college.test:389' } } as const;

  it('holds the school and the scan’s day, in the file’s language', () => {
    expect(accountsCsvFileName(report, 'Collège Jean Moulin', fr, 'fr')).toBe('vigie-comptes-college-jean-moulin-2026-12-06.csv');
    expect(accountsCsvFileName(report, 'Collège Jean Moulin', en, 'en')).toBe('vigie-accounts-college-jean-moulin-2026-12-06.csv');
  });

  it('falls back on the source when the school has no name', () => {
    expect(accountsCsvFileName(report, report.source.location, fr, 'fr')).toBe('vigie-comptes-annuaire-college-test-2026-12-06.csv');
    expect(schoolSlug(null, { kind: 'ldif', location: '/home/dsi/Export Lycée.ldif' }, 'fr')).toBe('export-lycee');
    expect(schoolSlug('!!!', { kind: 'ldif', location: '/' }, 'en')).toBe('school');
  });

  it('slugs French names', () => {
    expect(slug('Lycée Œuvre d’Éducation — Saint-Étienne (test)')).toBe('lycee-oeuvre-d-education-saint-etienne-test');
  });
});

describe('the Exports page’s files', () => {
  const report = { finishedAt: '2026-12-06T10:00:00.000Z', source: { kind: 'ldif' as const, location: '/home/dsi/exports/annuaire-jm.ldif' } };

  it('name the school and the scan’s day in every file, in the reader’s language', () => {
    expect(exportFileName('json', report, 'Collège Jean Moulin', fr, 'fr')).toBe('vigie-rapport-college-jean-moulin-2026-12-06.json');
    expect(exportFileName('pdf', report, 'Collège Jean Moulin', fr, 'fr')).toBe('vigie-synthese-college-jean-moulin-2026-12-06.pdf');
    expect(exportFileName('csv', report, 'Collège Jean Moulin', fr, 'fr', { pseudonymised: true })).toBe('vigie-comptes-college-jean-moulin-2026-12-06-pseudonymise.csv');
    expect(exportFileName('csv', report, null, en, 'en')).toBe('vigie-accounts-annuaire-jm-2026-12-06.csv');
    expect(exportFileName('json', report, null, en, 'en', { pseudonymised: true })).toBe('vigie-report-annuaire-jm-2026-12-06.json');
  });

  it('write the pseudonymised list with the host’s pseudonyms, in French words, and never a real name', () => {
    const pseudonyms = mixed.map((a, i) => ({ dn: a.dn, login: a.login, pseudoDn: `compte-${i}`, pseudoLogin: `id-${i}` }));
    const csv = accountsCsv(pseudonymised(mixed, pseudonyms), fr, 'fr', new Map());
    const rows = readCsv(csv.slice(1), ';');
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual(mixed.map((_, i) => [`id-${i}`, `compte-${i}`]));
    for (const a of mixed) {
      expect(csv).not.toContain(a.dn);
      expect(csv).not.toContain(a.login);
    }
    expect(rows[1]!.slice(2, 6)).toEqual(['élève', '6A', 'en clair (userPassword)', 'critique']);
  });

  it('refuse to write an account the host gave no pseudonym for', () => {
    const pseudonyms = mixed.slice(1).map((a) => ({ dn: a.dn, login: a.login, pseudoDn: 'compte-x', pseudoLogin: 'id-x' }));
    expect(() => pseudonymised(mixed, pseudonyms)).toThrow(/no pseudonym/);
  });
});
