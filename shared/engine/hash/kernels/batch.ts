// Candidates packed for the kernels: one byte buffer, one offsets array, reused from batch to batch, so hashing
// a million candidates allocates nothing per candidate. UTF-8 for every algorithm but LM, which hashes 14
// upper-cased CP850 bytes (an empty slot when the candidate has no LM hash).
import { lmOemInto } from '../schemes/lm.ts';

export type BatchEncoding = 'utf8' | 'lm';

const encoder = new TextEncoder();

export class CandidateBatch {
  bytes: Uint8Array;
  offsets: Uint32Array;
  count = 0;
  /** The candidates themselves, for the reference tier and for naming a hit. */
  readonly strings: string[] = [];
  private end = 0;

  constructor(readonly capacity = 4096, readonly encoding: BatchEncoding = 'utf8') {
    this.bytes = new Uint8Array(capacity * 16);
    this.offsets = new Uint32Array(capacity + 1);
  }

  get full(): boolean {
    return this.count >= this.capacity;
  }

  clear(): void {
    this.strings.length = 0;
    this.count = 0;
    this.end = 0;
  }

  push(candidate: string): void {
    if (this.count >= this.capacity) throw new RangeError('CandidateBatch is full');
    // Worst case 3 UTF-8 bytes per UTF-16 unit; LM always 14.
    const room = this.encoding === 'lm' ? 14 : candidate.length * 3;
    if (this.end + room > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.end + room));
      grown.set(this.bytes.subarray(0, this.end));
      this.bytes = grown;
    }
    if (this.encoding === 'lm') {
      if (lmOemInto(candidate, this.bytes, this.end)) this.end += 14;
    } else {
      // ASCII, nearly every candidate: byte by byte, no subarray allocated; anything else through TextEncoder.
      const bytes = this.bytes;
      const end = this.end;
      let i = 0;
      for (; i < candidate.length; i++) {
        const code = candidate.charCodeAt(i);
        if (code >= 0x80) break;
        bytes[end + i] = code;
      }
      this.end += i === candidate.length ? i : encoder.encodeInto(candidate, bytes.subarray(end)).written;
    }
    this.strings.push(candidate);
    this.count++;
    this.offsets[this.count] = this.end;
  }

  /** The bytes of candidate i (UTF-8, or LM's 14 bytes, empty when it has none). */
  at(i: number): Uint8Array {
    return this.bytes.subarray(this.offsets[i]!, this.offsets[i + 1]!);
  }
}
