// The plan's actions, most urgent first, each with the accounts it touches, the file that does it and the
// score and grade the directory would have once it is done (the same model as the report: docs/scoring.md).
import { PLAN_STEP_IDS, type PlanStepId } from '../../contract/api.ts';
import type { AccountFindingCode, DirectoryFindingCode, Grade, Severity } from '../../contract/codes.ts';
import { SEVERITIES } from '../../contract/codes.ts';
import { directoryScore, gradeFor } from '../report/score.ts';
import { RESET_CODES, type AccountAction } from './account-actions.ts';
import type { PlanReport } from './report-input.ts';

export type StepId = PlanStepId;

/** A step by id: what it says is the plan catalogue's (contract/plan-messages.ts), in the plan's language. */
export interface PlanStep {
  id: StepId;
  files: string[];
  accounts: number;
  /** Expected once this step and every one before it is done. */
  score: number;
  grade: Grade;
}

/** The plan files that do each step ('lettres/' for the letters' folder). */
const STEP_FILES: Record<StepId, string[]> = {
  'hide-hashes': ['01-config.ldif'],
  'forced-renewal': ['02-accounts.ldif', 'forced-renewal.csv', 'credentials.csv', 'lettres/'],
  'reset-weak': ['02-accounts.ldif', 'credentials.csv', 'lettres/'],
  'drop-lm': ['02-accounts.ldif'],
  policy: ['01-config.ldif', '02-accounts.ldif'],
  storage: ['01-config.ldif'],
  'must-change': ['02-accounts.ldif'],
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

/** Most urgent first: the contract's order, the one plan.md and the app's page show. */
const ORDER: readonly StepId[] = PLAN_STEP_IDS;

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
    steps.push({ id, files: [...STEP_FILES[id]], accounts: touched.length, score, grade: gradeFor(score, adminCritical) });
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
