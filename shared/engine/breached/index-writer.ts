// Writes an index file while records arrive in hash order: records go straight to their final place after
// the header and prefix table, so finishing needs no copy; the table and header are written last. The
// partial file plus a checkpoint's `records` and `prefix` is enough to continue after an interruption.
import { closeSync, fsyncSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';
import { VigieError } from '../errors.ts';
import { HASH_BYTES, PREFIX_COUNT, type BreachHashKind } from './hash-kind.ts';
import {
  DROPPED_BYTES, encodeHeader, RECORDS_OFFSET, recordBytes, TABLE_OFFSET, type IndexMetadata,
} from './index-format.ts';

const BUFFERED_RECORDS = 1 << 16;

export type AddOutcome = 'added' | 'duplicate' | 'unordered';

/** Where a partial index stands, as a checkpoint records it. */
export interface WriterState {
  records: number;
  /** The last prefix with a record (-1: none yet). Table entries up to it are on disk. */
  prefix: number;
  /** Hex of the last digest added, to keep checking the order after a resume. */
  last: string;
}

export class IndexWriter {
  private readonly width: number;
  private readonly table = new Float64Array(PREFIX_COUNT + 1);
  private readonly buffer: Buffer;
  private buffered = 0;
  private records: number;
  private prefix: number;
  /** Table entries [0, tableOnDisk) are already written. */
  private tableOnDisk: number;
  private readonly last: Buffer;
  private fd: number;

  private constructor(private readonly file: string, readonly kind: BreachHashKind, state: WriterState, fresh: boolean) {
    this.width = recordBytes(kind);
    this.buffer = Buffer.alloc(this.width * BUFFERED_RECORDS);
    this.records = state.records;
    this.prefix = state.prefix;
    this.tableOnDisk = state.prefix + 1;
    this.last = state.last ? Buffer.from(state.last, 'hex') : Buffer.alloc(HASH_BYTES[kind]);
    this.fd = guard(file, () => openSync(file, fresh ? 'w+' : 'r+', 0o600));
    guard(file, () => ftruncateSync(this.fd, RECORDS_OFFSET + this.records * this.width));
    if (this.tableOnDisk > 0) {
      const bytes = Buffer.alloc(this.tableOnDisk * 8);
      readSync(this.fd, bytes, 0, bytes.length, TABLE_OFFSET);
      for (let p = 0; p < this.tableOnDisk; p++) this.table[p] = Number(bytes.readBigUInt64LE(p * 8));
    }
  }

  static create(file: string, kind: BreachHashKind): IndexWriter {
    return new IndexWriter(file, kind, { records: 0, prefix: -1, last: '' }, true);
  }

  static resume(file: string, kind: BreachHashKind, state: WriterState): IndexWriter {
    return new IndexWriter(file, kind, state, false);
  }

  get count(): number {
    return this.records + this.buffered;
  }

  /** Adds the next digest (full length) with its count, if it comes after the previous one. */
  add(digest: Buffer, count: number): AddOutcome {
    const n = this.records + this.buffered;
    if (n > 0) {
      const c = Buffer.compare(digest, this.last);
      if (c === 0) return 'duplicate';
      if (c < 0) return 'unordered';
    }
    const prefix = (digest[0]! << 12) | (digest[1]! << 4) | (digest[2]! >>> 4);
    while (this.prefix < prefix) this.table[++this.prefix] = n;
    const at = this.buffered * this.width;
    digest.copy(this.buffer, at, DROPPED_BYTES);
    this.buffer.writeUInt32LE(count, at + this.width - 4);
    digest.copy(this.last);
    if (++this.buffered === BUFFERED_RECORDS) this.flushRecords();
    return 'added';
  }

  private flushRecords(): void {
    if (this.buffered === 0) return;
    const length = this.buffered * this.width;
    writeAll(this.file, this.fd, this.buffer, length, RECORDS_OFFSET + this.records * this.width);
    this.records += this.buffered;
    this.buffered = 0;
  }

  private flushTable(upTo: number): void {
    if (upTo <= this.tableOnDisk) return;
    const bytes = Buffer.alloc((upTo - this.tableOnDisk) * 8);
    for (let p = this.tableOnDisk; p < upTo; p++) bytes.writeBigUInt64LE(BigInt(this.table[p]!), (p - this.tableOnDisk) * 8);
    writeAll(this.file, this.fd, bytes, bytes.length, TABLE_OFFSET + this.tableOnDisk * 8);
    this.tableOnDisk = upTo;
  }

  /** Puts everything so far on disk and says where it stands, for a checkpoint. */
  checkpoint(): WriterState {
    this.flushRecords();
    this.flushTable(this.prefix + 1);
    guard(this.file, () => fsyncSync(this.fd));
    return { records: this.records, prefix: this.prefix, last: this.records > 0 ? this.last.toString('hex') : '' };
  }

  /** Completes the table and writes the header; the file is then a whole index. */
  finish(meta: IndexMetadata): number {
    this.flushRecords();
    while (this.prefix < PREFIX_COUNT) this.table[++this.prefix] = this.records;
    this.flushTable(PREFIX_COUNT + 1);
    const header = encodeHeader({ kind: this.kind, entries: this.records, meta });
    writeAll(this.file, this.fd, header, header.length, 0);
    guard(this.file, () => fsyncSync(this.fd));
    this.close();
    return this.records;
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}

function writeAll(file: string, fd: number, buf: Buffer, length: number, position: number): void {
  let done = 0;
  while (done < length) done += guard(file, () => writeSync(fd, buf, done, length - done, position + done));
}

/** A file-system failure as one line: a full disk is the likely one on a 20 GB import. */
function guard<T>(file: string, action: () => T): T {
  try {
    return action();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'ENOSPC') throw new VigieError(`No space left on the disk for ${file}`, 'free some space, then run the same import again: it continues where it stopped', { code: 'DISK_FULL', params: { file } });
    throw new VigieError(`Cannot write the breach index ${file} (${code})`, undefined, { code: 'CANNOT_WRITE', params: { file } });
  }
}
