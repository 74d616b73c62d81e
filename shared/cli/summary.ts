// The short human summary `vigie scan` prints on stdout. Patterns and counts only: no password, no hash.
import { ACCOUNT_FINDING_CODES, INPUT_PROBLEM_KINDS, PROFILES, SEVERITIES, type InputProblemKind, type Profile } from '../contract/codes.ts';
import type { InputProblem, ProfileSummary, ReportSource, ReportSummary, ScanReport } from '../contract/report.ts';
import { directoryDetail } from '../contract/directory-details.ts';
import { shapeLabel } from '../contract/pattern-labels.ts';
import { CODE_LABEL, DIRECTORY_CODE_LABEL, partialReasonText, PROFILE_LABEL, SEVERITY_LABEL, type Lang } from './messages.ts';

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
    known: 'Mots de passe que d’autres connaissent',
    notGraded: (kind: ReportSource['kind']) => kind === 'ldif'
      ? 'non évaluable : aucune empreinte lisible dans cet export (exportez l’annuaire avec userPassword, lié avec un compte autorisé à le lire)'
      : 'non évaluable : aucune empreinte lisible (liez-vous avec un compte autorisé à lire userPassword)',
    notGradedShort: 'non évaluable',
    checkable: (n: number, total: number) => `Comptes vérifiables : ${n} sur ${total} (une empreinte lisible) ; les autres n’ont pas pu être évalués`,
    inputProblems: (n: number, kinds: string) => `Problèmes dans la source : ${n} (${kinds}), nommés sur la sortie d’erreur et dans le rapport`,
    kinds: { MALFORMED_BASE64: 'valeur base64 tronquée', DUPLICATE_DN: 'DN en double', UNCLASSIFIED_VALUE: 'empreinte de format inconnu' } satisfies Record<InputProblemKind, string>,
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
    known: 'Passwords others know',
    notGraded: (kind: ReportSource['kind']) => kind === 'ldif'
      ? 'not graded: no readable password hash in this export (export the directory with userPassword, bound with an account allowed to read it)'
      : 'not graded: no readable password hash (bind with an account allowed to read userPassword)',
    notGradedShort: 'not graded',
    checkable: (n: number, total: number) => `Checkable accounts: ${n} of ${total} (a readable hash); the others could not be assessed`,
    inputProblems: (n: number, kinds: string) => `Problems in the source: ${n} (${kinds}), named on stderr and in the report`,
    kinds: { MALFORMED_BASE64: 'base64 value cut short', DUPLICATE_DN: 'repeated DN', UNCLASSIFIED_VALUE: 'hash of an unknown format' } satisfies Record<InputProblemKind, string>,
  },
} as const;

