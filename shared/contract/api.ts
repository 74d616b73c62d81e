// The typed API the UI talks to (issue #3): `window.vigie` in Electron (preload over IPC), and the same
// API over the loopback host in a browser. Each call's arguments are validated with these schemas on the
// receiving side (Electron main, loopback host) before anything runs.
import { z } from 'zod';
import { DEPTHS, FLAVOURS } from './codes.ts';
import type { Depth, Flavour, Grade } from './codes.ts';
import type { ApiError, ErrorCode } from './errors.ts';
import type { BreachIndexSummary, ScanReport } from './report.ts';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const text = (max = 2048) => z.string().max(max);
const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** Where a scan reads from. A password is never part of a profile: see `ScanStart.password`. */
export const ConnectionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ldap'),
    url: text().regex(/^ldaps?:\/\//i, 'ldap:// or ldaps:// URL'),
    baseDn: text().min(1),
    bindDn: text().optional(),
    startTls: z.boolean().optional(),
    caFile: text(4096).optional(),
  }),
  z.object({ kind: z.literal('ldif'), file: text(4096).min(1) }),
]);
export type Connection = z.infer<typeof ConnectionSchema>;

/** A school's saved connection. `passwordSaved` says the OS keychain holds its bind password. */
export const ProfileInputSchema = z.object({
  id: id.optional(),
  name: text(200).min(1),
  connection: ConnectionSchema,
  flavour: z.enum(FLAVOURS).optional(),
  school: z.array(text(200)).max(50).optional(),
  /** Save this bind password in the OS keychain (refused where the OS offers no encryption). */
  password: text(1024).optional(),
});
export type ProfileInput = z.infer<typeof ProfileInputSchema>;

export interface SchoolProfile {
  id: string;
  name: string;
  connection: Connection;
  flavour?: Flavour;
  school?: string[];
  passwordSaved: boolean;
  /** Shipped with Vigie (the synthetic demo school): it cannot be changed or deleted. */
  builtIn?: boolean;
}

export const ScanStartSchema = z.object({
  /** A saved profile, or a connection given once. */
  profileId: id.optional(),
  connection: ConnectionSchema.optional(),
  /** The bind password for this scan, when not saved with the profile. Held in memory only. */
  password: text(1024).optional(),
  depth: z.enum(DEPTHS).default('standard'),
  flavour: z.enum(FLAVOURS).optional(),
  school: z.array(text(200)).max(50).optional(),
  /**
   * A connection given once: the school's name typed for it without saving it (issue #13), the history's label and
   * the summary's title instead of the URL or the file. A saved profile's own name comes first.
   */
  label: text(200).optional(),
}).refine((s) => s.profileId !== undefined || s.connection !== undefined, 'a profileId or a connection');
export type ScanStart = z.input<typeof ScanStartSchema>;

export interface ConnectionCheck {
  ok: boolean;
  /** ok: how it was protected. */
  transport?: 'ldaps' | 'starttls' | 'none';
  /**
   * Not ok: what went wrong, by code and names for the UI to say in the user's language; its line is the detail. An
   * LDIF source's problem is told by its code (ldifFileProblemOf), the line it stopped at by `params.line`.
   */
  error?: ApiError;
  /**
   * An LDIF source (issue #13 §7): the file was read through as a scan reads it. `entries` counts its entries,
   * `withPassword` those holding a stored password (userPassword, sambaNTPassword, sambaLMPassword), never a value.
   */
  file?: { bytes: number; entries: number; withPassword: number };
}

/** Why an LDIF source cannot be scanned, as `testConnection` finds it. */
export type LdifFileProblem = 'missing' | 'notAFile' | 'unreadable' | 'empty' | 'compressed' | 'notLdif';

