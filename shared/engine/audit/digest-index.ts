// Every account's unsalted stored digests, compact: per scheme one byte buffer and two typed arrays, held in
// SharedArrayBuffers and sorted by digest. A regional directory has a million of them: as a Map of hex strings
// to arrays, cloned to each worker thread, they were the audit's largest cost in memory; shared, the workers
// read the main thread's copy and accounts with an equal digest sit side by side.
import type { HashSchemeName } from '../../contract/codes.ts';

/** One scheme's digests, sorted by bytes then account: entry k is `bytes[offsets[k], offsets[k+1])`, held by `accounts[k]`. */
export interface SchemeDigests {
  scheme: HashSchemeName;
  count: number;
  bytes: Uint8Array;
  offsets: Uint32Array;
  accounts: Int32Array;
}

/** Schemes in the order the accounts first use them. Structured-cloneable: posting it shares, never copies. */
export type DigestIndex = SchemeDigests[];

/** Collects (scheme, digest, account) while accounts are classified one by one. */
export class DigestIndexBuilder {
  private readonly schemes = new Map<HashSchemeName, Growing>();

  /** `hex`: the stored value's unsalted key (lower-case hex). An account holding one digest twice counts once. */
  add(scheme: HashSchemeName, hex: string, account: number): void {
    const s = this.schemes.get(scheme) ?? this.schemes.set(scheme, new Growing()).get(scheme)!;
    s.add(hex, account);
  }

  finish(): DigestIndex {
    const out: DigestIndex = [];
    for (const [scheme, s] of this.schemes) out.push(s.sorted(scheme));
    this.schemes.clear();
    return out;
  }
}

class Growing {
  private bytes = Buffer.alloc(1024);
  private offsets = new Uint32Array(65);
  private accounts = new Int32Array(64);
  private count = 0;

  add(hex: string, account: number): void {
    const length = hex.length >>> 1;
    const at = this.offsets[this.count]!;
    if (at + length > this.bytes.length) {
      const bigger = Buffer.alloc(Math.max(at + length, this.bytes.length * 2));
      this.bytes.copy(bigger);
      this.bytes = bigger;
    }
    if (this.count + 1 >= this.accounts.length) {
      this.accounts = grown(this.accounts, this.count + 2);
      this.offsets = grown(this.offsets, this.count + 3);
    }
    this.bytes.write(hex, at, length, 'hex');
    this.accounts[this.count] = account;
    this.count += 1;
    this.offsets[this.count] = at + length;
  }

  sorted(scheme: HashSchemeName): SchemeDigests {
    const { bytes, offsets, accounts } = this;
    const order = new Uint32Array(this.count);
    for (let k = 0; k < order.length; k++) order[k] = k;
    order.sort((a, b) => compareBytes(bytes, offsets[a]!, offsets[a + 1]!, bytes, offsets[b]!, offsets[b + 1]!) || accounts[a]! - accounts[b]!);
    // Sizes first, duplicates (one account, one digest twice) dropped.
    let count = 0;
    let size = 0;
    order.forEach((k, n) => {
      if (n > 0 && this.isSameEntry(order[n - 1]!, k)) return;
      count += 1;
      size += offsets[k + 1]! - offsets[k]!;
    });
    const out: SchemeDigests = {
      scheme,
      count,
      bytes: new Uint8Array(new SharedArrayBuffer(Math.max(size, 1))),
      offsets: new Uint32Array(new SharedArrayBuffer(4 * (count + 1))),
      accounts: new Int32Array(new SharedArrayBuffer(4 * Math.max(count, 1))),
    };
    let e = 0;
    order.forEach((k, n) => {
      if (n > 0 && this.isSameEntry(order[n - 1]!, k)) return;
      const from = offsets[k]!;
      const to = offsets[k + 1]!;
      out.bytes.set(bytes.subarray(from, to), out.offsets[e]!);
      out.accounts[e] = accounts[k]!;
      e += 1;
      out.offsets[e] = out.offsets[e - 1]! + (to - from);
    });
    return out;
  }

