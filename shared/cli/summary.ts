// The short human summary `vigie scan` prints on stdout. Patterns and counts only: no password, no hash.
import { ACCOUNT_FINDING_CODES, PROFILES, SEVERITIES } from '../contract/codes.ts';
import type { ScanReport } from '../contract/report.ts';
import { CODE_LABEL, PROFILE_LABEL, SEVERITY_LABEL, type Lang } from './messages.ts';

const T = {
  fr: {
    title: 'Vigie — audit des mots de passe',
    source: 'Source',
    flavour: 'type d’annuaire',
    grade: 'Note',
    accounts: (n: number, f: number) => `${n} comptes, dont ${f} avec au moins un problème`,
    severity: 'Par gravité',
    problems: 'Problèmes',
    profiles: 'Par profil',
    shared: (g: number, max: number) => `Mots de passe partagés : ${g} groupe(s), le plus grand de ${max} comptes`,
    directory: 'Constats sur l’annuaire',
    partial: 'Rapport PARTIEL',
    unchecked: (n: number) => `${n} compte(s) utilisent un format que Vigie ne sait pas encore vérifier`,
    none: 'aucun',
  },
  en: {
    title: 'Vigie — password audit',
    source: 'Source',
    flavour: 'directory type',
    grade: 'Grade',
    accounts: (n: number, f: number) => `${n} accounts, ${f} with at least one problem`,
    severity: 'By severity',
    problems: 'Problems',
    profiles: 'By profile',
    shared: (g: number, max: number) => `Shared passwords: ${g} group(s), the largest of ${max} accounts`,
    directory: 'Directory findings',
    partial: 'PARTIAL report',
    unchecked: (n: number) => `${n} account(s) use a format Vigie cannot check yet`,
    none: 'none',
  },
} as const;

export function formatSummary(report: ScanReport, lang: Lang = 'fr'): string {
  const t = T[lang];
  const s = report.summary;
  const lines: string[] = [];
  lines.push(t.title);
  lines.push(`${t.source} : ${report.source.kind} ${report.source.location} (${t.flavour} : ${report.source.flavour})`);
  if (report.partial) lines.push(`${t.partial} : ${report.partialReason ?? ''}`);
  lines.push('');
  lines.push(`${t.grade} : ${s.grade} (${s.score}/100) — ${t.accounts(s.accounts, s.withFindings)}`);
  lines.push(`${t.severity} : ${SEVERITIES.map((sev) => `${SEVERITY_LABEL[lang][sev]} ${s.bySeverity[sev]}`).join(' · ')}`);
  lines.push('');
  lines.push(`${t.problems} :`);
  const codes = ACCOUNT_FINDING_CODES.filter((c) => (s.byCode[c] ?? 0) > 0);
  if (codes.length === 0) lines.push(`  ${t.none}`);
  for (const c of codes) lines.push(`  ${String(s.byCode[c]).padStart(6)}  ${CODE_LABEL[lang][c]}`);
  lines.push('');
  lines.push(`${t.profiles} :`);
  for (const p of PROFILES) {
    const ps = s.byProfile[p];
    if (!ps) continue;
    lines.push(`  ${PROFILE_LABEL[lang][p].padEnd(16)} ${String(ps.accounts).padStart(6)}  ${t.grade.toLowerCase()} ${ps.grade} (${ps.score}/100)`);
  }
  if (s.sharedGroups.length > 0) {
    lines.push('');
    lines.push(t.shared(s.sharedGroups.length, Math.max(...s.sharedGroups.map((g) => g.size))));
  }
  const unchecked = report.accounts.filter((a) => a.unchecked).length;
  if (unchecked > 0) lines.push(t.unchecked(unchecked));
  if (report.directoryFindings.length > 0) {
    lines.push('');
    lines.push(`${t.directory} :`);
    for (const f of report.directoryFindings) lines.push(`  [${SEVERITY_LABEL[lang][f.severity]}] ${f.code} — ${f.detail}`);
  }
  return lines.join('\n') + '\n';
}

const COMPARE = {
  fr: { title: 'Avant / après', grade: 'Note', accountsWithFindings: 'comptes avec au moins un problème', before: 'avant' },
  en: { title: 'Before / after', grade: 'Grade', accountsWithFindings: 'accounts with at least one problem', before: 'before' },
} as const;

/**
 * The change since an earlier report of the same directory (e.g. before a migration plan was applied):
 * the grade and score, and each kind of problem whose count moved.
 */
export function formatComparison(before: ScanReport, after: ScanReport, lang: Lang = 'fr'): string {
  const t = COMPARE[lang];
  const b = before.summary;
  const a = after.summary;
  const lines = [`${t.title} (${t.before} : ${before.finishedAt.slice(0, 10)})`];
  lines.push(`  ${t.grade.padEnd(44)} ${`${b.grade} (${b.score}/100)`.padStart(12)} → ${a.grade} (${a.score}/100)`);
  lines.push(`  ${t.accountsWithFindings.padEnd(44)} ${String(b.withFindings).padStart(12)} → ${a.withFindings}`);
  for (const code of ACCOUNT_FINDING_CODES) {
    const was = b.byCode[code] ?? 0;
    const now = a.byCode[code] ?? 0;
    if (was !== now) lines.push(`  ${CODE_LABEL[lang][code].padEnd(44)} ${String(was).padStart(12)} → ${now}`);
  }
  const wasCodes = new Set(before.directoryFindings.map((f) => f.code));
  const nowCodes = new Set(after.directoryFindings.map((f) => f.code));
  for (const code of wasCodes) if (!nowCodes.has(code)) lines.push(`  − ${code}`);
  for (const code of nowCodes) if (!wasCodes.has(code)) lines.push(`  + ${code}`);
  return lines.join('\n') + '\n';
}