/** The code each problem of an LDIF source crosses the API with (testConnection's error). */
export const LDIF_PROBLEM_CODES: Record<LdifFileProblem, ErrorCode> = {
  missing: 'LDIF_NOT_FOUND',
  notAFile: 'NOT_A_FILE',
  unreadable: 'FILE_UNREADABLE',
  empty: 'LDIF_EMPTY',
  compressed: 'LDIF_COMPRESSED',
  notLdif: 'LDIF_INVALID',
};

/** Which problem of an LDIF source an error's code says, or null for a code that is no file problem. */
export function ldifFileProblemOf(code: ErrorCode): LdifFileProblem | null {
  if (code === 'LDIF_CHANGE_RECORDS') return 'notLdif';
  const found = Object.entries(LDIF_PROBLEM_CODES).find(([, c]) => c === code);
  return found === undefined ? null : found[0] as LdifFileProblem;
}

/** `learned`: the salted and slow accounts, checked with what the first ones taught (issue #12). */
export type ScanPhase = 'read' | 'classify' | 'global' | 'accounts' | 'learned';

export interface ScanProgressEvent {
  scanId: string;
  phase: ScanPhase;
  done: number;
  total?: number;
  etaSeconds?: number;
}

export type ScanOutcome =
  | { scanId: string; status: 'running' }
  | { scanId: string; status: 'done'; reportId: string }
  | { scanId: string; status: 'cancelled' }
  | { scanId: string; status: 'failed'; error: ApiError };

/** One past scan, as the history lists it. */
export interface HistoryEntry {
  reportId: string;
  profileId?: string;
  /** The school's name (profile name, or the source's location). */
  label: string;
  /** The report's source location: the LDAP URL, or the LDIF file's path. */
  source: string;
  /** 'ldap' or 'ldif'. Absent in entries saved before it existed (the history fills it from the report). */
  sourceKind?: 'ldap' | 'ldif';
  /** The scan's depth: scans of different depths do not compare. Absent only where the report could not be read. */
  depth?: Depth;
  finishedAt: string;
  accounts: number;
  score: number;
  grade: Grade;
  /** False when the scan could check no account: its grade and score mean nothing. Absent: graded. */
  graded?: boolean;
  partial: boolean;
}

/** The scan running now, for a page that was reloaded (or opened) while it runs to follow and cancel it. */
export interface RunningScan {
  scanId: string;
  startedAt: string;
  /** The school's name (profile name, or the source's location), as its history entry will say. */
  label: string;
  source: string;
  sourceKind: 'ldap' | 'ldif';
  depth: Depth;
  /** The last progress event of each phase so far, in the order they came: replayed, they draw the progress. */
  progress: ScanProgressEvent[];
}

export const ExportSchema = z.object({
  reportId: id,
  /**
   * 'pseudonyms': the stable pseudonym of each account's DN and login, a JSON list `[{ dn, login, pseudoDn,
   * pseudoLogin }]` in the report's order, for the page to write its CSV in the reader's language (issue #13 §5:
   * the host has no words of the UI's languages; the pseudonymising key never leaves the host).
   */
  format: z.enum(['json', 'csv', 'pdf', 'pseudonyms']),
  /** CSV: replace names and logins with stable pseudonyms. */
  pseudonymise: z.boolean().optional(),
  language: z.enum(LANGUAGES).optional(),
});
export type ExportRequest = z.infer<typeof ExportSchema>;

/** One account's pseudonyms (an ExportRequest of format 'pseudonyms'): its DN and login, and what replaces them. */
export interface AccountPseudonym {
  dn: string;
  login: string;
  pseudoDn: string;
  pseudoLogin: string;
}

/** An export's content, for the UI to save (browser download, or Electron's save dialog). */
export interface ExportFile {
  fileName: string;
  mimeType: string;
  /** base64 for PDF, UTF-8 text otherwise. */
  encoding: 'utf8' | 'base64';
  data: string;
}

/**
 * The DSI's migration plan from the app (issue #13 §6): the same plan writer as `vigie plan`, from a report in the
 * history. It reads the live directory of a saved LDAP school (read-only: cn=config and the accounts' current
 * values, for the rollback) and writes the plan folder on the host. Applying it stays `vigie apply`, in a terminal.
 */
