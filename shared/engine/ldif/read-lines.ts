// The one LDIF (RFC 2849) tokeniser: bytes in, one chunk at a time, "attribute: value" lines and record ends out.
// It knows the syntax every LDIF file shares — line feeds (CRLF too), a UTF-8 byte order mark, comments (folded
// ones included), folding, blank lines between records, `attr:: base64`, `attr:< URL` (refused) and the attribute
// description — and nothing of what the records mean: the directory reader (directory/ldif/ldif-parser.ts) builds
// content entries on top, the plan reader (migration/ldif-parse.ts) change records.
// Works on bytes, not text, because a password value is bytes; a 500 MB export never sits in memory at once.
// No error quotes a line: in a broken file it may be a piece of a password.
import type { ErrorCode } from '../../contract/errors.ts';

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const HASH = 0x23;
const COLON = 0x3a;
const LESS_THAN = 0x3c;
const DASH = 0x2d;

// attribute type: a name or an OID, then options (`;binary`, `;lang-fr`).
const ATTRIBUTE_DESCRIPTION = /^(?:[A-Za-z][A-Za-z0-9-]*|\d+(?:\.\d+)*)(?:;[A-Za-z0-9-]+)*$/;
const MAX_KNOWN_DESCRIPTIONS = 1000;
// The longest logical line read: far beyond any value a directory holds (slapd takes 4 MB requests by default; a
// photo is a few hundred kB), short of what would fill the memory when a file is not LDIF (no line feed at all).
export const MAX_LINE_BYTES = 64 * 1024 * 1024;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** An attribute description as written (`CN;lang-fr`) and its attribute type, lower-cased, options dropped (`cn`). */
export interface AttributeDescription {
  text: string;
  name: string;
}

/** What a reader builds from the lines: called in file order. */
export interface LdifSink<A extends AttributeDescription> {
  /** One logical line "attribute: value", unfolded; the sink reads its value with `LdifLines.value()` if it needs it. */
  line(attribute: A, lineNumber: number): void;
  /** A "-" line, which ends a modification in a change record. A sink without it reads one as a line with no colon. */
  dash?(lineNumber: number): void;
  /** A blank line or the end of the input: what came before is a whole record (or nothing, between records). */
  recordEnd(): void;
}

/** Builds the error a line is refused with: the reader's own class, named by file and line. */
export type LdifFailure = (lineNumber: number, message: string, code?: ErrorCode) => Error;

/** Feed chunks with `push`, then call `end`; the sink hears each line and record end as the bytes complete it. */
export class LdifLines<A extends AttributeDescription = AttributeDescription> {
  // The physical line being split out of chunks.
  private partial: Buffer[] = [];
  private partialBytes = 0;
  private lineNumber = 0;
  private atStart = true;
  // The logical line being unfolded: its parts and the physical line it started on.
  // Its first line stays in the chunk it came in (data, start, end); continuations are views in `logical`.
  private logical: Buffer[] | null = null;
  private pendingData: Buffer | null = null;
  private pendingStart = 0;
  private pendingEnd = 0;
  private logicalLine = 0;
  private logicalBytes = 0;
  private inComment = false;
  // The logical line the sink is hearing: its bytes and where its value starts (after the colon).
  private current: Buffer = Buffer.alloc(0);
  private currentColon = 0;
  private currentEnd = 0;
  private currentLine = 0;
  private currentAttribute: A | null = null;
  /** Set by `value()`: the value was written in base64 (`attr::`), as bytes that are not safe as text are. */
  base64 = false;
  /** Set by `value()`: the base64 it decoded had lost its padding (cut short). The value is what could be read. */
  cutShort = false;
  // Attribute descriptions seen so far, parsed once: a file names a few dozen attributes millions of times.
  private readonly descriptions = new Map<string, A>();

  private readonly describe: (description: AttributeDescription) => A;
  private readonly maxLineBytes: number;

  /**
   * `describe` turns a checked description into what the sink keys its work on (e.g. whether it is a password
   * attribute), computed once per description, not once per line. `maxLineBytes`: tests set a smaller limit.
   */
  constructor(
    private readonly sink: LdifSink<A>,
    private readonly fail: LdifFailure,
    options: { describe?: (description: AttributeDescription) => A; maxLineBytes?: number } = {},
  ) {
    this.describe = options.describe ?? ((d) => d as A);
    this.maxLineBytes = options.maxLineBytes ?? MAX_LINE_BYTES;
  }

  push(chunk: Uint8Array): void {
    const data = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (;;) {
      const newline = data.indexOf(LF, start);
      if (newline < 0) break;
      if (this.partial.length > 0) {
        this.partial.push(data.subarray(start, newline));
        const line = Buffer.concat(this.partial);
        this.partial = [];
        this.partialBytes = 0;
        this.physicalLine(line, 0, line.length);
      } else {
        this.physicalLine(data, start, newline);
      }
      start = newline + 1;
    }
    if (start < data.length) {
      this.partial.push(data.subarray(start));
      this.partialBytes += data.length - start;
      if (this.partialBytes > this.maxLineBytes) throw this.tooLong(this.lineNumber + 1);
    }
  }

  end(): void {
    if (this.partial.length > 0) {
      const line = Buffer.concat(this.partial);
      this.partial = [];
      this.physicalLine(line, 0, line.length);
    }
    this.closeLogicalLine();
    this.sink.recordEnd();
  }

