// Compares a report with a synthetic school's ground truth: what was planted, what was found.
// Used by the acceptance tests and by the benchmark's recall figures. Reads passwords only to
// know the planted family; never prints them.
import { HASH_SCHEMES, type AccountFindingCode, type HashSchemeName } from '../../contract/codes.ts';
import type { AccountFinding, AccountReport, DirectoryFinding, ScanReport } from '../../contract/report.ts';
import { schemeNamed } from '../../engine/hash/registry.ts';
import type { StorageClass } from '../../engine/hash/scheme.ts';
import { STAFF_DEFAULT_GROUP } from '../synthetic/imposed.ts';
import type { PlantedFamily, PlantedPassword, PlantedTruth } from '../synthetic/types.ts';

const WEAK_CODES = new Set<AccountFindingCode>(['EMPTY_PASSWORD', 'PERSONAL_INFO_PASSWORD', 'SCHOOL_INFO_PASSWORD', 'COMMON_PASSWORD']);

/**
 * Schemes fast enough that every candidate of the depth is tried (their descriptors say `exhaustive`): a planted
 * password there must be found.
 */
export const FAST_SCHEMES: ReadonlySet<HashSchemeName> = new Set(HASH_SCHEMES.filter((s) => schemeNamed(s)?.exhaustive));

/**
 * How an account's weakest stored value is kept, as issue #12 counts recall (each descriptor's `storageClass`).
 * UNKNOWN alone is no class: nothing can be checked.
 */
export type { StorageClass };
export const STORAGE_CLASSES: readonly StorageClass[] = ['fast-unsalted', 'fast-salted', 'slow'];

/** The class of the account's weakest value: the one an attacker (and the audit) goes for first. */
export function storageClass(schemes: readonly HashSchemeName[]): StorageClass | null {
  const classes = new Set(schemes.map((s) => schemeNamed(s)?.storageClass));
  return STORAGE_CLASSES.find((c) => classes.has(c)) ?? null;
}

export interface Recall {
  planted: number;
  /** Found under the expected code (or one of the planted password's accepted codes). */
  found: number;
}

/** The imposed-formula accounts' storage, as an imposed school keeps them: {SSHA}, argon2, or another scheme. */
export type ImposedStorageKey = 'ssha' | 'argon2' | 'other';

export interface ImposedRecall extends Recall {
  /** Accounts whose weak finding carries `imposedScheme` (the audit named them as the imposed formula's). */
  marked: number;
  byStorage: Partial<Record<ImposedStorageKey, Recall & { marked: number }>>;
  /** The report's IMPOSED_PASSWORD_SCHEME finding for students, if any. */
  finding: DirectoryFinding | null;
}

export interface SharedDefaultRecall extends Recall {
  /** Flagged SHARED_PASSWORD. */
  shared: number;
  /** Flagged SHARED_PASSWORD with `likelyDefault`. */
  likelyDefault: number;
}

export interface FamilyRecall {
  planted: number;
  /** Found under the expected code. */
  found: number;
  /** Found, but under another weak-password code. */
  wrongCode: number;
  /** Planted under a fast scheme, and not found under the expected code. */
  missedFast: number;
}

export interface Comparison {
  byFamily: Partial<Record<PlantedFamily, FamilyRecall>>;
  /** Accounts flagged with a weak-password code whose planted password is strong (or who have none). */
  falsePositives: { dn: string; code: AccountFindingCode }[];
  /** Stored values whose scheme the report names differently from the truth. */
  schemeMismatches: { dn: string; expected: HashSchemeName[]; reported: HashSchemeName[] }[];
  /** Truth accounts missing from the report. */
  missingAccounts: string[];
  /** Planted under a fast scheme, not found with the expected code: dn, family and how it was built. */
  missedFast: { dn: string; family: PlantedFamily; description: string; found: AccountFindingCode | null }[];
  /** Accounts the truth puts in a shared group that the report did not flag SHARED_PASSWORD. */
  missedShared: string[];
  /** Weak passwords by the storage class of the account's weakest value. */
  byStorage: Partial<Record<StorageClass, Recall>>;
  /** The accounts planted with an imposed formula (imposed-scheme schools); null when none was. */
  imposed: ImposedRecall | null;
  /** The accounts sharing the staff default (imposed-scheme schools); null when none does. */
  staffDefault: SharedDefaultRecall | null;
  /** Every IMPOSED_PASSWORD_SCHEME finding of the report, whatever the profile. */
  imposedFindings: DirectoryFinding[];
}

