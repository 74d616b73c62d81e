// The scan report, schemaVersion 2 (issue #2 §6). No password and no hash ever appears in it. It names things by id
// and parameters, never by sentence (issue #14 §2): the message catalogues (messages-fr.ts, messages-en.ts) say them.
// Version 1 also carried French labels (`pattern`, `shapeLabel`): still read, never written.
import type {
  AccountFindingCode, CandidateFamilyId, Depth, DirectoryFindingCode, Flavour, Grade,
  HashSchemeName, InputProblemKind, Profile, Severity,
} from './codes.ts';
import type { ErrorCode, ErrorParams } from './errors.ts';

export interface ReportSource {
  kind: 'ldap' | 'ldif';
  /** ldap: the URL (never a password); ldif: the file's name as given. */
  location: string;
  baseDn?: string;
  bindDn?: string;
  /** How the connection was protected: 'ldaps', 'starttls' or 'none' (ldif: absent). */
  transport?: 'ldaps' | 'starttls' | 'none';
  flavour: Flavour;
  flavourDetected: boolean;
  depth: Depth;
  /** The school's words the audit used, as labels (name, town, UAI…), not their values' variants. */
  schoolWords: number;
  /** Whether a local index of breached passwords (HIBP) was used; absent in reports made before it existed. */
  breachIndex?: BreachIndexSummary;
  /**
   * What was wrong in the input itself (issue #15 §4): truncated base64, repeated DNs, values of an unknown scheme.
   * Absent in reports made before it existed.
   */
  inputProblems?: InputProblems;
}

/** One problem in the input, named by where it is: never a value (no password, no hash). */
export interface InputProblem {
  kind: InputProblemKind;
  /** LDIF: the line of the value (MALFORMED_BASE64) or of the repeated entry's "dn:" (DUPLICATE_DN). */
  line?: number;
  /** The entry's DN, when known. */
  dn?: string;
  /** MALFORMED_BASE64, UNCLASSIFIED_VALUE: the attribute whose value it is. */
  attribute?: string;
  /** DUPLICATE_DN in an LDIF: the line of the first entry with this DN, the one audited. */
  firstLine?: number;
}

export interface InputProblems {
  /** Every problem found, of every kind (the list below is capped). */
  total: number;
  byKind: Partial<Record<InputProblemKind, number>>;
  /** The first problems, in input order, at most a few hundred. */
  listed: InputProblem[];
}

/** The breach index a scan checked passwords against: `present: false` means no breach check was done. */
export interface BreachIndexSummary {
  present: boolean;
  sha1Entries?: number;
  ntlmEntries?: number;
  /** When the newest of the two was imported (ISO 8601). */
  importedAt?: string;
}

/** A finding's parameters, said by the message catalogues: names (DNs, schemes) and numbers, never a sentence. */
export type FindingParams = Record<string, string | number | boolean | string[]>;

/** WEAK_HASH_PARAMETERS: one stored value's parameters against today's minimum; the catalogues say it. */
export interface WeakParameters {
  /** The scheme as an administrator names it: "bcrypt", "PBKDF2-SHA256", "SHA-512-crypt", "argon2id". */
  label: string;
  /**
   * Which parameters: cost { cost }, iterations { iterations }, rounds { rounds }, memory { mebibytes } (yescrypt),
   * argon2 { memoryKiB, timeCost }, scrypt { logN, r, p }; `minimum` has the same keys.
   */
  kind: 'cost' | 'iterations' | 'rounds' | 'memory' | 'argon2' | 'scrypt';
  values: Record<string, number>;
  minimum: Record<string, number>;
}

export interface DirectoryFinding {
  code: DirectoryFindingCode;
  severity: Severity;
  /**
   * What the sentence that says the finding needs (`directoryDetail`, directory-details.ts): e.g. HASHES_READABLE_BY_USERS
   * { dn }, NO_LOCKOUT { policies }, WEAK_MIN_LENGTH { minLength, policies }, LEGACY_DEFAULT_HASH { scheme?,
   * argon2Loaded, frontendDn }, CLEARTEXT_WRITES_NOT_HASHED { ppolicyDn? }, IMPOSED_PASSWORD_SCHEME { percent },
   * NO_READABLE_PASSWORD { accounts, sourceKind }. Absent when the code says it all.
   */
  params?: FindingParams;
  /** Version 1 only: the sentence in French. Say `code` and `params` with `directoryDetail` instead. */
  detail?: string;
  /** IMPOSED_PASSWORD_SCHEME: the profile whose passwords follow one shape. */
  profile?: Profile;
  /** IMPOSED_PASSWORD_SCHEME: the shape's id (`PasswordShape`), e.g. "surname+birthdate:YYYY|capitalised". */
  shape?: string;
  /** Version 1 only: the shape as a person reads it. Say `shape` with `shapeLabel` (pattern-labels.ts) instead. */
  shapeLabel?: { fr: string; en: string };
  /** IMPOSED_PASSWORD_SCHEME: accounts of the profile found with this shape. */
  accounts?: number;
  /** IMPOSED_PASSWORD_SCHEME: their share of the profile's accounts that have a checkable stored value, 0–1. */
  share?: number;
}

