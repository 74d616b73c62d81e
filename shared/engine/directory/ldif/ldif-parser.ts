// Reads an LDIF export's content records (RFC 2849) into directory entries, on top of the one LDIF tokeniser
// (engine/ldif/read-lines.ts: bytes in, one chunk at a time, so a 500 MB export never sits in memory at once).
// A base64 value that lost its padding (cut short) is not fatal: the entry carries it as an input problem
// (issue #15 §4), named by its line and attribute; a damaged password value is left out, never audited as if whole.
import { LdifError } from '../../errors.ts';
import { LdifLines, type AttributeDescription } from '../../ldif/read-lines.ts';
import { isPasswordAttribute } from '../model.ts';
import type { DirectoryEntry, PasswordAttribute } from '../model.ts';
import type { EntryWithProblems } from '../read-directory.ts';
import { storedPasswordEnd } from '../stored-password.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

type RecordKind = 'none' | 'version' | 'entry' | 'trailer';
/** An attribute as this reader keys it: whether its values are passwords (bytes) is decided once per description. */
type Attribute = AttributeDescription & { password: boolean };

/** Feed chunks with `push`, then call `end`; each returns the entries the bytes completed. */
export class LdifParser {
  private readonly lines: LdifLines<Attribute>;
  // The record being read.
  private kind: RecordKind = 'none';
  private entry: EntryWithProblems | null = null;
  private entriesSeen = 0;
  private out: DirectoryEntry[] = [];

  constructor(private readonly file: string) {
    this.lines = new LdifLines<Attribute>(
      { line: (attribute, lineNumber) => this.attributeLine(attribute, lineNumber), recordEnd: () => this.closeRecord() },
      (lineNumber, message, code) => new LdifError(file, lineNumber, message, code),
      { describe: (d) => ({ ...d, password: isPasswordAttribute(d.name) }) },
    );
  }

  push(chunk: Uint8Array): DirectoryEntry[] {
    this.lines.push(chunk);
    return this.take();
  }

  end(): DirectoryEntry[] {
    this.lines.end();
    return this.take();
  }

  private take(): DirectoryEntry[] {
    const entries = this.out;
    this.out = [];
    return entries;
  }

  private attributeLine(attribute: Attribute, lineNumber: number): void {
    const { name } = attribute;
    if (this.kind === 'trailer') return;
    if (this.kind === 'none' || this.kind === 'version') {
      if (name === 'dn') {
        this.startEntry(this.lines.value(), lineNumber);
        if (this.lines.cutShort) this.problem(lineNumber, 'dn');
        return;
      }
      if (this.kind === 'none' && name === 'version' && this.entriesSeen === 0) {
        const version = this.lines.value().toString('latin1').trim();
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
      const change = this.lines.value().toString('latin1').trim().toLowerCase();
      if (change === 'add') return;
      throw new LdifError(this.file, lineNumber, `this is a change record ("changetype: ${change.slice(0, 12)}"), not an export: give a file written by slapcat or ldapsearch`, 'LDIF_CHANGE_RECORDS');
    }
    if (name === 'control') return;

    const bytes = this.lines.value();
    const malformed = this.lines.cutShort;
    if (malformed) this.problem(lineNumber, name);
    if (attribute.password) {
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
