// The local breach index, one file per hash kind (`sha1.vbi`, `ntlm.vbi`):
//   header (4 KiB)  magic, version, kind, widths, entry count, then JSON metadata;
//   prefix table    2^20 + 1 little-endian uint64: index of the first record of each 5-hex prefix;
//   records         sorted, fixed width: the digest without its first two bytes, then the count as uint32 LE.
// The prefix table makes a lookup one read of 16 bytes plus one read of a bucket (~1,000 records for the
// real corpus), searched in memory: no mmap, no load time, and a size close to the raw digests.
import { PREFIX_COUNT, HASH_BYTES, type BreachHashKind } from './hash-kind.ts';

export const MAGIC = 'VIGIEBRX';
export const FORMAT_VERSION = 1;
export const HEADER_BYTES = 4096;
export const TABLE_OFFSET = HEADER_BYTES;
export const TABLE_BYTES = (PREFIX_COUNT + 1) * 8;
export const RECORDS_OFFSET = TABLE_OFFSET + TABLE_BYTES;
/** Leading digest bytes a record leaves out: the bucket already says them (and 4 bits more). */
export const DROPPED_BYTES = 2;
export const COUNT_BYTES = 4;

export function recordBytes(kind: BreachHashKind): number {
  return HASH_BYTES[kind] - DROPPED_BYTES + COUNT_BYTES;
}

export function indexFileName(kind: BreachHashKind): string {
  return `${kind}.vbi`;
}

/** What the header's JSON says about the import. Never a hash. */
export interface IndexMetadata {
  importedAt: string;
  /** The file or folder imported, as given. */
  source: string;
  layout: 'file' | 'prefix-files';
  lines: number;
  badLines: number;
  /** Lines with count 0 (HIBP's padding): skipped. */
  padding: number;
}

export interface IndexHeader {
  kind: BreachHashKind;
  entries: number;
  meta: IndexMetadata;
}

export function encodeHeader(h: IndexHeader): Buffer {
  const buf = Buffer.alloc(HEADER_BYTES);
  buf.write(MAGIC, 0, 'latin1');
  buf.writeUInt32LE(FORMAT_VERSION, 8);
  buf.writeUInt32LE(h.kind === 'sha1' ? 1 : 2, 12);
  buf.writeUInt32LE(HASH_BYTES[h.kind], 16);
  buf.writeUInt32LE(recordBytes(h.kind), 20);
  buf.writeBigUInt64LE(BigInt(h.entries), 24);
  const meta = Buffer.from(JSON.stringify(h.meta), 'utf8');
  if (meta.length > HEADER_BYTES - 40) throw new RangeError('index metadata too long');
  buf.writeUInt32LE(meta.length, 32);
  meta.copy(buf, 40);
  return buf;
}

/** The header, or a reason it cannot be read (not an index, another version, another kind). */
export function decodeHeader(buf: Buffer, expected: BreachHashKind): IndexHeader | string {
  if (buf.length < HEADER_BYTES || buf.toString('latin1', 0, 8) !== MAGIC) return 'not a Vigie breach index';
  if (buf.readUInt32LE(8) !== FORMAT_VERSION) return `index format ${buf.readUInt32LE(8)} (this Vigie reads ${FORMAT_VERSION})`;
  const kind: BreachHashKind = buf.readUInt32LE(12) === 1 ? 'sha1' : 'ntlm';
  if (kind !== expected || buf.readUInt32LE(20) !== recordBytes(kind)) return `holds ${kind} records, not ${expected}`;
  const entries = Number(buf.readBigUInt64LE(24));
  const length = buf.readUInt32LE(32);
  try {
    const meta = JSON.parse(buf.toString('utf8', 40, 40 + length)) as IndexMetadata;
    return { kind, entries, meta };
  } catch {
    return 'its header is damaged';
  }
}