  /** The value's bytes of the line the sink is hearing: after "attr:" (spaces skipped) or base64-decoded after "attr::". */
  value(): Buffer {
    const line = this.current;
    const colon = this.currentColon;
    const end = this.currentEnd;
    const name = this.currentAttribute!.name;
    this.cutShort = false;
    const marker = colon + 1 < end ? line[colon + 1] : undefined;
    this.base64 = marker === COLON;
    if (marker === COLON) {
      let encoded = line.toString('latin1', colon + 2, end);
      if (encoded.includes(' ') || encoded.includes('\t')) encoded = encoded.replace(/[ \t]/g, '');
      if (!BASE64.test(encoded) || encoded.length % 4 === 1) {
        throw this.fail(this.currentLine, `the base64 value of "${name}" is not valid base64`);
      }
      // Every LDIF writer pads to a multiple of 4: a value that is not was cut short.
      if (encoded.length % 4 !== 0) this.cutShort = true;
      return Buffer.from(encoded, 'base64');
    }
    if (marker === LESS_THAN) {
      throw this.fail(this.currentLine, `"${name}:<" takes its value from a URL, which Vigie does not follow: export the directory with the values inline (slapcat or ldapsearch -LLL)`);
    }
    let start = colon + 1;
    while (start < end && line[start] === SPACE) start += 1;
    return line.subarray(start, end);
  }

  /** One line of `data`, from `start` to `end` (its line feed excluded). Offsets spare a Buffer per line. */
  private physicalLine(data: Buffer, start: number, end: number): void {
    this.lineNumber += 1;
    if (end > start && data[end - 1] === CR) end -= 1;
    if (this.atStart) {
      this.atStart = false;
      if (data[start] === 0x1f && data[start + 1] === 0x8b) {
        throw this.fail(1, 'this is a gzip-compressed file, not LDIF: decompress it first', 'LDIF_COMPRESSED');
      }
      if (end - start >= 3 && data[start] === 0xef && data[start + 1] === 0xbb && data[start + 2] === 0xbf) start += 3;
    }
    if (end === start) {
      this.closeLogicalLine();
      this.sink.recordEnd();
      return;
    }
    const first = data[start];
    if (first === SPACE) {
      if (this.inComment) return;
      if (this.logical) {
        this.logical.push(data.subarray(start + 1, end));
        this.logicalBytes += end - start - 1;
        if (this.logicalBytes > this.maxLineBytes) throw this.tooLong(this.logicalLine);
        return;
      }
      // Stray indentation between records is harmless; a folded line with nothing to continue is not.
      if (isBlank(data, start, end)) return;
      throw this.fail(this.lineNumber, 'this line starts with a space (a folded continuation) but there is no line before it to continue');
    }
    this.closeLogicalLine();
    if (first === HASH) {
      this.inComment = true;
      return;
    }
    this.logicalLine = this.lineNumber;
    // The common case, a line that is not folded, is read in place when the next line shows it complete.
    this.pendingData = data;
    this.pendingStart = start;
    this.pendingEnd = end;
    this.logical = [];
    this.logicalBytes = end - start;
    if (this.logicalBytes > this.maxLineBytes) throw this.tooLong(this.logicalLine);
  }

  private tooLong(lineNumber: number): Error {
    const limit = this.maxLineBytes >= 1024 * 1024 ? `${Math.round(this.maxLineBytes / 1024 / 1024)} MB` : `${this.maxLineBytes} bytes`;
    return this.fail(lineNumber, `a line longer than ${limit}, folded lines included: this is not an LDIF export`);
  }

  private closeLogicalLine(): void {
    this.inComment = false;
    const parts = this.logical;
    if (!parts) return;
    this.logical = null;
    const data = this.pendingData!;
    this.pendingData = null;
    if (parts.length === 0) {
      this.logicalLineRead(data, this.pendingStart, this.pendingEnd, this.logicalLine);
    } else {
      const line = Buffer.concat([data.subarray(this.pendingStart, this.pendingEnd), ...parts]);
      this.logicalLineRead(line, 0, line.length, this.logicalLine);
    }
  }

  private logicalLineRead(line: Buffer, start: number, end: number, lineNumber: number): void {
    if (end - start === 1 && line[start] === DASH && this.sink.dash) {
      this.sink.dash(lineNumber);
      return;
    }
    const colon = line.indexOf(COLON, start);
    if (colon < 0 || colon >= end) {
      throw this.fail(lineNumber, 'no colon on this line: expected "attribute: value" (a folded line that lost its leading space?)');
    }
    const text = line.toString('latin1', start, colon);
    let attribute = this.descriptions.get(text);
    if (!attribute) {
      if (!ATTRIBUTE_DESCRIPTION.test(text)) {
        throw this.fail(lineNumber, 'the text before the colon is not an attribute name (a folded line that lost its leading space?)');
      }
      attribute = this.describe({ text, name: text.split(';', 1)[0]!.toLowerCase() });
      if (this.descriptions.size < MAX_KNOWN_DESCRIPTIONS) this.descriptions.set(text, attribute);
    }
    this.current = line;
    this.currentColon = colon;
    this.currentEnd = end;
    this.currentLine = lineNumber;
    this.currentAttribute = attribute;
    this.sink.line(attribute, lineNumber);
  }
}

function isBlank(data: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i += 1) if (data[i] !== SPACE && data[i] !== TAB) return false;
  return true;
}