export function formatSummary(report: ScanReport, lang: Lang = 'fr'): string {
  const t = T[lang];
  const s = report.summary;
  const lines: string[] = [];
  lines.push(t.title);
  lines.push(`${t.source} : ${report.source.kind} ${report.source.location} (${t.flavour} : ${report.source.flavour})`);
  if (report.partial) lines.push(`${t.partial} : ${partialReasonText(report, lang)}`);
  lines.push('');
  lines.push(`${t.grade} : ${s.graded === false ? t.notGraded(report.source.kind) : `${s.grade} (${s.score}/100)`} — ${t.accounts(s.accounts, s.withFindings)}`);
  if (s.graded !== false && s.checkable !== undefined && s.checkable < s.accounts) lines.push(t.checkable(s.checkable, s.accounts));
  lines.push(`${t.severity} : ${SEVERITIES.map((sev) => `${SEVERITY_LABEL[lang][sev]} ${s.bySeverity[sev]}`).join(' · ')}`);
  const problems = report.source.inputProblems;
  if (problems && problems.total > 0) {
    const kinds = INPUT_PROBLEM_KINDS.filter((k) => (problems.byKind[k] ?? 0) > 0).map((k) => `${problems.byKind[k]} ${t.kinds[k]}`).join(', ');
    lines.push(t.inputProblems(problems.total, kinds));
  }
  const known = knownPasswordSentences(report, lang);
  if (known.length > 0) {
    lines.push('');
    lines.push(`${t.known} :`);
    for (const sentence of known) lines.push(`  ${sentence}`);
  }
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
    lines.push(`  ${PROFILE_LABEL[lang][p].padEnd(16)} ${String(ps.accounts).padStart(6)}  ${t.grade.toLowerCase()} ${gradeText(ps, lang)}`);
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
    // The French summary says the whole sentence (the catalogue's; a version-1 report's own), the English one what
    // the code means.
    for (const f of report.directoryFindings) {
      const detail = f.detail !== undefined && f.params === undefined ? f.detail : directoryDetail(f, 'fr');
      lines.push(`  [${SEVERITY_LABEL[lang][f.severity]}] ${f.code} — ${lang === 'fr' ? detail : DIRECTORY_CODE_LABEL.en[f.code]}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** A profile as a group of people, for « La plupart des … ». */
const GROUP: Record<Lang, Record<Profile, string>> = {
  fr: { student: 'élèves', parent: 'parents', teacher: 'enseignants', staff: 'personnels', admin: 'administrateurs', unknown: 'comptes sans profil' },
  en: { student: 'students', parent: 'parents', teacher: 'teachers', staff: 'staff', admin: 'administrators', unknown: 'accounts without a profile' },
};
const SCHOOL_STAFF: readonly Profile[] = ['admin', 'teacher', 'staff'];
/** Who shares a default, most weighty first (as the app lists them). */
const BY_WEIGHT: readonly Profile[] = ['admin', 'teacher', 'staff', 'student', 'parent', 'unknown'];

const KNOWN = {
  fr: {
    imposed: (group: string, label: string | null, n: number, share: number | null): string =>
      `${share === null || share < 0.5 ? `Beaucoup ${/^[aeiouyéèêh]/i.test(group) ? 'd’' : 'de '}` : 'La plupart des '}${group} ont encore le mot de passe imposé à la création du compte${label === null ? '' : ` (${label})`} : `
      + `${n} ${n > 1 ? 'comptes' : 'compte'}${share === null ? '' : `, ${Math.round(share * 100)} %`}. Quiconque connaît la formule peut se connecter à leur place.`,
    sharedDefault: (n: number, staffOnly: boolean, who: string): string => staffOnly
      ? `${n} comptes du personnel partagent un même mot de passe, probablement celui donné à la rentrée. Quiconque le connaît peut se connecter à leur place.`
      : `${n} comptes (${who}) partagent un même mot de passe, probablement un mot de passe donné par défaut. Quiconque le connaît peut se connecter à leur place.`,
    list: (items: string[]): string => new Intl.ListFormat('fr-FR', { type: 'conjunction' }).format(items),
  },
  en: {
    imposed: (group: string, label: string | null, n: number, share: number | null): string =>
      `${share === null || share < 0.5 ? 'Many' : 'Most'} ${group} still have the password imposed when their account was created${label === null ? '' : ` (${label})`}: `
      + `${n} ${n === 1 ? 'account' : 'accounts'}${share === null ? '' : `, ${Math.round(share * 100)}%`}. Anyone who knows the formula can log in as them.`,
    sharedDefault: (n: number, staffOnly: boolean, who: string): string => staffOnly
      ? `${n} staff accounts share one password, probably the one handed out at the start of the school year. Anyone who knows it can log in as them.`
      : `${n} accounts (${who}) share one password, probably a default handed out. Anyone who knows it can log in as them.`,
    list: (items: string[]): string => new Intl.ListFormat('en-GB', { type: 'conjunction' }).format(items),
  },
} as const;

/**
 * Passwords others know, one plain sentence each (issue #12): every imposed formula (IMPOSED_PASSWORD_SCHEME),
 * then every shared group that looks like a default handed out (SHARED_PASSWORD with likelyDefault), largest first.
 * The same sentences as the app's summary page.
 */
export function knownPasswordSentences(report: Pick<ScanReport, 'accounts' | 'directoryFindings'>, lang: Lang = 'fr'): string[] {
  const k = KNOWN[lang];
  const imposed = report.directoryFindings
    .filter((f) => f.code === 'IMPOSED_PASSWORD_SCHEME' && f.profile !== undefined)
    .map((f) => ({
      profile: f.profile!,
      accounts: f.accounts ?? report.accounts.filter((a) => a.profile === f.profile && a.findings.some((x) => x.imposedScheme === true)).length,
      share: f.share ?? null,
      label: f.shape !== undefined ? shapeLabel(f.shape, lang) : null,
    }))
    .sort((a, b) => b.accounts - a.accounts)
    .map((x) => k.imposed(GROUP[lang][x.profile], x.label, x.accounts, x.share));
  const groups = new Map<number, { accounts: number; profiles: Set<Profile> }>();
  for (const account of report.accounts) {
    for (const f of account.findings) {
      if (f.code !== 'SHARED_PASSWORD' || f.likelyDefault !== true) continue;
      const g = groups.get(f.groupId ?? -1) ?? { accounts: 0, profiles: new Set<Profile>() };
      g.accounts += 1;
      g.profiles.add(account.profile);
      groups.set(f.groupId ?? -1, g);
    }
  }
  const defaults = [...groups].sort(([ia, a], [ib, b]) => b.accounts - a.accounts || ia - ib).map(([, g]) => {
    const profiles = BY_WEIGHT.filter((p) => g.profiles.has(p));
    return k.sharedDefault(g.accounts, profiles.every((p) => SCHOOL_STAFF.includes(p)), k.list(profiles.map((p) => PROFILE_LABEL[lang][p])));
  });
  return [...imposed, ...defaults];
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
  lines.push(`  ${t.grade.padEnd(44)} ${gradeText(b, lang).padStart(12)} → ${gradeText(a, lang)}`);
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

/** « B (82/100) », or « non évaluable » for a summary that could check no account (issue #15 §2). */
export function gradeText(summary: Pick<ReportSummary | ProfileSummary, 'grade' | 'score' | 'graded'>, lang: Lang = 'fr'): string {
  return summary.graded === false ? T[lang].notGradedShort : `${summary.grade} (${summary.score}/100)`;
}

const PROBLEM_LINE = {
  fr: {
    sep: ' : ',
    where: (source: Pick<ReportSource, 'location'>, p: InputProblem) => p.line !== undefined ? `${source.location}, ligne ${p.line}`
      : p.kind === 'DUPLICATE_DN' ? source.location : p.dn ?? source.location,
    MALFORMED_BASE64: (p: InputProblem, password: boolean) => `la valeur base64 de ${p.attribute ?? '?'} est tronquée (pas de remplissage « = ») ; ${password ? 'elle n’est pas vérifiée' : 'elle est lue telle quelle'}`,
    DUPLICATE_DN: (p: InputProblem) => `${p.dn ?? '?'} apparaît une nouvelle fois${p.firstLine !== undefined ? ` (déjà ligne ${p.firstLine})` : ''} ; seule la première entrée est analysée`,
    UNCLASSIFIED_VALUE: (p: InputProblem) => `une valeur de ${p.attribute ?? '?'} a un format d’empreinte inconnu ; elle n’est pas vérifiée`,
    more: (n: number) => `… et ${n} autre(s) problème(s) dans la source (le rapport complet en compte le détail)`,
  },
  en: {
    sep: ': ',
    where: (source: Pick<ReportSource, 'location'>, p: InputProblem) => p.line !== undefined ? `${source.location}, line ${p.line}`
      : p.kind === 'DUPLICATE_DN' ? source.location : p.dn ?? source.location,
    MALFORMED_BASE64: (p: InputProblem, password: boolean) => `the base64 value of ${p.attribute ?? '?'} is cut short (no "=" padding); ${password ? 'it is not checked' : 'it is read as it is'}`,
    DUPLICATE_DN: (p: InputProblem) => `${p.dn ?? '?'} comes again${p.firstLine !== undefined ? ` (first on line ${p.firstLine})` : ''}; only the first entry is audited`,
    UNCLASSIFIED_VALUE: (p: InputProblem) => `a ${p.attribute ?? '?'} value has a hash format Vigie does not recognise; it is not checked`,
    more: (n: number) => `… and ${n} more problem(s) in the source (the full report counts them)`,
  },
} as const;

const PASSWORD_ATTRIBUTES = new Set(['userpassword', 'sambantpassword', 'sambalmpassword']);

/**
 * The input's problems, one line each (issue #15 §4), at most `limit`, then one line for the rest. Each names a line
 * or a DN and an attribute, never a value.
 */
export function inputProblemLines(report: Pick<ScanReport, 'source'>, lang: Lang = 'fr', limit = 20): string[] {
  const problems = report.source.inputProblems;
  if (!problems || problems.total === 0) return [];
  const w = PROBLEM_LINE[lang];
  const shown = problems.listed.slice(0, limit);
  const lines = shown.map((p) => {
    const what = p.kind === 'MALFORMED_BASE64' ? w.MALFORMED_BASE64(p, PASSWORD_ATTRIBUTES.has((p.attribute ?? '').toLowerCase()))
      : p.kind === 'DUPLICATE_DN' ? w.DUPLICATE_DN(p) : w.UNCLASSIFIED_VALUE(p);
    return `${w.where(report.source, p)}${w.sep}${what}`;
  });
  if (problems.total > shown.length) lines.push(w.more(problems.total - shown.length));
  return lines;
}
