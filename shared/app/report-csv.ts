// The CSV export: one row per account, for a spreadsheet. RFC 4180 quoting; a leading = + - @ is neutralised
// so a spreadsheet never runs a directory value as a formula.
import { csvField } from '../contract/csv.ts';
import { patternLabel } from '../contract/pattern-labels.ts';
import type { ScanReport } from '../contract/report.ts';
import type { Pseudonymiser } from './pseudonymiser.ts';

/** `forcedRenewal`: why the plan renews the account by force (issue #12): imposed-scheme, likely-default, or empty. */
export const CSV_COLUMNS = ['dn', 'login', 'profile', 'classes', 'hashScheme', 'findings', 'patterns', 'severity', 'forcedRenewal'] as const;

export function reportCsv(report: ScanReport, pseudonymiser?: Pseudonymiser): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const a of report.accounts) {
    // Said in French from the pattern's id (a version-1 report's own label when it has no id).
    const patterns = [...new Set(a.findings.map((f) => (f.patternId !== undefined ? patternLabel(f.patternId, 'fr') : f.pattern))
      .filter((p): p is string => p !== undefined))];
    rows.push([
      pseudonymiser ? pseudonymiser.pseudonym('dn', a.dn) : a.dn,
      pseudonymiser ? pseudonymiser.pseudonym('login', a.login) : a.login,
      a.profile,
      a.classes.join(' | '),
      a.hashScheme,
      [...new Set(a.findings.map((f) => f.code))].join(' '),
      patterns.join(' | '),
      a.risk ?? '',
      a.findings.some((f) => f.imposedScheme === true) ? 'imposed-scheme'
        : a.findings.some((f) => f.code === 'SHARED_PASSWORD' && f.likelyDefault === true) ? 'likely-default' : '',
    ].map((value) => csvField(value)).join(','));
  }
  return rows.join('\r\n') + '\r\n';
}
