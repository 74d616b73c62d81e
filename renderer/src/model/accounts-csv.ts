// The Accounts page's export (issue #13 §5): the list as filtered on screen, as a CSV a spreadsheet opens in the
// reader's language. French: ';' between fields (what French spreadsheets expect, the decimal mark being ','), English:
// ','; both start with a UTF-8 BOM so accents survive. Every value is a word of that language (profiles, severities,
// problems, actions), never a report code; the formula guard is the host export's (shared/contract/csv.ts).
// The Exports page writes the whole report's list with it too, pseudonymised by the host's key when asked.
import { csvField } from '../../../shared/contract/csv.ts';
import type { AccountPseudonym, AccountReport, Language, ScanReport } from '../../../shared/contract/index.ts';
import type { Messages } from '../i18n/messages-fr.ts';
import { accountActions, findingText, forcedRenewal, schemeName, type ShapeLabels } from './account-text.ts';

export const CSV_SEPARATOR: Record<Language, ',' | ';'> = { fr: ';', en: ',' };
const BOM = '\ufeff';

/** The rows in the order given, with headings; CRLF line ends (RFC 4180). */
export function accountsCsv(accounts: readonly AccountReport[], t: Messages, language: Language, shapeLabels: ShapeLabels): string {
  const separator = CSV_SEPARATOR[language];
  const c = t.accountsCsv.columns;
  const lines = [[c.login, c.dn, c.profile, c.classes, c.schemes, c.severity, c.findings, c.actions, c.forcedRenewal]];
  for (const a of accounts) {
    const findings = a.findings.map((f) => `${findingText(f, t, language, shapeLabels)} [${t.severities[f.severity]}]`);
    if (a.unchecked === true) findings.push(t.accounts.unchecked);
    const forced = forcedRenewal(a);
    lines.push([
      a.login,
      a.dn,
      t.profiles.one[a.profile],
      a.classes.join(', '),
      a.storedSchemes.length === 0 ? schemeName('NONE', t) : [...new Set(a.storedSchemes.map((s) => `${schemeName(s.scheme, t)} (${s.attribute})`))].join(', '),
      a.risk === null ? t.accounts.noRisk : t.severities[a.risk],
      findings.length === 0 ? t.accounts.noFinding : findings.join(' · '),
      accountActions(a, t).join(' '),
      forced === null ? '' : t.accountsCsv.forced[forced],
    ]);
  }
  return BOM + lines.map((fields) => fields.map((value) => csvField(value, separator)).join(separator)).join('\r\n') + '\r\n';
}

/** A file-name part from free text: « Collège Jean-Moulin » → "college-jean-moulin". */
export function slug(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
    .replace(/œ/g, 'oe').replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
}

/**
 * The school as a file-name part: its saved name, else what the source says (the LDIF file's name without its
 * extension, the directory's host name); "etablissement" / "school" when nothing is left.
 */
export function schoolSlug(schoolName: string | null, source: Pick<ScanReport['source'], 'kind' | 'location'>, language: Language): string {
  const named = schoolName !== null && schoolName !== source.location ? slug(schoolName) : '';
  if (named !== '') return named;
  let fromSource = '';
  if (source.kind === 'ldif') {
    fromSource = slug((source.location.split(/[\\/]/).filter((s) => s !== '').at(-1) ?? '').replace(/\.[^.]*$/, ''));
  } else {
    try {
      fromSource = slug(new URL(source.location).hostname);
    } catch {
      fromSource = slug(source.location);
    }
  }
  return fromSource !== '' ? fromSource : language === 'fr' ? 'etablissement' : 'school';
}

/** « vigie-comptes-college-jean-moulin-2026-12-06.csv »: the school, and the day of the scan (the report's date). */
export function accountsCsvFileName(report: { finishedAt: string; source: Pick<ScanReport['source'], 'kind' | 'location'> }, schoolName: string | null, t: Messages, language: Language): string {
  const day = report.finishedAt.slice(0, 10);
  const date = /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : new Date().toISOString().slice(0, 10);
  return `${t.accountsCsv.fileStem}-${schoolSlug(schoolName, report.source, language)}-${date}.csv`;
}

/**
 * The accounts with their DN and login replaced by the host's pseudonyms (an export of format 'pseudonyms'). An
 * account the list does not cover is an error, never written under its real name.
 */
export function pseudonymised(accounts: readonly AccountReport[], pseudonyms: readonly AccountPseudonym[]): AccountReport[] {
  const byDn = new Map(pseudonyms.map((p) => [p.dn, p]));
  return accounts.map((a) => {
    const p = byDn.get(a.dn);
    if (p === undefined || p.login !== a.login) throw new Error(`no pseudonym for an account of the report (${accounts.indexOf(a) + 1})`);
    return { ...a, dn: p.pseudoDn, login: p.pseudoLogin };
  });
}

/**
 * The Exports page's file names (issue #13 §5: the school and the date in every one): « vigie-rapport-college-
 * jean-moulin-2026-12-06.json », « vigie-comptes-…-pseudonymise.csv », « vigie-synthese-….pdf ».
 */
export function exportFileName(
  kind: 'json' | 'csv' | 'pdf', report: { finishedAt: string; source: Pick<ScanReport['source'], 'kind' | 'location'> },
  schoolName: string | null, t: Messages, language: Language, options: { pseudonymised?: boolean } = {},
): string {
  const day = report.finishedAt.slice(0, 10);
  const date = /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : new Date().toISOString().slice(0, 10);
  const stem = kind === 'csv' ? t.accountsCsv.fileStem : t.exports.fileStems[kind];
  const suffix = kind === 'csv' && options.pseudonymised === true ? `-${t.exports.fileStems.pseudonymised}` : '';
  return `${stem}-${schoolSlug(schoolName, report.source, language)}-${date}${suffix}.${kind}`;
}
