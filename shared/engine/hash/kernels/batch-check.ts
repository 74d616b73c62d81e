// The audit's side of the kernels: candidates go in one at a time, are hashed a batch at a time, and only hits
// come out. `UnsaltedLookup` checks every candidate against all accounts' unsalted values at once; `saltedCheck`
// checks one account's salted value (SSHA…, md5crypt, sha-crypt) a batch at a time.
import type { HashSchemeName } from '../../../contract/codes.ts';
import { schemeByName } from '../classify.ts';
import type { StoredHash } from '../scheme.ts';
import { CandidateBatch } from './batch.ts';
import { kernel } from './index.ts';
import type { CryptKind, HashKernel, KernelAlgorithm, TargetSet } from './kernel.ts';

export const BATCH_SIZE = 4096;

/** Unsalted schemes the kernels hash; the others (CLEARTEXT, SHA384) keep their scheme's digestHex. */
const KERNEL_ALGORITHM: Partial<Record<HashSchemeName, KernelAlgorithm>> = {
  MD5: 'MD5', SHA: 'SHA1', SHA256: 'SHA256', SHA512: 'SHA512', NT: 'NT', LM: 'LM',
};

interface KernelTarget {
  algorithm: KernelAlgorithm;
  targets: TargetSet;
  accounts: Map<string, number[]>;
  batch: CandidateBatch;
}

/** Candidates checked against many accounts' unsalted digests: `onHit(item, accounts)` for each match. */
export class UnsaltedLookup<T extends { password: string }> {
  private readonly fast: KernelTarget[] = [];
  private readonly slow: { digestHex: (c: string) => string; accounts: Map<string, number[]> }[] = [];
  private readonly items: T[] = [];
  private readonly k: HashKernel = kernel();

  constructor(index: ReadonlyMap<HashSchemeName, Map<string, number[]>>, private readonly onHit: (item: T, accounts: number[]) => boolean | void) {
    for (const [name, accounts] of index) {
      const algorithm = KERNEL_ALGORITHM[name];
      if (algorithm) {
        const digests = [...accounts.keys()].map((hex) => Buffer.from(hex, 'hex'));
        this.fast.push({ algorithm, accounts, targets: this.k.targets(algorithm, digests), batch: new CandidateBatch(BATCH_SIZE, algorithm === 'LM' ? 'lm' : 'utf8') });
      } else this.slow.push({ digestHex: schemeByName(name).digestHex!, accounts });
    }
  }

  /** Which tier hashes the candidates. */
  get tier(): string {
    return `${this.k.tier} (${this.k.isa})`;
  }

  /** Returns true when `onHit` asked to stop (a single-account check that found its password). */
  push(item: T): boolean {
    for (const s of this.slow) {
      const hits = s.accounts.get(s.digestHex(item.password));
      if (hits && this.onHit(item, hits) === true) return true;
    }
    if (this.fast.length === 0) return false;
    this.items.push(item);
    for (const f of this.fast) f.batch.push(item.password);
    return this.items.length >= BATCH_SIZE ? this.flush() : false;
  }

  flush(): boolean {
    let stop = false;
    // Hits by candidate, in candidate order across schemes, so that the first candidate found is the earliest.
    const found: { i: number; accounts: number[] }[] = [];
    for (const f of this.fast) {
      const digests = f.batch;
      for (const i of this.k.match(f.targets, digests)) {
        const hex = Buffer.from(this.k.digest(f.algorithm, singleton(digests, i, f.algorithm))).toString('hex');
        const accounts = f.accounts.get(hex);
        if (accounts) found.push({ i, accounts });
      }
      f.batch.clear();
    }
    found.sort((a, b) => a.i - b.i);
    for (const { i, accounts } of found) {
      if (this.onHit(this.items[i]!, accounts) === true) {
        stop = true;
        break;
      }
    }
    this.items.length = 0;
    return stop;
  }
}

/** A batch of one candidate, to name the digest of a hit (hits are rare). */
function singleton(batch: CandidateBatch, i: number, algorithm: KernelAlgorithm): CandidateBatch {
  const one = new CandidateBatch(1, algorithm === 'LM' ? 'lm' : 'utf8');
  one.push(batch.strings[i]!);
  return one;
}

interface DigestParsed {
  digest: Uint8Array;
  salt: Uint8Array;
}
interface CryptParsed {
  salt: string;
  hash: string;
  rounds?: number;
}

const SALTED: Partial<Record<HashSchemeName, KernelAlgorithm>> = { SMD5: 'MD5', SSHA: 'SHA1', SSHA256: 'SHA256', SSHA512: 'SHA512' };
const CRYPT: Partial<Record<HashSchemeName, CryptKind>> = { MD5CRYPT: 'MD5CRYPT', SHA256CRYPT: 'SHA256CRYPT', SHA512CRYPT: 'SHA512CRYPT' };

/**
 * A batch verifier for one stored salted value: the index of the first candidate of the batch that gives it, or
 * -1. Null for schemes the kernels do not cover (bcrypt, argon2…: their own verify).
 */
export function saltedCheck(stored: StoredHash): ((batch: CandidateBatch) => number) | null {
  const k = kernel();
  const algorithm = SALTED[stored.scheme];
  if (algorithm) {
    const p = stored.parsed as DigestParsed;
    const targets = k.targets(algorithm, [p.digest]);
    return (batch) => {
      const hits = k.match(targets, batch, p.salt);
      return hits.length ? hits[0]! : -1;
    };
  }
  const kind = CRYPT[stored.scheme];
  if (kind) {
    const p = stored.parsed as CryptParsed;
    return (batch) => k.crypt(kind, batch, p.salt, p.rounds ?? 1000, p.hash);
  }
  return null;
}
