// Which accounts the plan touches and how, from the report's findings alone:
// - reset: the password was found (weak, shared, empty) or stored in clear: a new temporary passphrase;
// - must-change: legacy or weak storage of a password not found: pwdReset, the next change stores argon2.
// An LM hash is deleted in both cases: it is cracked in minutes and nothing modern needs it.
// A forced renewal (issue #12) is a reset whose password others know without cracking anything: the formula
// imposed when the account was created (IMPOSED_PASSWORD_SCHEME), or a default handed out to many accounts
// (SHARED_PASSWORD flagged likelyDefault). Those come first, in the plan and in 02-accounts.ldif.
import type { AccountFindingCode } from '../../contract/codes.ts';
import type { ForcedReason } from '../../contract/plan-messages.ts';
import type { PlanAccount, PlanReport } from './report-input.ts';

export const RESET_CODES: readonly AccountFindingCode[] = [
  'EMPTY_PASSWORD', 'PERSONAL_INFO_PASSWORD', 'SCHOOL_INFO_PASSWORD', 'COMMON_PASSWORD', 'SHARED_PASSWORD', 'CLEARTEXT_PASSWORD',
];
export const MUST_CHANGE_CODES: readonly AccountFindingCode[] = ['LEGACY_HASH', 'LM_HASH', 'WEAK_HASH_PARAMETERS'];

export type { ForcedReason };

export interface AccountAction {
  account: PlanAccount;
  kind: 'reset' | 'must-change';
  dropLm: boolean;
  /** A reset by force: the password follows the imposed formula, or is a default shared by many. */
  forced?: ForcedReason;
}

export function accountActions(report: PlanReport): AccountAction[] {
  const actions: AccountAction[] = [];
  for (const account of report.accounts) {
    if (account.hashScheme === 'NONE') continue;
    const codes = new Set(account.findings.map((f) => f.code));
    const dropLm = account.storedSchemes.some((s) => s.attribute.toLowerCase() === 'sambalmpassword');
    const forced = forcedReason(account);
    if (RESET_CODES.some((c) => codes.has(c)) || forced) actions.push({ account, kind: 'reset', dropLm, ...(forced ? { forced } : {}) });
    else if (MUST_CHANGE_CODES.some((c) => codes.has(c)) || dropLm) actions.push({ account, kind: 'must-change', dropLm });
  }
  // Forced renewals first; the same report gives the same plan, whatever order the scan listed accounts in.
  return actions.sort((a, b) => forcedRank(a) - forcedRank(b) || compare(a.account.dn.toLowerCase(), b.account.dn.toLowerCase()));
}

export function forcedReason(account: PlanAccount): ForcedReason | undefined {
  if (account.findings.some((f) => f.imposedScheme === true)) return 'imposed-scheme';
  if (account.findings.some((f) => f.code === 'SHARED_PASSWORD' && f.likelyDefault === true)) return 'likely-default';
  return undefined;
}

function forcedRank(action: AccountAction): number {
  return action.forced === 'imposed-scheme' ? 0 : action.forced === 'likely-default' ? 1 : 2;
}

/** The shape id of the imposed formula an account follows, from the report's IMPOSED_PASSWORD_SCHEME findings. */
export function imposedShape(report: PlanReport, account: PlanAccount): string | undefined {
  const shape = account.findings.find((f) => f.imposedScheme === true)?.shape;
  const schemes = report.directoryFindings.filter((f) => f.code === 'IMPOSED_PASSWORD_SCHEME');
  const finding = schemes.find((f) => f.shape !== undefined && f.shape === shape)
    ?? schemes.find((f) => f.profile === account.profile);
  return finding?.shape;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface ForcedRenewal {
  login: string;
  dn: string;
  profile: PlanAccount['profile'];
  classes: string[];
  reason: ForcedReason;
  /** The imposed formula's shape id (pattern-ids.ts; the plan says it in its language); absent for a shared default. Never a password. */
  shape?: string;
}

/** The forced renewals among `actions`, in the plan's order (imposed formula first, then shared defaults). */
export function forcedRenewals(report: PlanReport, actions: AccountAction[]): ForcedRenewal[] {
  return actions.flatMap((a) => {
    if (a.forced === undefined) return [];
    const shape = a.forced === 'imposed-scheme' ? imposedShape(report, a.account) : undefined;
    return [{
      login: a.account.login, dn: a.account.dn, profile: a.account.profile, classes: a.account.classes, reason: a.forced,
      ...(shape !== undefined ? { shape } : {}),
    }];
  });
}
