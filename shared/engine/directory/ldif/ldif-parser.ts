// An incremental LDIF (RFC 2849) parser: bytes in, entries out, one chunk at a time, so a 500 MB
// export never sits in memory at once. Works on bytes, not text, because a password value is bytes.
// A base64 value that lost its padding (cut short) is not fatal: the entry carries it as an input problem
// (issue #15 §4), named by its line and attribute; a damaged password value is left out, never audited as if whole.
import { LdifError } from '../../errors.ts';
import { isPasswordAttribute } from '../model.ts';
import type { DirectoryEntry, PasswordAttribute } from '../model.ts';
import type { EntryWithProblems } from '../read-directory.ts';
import { storedPasswordEnd } from '../stored-password.ts';

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const HASH = 0x23;
const COLON = 0x3a;
const LESS_THAN = 0x3c;

// attribute type: a name or an OID, then options (`;binary`, `;lang-fr`) that Vigie drops.
const ATTRIBUTE_DESCRIPTION = /^(?:[A-Za-z][A-Za-z0-9-]*|\d+(?:\.\d+)*)(?:;[A-Za-z0-9-]+)*$/;
const MAX_KNOWN_DESCRIPTIONS = 1000;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

type RecordKind = 'none' | 'version' | 'entry' | 'trailer';

/** Feed chunks with `push`, then call `end`; each returns the entries the bytes completed. */
export class LdifParser {
  // The physical line being split out of chunks.
  private partial: Buffer[] = [];
  private lineNumber = 0;
  private atStart = true;
  // The logical line being unfolded: its parts and the physical line it started on.
  // Its first line stays in the chunk it came in (data, start, end); continuations are views in `logical`.
  private logical: Buffer[] | null = null;
  private pendingData: Buffer | null = null;
  private pendingStart = 0;
  private pendingEnd = 0;
  private logicalLine = 0;
  private inComment = false;
  // The record being read.
  private kind: RecordKind = 'none';
  private entry: EntryWithProblems | null = null;
  // Set by value() when the base64 it decoded had lost its padding.
  private malformed = false;
  private entriesSeen = 0;
  private out: DirectoryEntry[] = [];
  // Attribute descriptions seen so far, parsed once: a file names a few dozen attributes millions of times.
  private readonly descriptions = new Map<string, { name: string; password: boolean }>();

  constructor(private readonly file: string) {}

  push(chunk: Uint8Array): DirectoryEntry[] {
    const data = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (;;) {
      const newline = data.indexOf(LF, start);
      if (newline < 0) break;
      if (this.partial.length > 0) {
        this.partial.push(data.subarray(start, newline));
        const line = Buffer.concat(this.partial);
        this.partial = [];
        this.physicalLine(line, 0, line.length);
      } else {
        this.physicalLine(data, start, newline);
      }
      start = newline + 1;
    }
    if (start < data.length) this.partial.push(data.subarray(start));
    return this.take();
  }

  end(): DirectoryEntry[] {
    if (this.partial.length > 0) {
      const line = Buffer.concat(this.partial);
      this.partial = [];
      this.physicalLine(line, 0, line.length);
    }
    this.closeLogicalLine();
    this.closeRecord();
    return this.take();
  }

  private take(): DirectoryEntry[] {
    const entries = this.out;
    this.out = [];
    return entries;
  }

