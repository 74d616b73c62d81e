// The one schema of a scan report (issue #14 §3): every reader of a report (`vigie scan --compare`, `vigie plan`,
// `vigie import potfile`, `vigie export hashcat`, the app's history) checks a file with it, so a bad file is one
// line that names the field, never a stack trace further on. It accepts every version this Vigie reads; fields a
// newer Vigie adds are dropped, not refused. The compile-time checks at the end keep it and `ScanReport` in step.
import { z } from 'zod';
import {
  ACCOUNT_FINDING_CODES, CANDIDATE_FAMILIES, DEPTHS, DIRECTORY_FINDING_CODES, FLAVOURS, GRADES, HASH_SCHEMES,
  INPUT_PROBLEM_KINDS, PROFILES, SEVERITIES,
} from './codes.ts';
import { ERROR_CODES, ERROR_PARAM_NAMES } from './errors.ts';
import type { ScanReport } from './report.ts';

/** The report versions this Vigie reads; it writes the last one. */
export const REPORT_SCHEMA_VERSIONS = [1, 2] as const;

const severity = z.enum(SEVERITIES);
const count = z.number().int().nonnegative();
const scheme = z.enum(HASH_SCHEMES);
const schemeOrNone = z.union([scheme, z.literal('NONE')]);
const byCode = z.partialRecord(z.enum(ACCOUNT_FINDING_CODES), count);

const BreachIndexSummarySchema = z.object({
  present: z.boolean(),
  sha1Entries: count.optional(),
  ntlmEntries: count.optional(),
  importedAt: z.string().optional(),
});

const InputProblemSchema = z.object({
  kind: z.enum(INPUT_PROBLEM_KINDS),
  line: count.optional(),
  dn: z.string().optional(),
  attribute: z.string().optional(),
  firstLine: count.optional(),
});

const ReportSourceSchema = z.object({
  kind: z.enum(['ldap', 'ldif']),
  location: z.string(),
  baseDn: z.string().optional(),
  bindDn: z.string().optional(),
  transport: z.enum(['ldaps', 'starttls', 'none']).optional(),
  flavour: z.enum(FLAVOURS),
  flavourDetected: z.boolean(),
  depth: z.enum(DEPTHS),
  schoolWords: count,
  breachIndex: BreachIndexSummarySchema.optional(),
  inputProblems: z.object({
    total: count,
    byKind: z.partialRecord(z.enum(INPUT_PROBLEM_KINDS), count),
    listed: z.array(InputProblemSchema),
  }).optional(),
});

const FindingParamsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]));

const DirectoryFindingSchema = z.object({
  code: z.enum(DIRECTORY_FINDING_CODES),
  severity,
  params: FindingParamsSchema.optional(),
  detail: z.string().optional(),
  profile: z.enum(PROFILES).optional(),
  shape: z.string().optional(),
  shapeLabel: z.object({ fr: z.string(), en: z.string() }).optional(),
  accounts: count.optional(),
  share: z.number().min(0).max(1).optional(),
});

const AccountFindingSchema = z.object({
  code: z.enum(ACCOUNT_FINDING_CODES),
  severity,
  pattern: z.string().optional(),
  patternId: z.string().optional(),
  family: z.enum(CANDIDATE_FAMILIES).optional(),
  strength: z.number().int().min(0).max(4).optional(),
  groupSize: count.optional(),
  groupId: count.optional(),
  scheme: scheme.optional(),
  params: FindingParamsSchema.optional(),
  weakParameters: z.array(z.object({
    label: z.string(),
    kind: z.enum(['cost', 'iterations', 'rounds', 'memory', 'argon2', 'scrypt']),
    values: z.record(z.string(), z.number()),
    minimum: z.record(z.string(), z.number()),
  })).optional(),
  detail: z.string().optional(),
  breachCount: count.optional(),
  shape: z.string().optional(),
  imposedScheme: z.literal(true).optional(),
  likelyDefault: z.literal(true).optional(),
});

const AccountReportSchema = z.object({
  dn: z.string().min(1),
  login: z.string(),
  profile: z.enum(PROFILES),
  classes: z.array(z.string()),
  hashScheme: schemeOrNone,
  storedSchemes: z.array(z.object({
    scheme,
    attribute: z.string(),
    params: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
  })),
  findings: z.array(AccountFindingSchema),
  risk: severity.nullable(),
  unchecked: z.literal(true).optional(),
});

const ProfileSummarySchema = z.object({
  accounts: count,
  withFindings: count,
  byCode,
  checkable: count.optional(),
  graded: z.boolean().optional(),
  score: z.number(),
  grade: z.enum(GRADES),
});

const ReportSummarySchema = z.object({
  accounts: count,
  withFindings: count,
  byCode,
  bySeverity: z.record(severity, count),
  byScheme: z.partialRecord(schemeOrNone, count),
  byProfile: z.partialRecord(z.enum(PROFILES), ProfileSummarySchema),
  sharedGroups: z.array(z.object({ groupId: count, size: count })),
  checkable: count.optional(),
  graded: z.boolean().optional(),
  score: z.number(),
  grade: z.enum(GRADES),
});

export const ScanReportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSIONS),
  // Before `tool`: a JSON file that is not a report at all is told by its missing source first.
  source: ReportSourceSchema,
  tool: z.object({ name: z.literal('vigie'), version: z.string() }),
  startedAt: z.string(),
  finishedAt: z.string(),
  partial: z.boolean(),
  partialReason: z.string().optional(),
  // A newer Vigie's code is dropped, not refused: the English line still says why.
  partialError: z.object({
    code: z.enum(ERROR_CODES),
    params: z.partialRecord(z.enum(ERROR_PARAM_NAMES), z.string()),
  }).optional().catch(undefined),
  directoryFindings: z.array(DirectoryFindingSchema),
  summary: ReportSummarySchema,
  accounts: z.array(AccountReportSchema),
});

/**
 * `json` as a report (fields this Vigie does not know dropped), or what is wrong with it in one line that follows the
 * file's name: "is not a Vigie report (schemaVersion 1): accounts.3.findings.0.code: Invalid option: …", or "has
 * report schema version 3; this Vigie reads versions 1 and 2". Never throws.
 */
export function parseScanReport(json: unknown): { report: ScanReport; problem?: undefined } | { problem: string; report?: undefined } {
  const version = typeof json === 'object' && json !== null ? (json as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (typeof version === 'number' && !(REPORT_SCHEMA_VERSIONS as readonly number[]).includes(version)) {
    return { problem: `has report schema version ${version}; this Vigie reads versions ${REPORT_SCHEMA_VERSIONS.join(' and ')}` };
  }
  const parsed = ScanReportSchema.safeParse(json);
  if (parsed.success) return { report: parsed.data };
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'the top level';
  const claimed = typeof version === 'number' ? version : REPORT_SCHEMA_VERSIONS.at(-1)!;
  return { problem: `is not a Vigie report (schemaVersion ${claimed}): ${where}: ${issue.message.replace(/\s+/g, ' ')}` };
}

// The schema and the interface say the same thing (a field added to one and not the other fails to compile).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesInterface: Same<z.infer<typeof ScanReportSchema>, ScanReport> = true;
void schemaMatchesInterface;
