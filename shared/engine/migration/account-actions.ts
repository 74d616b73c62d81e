// Which accounts the plan touches and how, from the report's findings alone:
// - reset: the password was found (weak, shared, empty) or stored in clear: a new temporary passphrase;
// - must-change: legacy or weak storage of a password not found: pwdReset, the next change stores argon2.
// An LM hash is deleted in both cases: it is cracked in minutes and nothing modern needs it.
import type { AccountFindingCode } from '../../contract/codes.ts';
import type { PlanAccount, PlanReport } from './report-input.ts';

export const RESET_CODES: readonly AccountFindingCode[] = [
  'EMPTY_PASSWORD', 'PERSONAL_INFO_PASSWORD', 'SCHOOL_INFO_PASSWORD', 'COMMON_PASSWORD', 'SHARED_PASSWORD', 'CLEARTEXT_PASSWORD',
];
export const MUST_CHANGE_CODES: readonly AccountFindingCode[] = ['LEGACY_HASH', 'LM_HASH', 'WEAK_HASH_PARAMETERS'];

export interface AccountAction {
  account: PlanAccount;
  kind: 'reset' | 'must-change';
  dropLm: boolean;
}

export function accountActions(report: PlanReport): AccountAction[] {
  const actions: AccountAction[] = [];
  for (const account of report.accounts) {
    if (account.hashScheme === 'NONE') continue;
    const codes = new Set(account.findings.map((f) => f.code));
    const dropLm = account.storedSchemes.some((s) => s.attribute.toLowerCase() === 'sambalmpassword');
    if (RESET_CODES.some((c) => codes.has(c))) actions.push({ account, kind: 'reset', dropLm });
    else if (MUST_CHANGE_CODES.some((c) => codes.has(c)) || dropLm) actions.push({ account, kind: 'must-change', dropLm });
  }
  // The same report gives the same plan, whatever order the scan listed accounts in.
  return actions.sort((a, b) => compare(a.account.dn.toLowerCase(), b.account.dn.toLowerCase()));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
