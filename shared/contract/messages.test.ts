// Issue #14 §2: a report names things by id and parameters; the catalogues (messages-fr.ts, messages-en.ts) say
// them, in one line each, French as the engine wrote it before.
import { describe, expect, it } from 'vitest';
import { accountDetail } from './account-details.ts';
import { DIRECTORY_FINDING_CODES } from './codes.ts';
import { directoryDetail } from './directory-details.ts';
import { isKnownPattern, knownPatternIds, patternLabel, shapeLabel } from './pattern-labels.ts';
import type { DirectoryFinding } from './report.ts';

const PARAMS: Partial<Record<DirectoryFinding['code'], Partial<DirectoryFinding>>> = {
  HASHES_READABLE_BY_USERS: { params: { dn: 'uid=eleve,ou=people,dc=lycee' } },
  NO_LOCKOUT: { params: { policies: ['cn=default,ou=policies', 'cn=profs,ou=policies'] } },
  WEAK_MIN_LENGTH: { params: { minLength: 6, policies: ['cn=default,ou=policies'] } },
  LEGACY_DEFAULT_HASH: { params: { argon2Loaded: true, frontendDn: 'olcDatabase={-1}frontend,cn=config' } },
  CLEARTEXT_WRITES_NOT_HASHED: { params: { ppolicyDn: 'olcOverlay={0}ppolicy,olcDatabase={1}mdb,cn=config' } },
  IMPOSED_PASSWORD_SCHEME: { profile: 'student', shape: 'surname+birthdate:YY|upper|.', accounts: 35, share: 0.35, params: { percent: 35 } },
  NO_READABLE_PASSWORD: { params: { accounts: 300, sourceKind: 'ldif' } },
};

const finding = (code: DirectoryFinding['code']): DirectoryFinding => ({ code, severity: 'high', ...PARAMS[code] });

describe('directory findings, said from their code and parameters', () => {
  it.each(DIRECTORY_FINDING_CODES.map((c) => [c]))('%s: one line in each language, its names in it', (code) => {
    for (const lang of ['fr', 'en'] as const) {
      const text = directoryDetail(finding(code), lang);
      expect(text.length).toBeGreaterThan(40);
      expect(text).not.toContain('\n');
      expect(text).not.toContain('undefined');
      for (const value of Object.values(finding(code).params ?? {})) {
        if (typeof value === 'string' && value.includes('=')) expect(text).toContain(value);
      }
    }
  });

  it('say in French what the engine wrote before, word for word', () => {
    expect(directoryDetail(finding('WEAK_MIN_LENGTH'), 'fr')).toBe("La longueur minimale imposée (6 caractères, cn=default,ou=policies) est en dessous des seuils de la CNIL (12 caractères sans restriction d'accès, 8 avec verrouillage) : réglez pwdCheckQuality: 1 et pwdMinLength: 12.");
    expect(directoryDetail({ code: 'WEAK_MIN_LENGTH', severity: 'medium', params: { minLength: 0, policies: ['cn=a', 'cn=b'] } }, 'fr')).toContain('(aucune, cn=a, cn=b)');
    expect(directoryDetail(finding('LEGACY_DEFAULT_HASH'), 'fr')).toBe("Chaque mot de passe changé est enregistré en {SSHA} (valeur par défaut, olcPasswordHash absent), une empreinte rapide que l'on casse en masse  ; le module argon2 est déjà chargé : réglez olcPasswordHash: {ARGON2} sur olcDatabase={-1}frontend,cn=config.");
    expect(directoryDetail(finding('IMPOSED_PASSWORD_SCHEME'), 'fr')).toBe('35 comptes élèves (35 %) ont encore un mot de passe de la forme « nom + date de naissance (AA) — MAJUSCULES, avec « . » » : la formule imposée à la création du compte. Quiconque la connaît peut se connecter à leur place : forcez le renouvellement de ces mots de passe.');
    expect(directoryDetail(finding('IMPOSED_PASSWORD_SCHEME'), 'en')).toContain('"surname + date of birth (YY) — UPPER CASE, with ".""');
    expect(directoryDetail(finding('NO_READABLE_PASSWORD'), 'fr')).toMatch(/^Aucun des 300 comptes lus n’a d’empreinte de mot de passe lisible dans cet export : /);
    expect(directoryDetail({ code: 'NO_READABLE_PASSWORD', severity: 'high', params: { accounts: 0, sourceKind: 'ldap' } }, 'fr')).toMatch(/^Aucun compte n’a été lu : .*liez-vous avec un compte autorisé à lire userPassword/);
  });
});

describe('patterns and shapes, said from their ids', () => {
  it('say every known id in both languages, French ids distinct', () => {
    const ids = knownPatternIds();
    expect(ids.length).toBeGreaterThan(1400);
    expect(new Set(ids.map((id) => patternLabel(id, 'fr'))).size).toBe(ids.length);
    for (const id of ids) expect(patternLabel(id, 'en')).not.toMatch(/pattern "/);
    expect(patternLabel('cracked-offline', 'fr')).toBe('trouvé par craquage hors ligne');
  });

  it('show an id a newer Vigie wrote as it is, and say they do not know it', () => {
    expect(isKnownPattern('keyboard:azerty-walk')).toBe(false);
    expect(patternLabel('keyboard:azerty-walk', 'fr')).toBe('motif « keyboard:azerty-walk »');
    expect(shapeLabel('given.surname|capitalised|', 'en')).toBe('given.surname — Capitalised');
  });
});

describe('account findings, said from their parameters', () => {
  it('say in French what the engine wrote before', () => {
    expect(accountDetail({ code: 'CLEARTEXT_PASSWORD', severity: 'critical', params: { attribute: 'userPassword' } }, 'fr')).toBe('userPassword en clair');
    expect(accountDetail({ code: 'LM_HASH', severity: 'high' }, 'fr')).toBe('empreinte LM (sambaLMPassword) : cassable en quelques minutes');
    expect(accountDetail({ code: 'LEGACY_HASH', severity: 'medium', params: { schemes: ['MD5', 'NT'] } }, 'fr')).toBe('stockage obsolète : MD5, NT');
    expect(accountDetail({ code: 'COMMON_PASSWORD', severity: 'high', params: { foundBy: 'offline-cracking' } }, 'fr'))
      .toBe('mot de passe retrouvé par craquage hors ligne (hashcat / John the Ripper)');
    expect(accountDetail({ code: 'LEGACY_HASH', severity: 'medium', params: { schemes: ['SHA'] } }, 'en')).toBe('obsolete storage: SHA');
    expect(accountDetail({ code: 'COMMON_PASSWORD', severity: 'high' }, 'en')).toBeNull();
    const weak = { code: 'WEAK_HASH_PARAMETERS', severity: 'medium', weakParameters: [
      { label: 'bcrypt', kind: 'cost', values: { cost: 8 }, minimum: { cost: 10 } },
      { label: 'argon2id', kind: 'argon2', values: { memoryKiB: 7000, timeCost: 2 }, minimum: { memoryKiB: 19456, timeCost: 2 } },
    ] } as const;
    expect(accountDetail({ ...weak, weakParameters: [...weak.weakParameters] }, 'fr')).toBe('bcrypt coût 8 < 10 ; argon2id m=6,8 Mio, t=2 < minimum OWASP (19 Mio pour t=2)');
    expect(accountDetail({ ...weak, weakParameters: [...weak.weakParameters] }, 'en')).toBe('bcrypt cost 8 < 10 ; argon2id m=6.8 MiB, t=2 < OWASP minimum (19 MiB for t=2)');
  });
});
