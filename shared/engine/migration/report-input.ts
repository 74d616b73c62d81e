// The scan report a plan starts from, read and checked with zod: only the fields the plan uses, so a report
// from a newer Vigie with more fields still reads. A bad file is one line, never a stack trace.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import {
  ACCOUNT_FINDING_CODES, DIRECTORY_FINDING_CODES, GRADES, HASH_SCHEMES, PROFILES, SEVERITIES,
} from '../../contract/codes.ts';
import { VigieError } from '../errors.ts';

const severity = z.enum(SEVERITIES);

export const PlanReportSchema = z.object({
  schemaVersion: z.literal(1),
  source: z.object({
    kind: z.enum(['ldap', 'ldif']),
    location: z.string(),
    baseDn: z.string().optional(),
  }),
  finishedAt: z.string(),
  partial: z.boolean(),
  directoryFindings: z.array(z.object({
    code: z.enum(DIRECTORY_FINDING_CODES), severity, detail: z.string(),
    // IMPOSED_PASSWORD_SCHEME (issue #12); absent from other findings and from older reports.
    profile: z.enum(PROFILES).optional(),
    shape: z.string().optional(),
    shapeLabel: z.object({ fr: z.string(), en: z.string() }).optional(),
    accounts: z.number().optional(),
    share: z.number().optional(),
  })),
  summary: z.object({ score: z.number(), grade: z.enum(GRADES), accounts: z.number() }),
  accounts: z.array(z.object({
    dn: z.string().min(1),
    login: z.string(),
    profile: z.enum(PROFILES),
    classes: z.array(z.string()),
    hashScheme: z.union([z.enum(HASH_SCHEMES), z.literal('NONE')]),
    storedSchemes: z.array(z.object({ scheme: z.enum(HASH_SCHEMES), attribute: z.string() })),
    findings: z.array(z.object({
      code: z.enum(ACCOUNT_FINDING_CODES), severity,
      // Issue #12: the password's shape, whether it is the profile's imposed formula, whether a shared group looks
      // like a default handed out. Optional: reports made before them still read.
      shape: z.string().optional(),
      imposedScheme: z.literal(true).optional(),
      groupId: z.number().optional(),
      likelyDefault: z.literal(true).optional(),
    })),
    risk: severity.nullable(),
  })),
});

export type PlanReport = z.infer<typeof PlanReportSchema>;
export type PlanAccount = PlanReport['accounts'][number];

export async function readPlanReport(file: string): Promise<PlanReport> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new VigieError(`cannot read the report ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new VigieError(`${file} is not JSON`, 'give the file written by vigie scan --json.');
  }
  return planReportOf(json, file);
}

/** A report already read (the app's history holds it), checked as `vigie plan` checks its file; `name` says which. */
export function planReportOf(json: unknown, name: string): PlanReport {
  const parsed = PlanReportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.join('.') : 'the top level';
    throw new VigieError(`${name} is not a Vigie report (schemaVersion 1): ${where}: ${issue.message}`, 'give the file written by vigie scan --json.');
  }
  return parsed.data;
}