export interface AccountFinding {
  code: AccountFindingCode;
  severity: Severity;
  /** Version 1 only: the pattern in French. Say `patternId` with `patternLabel` (pattern-labels.ts) instead. */
  pattern?: string;
  /** The pattern's id, e.g. "surname+birthdate:DDMMYYYY" (« nom + date de naissance (JJMMAAAA) » in French). */
  patternId?: string;
  family?: CandidateFamilyId;
  /** zxcvbn-ts score 0–4 of the recovered password, the person's and school's words as inputs. */
  strength?: number;
  /** SHARED_PASSWORD: how many accounts share it, and the group's id within this report. */
  groupSize?: number;
  groupId?: number;
  /** LEGACY_HASH / WEAK_HASH_PARAMETERS: the scheme and its parameters, e.g. "bcrypt cost 8". */
  scheme?: HashSchemeName;
  /**
   * What the sentence that says the finding needs (`accountDetail`, account-details.ts): CLEARTEXT_PASSWORD
   * { attribute }, LEGACY_HASH { schemes }; a weak-password finding brought back by `vigie import potfile`
   * { foundBy: 'offline-cracking' }.
   */
  params?: FindingParams;
  /** WEAK_HASH_PARAMETERS: each weak value's parameters against its minimum (`accountDetail` says them). */
  weakParameters?: WeakParameters[];
  /** Version 1 only: a French sentence. */
  detail?: string;
  /** BREACHED_PASSWORD: how many times Have I Been Pwned's corpus has seen this password. */
  breachCount?: number;
  /**
   * Weak-password findings: the password's shape, the pattern id with its letter case, e.g.
   * "surname+birthdate:YYYY|capitalised" (what the audit learns imposed formulas from).
   */
  shape?: string;
  /** Weak-password findings: the shape is the profile's imposed scheme (IMPOSED_PASSWORD_SCHEME): renew by force. */
  imposedScheme?: true;
  /**
   * SHARED_PASSWORD: the group looks like a default handed out (many accounts of adults, or a password of the
   * school's or common lists), not a coincidence.
   */
  likelyDefault?: true;
}

export interface AccountReport {
  dn: string;
  login: string;
  profile: Profile;
  classes: string[];
  /** The weakest scheme among the account's stored values (NONE when it stores no password). */
  hashScheme: HashSchemeName | 'NONE';
  /** Every scheme the account stores, with parameters where they matter. */
  storedSchemes: { scheme: HashSchemeName; attribute: string; params?: Record<string, number | string> }[];
  findings: AccountFinding[];
  /** Most severe finding's severity, or null when the account has none. */
  risk: Severity | null;
  /** Present when a stored value uses a scheme Vigie cannot check yet: no weak-password verdict was possible. */
  unchecked?: true;
}

export interface ProfileSummary {
  accounts: number;
  withFindings: number;
  byCode: Partial<Record<AccountFindingCode, number>>;
  /** Accounts with at least one stored value of a known scheme (issue #15 §2). Absent in older reports. */
  checkable?: number;
  /** False when none of the profile's accounts was checkable: `grade` and `score` then mean nothing (see summary). */
  graded?: boolean;
  score: number;
  grade: Grade;
}

export interface ReportSummary {
  accounts: number;
  withFindings: number;
  byCode: Partial<Record<AccountFindingCode, number>>;
  bySeverity: Record<Severity, number>;
  byScheme: Partial<Record<HashSchemeName | 'NONE', number>>;
  byProfile: Partial<Record<Profile, ProfileSummary>>;
  sharedGroups: { groupId: number; size: number }[];
  /**
   * Accounts with at least one stored value of a known scheme, i.e. that the audit could check (issue #15 §2).
   * Absent in older reports.
   */
  checkable?: number;
  /**
   * False when no account was checkable: the directory is « non évaluable » (a NO_READABLE_PASSWORD directory finding
   * says why). `grade` is then 'F' and `score` 0, so a reader that predates this field never shows it as safe; read
   * `graded` first. Absent in older reports: graded.
   */
  graded?: boolean;
  /** 0–100, see docs/scoring.md. */
  score: number;
  grade: Grade;
}

export interface ScanReport {
  /** 2 since issue #14 (ids, not sentences); 1 is still read. */
  schemaVersion: 1 | 2;
  tool: { name: 'vigie'; version: string };
  source: ReportSource;
  startedAt: string;
  finishedAt: string;
  /** True when the scan stopped early (cancelled, or the directory stopped answering): counts are a lower bound. */
  partial: boolean;
  /** Why it stopped early: the reader's own line, in English (the technical detail; all a version-1 report has). */
  partialReason?: string;
  /** Why, by code and the names and figures it holds (contract/errors.ts): the catalogues say it (partialReasons). */
  partialError?: { code: ErrorCode; params: ErrorParams };
  directoryFindings: DirectoryFinding[];
  summary: ReportSummary;
  accounts: AccountReport[];
}
