// Messages between the audit's main thread and its worker threads. Everything here is structured-cloneable.
// A recovered password never crosses this boundary: only its pattern, strength and a keyed fingerprint do.
import type { ApiError } from '../../contract/errors.ts';
import type { CandidateFamilyId, Depth, HashSchemeName, Profile } from '../../contract/codes.ts';
import type { MessagePort } from 'node:worker_threads';
import type { AccountRecord, PasswordAttribute, SchoolContext } from '../directory/model.ts';
import type { ShapeWeight } from '../candidates/shape.ts';
import type { DigestIndex } from './digest-index.ts';
import type { MemoryBudget } from './memory-lease.ts';

/** Unsalted stored digests by scheme: digest hex → indexes of the accounts that hold it (a view over a `DigestIndex`). */
export type UnsaltedIndex = Map<HashSchemeName, Map<string, number[]>>;

export interface WorkerInit {
  school: SchoolContext;
  depth: Depth;
  /** Key of the run's fingerprints (HMAC-SHA-256): lets equal recovered passwords be grouped, in memory only. */
  runKey: Uint8Array;
  /** Folder of the breach index (HIBP): a recovered password's count is looked up where it was recovered. */
  breachIndexDir?: string;
  /** Shared by every worker: the memory memory-hard checks (scrypt, yescrypt, argon2) may take at once. */
  memoryBudget?: MemoryBudget;
  /** Ports to every other worker of the pool, to hand them recovered passwords without the main thread. */
  peers?: MessagePort[];
}

/**
 * What the audit learnt from the passwords recovered so far (issue #12), sent with each task of the learned pass.
 * Shapes, never passwords; reused passwords by keyed fingerprint only: each worker holds the passwords.
 */
export interface LearnedModel {
  /** Per profile, the shapes seen most, with their share of the profile's checked accounts, most likely first. */
  shapes: Partial<Record<Profile, ShapeWeight[]>>;
  /** Recovered passwords worth trying on other accounts, most shared first: fingerprint and weight per profile. */
  reuse: ReuseWeight[];
}

export interface ReuseWeight {
  fingerprint: string;
  /** Estimated probability that an account of each profile has this password (profiles not named: `other`). */
  weight: Partial<Record<Profile, number>>;
  other: number;
  /** How many accounts are known to hold it: three or more make it a default handed out (a class's, the staff's). */
  accounts: number;
}

export type WorkerTask =
  // The digests live in SharedArrayBuffers: every worker reads the main thread's one copy.
  | { kind: 'global'; taskId: number; shard: number; shards: number; digests: DigestIndex }
  | { kind: 'accounts'; taskId: number; items: AccountToCheck[]; model?: LearnedModel }
  // Every worker sends the recovered passwords of these fingerprints it holds to the other workers, through their
  // own ports (never the main thread), and answers once it has all the others' (issue #12 §1).
  | { kind: 'share'; taskId: number; fingerprints: string[] }
  // The shared passwords of this shard, checked against every unsalted value at once, like global candidates.
  | { kind: 'reuse'; taskId: number; shard: number; shards: number; fingerprints: string[]; digests: DigestIndex };

/**
 * A stored value as the main thread classified it: the descriptor that read it (its registry id) and its bytes. The
 * worker reads it with that descriptor (hash/classify.ts `readClassified`) and classifies nothing itself.
 */
export interface ClassifiedValue {
  scheme: string;
  attribute: PasswordAttribute;
  value: Uint8Array;
}

/** One account of an 'accounts' task, as the main thread's classification decided to check it (check-plan.ts). */
export interface AccountToCheck {
  index: number;
  /** Who the account is: the words of its personal candidates. Its `passwords` are left empty: they come below. */
  account: AccountRecord;
  /** The values read in clear: the password itself, known from then on (a sighting). */
  clear: ClassifiedValue[];
  /** The value its candidates are checked against: its unsalted value (exact ones before LM), else its cheapest salted one. */
  check?: ClassifiedValue;
  /** A fast salted value that had every candidate of the depth already: only the learned head. */
  headOnly?: true;
  /**
   * With `headOnly`: the first pass tried every listed candidate on it (its list ended within its budget), and the
   * learned shapes draw from those lists: of the head, only the passwords recovered on other accounts are new.
   */
  reusedOnly?: true;
}

/** What a worker learnt about one account's password. */
export interface Recovery {
  index: number;
  family: CandidateFamilyId;
  patternId: string;
  strength: number;
  fingerprint: string;
  /** The candidate's position in the stream that found it: when two candidates match (LM ignores case), the earlier one names the finding. */
  ordinal: number;
  /** How many times the breach corpus saw the recovered password (absent: not in it, or no index). */
  breachCount?: number;
  /** How it was built, with its case and punctuation (candidates/shape.ts): what the audit learns from. */
  shape: string;
  /** Found on an LM value only, which folds case: the candidate may be the password in other capitals. */
  caseFolded?: true;
}

/**
 * An account whose password the worker knows without a pattern: read in clear, or equal to a password known
 * that way. Only its keyed fingerprint crosses: it groups shared passwords and ranks the ones to try elsewhere.
 */
export interface Sighting {
  index: number;
  fingerprint: string;
}

/**
 * What a worker says of an account beside what it found: `unsupported`, its password could not be checked (a scheme
 * Vigie cannot verify yet); `listed-all`, a salted value checked in batches had every listed candidate of the depth
 * without a match (see AccountToCheck.reusedOnly).
 */
export type CheckNote =
  | { index: number; note: 'unsupported'; scheme: HashSchemeName; candidatesTried: number }
  | { index: number; note: 'listed-all' };

export type WorkerMessage =
  | { kind: 'ready' }
  // `total`: a global task's number of candidates, in its first progress message (the main thread does not load
  // the candidate lists to count them).
  | { kind: 'progress'; taskId: number; done: number; total?: number }
  | { kind: 'result'; taskId: number; recoveries: Recovery[]; notes: CheckNote[]; candidates: number; sightings: Sighting[] }
  // A failure as the API says it: a VigieError keeps its code and names across the thread (a breach index found
  // damaged mid-scan is BREACH_INDEX_DAMAGED, not « an audit worker failed »); anything else is UNEXPECTED.
  | { kind: 'error'; taskId: number; error: ApiError };