  /** One line of `data`, from `start` to `end` (its line feed excluded). Offsets spare a Buffer per line. */
  private physicalLine(data: Buffer, start: number, end: number): void {
    this.lineNumber += 1;
    if (end > start && data[end - 1] === CR) end -= 1;
    if (this.atStart) {
      this.atStart = false;
      if (data[start] === 0x1f && data[start + 1] === 0x8b) {
        throw new LdifError(this.file, 1, 'this is a gzip-compressed file, not LDIF: decompress it first', 'LDIF_COMPRESSED');
      }
      if (end - start >= 3 && data[start] === 0xef && data[start + 1] === 0xbb && data[start + 2] === 0xbf) start += 3;
    }
    if (end === start) {
      this.closeLogicalLine();
      this.closeRecord();
      return;
    }
    const first = data[start];
    if (first === SPACE) {
      if (this.inComment) return;
      if (this.logical) {
        this.logical.push(data.subarray(start + 1, end));
        return;
      }
      // Stray indentation between records is harmless; a folded line with nothing to continue is not.
      if (this.kind === 'none' && isBlank(data, start, end)) return;
      throw new LdifError(this.file, this.lineNumber, 'this line starts with a space (a folded continuation) but there is no line before it to continue');
    }
    this.closeLogicalLine();
    if (first === HASH) {
      this.inComment = true;
      return;
    }
    this.inComment = false;
    this.logicalLine = this.lineNumber;
    // The common case, a line that is not folded, is parsed in place when the next line shows it complete.
    this.pendingData = data;
    this.pendingStart = start;
    this.pendingEnd = end;
    this.logical = [];
  }

  private closeLogicalLine(): void {
    this.inComment = false;
    const parts = this.logical;
    if (!parts) return;
    this.logical = null;
    const data = this.pendingData!;
    this.pendingData = null;
    if (parts.length === 0) {
      this.attributeLine(data, this.pendingStart, this.pendingEnd, this.logicalLine);
    } else {
      const line = Buffer.concat([data.subarray(this.pendingStart, this.pendingEnd), ...parts]);
      this.attributeLine(line, 0, line.length, this.logicalLine);
    }
  }

  private attributeLine(line: Buffer, start: number, end: number, lineNumber: number): void {
    const colon = line.indexOf(COLON, start);
    if (colon < 0 || colon >= end) {
      // The line itself is never quoted: in a broken file it may be a piece of a password.
      throw new LdifError(this.file, lineNumber, 'no colon on this line: expected "attribute: value" (a folded line that lost its leading space?)');
    }
    const description = line.toString('latin1', start, colon);
    let known = this.descriptions.get(description);
    if (!known) {
      if (!ATTRIBUTE_DESCRIPTION.test(description)) {
        throw new LdifError(this.file, lineNumber, 'the text before the colon is not an attribute name (a folded line that lost its leading space?)');
      }
      const name = description.split(';', 1)[0]!.toLowerCase();
      known = { name, password: isPasswordAttribute(name) };
      if (this.descriptions.size < MAX_KNOWN_DESCRIPTIONS) this.descriptions.set(description, known);
    }
    const { name } = known;

    if (this.kind === 'trailer') return;
    this.malformed = false;
    if (this.kind === 'none' || this.kind === 'version') {
      if (name === 'dn') {
        this.startEntry(this.value(line, colon, end, name, lineNumber), lineNumber);
        if (this.malformed) this.problem(lineNumber, 'dn');
        return;
      }
      if (this.kind === 'none' && name === 'version' && this.entriesSeen === 0) {
        const version = this.value(line, colon, end, name, lineNumber).toString('latin1').trim();
        if (version !== '1') throw new LdifError(this.file, lineNumber, `unsupported LDIF version "${version.slice(0, 10)}" (only version 1 exists)`);
        this.kind = 'version';
        return;
      }
      // ldapsearch without -LLL ends with "search: N / result: 0 Success" and may list "ref:" referrals.
      if (this.kind === 'none' && (name === 'search' || name === 'result' || name === 'ref')) {
        this.kind = 'trailer';
        return;
      }
      throw new LdifError(this.file, lineNumber, `"${name}:" comes before any "dn:" line: every entry must start with its dn`);
    }

    const entry = this.entry!;
    if (name === 'dn') {
      throw new LdifError(this.file, lineNumber, 'a second "dn:" in the same entry: entries must be separated by a blank line');
    }
    if (name === 'changetype') {
      const change = this.value(line, colon, end, name, lineNumber).toString('latin1').trim().toLowerCase();
      if (change === 'add') return;
      throw new LdifError(this.file, lineNumber, `this is a change record ("changetype: ${change.slice(0, 12)}"), not an export: give a file written by slapcat or ldapsearch`, 'LDIF_CHANGE_RECORDS');
    }
    if (name === 'control') return;

    const bytes = this.value(line, colon, end, name, lineNumber);
    const malformed = this.malformed;
    if (malformed) this.problem(lineNumber, name);
    if (known.password) {
      // A cut value would be read as another (shorter salt, unknown scheme): the account keeps the attribute, not the value.
      if (malformed) {
        if (!entry.bytes.has(name as PasswordAttribute)) entry.bytes.set(name as PasswordAttribute, []);
      } else {
        pushTo(entry.bytes, name as PasswordAttribute, withoutTrailingNuls(bytes));
      }
    } else {
      pushTo(entry.attrs, name, bytes.toString('utf8'));
    }
  }