export const PLAN_TARGETS = ['openldap-2.5', 'openldap-2.7'] as const;
export const MigrationPlanSchema = z.object({
  reportId: id,
  /** The saved LDAP school whose directory the plan reads; default: the school the report was scanned from. */
  profileId: id.optional(),
  /** The school's bind account's password, when not saved with it. Held in memory only. */
  password: text(1024).optional(),
  /** An account that reads cn=config (e.g. cn=config), and its password: never saved. */
  configBindDn: text().min(1),
  configPassword: text(1024).min(1),
  /** A new or empty folder on the host, as a full path. */
  folder: text(4096).min(1),
  target: z.enum(PLAN_TARGETS).optional(),
  /** The language of the plan's files (plan.md, the letters, the LDIF comments): the page's; default French. */
  language: z.enum(LANGUAGES).optional(),
});
export type MigrationPlanRequest = z.infer<typeof MigrationPlanSchema>;

/** The plan's steps in order, as `vigie plan` writes them in plan.md. */
export const PLAN_STEP_IDS = ['hide-hashes', 'forced-renewal', 'reset-weak', 'drop-lm', 'policy', 'storage', 'must-change'] as const;
export type PlanStepId = (typeof PLAN_STEP_IDS)[number];

export interface MigrationPlanStep {
  id: PlanStepId;
  /** The plan files that do it ('lettres/' for the letters' folder). */
  files: string[];
  accounts: number;
  /** The score and grade expected once this step and every one before it are done. */
  score: number;
  grade: Grade;
}

export interface MigrationPlanFile {
  /** Relative to the plan folder, e.g. 'lettres/6A.html'. */
  name: string;
  /** Read back from the disk once written: 0o600 for every file holding a passphrase, a hash or a list of weak accounts. */
  mode: number;
}

/** What was written: counts, steps and file names only, never a password or a hash. */
export interface MigrationPlan {
  folder: string;
  files: MigrationPlanFile[];
  steps: MigrationPlanStep[];
  before: { score: number; grade: Grade };
  /** Accounts given a temporary passphrase, of which `forced` by forced renewal; accounts that must change theirs. */
  reset: number;
  forced: number;
  mustChange: number;
  /** Accounts of the report no longer in the directory (left out of the plan). */
  missing: number;
  /** What `vigie apply` needs to be told, to print its command. */
  directory: { url: string; baseDn: string; bindDn: string; configBindDn: string; startTls?: boolean; caFile?: string };
  target: (typeof PLAN_TARGETS)[number];
}