/** Whether a weak finding's code is what was planted: the expected code, or one the password also accepts. */
export function codeMatches(planted: PlantedPassword, code: AccountFindingCode | undefined): boolean {
  if (code === undefined) return false;
  return code === planted.expectedCode || (planted.acceptedCodes as AccountFindingCode[] | undefined)?.includes(code) === true;
}

export function compareWithTruth(report: ScanReport, truth: PlantedTruth[]): Comparison {
  const byDn = new Map<string, AccountReport>();
  for (const a of report.accounts) byDn.set(normalizeDn(a.dn), a);
  const imposedFindings = report.directoryFindings.filter((f) => f.code === 'IMPOSED_PASSWORD_SCHEME');
  const out: Comparison = {
    byFamily: {}, falsePositives: [], schemeMismatches: [], missingAccounts: [], missedFast: [], missedShared: [],
    byStorage: {}, imposed: null, staffDefault: null, imposedFindings,
  };

  for (const t of truth) {
    const a = byDn.get(normalizeDn(t.dn));
    if (!a) {
      out.missingAccounts.push(t.dn);
      continue;
    }
    const reported = a.storedSchemes.map((s) => s.scheme);
    if ([...reported].sort().join() !== [...t.schemes].sort().join()) out.schemeMismatches.push({ dn: t.dn, expected: t.schemes, reported });

    const weak = a.findings.find((f) => WEAK_CODES.has(f.code));
    const planted = t.planted;
    if (!planted || planted.expectedCode === null) {
      if (weak) out.falsePositives.push({ dn: t.dn, code: weak.code });
    } else {
      const r = (out.byFamily[planted.family] ??= { planted: 0, found: 0, wrongCode: 0, missedFast: 0 });
      r.planted++;
      const found = codeMatches(planted, weak?.code);
      countStorage(out, t, found);
      countImposed(out, t, weak, found, imposedFindings);
      countStaffDefault(out, t, a, found);
      if (found) r.found++;
      else {
        if (weak) r.wrongCode++;
        if (t.schemes.some((s) => FAST_SCHEMES.has(s))) {
          r.missedFast++;
          out.missedFast.push({ dn: t.dn, family: planted.family, description: planted.description, found: weak?.code ?? null });
        }
      }
    }
    if (t.sharedGroup && !a.findings.some((f) => f.code === 'SHARED_PASSWORD')) out.missedShared.push(t.dn);
  }
  return out;
}

function countStorage(out: Comparison, t: PlantedTruth, found: boolean): void {
  const c = storageClass(t.schemes);
  if (c === null) return;
  const r = (out.byStorage[c] ??= { planted: 0, found: 0 });
  r.planted++;
  if (found) r.found++;
}

function imposedStorageKey(schemes: readonly HashSchemeName[]): ImposedStorageKey {
  if (schemes.length === 1 && schemes[0] === 'SSHA') return 'ssha';
  if (schemes.length === 1 && schemes[0]?.startsWith('ARGON2')) return 'argon2';
  return 'other';
}

function countImposed(out: Comparison, t: PlantedTruth, weak: AccountFinding | undefined, found: boolean, findings: DirectoryFinding[]): void {
  if (!t.planted?.imposed) return;
  const r = (out.imposed ??= { planted: 0, found: 0, marked: 0, byStorage: {}, finding: findings.find((f) => f.profile === 'student') ?? null });
  const s = (r.byStorage[imposedStorageKey(t.schemes)] ??= { planted: 0, found: 0, marked: 0 });
  const marked = weak?.imposedScheme === true;
  r.planted++;
  s.planted++;
  if (found) { r.found++; s.found++; }
  if (marked) { r.marked++; s.marked++; }
}

function countStaffDefault(out: Comparison, t: PlantedTruth, a: AccountReport, found: boolean): void {
  if (t.sharedGroup !== STAFF_DEFAULT_GROUP) return;
  const r = (out.staffDefault ??= { planted: 0, found: 0, shared: 0, likelyDefault: 0 });
  const shared = a.findings.find((f) => f.code === 'SHARED_PASSWORD');
  r.planted++;
  if (found) r.found++;
  if (shared) r.shared++;
  if (shared?.likelyDefault) r.likelyDefault++;
}

/** "42/50 (84.0 %)": a recall as the bench and the tests print it. */
export function formatRecall(r: Recall | undefined): string {
  if (!r || r.planted === 0) return '-';
  return `${r.found}/${r.planted} (${((100 * r.found) / r.planted).toFixed(1)} %)`;
}

function normalizeDn(dn: string): string {
  return dn.toLowerCase().replace(/\s*,\s*/g, ',');
}
