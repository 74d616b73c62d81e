// Turns an audit into the report of schemaVersion 2 (issue #2 §6, ids not sentences: issue #14 §2). Nothing here sees a password or a hash:
// only schemes, parameters, codes and patterns.
import type { AccountFindingCode, Profile, Severity } from '../../contract/codes.ts';
import { SEVERITIES } from '../../contract/codes.ts';
import type {
  AccountReport, DirectoryFinding, InputProblems, ProfileSummary, ReportSource, ReportSummary, ScanReport,
} from '../../contract/report.ts';
import type { ApiError } from '../../contract/errors.ts';
import type { AccountAudit } from '../audit/audit.ts';
import { VIGIE_VERSION } from '../version.ts';
import { InputProblemLog } from './input-problems.ts';
import { directoryScore, gradeFor, isCheckable, NOT_GRADED } from './score.ts';
import { worstSeverity } from './severity.ts';

export interface ReportInput {
  source: ReportSource;
  startedAt: Date;
  finishedAt: Date;
  accounts: AccountAudit[];
  directoryFindings: DirectoryFinding[];
  /** The failure that cut the read short: its English line, and its code and names for the catalogues. */
  partialError?: ApiError;
  /** What the reader found wrong in the input (readDirectory's `inputProblems`); values of an unknown scheme are added here. */
  inputProblems?: InputProblems;
}

export function buildReport(input: ReportInput): ScanReport {
  const accounts = input.accounts.map(accountReport);
  const directoryFindings = [...input.directoryFindings];
  if (!accounts.some(isCheckable) && !directoryFindings.some((f) => f.code === 'NO_READABLE_PASSWORD')) {
    directoryFindings.push(noReadablePassword(input.source.kind, accounts.length));
  }
  return {
    schemaVersion: 2,
    tool: { name: 'vigie', version: VIGIE_VERSION },
    source: { ...input.source, inputProblems: inputProblems(accounts, input.inputProblems) },
    startedAt: input.startedAt.toISOString(),
    finishedAt: input.finishedAt.toISOString(),
    partial: input.partialError !== undefined,
    ...(input.partialError !== undefined
      ? { partialReason: input.partialError.message, partialError: { code: input.partialError.code, params: input.partialError.params } }
      : {}),
    directoryFindings,
    summary: summarize(accounts, directoryFindings),
    accounts,
  };
}

/** The reader's problems, then every stored value of a scheme Vigie cannot recognise, named by DN and attribute. */
function inputProblems(accounts: AccountReport[], fromReader: InputProblems | undefined): InputProblems {
  const log = new InputProblemLog();
  if (fromReader) log.merge(fromReader);
  for (const a of accounts) {
    for (const s of a.storedSchemes) if (s.scheme === 'UNKNOWN') log.add({ kind: 'UNCLASSIFIED_VALUE', dn: a.dn, attribute: s.attribute });
  }
  return log.finish();
}

/** Issue #15 §2: nothing could be checked, so nothing is graded; the catalogues say what to do instead. */
function noReadablePassword(kind: ReportSource['kind'], accounts: number): DirectoryFinding {
  return { code: 'NO_READABLE_PASSWORD', severity: 'high', params: { accounts, sourceKind: kind } };
}

function accountReport(a: AccountAudit): AccountReport {
  return {
    dn: a.account.dn,
    login: a.account.login,
    profile: a.account.profile,
    classes: a.account.classes,
    hashScheme: a.hashScheme,
    storedSchemes: a.storedSchemes,
    findings: a.findings,
    risk: worstSeverity(a.findings.map((f) => f.severity)),
    ...(a.unchecked ? { unchecked: true } : {}),
  };
}

export function summarize(accounts: AccountReport[], directoryFindings: DirectoryFinding[]): ReportSummary {
  const byCode: Partial<Record<AccountFindingCode, number>> = {};
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byScheme: ReportSummary['byScheme'] = {};
  const perProfile = new Map<Profile, AccountReport[]>();
  const groups = new Map<number, number>();
  let adminCritical = false;
  for (const a of accounts) {
    for (const code of new Set(a.findings.map((f) => f.code))) byCode[code] = (byCode[code] ?? 0) + 1;
    if (a.risk) bySeverity[a.risk]++;
    byScheme[a.hashScheme] = (byScheme[a.hashScheme] ?? 0) + 1;
    (perProfile.get(a.profile) ?? perProfile.set(a.profile, []).get(a.profile)!).push(a);
    for (const f of a.findings) if (f.groupId !== undefined) groups.set(f.groupId, f.groupSize ?? 0);
    if (a.profile === 'admin' && a.risk === 'critical') adminCritical = true;
  }
  const byProfile: ReportSummary['byProfile'] = {};
  for (const [profile, list] of perProfile) byProfile[profile] = profileSummary(list);
  const checkable = accounts.filter(isCheckable).length;
  // Not a fault of the directory's own: it says the audit saw nothing, and takes no points.
  const penalties = directoryFindings.filter((f) => f.code !== 'NO_READABLE_PASSWORD');
  const score = directoryScore(accounts, penalties);
  return {
    accounts: accounts.length,
    withFindings: accounts.filter((a) => a.findings.length > 0).length,
    byCode,
    bySeverity,
    byScheme,
    byProfile,
    sharedGroups: [...groups].map(([groupId, size]) => ({ groupId, size })).sort((a, b) => a.groupId - b.groupId),
    checkable,
    // Nothing checked: « non évaluable », never the A an empty audit would score.
    ...(checkable > 0 ? { graded: true, score, grade: gradeFor(score, adminCritical) } : { graded: false, ...NOT_GRADED }),
  };
}

function profileSummary(accounts: AccountReport[]): ProfileSummary {
  const byCode: Partial<Record<AccountFindingCode, number>> = {};
  for (const a of accounts) for (const code of new Set(a.findings.map((f) => f.code))) byCode[code] = (byCode[code] ?? 0) + 1;
  const checkable = accounts.filter(isCheckable).length;
  const score = directoryScore(accounts);
  return {
    accounts: accounts.length,
    withFindings: accounts.filter((a) => a.findings.length > 0).length,
    byCode,
    checkable,
    ...(checkable > 0
      ? { graded: true, score, grade: gradeFor(score, accounts.some((a) => a.profile === 'admin' && a.risk === 'critical')) }
      : { graded: false, ...NOT_GRADED }),
  };
}