export const SettingsSchema = z.object({
  language: z.enum(LANGUAGES),
  defaultDepth: z.enum(DEPTHS),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** What the local index of breached passwords (Have I Been Pwned) holds now: the shape a report records. */
export type BreachIndexStatus = BreachIndexSummary;

export const BreachImportSchema = z.object({
  /** Full path of the download on the host: PwnedPasswordsDownloader's single file or its folder. */
  path: text(4096).min(1),
});
export type BreachImportRequest = z.infer<typeof BreachImportSchema>;

export interface BreachImportProgressEvent {
  importId: string;
  hashKind: 'sha1' | 'ntlm';
  /** Bytes of the file, or prefixes of the folder, done so far, out of `total`. */
  done: number;
  total: number;
  lines: number;
  linesPerSecond?: number;
  etaSeconds?: number;
}

/** What an import ended with; `index` is the index's status once it is in place. */
export type BreachImportOutcome =
  | { importId: string; status: 'running' }
  | { importId: string; status: 'done'; hashKind: 'sha1' | 'ntlm'; entries: number; lines: number; badLines: number; missingPrefixFiles: number; index: BreachIndexStatus }
  | { importId: string; status: 'cancelled' }
  | { importId: string; status: 'failed'; error: ApiError };

export interface HostInfo {
  version: string;
  host: 'electron' | 'loopback';
  /** False where the OS offers no encryption for saved bind passwords: the UI asks each time. */
  canSavePasswords: boolean;
}

/** The API. Every method is async and its arguments are plain data (structured-cloneable, JSON-safe). */
export interface VigieApi {
  hostInfo(): Promise<HostInfo>;
  testConnection(request: { connection: Connection; password?: string }): Promise<ConnectionCheck>;
  startScan(request: ScanStart): Promise<{ scanId: string }>;
  cancelScan(scanId: string): Promise<void>;
  /** Resolves when the scan ends (or at once with its state when it has ended). */
  scanOutcome(scanId: string): Promise<ScanOutcome>;
  /** Progress of every running scan; returns the unsubscribe function. */
  onProgress(listener: (event: ScanProgressEvent) => void): () => void;
  /** The scan running now, if any (issue #13 §3: a reloaded page re-attaches its progress and cancel). */
  runningScan(): Promise<RunningScan | null>;
  listHistory(): Promise<HistoryEntry[]>;
  getReport(reportId: string): Promise<ScanReport>;
  exportReport(request: ExportRequest): Promise<ExportFile>;
  /** Writes the migration plan of a report to a folder on the host, as `vigie plan` does; never writes to the directory. */
  buildMigrationPlan(request: MigrationPlanRequest): Promise<MigrationPlan>;
  listProfiles(): Promise<SchoolProfile[]>;
  saveProfile(profile: ProfileInput): Promise<SchoolProfile>;
  deleteProfile(profileId: string): Promise<void>;
  getSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<Settings>;
  breachIndexStatus(): Promise<BreachIndexStatus>;
  /** Reads a Have I Been Pwned download already on disk into the local index; Vigie downloads nothing. */
  startBreachImport(request: BreachImportRequest): Promise<{ importId: string }>;
  /** Stops the import; a later import of the same download continues where it stopped. */
  cancelBreachImport(importId: string): Promise<void>;
  /** Resolves when the import ends (or at once with its state when it has ended). */
  breachImportOutcome(importId: string): Promise<BreachImportOutcome>;
  /** Progress of a running import; returns the unsubscribe function. */
  onBreachImportProgress(listener: (event: BreachImportProgressEvent) => void): () => void;
}

/** Method names whose calls carry arguments, and the schema that checks them. */
export const API_ARGUMENT_SCHEMAS = {
  hostInfo: z.tuple([]),
  testConnection: z.tuple([z.object({ connection: ConnectionSchema, password: text(1024).optional() })]),
  startScan: z.tuple([ScanStartSchema]),
  cancelScan: z.tuple([id]),
  scanOutcome: z.tuple([id]),
  runningScan: z.tuple([]),
  listHistory: z.tuple([]),
  getReport: z.tuple([id]),
  exportReport: z.tuple([ExportSchema]),
  buildMigrationPlan: z.tuple([MigrationPlanSchema]),
  listProfiles: z.tuple([]),
  saveProfile: z.tuple([ProfileInputSchema]),
  deleteProfile: z.tuple([id]),
  getSettings: z.tuple([]),
  saveSettings: z.tuple([SettingsSchema]),
  breachIndexStatus: z.tuple([]),
  startBreachImport: z.tuple([BreachImportSchema]),
  cancelBreachImport: z.tuple([id]),
  breachImportOutcome: z.tuple([id]),
} as const satisfies Record<Exclude<keyof VigieApi, ProgressMethod>, z.ZodType>;

/** The subscriptions: not calls, each host forwards their events its own way. */
export type ProgressMethod = 'onProgress' | 'onBreachImportProgress';

export type ApiMethod = keyof typeof API_ARGUMENT_SCHEMAS;
export const API_METHODS = Object.keys(API_ARGUMENT_SCHEMAS) as ApiMethod[];

