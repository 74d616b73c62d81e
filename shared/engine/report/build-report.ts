// Turns an audit into the report of schemaVersion 1 (issue #2 §6). Nothing here sees a password or a hash:
// only schemes, parameters, codes and patterns.
import type { AccountFindingCode, Profile, Severity } from '../../contract/codes.ts';
import { SEVERITIES } from '../../contract/codes.ts';
import type {
  AccountReport, DirectoryFinding, ProfileSummary, ReportSource, ReportSummary, ScanReport,
} from '../../contract/report.ts';
import type { AccountAudit } from '../audit/audit.ts';
import { VIGIE_VERSION } from '../version.ts';
import { directoryScore, gradeFor } from './score.ts';
import { worstSeverity } from './severity.ts';

export interface ReportInput {
  source: ReportSource;
  startedAt: Date;
  finishedAt: Date;
  accounts: AccountAudit[];
  directoryFindings: DirectoryFinding[];
  partialReason?: string;
}

export function buildReport(input: ReportInput): ScanReport {
  const accounts = input.accounts.map(accountReport);
  return {
    schemaVersion: 1,
    tool: { name: 'vigie', version: VIGIE_VERSION },
    source: input.source,
    startedAt: input.startedAt.toISOString(),
    finishedAt: input.finishedAt.toISOString(),
    partial: input.partialReason !== undefined,
    ...(input.partialReason !== undefined ? { partialReason: input.partialReason } : {}),
    directoryFindings: input.directoryFindings,
    summary: summarize(accounts, input.directoryFindings),
    accounts,
  };
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
  const score = directoryScore(accounts, directoryFindings);
  return {
    accounts: accounts.length,
    withFindings: accounts.filter((a) => a.findings.length > 0).length,
    byCode,
    bySeverity,
    byScheme,
    byProfile,
    sharedGroups: [...groups].map(([groupId, size]) => ({ groupId, size })).sort((a, b) => a.groupId - b.groupId),
    score,
    grade: gradeFor(score, adminCritical),
  };
}

function profileSummary(accounts: AccountReport[]): ProfileSummary {
  const byCode: Partial<Record<AccountFindingCode, number>> = {};
  for (const a of accounts) for (const code of new Set(a.findings.map((f) => f.code))) byCode[code] = (byCode[code] ?? 0) + 1;
  const score = directoryScore(accounts);
  return {
    accounts: accounts.length,
    withFindings: accounts.filter((a) => a.findings.length > 0).length,
    byCode,
    score,
    grade: gradeFor(score, accounts.some((a) => a.profile === 'admin' && a.risk === 'critical')),
  };
}
