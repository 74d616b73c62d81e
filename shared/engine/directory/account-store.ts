// The accounts a reader hands to the audit, packed as bytes. A 100,000-account directory as AccountRecord objects
// held about 1 KB each on the heap, and the reader's garbage around them was promoted with them: the main
// thread's heap reached 300 MB before the audit started. Packed, an account takes the bytes of its text and
// stored values plus 12 bytes of index; it becomes an object again only while it is used (classified, sent to a
// worker, named in the report).
import { PROFILES } from '../../contract/codes.ts';
import { PASSWORD_ATTRIBUTES, type AccountRecord, type StoredPassword } from './model.ts';

/** What the audit reads accounts from: an array of records or a store. */
export interface AccountSource {
  readonly length: number;
  at(index: number): AccountRecord | undefined;
}

/** Records are written into slabs of this size (a larger record gets a slab of its own). */
const SLAB_BYTES = 4 * 2 ** 20;
const NO_BIRTH_DATE = 0;

export class AccountStore implements AccountSource, Iterable<AccountRecord> {
  private readonly slabs: Buffer[] = [];
  /** Where record i starts: its slab, its offset in it, its length. */
  private slabOf = new Uint32Array(1024);
  private startOf = new Uint32Array(1024);
  private lengthOf = new Uint32Array(1024);
  private count = 0;
  private slab: Buffer | null = null;
  private used = 0;

  static of(records: Iterable<AccountRecord>): AccountStore {
    const store = new AccountStore();
    for (const r of records) store.push(r);
    return store;
  }

  get length(): number {
    return this.count;
  }

  /** Bytes the records take (the last slab's free tail aside). */
  get byteLength(): number {
    let n = this.used;
    for (let i = 0; i < this.slabs.length - 1; i++) n += this.slabs[i]!.length;
    return n;
  }

  push(record: AccountRecord): void {
    const need = maxEncodedLength(record);
    if (!this.slab || this.used + need > this.slab.length) {
      // The last slab is cut to what it holds: a directory read whole leaves no empty tail behind.
      this.trimLastSlab();
      this.slab = Buffer.allocUnsafeSlow(Math.max(SLAB_BYTES, need));
      this.slabs.push(this.slab);
      this.used = 0;
    }
    if (this.count === this.slabOf.length) this.grow();
    const end = encode(record, this.slab, this.used);
    this.slabOf[this.count] = this.slabs.length - 1;
    this.startOf[this.count] = this.used;
    this.lengthOf[this.count] = end - this.used;
    this.count++;
    this.used = end;
  }

  at(index: number): AccountRecord | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return undefined;
    const start = this.startOf[index]!;
    return decode(this.slabs[this.slabOf[index]!]!, start, start + this.lengthOf[index]!);
  }

  *[Symbol.iterator](): Iterator<AccountRecord> {
    for (let i = 0; i < this.count; i++) yield this.at(i)!;
  }

  toArray(): AccountRecord[] {
    return [...this];
  }

  private grow(): void {
    const size = this.slabOf.length * 2;
    for (const key of ['slabOf', 'startOf', 'lengthOf'] as const) {
      const bigger = new Uint32Array(size);
      bigger.set(this[key]);
      this[key] = bigger;
    }
  }

  private trimLastSlab(): void {
    if (!this.slab || this.used === this.slab.length) return;
    const trimmed = Buffer.allocUnsafeSlow(this.used);
    this.slab.copy(trimmed, 0, 0, this.used);
    this.slabs[this.slabs.length - 1] = trimmed;
    this.slab = trimmed;
  }
}

// ---- the record's bytes: unsigned LEB128 lengths and counts, UTF-8 text, stored values as they are ----

function maxEncodedLength(r: AccountRecord): number {
  const text = (s: string): number => 5 + 3 * s.length;
  let n = text(r.dn) + text(r.login) + 4 + 1 + 3 * 5;
  for (const list of [r.surnames, r.givenNames, r.classes]) for (const s of list) n += text(s);
  for (const p of r.passwords) n += 1 + 5 + p.value.length;
  return n;
}

function encode(r: AccountRecord, out: Buffer, at: number): number {
  let p = at;
  const varint = (n: number): void => {
    while (n >= 0x80) {
      out[p++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    out[p++] = n;
  };
  const text = (s: string): void => {
    const length = Buffer.byteLength(s, 'utf8');
    varint(length);
    p += out.write(s, p, length, 'utf8');
  };
  const list = (items: string[]): void => {
    varint(items.length);
    for (const s of items) text(s);
  };
  text(r.dn);
  text(r.login);
  list(r.surnames);
  list(r.givenNames);
  const b = r.birthDate;
  // year × 512 + month × 32 + day: 0 says "none" (no year 0 in a directory).
  varint(b ? b.year * 512 + b.month * 32 + b.day : NO_BIRTH_DATE);
  out[p++] = PROFILES.indexOf(r.profile);
  list(r.classes);
  varint(r.passwords.length);
  for (const { attribute, value } of r.passwords) {
    out[p++] = PASSWORD_ATTRIBUTES.indexOf(attribute);
    varint(value.length);
    out.set(value, p);
    p += value.length;
  }
  return p;
}

function decode(bytes: Buffer, start: number, end: number): AccountRecord {
  let p = start;
  const varint = (): number => {
    let n = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[p++]!;
      n += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return n;
      shift += 7;
    }
  };
  const text = (): string => {
    const length = varint();
    p += length;
    return bytes.toString('utf8', p - length, p);
  };
  const list = (): string[] => Array.from({ length: varint() }, text);
  const dn = text();
  const login = text();
  const surnames = list();
  const givenNames = list();
  const date = varint();
  const birthDate = date === NO_BIRTH_DATE ? null : { year: Math.floor(date / 512), month: (date >> 5) & 15, day: date & 31 };
  const profile = PROFILES[bytes[p++]!]!;
  const classes = list();
  const passwords: StoredPassword[] = Array.from({ length: varint() }, () => {
    const attribute = PASSWORD_ATTRIBUTES[bytes[p++]!]!;
    const length = varint();
    p += length;
    // A copy: a view would keep the whole slab alive, and sending it to a worker would copy the whole slab.
    return { attribute, value: new Uint8Array(bytes.subarray(p - length, p)) };
  });
  if (p !== end) throw new Error(`account store: record ends at ${p}, expected ${end}`);
  return { dn, login, surnames, givenNames, birthDate, profile, classes, passwords };
}
