// Compares a report with a synthetic school's ground truth: what was planted, what was found.
// Used by the acceptance tests and by the benchmark's recall figures. Reads passwords only to
// know the planted family; never prints them.
import type { AccountFindingCode, HashSchemeName } from '../../contract/codes.ts';
import type { AccountReport, ScanReport } from '../../contract/report.ts';
import type { PlantedFamily, PlantedTruth } from '../synthetic/types.ts';

const WEAK_CODES = new Set<AccountFindingCode>(['EMPTY_PASSWORD', 'PERSONAL_INFO_PASSWORD', 'SCHOOL_INFO_PASSWORD', 'COMMON_PASSWORD']);

/** Schemes fast enough that every candidate of the depth is tried: a planted password there must be found. */
export const FAST_SCHEMES = new Set<HashSchemeName>([
  'CLEARTEXT', 'MD5', 'SMD5', 'SHA', 'SSHA', 'SHA256', 'SSHA256', 'SHA384', 'SSHA384', 'SHA512', 'SSHA512', 'NT', 'LM',
]);

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
}

export function compareWithTruth(report: ScanReport, truth: PlantedTruth[]): Comparison {
  const byDn = new Map<string, AccountReport>();
  for (const a of report.accounts) byDn.set(normalizeDn(a.dn), a);
  const out: Comparison = { byFamily: {}, falsePositives: [], schemeMismatches: [], missingAccounts: [], missedFast: [], missedShared: [] };

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
      if (weak?.code === planted.expectedCode) r.found++;
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

function normalizeDn(dn: string): string {
  return dn.toLowerCase().replace(/\s*,\s*/g, ',');
}
