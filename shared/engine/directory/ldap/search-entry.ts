// A SearchResultEntry (RFC 4511 §4.5.2) read straight from the message bytes into a DirectoryEntry.
// ldapts makes a Buffer view, a TextDecoder call and an object per value, then an object per entry that
// toDirectoryEntry walks again: ~80 % of a large read's CPU. Here each value is looked at once: text is
// checked as UTF-8 in place and sliced into a string, password values are copied out, and the few attribute
// names a directory uses are recognised by their bytes, so they are decoded and lower-cased once.
// The result is what toDirectoryEntry gives for ldapts's entry (to-directory-entry.ts), value for value.
import { isPasswordAttribute, type DirectoryEntry, type PasswordAttribute } from '../model.ts';
import { BER_OCTET_STRING, BER_SEQUENCE, BER_SET, MalformedBerError, lengthFieldSize, readLength } from './ber.ts';
import { storedPasswordEnd } from '../stored-password.ts';
import { attributeName } from './to-directory-entry.ts';

// Node's Buffer has had these since its first releases (undocumented, used by its own toString): they skip
// toString's lookup of the encoding, which shows at a million values.
type SlicingBuffer = Buffer & {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
};

/** What an attribute description (the bytes of `userPassword;binary`, say) means to the audit. */
interface AttributeSlot {
  bytes: Uint8Array;
  /** Lower-cased, options dropped. */
  name: string;
  password: PasswordAttribute | undefined;
  /** `;binary` values are not text, whatever their bytes (ldapts hands them over as Buffers). */
  binary: boolean;
}

// A directory whose descriptions never repeat (options with counters) must not grow the table forever.
const SLOTS_KEPT = 256;
const BYTE_ORDER_MARK = '\ufeff';
const REPLACEMENT_CHARACTER = '\ufffd';

/** One per connection: it learns the attribute descriptions the server sends. */
export class SearchEntryDecoder {
  /** Whether this Node's Buffer has the slicing methods the decoder relies on (every Node so far has). */
  static supported(): boolean {
    const prototype = Buffer.prototype as Partial<SlicingBuffer>;
    return typeof prototype.latin1Slice === 'function' && typeof prototype.utf8Slice === 'function';
  }

  private slots: AttributeSlot[] = [];
  // Where the content of the last field read starts: kept here so reading a field allocates nothing.
  private contentStart = 0;
  // A plain Uint8Array over the last message's memory: its slice() copies small values into V8's heap,
  // ten times cheaper than a Buffer's own ArrayBuffer copy. Many entries share one socket read.
  private source: Buffer | undefined;
  private plain: Uint8Array = new Uint8Array(0);

  /**
   * The entry whose SearchResultEntry content (what follows the [APPLICATION 4] tag and length) lies in
   * bytes[start, end). Throws MalformedBerError when the bytes are not a well-formed entry.
   */
  decode(message: Buffer, start: number, end: number): DirectoryEntry {
    const bytes = message as SlicingBuffer;
    if (message !== this.source) {
      this.source = message;
      this.plain = new Uint8Array(message.buffer, message.byteOffset, message.byteLength);
    }
    const dnEnd = this.field(bytes, start, end, BER_OCTET_STRING);
    const dn = anyText(bytes, this.contentStart, dnEnd);
    const listEnd = this.field(bytes, dnEnd, end, BER_SEQUENCE);
    const attrs = new Map<string, string[]>();
    const passwords = new Map<PasswordAttribute, Uint8Array[]>();
    let at = this.contentStart;
    let index = 0;
    while (at < listEnd) {
      const attributeEnd = this.field(bytes, at, listEnd, BER_SEQUENCE);
      const typeEnd = this.field(bytes, this.contentStart, attributeEnd, BER_OCTET_STRING);
      const slot = this.slot(bytes, this.contentStart, typeEnd, index);
      index += 1;
      at = attributeEnd;
      // ldapts reads an attribute without its value set as one without values; so does the audit.
      if (typeEnd === attributeEnd) continue;
      const setEnd = this.field(bytes, typeEnd, attributeEnd, BER_SET);
      let valueAt = this.contentStart;
      if (valueAt === setEnd) continue;
      if (slot.password !== undefined) {
        const list = passwords.get(slot.password) ?? [];
        while (valueAt < setEnd) {
          const valueEnd = this.field(bytes, valueAt, setEnd, BER_OCTET_STRING);
          list.push(passwordBytes(this.plain, this.contentStart, valueEnd));
          valueAt = valueEnd;
        }
        passwords.set(slot.password, list);
        continue;
      }
      if (slot.binary) continue;
      let list = attrs.get(slot.name);
      while (valueAt < setEnd) {
        const valueEnd = this.field(bytes, valueAt, setEnd, BER_OCTET_STRING);
        const text = utf8Text(bytes, this.contentStart, valueEnd);
        // Values that are not UTF-8 (photos, certificates) say nothing about passwords: they are left out.
        if (text !== undefined) {
          if (list === undefined) attrs.set(slot.name, (list = []));
          list.push(text);
        }
        valueAt = valueEnd;
      }
    }
    return { dn, attrs, bytes: passwords };
  }

