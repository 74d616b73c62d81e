// One HashScheme per way of storing a password (issue #2 §3). Each scheme file implements this interface;
// `classify.ts` turns a stored value into a `StoredHash` naming its scheme.
import type { HashSchemeName } from '../../contract/codes.ts';
import type { WeakParameters } from '../../contract/report.ts';
import type { PasswordAttribute } from '../directory/model.ts';
import type { ReadableScheme } from './schemes/readable-scheme.ts';

/**
 * cleartext: the value is the password. fast: one unsalted or salted pass of a fast function (legacy).
 * adaptive: a deliberately slow, tunable function. unknown: Vigie cannot read it.
 */
export type StorageKind = 'cleartext' | 'fast' | 'adaptive' | 'unknown';

/**
 * How a value is kept, as issue #12 counts recall: unsalted fast values (one hash checks every account), salted
 * fast ones (a hash per account and candidate, but cheap), slow ones (adaptive: a few candidates each).
 */
export type StorageClass = 'fast-unsalted' | 'fast-salted' | 'slow';

/** A stored value, parsed. `parsed` is the scheme's own data (salt, digest, cost…), opaque to callers. */
export interface StoredHash {
  scheme: HashSchemeName;
  attribute: PasswordAttribute;
  /** Parameters worth showing a user: rounds, cost, m/t/p, salt length. Never the salt or digest. */
  params: Record<string, number | string>;
  /** Legacy storage as issue #2 defines it: cleartext, unsalted or single-iteration, CRYPT_DES, MD5CRYPT, NT, LM. */
  legacy: boolean;
  /** For adaptive schemes below today's minimums: which parameters, against which minimum (said by the catalogues). */
  weakParameters: WeakParameters | null;
  /**
   * Unsalted schemes only: the stored digest as lower-case hex (cleartext: the UTF-8 bytes as hex).
   * Equal keys for the same scheme mean equal passwords; candidates are looked up by `digestHex`.
   */
  unsaltedKey: string | null;
  /** The scheme's parsed data, handed back to `verify`. */
  parsed: unknown;
  /** The descriptor that read the value (registry.ts); null for UNKNOWN. */
  descriptor: ReadableScheme | null;
}

export interface HashScheme {
  readonly name: HashSchemeName;
  readonly storage: StorageKind;
  /** True when the same password always gives the same stored value (cleartext, MD5, SHA…, NT, LM). */
  readonly unsalted: boolean;
  /**
   * Relative cost of one check, MD5 = 1, from the parsed parameters. Used to spend each account's
   * budget of checks on slow schemes.
   */
  cost(parsed: unknown): number;
  /**
   * Memory-hard schemes (scrypt, yescrypt, argon2): the bytes one check allocates, set by the stored value's own
   * parameters (scrypt N=2^17, r=8: 128 MiB). Absent: a few kilobytes at most.
   */
  memoryBytes?(parsed: unknown): number;
  /** Does this candidate produce the stored value? */
  verify(parsed: unknown, candidate: string): boolean | Promise<boolean>;
  /** Unsalted schemes: the digest of a candidate as lower-case hex, comparable with `unsaltedKey`. */
  digestHex?(candidate: string): string;
  /**
   * The stored value for a password, as the directory would hold it (with its `{TAG}` for userPassword,
   * bare hex for NT/LM). Used by the synthetic school generator and by migration. Options are the
   * scheme's parameters (rounds, cost, m/t/p); a random salt unless one is given.
   */
  create(password: string, options?: CreateOptions): string | Promise<string>;
}

export interface CreateOptions {
  salt?: Uint8Array;
  rounds?: number;
  cost?: number;
  memoryKiB?: number;
  timeCost?: number;
  parallelism?: number;
  /** scrypt and yescrypt: log2 of N, the number of blocks. */
  log2N?: number;
  /** scrypt and yescrypt: r, the block size in 128-byte units. */
  blockSize?: number;
}