  /** The value's bytes: after "attr:" (spaces skipped) or base64-decoded after "attr::". */
  private value(line: Buffer, colon: number, end: number, name: string, lineNumber: number): Buffer {
    const marker = colon + 1 < end ? line[colon + 1] : undefined;
    if (marker === COLON) {
      let encoded = line.toString('latin1', colon + 2, end);
      if (encoded.includes(' ') || encoded.includes('\t')) encoded = encoded.replace(/[ \t]/g, '');
      if (!BASE64.test(encoded) || encoded.length % 4 === 1) {
        throw new LdifError(this.file, lineNumber, `the base64 value of "${name}" is not valid base64`);
      }
      // Every LDIF writer pads to a multiple of 4: a value that is not was cut short.
      if (encoded.length % 4 !== 0) this.malformed = true;
      return Buffer.from(encoded, 'base64');
    }
    if (marker === LESS_THAN) {
      throw new LdifError(this.file, lineNumber, `"${name}:<" takes its value from a URL, which Vigie does not follow: export the directory with the values inline (slapcat or ldapsearch -LLL)`);
    }
    let start = colon + 1;
    while (start < end && line[start] === SPACE) start += 1;
    return line.subarray(start, end);
  }

  private startEntry(dnBytes: Buffer, lineNumber: number): void {
    let dn: string;
    try {
      dn = strictUtf8.decode(dnBytes);
    } catch {
      throw new LdifError(this.file, lineNumber, 'the dn is not valid UTF-8 text');
    }
    this.kind = 'entry';
    this.entry = { dn: dn.trim(), attrs: new Map(), bytes: new Map(), line: lineNumber };
  }

  /** The current entry's value on this line is malformed base64: named by line and attribute, never by value. */
  private problem(lineNumber: number, attribute: string): void {
    const entry = this.entry;
    this.malformed = false;
    if (!entry) return;
    (entry.inputProblems ??= []).push({ kind: 'MALFORMED_BASE64', line: lineNumber, dn: entry.dn, attribute });
  }

  private closeRecord(): void {
    if (this.kind === 'entry' && this.entry) {
      this.out.push(this.entry);
      this.entriesSeen += 1;
    }
    this.entry = null;
    // "version: 1" alone, then a blank line, then the first entry: the version stays in force.
    this.kind = 'none';
  }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const values = map.get(key);
  if (values) values.push(value);
  else map.set(key, [value]);
}

/** slapd's argon2 module pads its value (see storedPasswordEnd). */
function withoutTrailingNuls(bytes: Buffer): Uint8Array {
  // A copy: the chunk the value was cut from must not stay alive through it.
  return new Uint8Array(bytes.subarray(0, storedPasswordEnd(bytes, 0, bytes.length)));
}

function isBlank(data: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i += 1) if (data[i] !== SPACE && data[i] !== TAB) return false;
  return true;
}
