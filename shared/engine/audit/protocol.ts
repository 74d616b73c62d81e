// Messages between the audit's main thread and its worker threads. Everything here is structured-cloneable.
// A recovered password never crosses this boundary: only its pattern, strength and a keyed fingerprint do.
import type { CandidateFamilyId, Depth, HashSchemeName } from '../../contract/codes.ts';
import type { AccountRecord, SchoolContext } from '../directory/model.ts';
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
}

export type WorkerTask =
  // The digests live in SharedArrayBuffers: every worker reads the main thread's one copy.
  | { kind: 'global'; taskId: number; shard: number; shards: number; digests: DigestIndex }
  | { kind: 'accounts'; taskId: number; items: { index: number; account: AccountRecord }[] };

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
}

/** An account whose password could not be checked (a scheme Vigie cannot verify yet). */
export interface CheckNote {
  index: number;
  note: 'unsupported';
  scheme: HashSchemeName;
  candidatesTried: number;
}

export type WorkerMessage =
  | { kind: 'ready' }
  // `total`: a global task's number of candidates, in its first progress message (the main thread does not load
  // the candidate lists to count them).
  | { kind: 'progress'; taskId: number; done: number; total?: number }
  | { kind: 'result'; taskId: number; recoveries: Recovery[]; notes: CheckNote[]; candidates: number }
  | { kind: 'error'; taskId: number; message: string };