  /** Checks the tag at `at`, reads the length; returns where the field ends, its content start in contentStart. */
  private field(bytes: Uint8Array, at: number, limit: number, tag: number): number {
    if (at >= limit) throw new MalformedBerError('a search entry ends too early');
    if (bytes[at] !== tag) {
      throw new MalformedBerError(`a search entry holds tag 0x${(bytes[at] as number).toString(16)} where 0x${tag.toString(16)} belongs`);
    }
    const length = readLength(bytes, at + 1, limit);
    const contentStart = at + 1 + lengthFieldSize(bytes[at + 1] as number);
    if (length < 0 || contentStart + length > limit) throw new MalformedBerError('a search entry field runs past its end');
    this.contentStart = contentStart;
    return contentStart + length;
  }

  /** The slot for the description in bytes[start, end); the server repeats its order, so `index` is tried first. */
  private slot(bytes: SlicingBuffer, start: number, end: number, index: number): AttributeSlot {
    const guess = this.slots[index];
    if (guess !== undefined && sameBytes(guess.bytes, bytes, start, end)) return guess;
    for (const known of this.slots) {
      if (sameBytes(known.bytes, bytes, start, end)) return known;
    }
    const type = anyText(bytes, start, end);
    const name = attributeName(type);
    const slot: AttributeSlot = {
      bytes: new Uint8Array(bytes.subarray(start, end)),
      name,
      password: isPasswordAttribute(name) ? (name as PasswordAttribute) : undefined,
      binary: /;binary$/i.test(type),
    };
    if (this.slots.length >= SLOTS_KEPT) this.slots = [];
    this.slots.push(slot);
    return slot;
  }
}

function sameBytes(known: Uint8Array, bytes: Uint8Array, start: number, end: number): boolean {
  if (known.length !== end - start) return false;
  for (let i = 0; i < known.length; i++) {
    if (known[i] !== bytes[start + i]) return false;
  }
  return true;
}

/** A DN or a description: UTF-8, with U+FFFD for bad bytes, as ldapts reads them. */
function anyText(bytes: SlicingBuffer, start: number, end: number): string {
  return isAscii(bytes, start, end) ? bytes.latin1Slice(start, end) : bytes.utf8Slice(start, end);
}

/** A value as ldapts's fatal TextDecoder would give it (a leading byte order mark dropped), or undefined when it is not UTF-8. */
function utf8Text(bytes: SlicingBuffer, start: number, end: number): string | undefined {
  if (isAscii(bytes, start, end)) return bytes.latin1Slice(start, end);
  const text = bytes.utf8Slice(start, end);
  // Node puts U+FFFD for each bad sequence; only then is it worth telling a bad value from a real U+FFFD.
  if (text.includes(REPLACEMENT_CHARACTER) && !isWellFormedUtf8(bytes, start, end)) return undefined;
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
}

function isAscii(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    if ((bytes[i] as number) >= 0x80) return false;
  }
  return true;
}

/** UTF-8 as the Encoding Standard accepts it: no overlong forms, no surrogates, nothing above U+10FFFF. */
export function isWellFormedUtf8(bytes: Uint8Array, start: number, end: number): boolean {
  let i = start;
  while (i < end) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    let size: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) size = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      size = 3;
      if (lead === 0xe0) low = 0xa0;
      else if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      size = 4;
      if (lead === 0xf0) low = 0x90;
      else if (lead === 0xf4) high = 0x8f;
    } else return false;
    if (i + size > end) return false;
    const second = bytes[i + 1] as number;
    if (second < low || second > high) return false;
    for (let k = 2; k < size; k++) {
      const next = bytes[i + k] as number;
      if (next < 0x80 || next > 0xbf) return false;
    }
    i += size;
  }
  return true;
}

/** A copy (the socket's buffer is reused), without the padding slapd's argon2 module stores. */
function passwordBytes(bytes: Uint8Array, start: number, end: number): Uint8Array {
  return bytes.slice(start, storedPasswordEnd(bytes, start, end));
}