  private isSameEntry(a: number, b: number): boolean {
    const { bytes, offsets } = this;
    return this.accounts[a] === this.accounts[b] && compareBytes(bytes, offsets[a]!, offsets[a + 1]!, bytes, offsets[b]!, offsets[b + 1]!) === 0;
  }
}

function grown<T extends Uint32Array | Int32Array>(array: T, atLeast: number): T {
  const next = new (array.constructor as new (n: number) => T)(Math.max(atLeast, array.length * 2));
  next.set(array);
  return next;
}

function compareBytes(a: Uint8Array, aStart: number, aEnd: number, b: Uint8Array, bStart: number, bEnd: number): number {
  const aLength = aEnd - aStart;
  const bLength = bEnd - bStart;
  if (aLength !== bLength) return aLength - bLength;
  for (let i = 0; i < aLength; i++) {
    const d = a[aStart + i]! - b[bStart + i]!;
    if (d !== 0) return d;
  }
  return 0;
}

/** Runs of entries with equal digests: `[start, end)` in entry numbers, in digest order. */
export function* digestRuns(d: SchemeDigests): Generator<[number, number]> {
  let start = 0;
  for (let k = 1; k <= d.count; k++) {
    if (k === d.count || !sameDigest(d, start, k)) {
      yield [start, k];
      start = k;
    }
  }
}

function sameDigest(d: SchemeDigests, a: number, b: number): boolean {
  return compareBytes(d.bytes, d.offsets[a]!, d.offsets[a + 1]!, d.bytes, d.offsets[b]!, d.offsets[b + 1]!) === 0;
}

/**
 * One scheme's digests seen as the `Map<hex, accounts>` the kernels' lookup reads, without building it: `keys()`
 * walks the distinct digests, `get()` binary-searches. Read-only: the setters throw.
 */
export class DigestAccounts extends Map<string, number[]> {
  private readonly distinct: number;

  constructor(private readonly d: SchemeDigests) {
    super();
    let n = 0;
    for (const _ of digestRuns(d)) n++;
    this.distinct = n;
  }

  override get size(): number {
    return this.distinct;
  }

  override get(hex: string): number[] | undefined {
    const key = Buffer.from(hex, 'hex');
    const { d } = this;
    // The first entry whose digest is not below the key.
    let lo = 0;
    let hi = d.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareBytes(d.bytes, d.offsets[mid]!, d.offsets[mid + 1]!, key, 0, key.length) < 0) lo = mid + 1;
      else hi = mid;
    }
    const accounts: number[] = [];
    for (let k = lo; k < d.count && compareBytes(d.bytes, d.offsets[k]!, d.offsets[k + 1]!, key, 0, key.length) === 0; k++) {
      accounts.push(d.accounts[k]!);
    }
    return accounts.length > 0 ? accounts : undefined;
  }

  override has(hex: string): boolean {
    return this.get(hex) !== undefined;
  }

  override *keys(): MapIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  override *values(): MapIterator<number[]> {
    for (const [, accounts] of this.entries()) yield accounts;
  }

  override *entries(): MapIterator<[string, number[]]> {
    const { d } = this;
    const view = Buffer.from(d.bytes.buffer, d.bytes.byteOffset, d.bytes.byteLength);
    for (const [start, end] of digestRuns(d)) {
      yield [view.toString('hex', d.offsets[start]!, d.offsets[start + 1]!), Array.from(d.accounts.subarray(start, end))];
    }
  }

  override [Symbol.iterator](): MapIterator<[string, number[]]> {
    return this.entries();
  }

  override forEach(callback: (value: number[], key: string, map: Map<string, number[]>) => void, thisArg?: unknown): void {
    for (const [key, accounts] of this.entries()) callback.call(thisArg, accounts, key, this);
  }

  override set(key: string, value?: number[]): this {
    void key;
    void value;
    throw new Error('DigestAccounts is read-only');
  }

  override delete(key: string): boolean {
    void key;
    throw new Error('DigestAccounts is read-only');
  }

  override clear(): void {
    throw new Error('DigestAccounts is read-only');
  }
}
