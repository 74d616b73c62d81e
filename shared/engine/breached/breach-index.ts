// Reading the local breach index: open once, then look digests up with positioned reads on a file descriptor.
import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { VigieError } from '../errors.ts';
import { BREACH_HASH_KINDS, HASH_BYTES, passwordDigest, type BreachHashKind } from './hash-kind.ts';
import {
  decodeHeader, DROPPED_BYTES, HEADER_BYTES, indexFileName, RECORDS_OFFSET, recordBytes, TABLE_OFFSET,
  type IndexHeader,
} from './index-format.ts';

/** Buckets up to this size are read whole and searched in memory; larger ones by reads. */
const WHOLE_BUCKET_BYTES = 256 * 1024;

export class BreachIndexFile {
  private readonly width: number;
  private readonly keyBytes: number;
  private readonly bounds = Buffer.alloc(16);
  private bucket = Buffer.alloc(64 * 1024);

  constructor(private fd: number, readonly header: IndexHeader) {
    this.width = recordBytes(header.kind);
    this.keyBytes = this.width - 4;
  }

  get kind(): BreachHashKind {
    return this.header.kind;
  }

  get entries(): number {
    return this.header.entries;
  }

  /** How many times HIBP saw this digest; 0 when it is not in the corpus. */
  count(digest: Uint8Array): number {
    if (digest.length !== HASH_BYTES[this.kind]) throw new RangeError(`a ${this.kind} digest has ${HASH_BYTES[this.kind]} bytes`);
    const prefix = (digest[0]! << 12) | (digest[1]! << 4) | (digest[2]! >>> 4);
    readFully(this.fd, this.bounds, 16, TABLE_OFFSET + prefix * 8);
    const first = Number(this.bounds.readBigUInt64LE(0));
    const end = Number(this.bounds.readBigUInt64LE(8));
    const n = end - first;
    if (n <= 0) return 0;
    const key = digest.subarray(DROPPED_BYTES);
    const base = RECORDS_OFFSET + first * this.width;
    if (n * this.width <= WHOLE_BUCKET_BYTES) {
      if (this.bucket.length < n * this.width) this.bucket = Buffer.alloc(WHOLE_BUCKET_BYTES);
      readFully(this.fd, this.bucket, n * this.width, base);
      return this.search(n, key, (i) => this.bucket.subarray(i * this.width, (i + 1) * this.width));
    }
    const one = Buffer.alloc(this.width);
    return this.search(n, key, (i) => {
      readFully(this.fd, one, this.width, base + i * this.width);
      return one;
    });
  }

  private search(n: number, key: Uint8Array, record: (i: number) => Buffer): number {
    let lo = 0;
    let hi = n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const r = record(mid);
      const c = Buffer.compare(r.subarray(0, this.keyBytes), key);
      if (c === 0) return r.readUInt32LE(this.keyBytes);
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}

function readFully(fd: number, buf: Buffer, length: number, position: number): void {
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, position + done);
    if (n === 0) throw new VigieError('The breach index ends early: it is damaged; import the HIBP files again.', undefined, { code: 'BREACH_INDEX_DAMAGED' });
    done += n;
  }
}

/** The index of one kind in `dir`, or null when there is none. A damaged file is an error that says so. */
export function openIndexFile(dir: string, kind: BreachHashKind): BreachIndexFile | null {
  const file = path.join(dir, indexFileName(kind));
  if (!existsSync(file)) return null;
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(HEADER_BYTES);
    const got = readSync(fd, head, 0, HEADER_BYTES, 0);
    const header = got === HEADER_BYTES ? decodeHeader(head, kind) : 'too short';
    if (typeof header === 'string') throw new VigieError(`${file}: ${header}`, 'import the HIBP files again (vigie breached import)', { code: 'BREACH_INDEX_DAMAGED', params: { file } });
    const expected = RECORDS_OFFSET + header.entries * recordBytes(kind);
    if (fstatSync(fd).size !== expected) {
      throw new VigieError(`${file}: the breach index is damaged (wrong size)`, 'import the HIBP files again (vigie breached import)', { code: 'BREACH_INDEX_DAMAGED', params: { file } });
    }
    return new BreachIndexFile(fd, header);
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

/** Both kinds' indexes, whichever exist. */
export class BreachIndex {
  private constructor(readonly files: Partial<Record<BreachHashKind, BreachIndexFile>>) {}

  static open(dir: string): BreachIndex | null {
    const files: Partial<Record<BreachHashKind, BreachIndexFile>> = {};
    try {
      for (const kind of BREACH_HASH_KINDS) {
        const f = openIndexFile(dir, kind);
        if (f) files[kind] = f;
      }
    } catch (e) {
      for (const f of Object.values(files)) f.close();
      throw e;
    }
    return Object.keys(files).length > 0 ? new BreachIndex(files) : null;
  }

  has(kind: BreachHashKind): boolean {
    return this.files[kind] !== undefined;
  }

  /** Count of a stored digest (hex, any case) of this kind; 0 when absent or when that kind has no index. */
  countDigestHex(kind: BreachHashKind, hex: string): number {
    const f = this.files[kind];
    if (!f || hex.length !== 2 * HASH_BYTES[kind]) return 0;
    return f.count(Buffer.from(hex, 'hex'));
  }

  /** Count of a password: SHA-1 when that index exists, else NTLM. Call it where the password already is. */
  countPassword(password: string): number {
    for (const kind of BREACH_HASH_KINDS) {
      const f = this.files[kind];
      if (f) return f.count(passwordDigest(kind, password));
    }
    return 0;
  }

  close(): void {
    for (const f of Object.values(this.files)) f.close();
  }
}

/** What a report says about the index a scan used. */
export interface BreachIndexStatus {
  present: boolean;
  sha1Entries?: number;
  ntlmEntries?: number;
  importedAt?: string;
}

export function statusOf(index: BreachIndex | null): BreachIndexStatus {
  if (!index) return { present: false };
  const status: BreachIndexStatus = { present: true };
  let latest = '';
  for (const kind of BREACH_HASH_KINDS) {
    const f = index.files[kind];
    if (!f) continue;
    status[kind === 'sha1' ? 'sha1Entries' : 'ntlmEntries'] = f.entries;
    if (f.header.meta.importedAt > latest) latest = f.header.meta.importedAt;
  }
  if (latest) status.importedAt = latest;
  return status;
}

export function breachIndexStatus(dir: string): BreachIndexStatus {
  const index = BreachIndex.open(dir);
  try {
    return statusOf(index);
  } finally {
    index?.close();
  }
}

