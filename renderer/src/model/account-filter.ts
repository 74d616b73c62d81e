// Which accounts the Accounts page shows and in what order. Plain functions over the report's rows, so 100,000
// accounts filter and sort without the table library re-deriving anything.
import { SEVERITIES } from '../../../shared/contract/codes.ts';
import type { AccountFindingCode, AccountReport, Profile, Severity } from '../../../shared/contract/index.ts';
import { needsForcedRenewal } from './known-passwords.ts';

export interface AccountFilter {
  search: string;
  profile: Profile | null;
  code: AccountFindingCode | null;
  severity: Severity | null;
  onlyWithFindings: boolean;
  /** Only the accounts to renew by force: the imposed formula or a shared default (issue #12). */
  forcedRenewal: boolean;
}

export const NO_FILTER: AccountFilter = { search: '', profile: null, code: null, severity: null, onlyWithFindings: false, forcedRenewal: false };

export type AccountColumn = 'login' | 'profile' | 'classes' | 'scheme' | 'risk' | 'findings';
export interface AccountSort { column: AccountColumn; descending: boolean }

export function filterAccounts(accounts: readonly AccountReport[], filter: AccountFilter): AccountReport[] {
  const needle = filter.search.trim().toLocaleLowerCase();
  return accounts.filter((account) => {
    if (filter.profile !== null && account.profile !== filter.profile) return false;
    if (filter.onlyWithFindings && account.findings.length === 0) return false;
    if (filter.forcedRenewal && !needsForcedRenewal(account)) return false;
    if (filter.code !== null && !account.findings.some((f) => f.code === filter.code)) return false;
    if (filter.severity !== null && !account.findings.some((f) => f.severity === filter.severity)) return false;
    if (needle !== '' && !matches(account, needle)) return false;
    return true;
  });
}

function matches(account: AccountReport, needle: string): boolean {
  return account.login.toLocaleLowerCase().includes(needle)
    || account.dn.toLocaleLowerCase().includes(needle)
    || account.classes.some((c) => c.toLocaleLowerCase().includes(needle));
}

/** No risk sorts after the lowest risk, so "most severe first" puts clean accounts last. */
function riskRank(risk: Severity | null): number {
  return risk === null ? SEVERITIES.length : SEVERITIES.indexOf(risk);
}

/**
 * A key that sorts as a French reader expects with plain comparisons: no case, no accents, numbers by value
 * ("6A" before "10A"). Computed once per row, so sorting 100,000 rows needs no collator call per comparison.
 */
const loginKeys = new WeakMap<AccountReport, string>();

function loginKey(account: AccountReport): string {
  let key = loginKeys.get(account);
  if (key === undefined) loginKeys.set(account, (key = textKey(account.login)));
  return key;
}

export function textKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\d+/g, (digits) => digits.padStart(12, '0'));
}

const KEY: Record<AccountColumn, (a: AccountReport) => string | number> = {
  login: loginKey,
  profile: (a) => a.profile,
  classes: (a) => textKey(a.classes.join(',')),
  scheme: (a) => a.hashScheme,
  // Ascending risk means most severe first: what a reader wants when they ask for "risk".
  risk: (a) => riskRank(a.risk),
  findings: (a) => -a.findings.length,
};

/** A stable sort: ties are broken by login, then by the report's order. Filter after sorting: filtering keeps the order, so a new filter needs no new sort. */
export function sortAccounts(accounts: AccountReport[], sort: AccountSort): AccountReport[] {
  const key = KEY[sort.column];
  const sign = sort.descending ? -1 : 1;
  const rows = accounts.map((account, index) => ({ account, index, key: key(account), login: loginKey(account) }));
  rows.sort((a, b) => sign * compare(a.key, b.key) || compare(a.login, b.login) || a.index - b.index);
  return rows.map((row) => row.account);
}

function compare(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
