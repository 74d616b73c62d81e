// The plan's actions, most urgent first, each with the accounts it touches, the file that does it and the
// score and grade the directory would have once it is done (the same model as the report: docs/scoring.md).
import type { AccountFindingCode, DirectoryFindingCode, Grade, Severity } from '../../contract/codes.ts';
import { SEVERITIES } from '../../contract/codes.ts';
import { directoryScore, gradeFor } from '../report/score.ts';
import { RESET_CODES, type AccountAction } from './account-actions.ts';
import type { PlanReport } from './report-input.ts';

export type StepId = 'hide-hashes' | 'forced-renewal' | 'reset-weak' | 'drop-lm' | 'policy' | 'storage' | 'must-change';

export interface PlanStep {
  id: StepId;
  title: string;
  why: string;
  files: string[];
  accounts: number;
  /** Expected once this step and every one before it is done. */
  score: number;
  grade: Grade;
}

const STEP_TEXT: Record<StepId, { title: string; why: string; files: string[] }> = {
  'hide-hashes': { title: 'Cacher les empreintes de mots de passe', why: "Aujourd'hui d'autres que leur titulaire peuvent les lire et les casser hors ligne.", files: ['01-config.ldif'] },
  'forced-renewal': { title: 'Renouvellement forcé : formule imposée et mots de passe par défaut', why: "Ces comptes gardent le mot de passe imposé à leur création ou un mot de passe donné à tous : quiconque connaît la formule ou le mot de passe s'y connecte, sans rien casser. Nouvelle phrase de passe temporaire, à changer à la première connexion.", files: ['02-accounts.ldif', 'forced-renewal.csv', 'credentials.csv', 'lettres/'] },
  'reset-weak': { title: 'Remplacer les mots de passe trouvés par une phrase de passe temporaire', why: 'Ces mots de passe se devinent (nom, date de naissance, mot courant, partagé) ou étaient stockés en clair.', files: ['02-accounts.ldif', 'credentials.csv', 'lettres/'] },
  'drop-lm': { title: 'Supprimer les empreintes LM', why: 'Une empreinte LM se casse en quelques minutes ; aucun poste moderne ne s\'en sert.', files: ['02-accounts.ldif'] },
  policy: { title: 'Appliquer une politique de mots de passe (ppolicy)', why: 'Longueur minimale CNIL (12 caractères), verrouillage court après 10 échecs, changement obligatoire après réinitialisation.', files: ['01-config.ldif', '02-accounts.ldif'] },
  storage: { title: 'Enregistrer les nouveaux mots de passe en argon2', why: 'olcPasswordHash {ARGON2}, et les mots de passe écrits en clair sont hachés par slapd.', files: ['01-config.ldif'] },
  'must-change': { title: 'Faire changer les mots de passe stockés avec une empreinte ancienne', why: 'pwdReset : l\'utilisateur garde son mot de passe pour se connecter, doit en choisir un nouveau, enregistré en argon2. L\'effet sur la note vient quand ils l\'ont fait.', files: ['02-accounts.ldif'] },
};

const STEP_FIXES: Record<StepId, { directory: DirectoryFindingCode[]; account: AccountFindingCode[] }> = {
  'hide-hashes': { directory: ['HASHES_READABLE_ANONYMOUSLY', 'HASHES_READABLE_BY_USERS'], account: [] },
  // The imposed formula is gone once every account that kept it has a new password.
  'forced-renewal': { directory: ['IMPOSED_PASSWORD_SCHEME'], account: [...RESET_CODES, 'LEGACY_HASH', 'WEAK_HASH_PARAMETERS', 'LM_HASH'] },
  'reset-weak': { directory: [], account: [...RESET_CODES, 'LEGACY_HASH', 'WEAK_HASH_PARAMETERS', 'LM_HASH'] },
  'drop-lm': { directory: [], account: ['LM_HASH'] },
  policy: { directory: ['NO_PASSWORD_POLICY', 'NO_LOCKOUT', 'WEAK_MIN_LENGTH', 'PASSWORD_POLICY_UNKNOWN'], account: [] },
  storage: { directory: ['LEGACY_DEFAULT_HASH', 'CLEARTEXT_WRITES_NOT_HASHED'], account: [] },
  'must-change': { directory: [], account: ['LEGACY_HASH', 'WEAK_HASH_PARAMETERS', 'LM_HASH'] },
};

const ORDER: StepId[] = ['hide-hashes', 'forced-renewal', 'reset-weak', 'drop-lm', 'policy', 'storage', 'must-change'];

export function planSteps(report: PlanReport, actions: AccountAction[], hasNt: (dn: string) => boolean): PlanStep[] {
  // What is left of each account's findings and of the directory's, as the steps are done one by one.
  const remaining = new Map(report.accounts.map((a) => [a.dn, a.findings.map((f) => ({ ...f }))]));
  let directory = report.directoryFindings.map((f) => ({ ...f }));
  const steps: PlanStep[] = [];
  for (const id of ORDER) {
    const fixes = STEP_FIXES[id];
    const touched = stepAccounts(id, actions);
    // A forced renewal fixes the imposed formula only through the accounts it renews.
    const directoryHit = directory.some((f) => fixes.directory.includes(f.code)) && (id !== 'forced-renewal' || touched.length > 0);
    if (touched.length === 0 && !directoryHit && id !== 'policy' && id !== 'storage') continue;
    if (directoryHit) directory = directory.filter((f) => !fixes.directory.includes(f.code));
    for (const action of touched) {
      // An NT hash of the new passphrase stays beside it for Samba: still legacy storage.
      const keep: AccountFindingCode[] = (id === 'reset-weak' || id === 'forced-renewal') && hasNt(action.account.dn) ? ['LEGACY_HASH'] : [];
      remaining.set(action.account.dn, (remaining.get(action.account.dn) ?? []).filter((f) => !fixes.account.includes(f.code) || keep.includes(f.code)));
    }
    const scored = report.accounts.map((a) => ({ profile: a.profile, risk: worst(remaining.get(a.dn) ?? []) }));
    const score = directoryScore(scored, directory);
    const adminCritical = scored.some((a) => a.profile === 'admin' && a.risk === 'critical');
    steps.push({ id, ...STEP_TEXT[id], accounts: touched.length, score, grade: gradeFor(score, adminCritical) });
  }
  return steps;
}

function stepAccounts(id: StepId, actions: AccountAction[]): AccountAction[] {
  switch (id) {
    case 'forced-renewal': return actions.filter((a) => a.kind === 'reset' && a.forced !== undefined);
    case 'reset-weak': return actions.filter((a) => a.kind === 'reset' && a.forced === undefined);
    case 'drop-lm': return actions.filter((a) => a.kind === 'must-change' && a.dropLm);
    case 'must-change': return actions.filter((a) => a.kind === 'must-change');
    default: return [];
  }
}

function worst(findings: { severity: Severity }[]): Severity | null {
  for (const s of SEVERITIES) if (findings.some((f) => f.severity === s)) return s;
  return null;
}
