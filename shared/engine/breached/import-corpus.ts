// `vigie breached import`: streams a Pwned Passwords download into the local index. Checkpoints as it goes,
// so an interrupted import continues; the finished index replaces the previous one by a rename, so a scan
// sees the old index or the new one, never half of one. Bad lines are counted and skipped, never fatal.
import {
  closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTick } from 'node:timers/promises';
import { z } from 'zod';
import type { ErrorCode } from '../../contract/errors.ts';
import { VigieError } from '../errors.ts';
import { BREACH_HASH_KINDS, HASH_BYTES, kindLabel, PREFIX_COUNT, PREFIX_HEX, type BreachHashKind } from './hash-kind.ts';
import { BAD_LINE, parseHibpLine } from './hibp-line.ts';
import { indexFileName, type IndexMetadata } from './index-format.ts';
import { openImportSource, rangeFileName, type ImportSource, type SourceLayout } from './import-source.ts';
import { IndexWriter, type AddOutcome, type WriterState } from './index-writer.ts';

export interface ImportOptions {
  /** Where the index lives (the app-data folder's `breached/`). */
  indexDir: string;
  /** Refuse a download of the other kind. */
  kind?: BreachHashKind;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  /** Ignore an interrupted import of this kind and start over. */
  restart?: boolean;
  /** Lines between two checkpoints (default 20 million). */
  checkpointLines?: number;
  now?: () => Date;
}

export interface ImportProgress {
  kind: BreachHashKind;
  /** Bytes of the file, or prefixes of the folder, done so far. */
  done: number;
  total: number;
  lines: number;
}

/** Where a bad line is: the file's name (the range file for a folder) and its line number. No content. */
export interface LinePlace {
  file: string;
  line: number;
}

export interface ImportResult {
  kind: BreachHashKind;
  layout: SourceLayout;
  entries: number;
  lines: number;
  badLines: number;
  /** The first few bad lines. */
  badSamples: LinePlace[];
  /** Repeated hashes, kept once (counted in badLines too). */
  duplicates: number;
  padding: number;
  /** prefix-files: range files the folder lacks (an incomplete download). */
  missingPrefixFiles: number;
  /** True when this run continued an interrupted import. */
  resumed: boolean;
  /** Set when an interrupted import existed but could not be continued: why it started over. */
  restartedBecause?: string;
  indexFile: string;
  indexBytes: number;
}

/** An import stopped by the user: the checkpoint is written; the same command continues it. */
export class ImportInterruptedError extends VigieError {
  override readonly name = 'CancelledError';
  protected override defaultCode(): ErrorCode {
    return 'CANCELLED';
  }
}

interface Checkpoint {
  version: 1;
  kind: BreachHashKind;
  layout: SourceLayout;
  source: string;
  /** file: byte offset after the last line taken; prefix-files: the next prefix to read. */
  position: number;
  /** file: base64 of the bytes just before `position`, to check it is the same file. */
  tail: string;
  writer: WriterState;
  lines: number;
  badLines: number;
  badSamples: LinePlace[];
  duplicates: number;
  padding: number;
}

const count = z.number().int().nonnegative();

/** What a checkpoint file must hold to be resumed from; anything else (damaged, older, another kind) starts over. */
const CheckpointSchema = z.object({
  version: z.literal(1),
  kind: z.enum(BREACH_HASH_KINDS),
  layout: z.enum(['file', 'prefix-files']),
  source: z.string(),
  position: count,
  tail: z.string(),
  writer: z.object({ records: count, prefix: z.number().int().min(-1), last: z.string().regex(/^(?:[0-9a-f]{2})*$/) }),
  lines: count,
  badLines: count,
  badSamples: z.array(z.object({ file: z.string(), line: count })),
  duplicates: count,
  padding: count,
});

// The schema and the interface say the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesCheckpoint: Same<z.infer<typeof CheckpointSchema>, Checkpoint> = true;
void schemaMatchesCheckpoint;

const MAX_SAMPLES = 10;
const CHUNK_BYTES = 8 * 1024 * 1024;
const TAIL_BYTES = 64;
const FILES_PER_CHECKPOINT = 4096;
/** A source whose first lines are all unreadable is the wrong file, not a file with a few bad lines. */
const GIVE_UP_AFTER = 1000;

export async function importBreachCorpus(given: string, options: ImportOptions): Promise<ImportResult> {
  const source = openImportSource(given, options.kind);
  const job = new ImportJob(given, source, options);
  return job.run();
}

class ImportJob {
  private readonly kind: BreachHashKind;
  private readonly partialDir: string;
  private readonly tmpFile: string;
  private readonly checkpointFile: string;
  private writer!: IndexWriter;
  private lines = 0;
  private badLines = 0;
  private badSamples: LinePlace[] = [];
  private duplicates = 0;
  private padding = 0;
  private resumed = false;
  private restartedBecause: string | undefined;
  private readonly digest: Buffer;

  constructor(private readonly given: string, private readonly source: ImportSource, private readonly options: ImportOptions) {
    this.kind = source.kind;
    this.partialDir = path.join(options.indexDir, `.import-${this.kind}`);
    this.tmpFile = path.join(this.partialDir, 'index.partial');
    this.checkpointFile = path.join(this.partialDir, 'checkpoint.json');
    this.digest = Buffer.alloc(HASH_BYTES[this.kind]);
  }

  async run(): Promise<ImportResult> {
    try {
      mkdirSync(this.partialDir, { recursive: true, mode: 0o700 });
    } catch (e) {
      throw new VigieError(`Cannot create ${this.partialDir} (${(e as NodeJS.ErrnoException).code ?? 'error'})`, undefined, { code: 'CANNOT_WRITE', params: { file: this.partialDir } });
    }
    const start = this.resumeOrStart();
    try {
      if (this.source.layout === 'file') await this.readFile(start);
      else await this.readRangeFiles(start);
    } catch (e) {
      this.writer.close();
      throw e;
    }
    if (this.writer.count === 0) {
      this.writer.close();
      rmSync(this.partialDir, { recursive: true, force: true });
      throw new VigieError(`${this.given}: no usable HIBP line (${this.badLines} unreadable)`, 'is it a Pwned Passwords download?', { code: 'NOT_HIBP', params: { file: this.given } });
    }
    const meta: IndexMetadata = {
      importedAt: (this.options.now?.() ?? new Date()).toISOString(),
      source: this.given,
      layout: this.source.layout,
      lines: this.lines,
      badLines: this.badLines,
      padding: this.padding,
    };
    const entries = this.writer.finish(meta);
    const indexFile = path.join(this.options.indexDir, indexFileName(this.kind));
    try {
      renameSync(this.tmpFile, indexFile);
    } catch (e) {
      throw new VigieError(`Cannot replace ${indexFile} (${(e as NodeJS.ErrnoException).code ?? 'error'})`, 'close any scan using it and run the import again', { code: 'CANNOT_WRITE', params: { file: indexFile } });
    }
    rmSync(this.partialDir, { recursive: true, force: true });
    return {
      kind: this.kind,
      layout: this.source.layout,
      entries,
      lines: this.lines,
      badLines: this.badLines,
      badSamples: this.badSamples,
      duplicates: this.duplicates,
      padding: this.padding,
      missingPrefixFiles: this.source.layout === 'prefix-files' ? PREFIX_COUNT - (this.source.files ?? 0) : 0,
      resumed: this.resumed,
      ...(this.restartedBecause ? { restartedBecause: this.restartedBecause } : {}),
      indexFile,
      indexBytes: statSync(indexFile).size,
    };
  }

  /** Continues an interrupted import of the same source when its checkpoint still fits; else starts over. */
  private resumeOrStart(): number {
    const cp = this.readCheckpoint();
    if (cp && !this.options.restart) {
      const why = this.mismatch(cp);
      if (why === null) {
        this.writer = IndexWriter.resume(this.tmpFile, this.kind, cp.writer);
        Object.assign(this, { lines: cp.lines, badLines: cp.badLines, badSamples: cp.badSamples, duplicates: cp.duplicates, padding: cp.padding });
        this.resumed = true;
        return cp.position;
      }
      this.restartedBecause = why;
    }
    rmSync(this.checkpointFile, { force: true });
    this.writer = IndexWriter.create(this.tmpFile, this.kind);
    return 0;
  }

  private readCheckpoint(): Checkpoint | null {
    if (!existsSync(this.checkpointFile) || !existsSync(this.tmpFile)) return null;
    try {
      const parsed = CheckpointSchema.safeParse(JSON.parse(readFileSync(this.checkpointFile, 'utf8')));
      return parsed.success && parsed.data.kind === this.kind ? parsed.data : null;
    } catch {
      return null;
    }
  }

  private mismatch(cp: Checkpoint): string | null {
    if (cp.source !== this.source.path || cp.layout !== this.source.layout) return `the interrupted import read ${cp.source}`;
    if (cp.layout === 'file') {
      if (this.source.size < cp.position) return 'the file is shorter than where the interrupted import stopped';
      if (cp.position > 0 && readTail(this.source.path, cp.position) !== cp.tail) return 'the file changed since the interrupted import';
    }
    return null;
  }

  private saveCheckpoint(position: number): void {
    const cp: Checkpoint = {
      version: 1,
      kind: this.kind,
      layout: this.source.layout,
      source: this.source.path,
      position,
      tail: this.source.layout === 'file' && position > 0 ? readTail(this.source.path, position) : '',
      writer: this.writer.checkpoint(),
      lines: this.lines,
      badLines: this.badLines,
      badSamples: this.badSamples,
      duplicates: this.duplicates,
      padding: this.padding,
    };
    const tmp = `${this.checkpointFile}.tmp`;
    try {
      writeFileSync(tmp, JSON.stringify(cp), { mode: 0o600 });
      renameSync(tmp, this.checkpointFile);
    } catch (e) {
      throw new VigieError(`Cannot write the import checkpoint in ${this.partialDir} (${(e as NodeJS.ErrnoException).code ?? 'error'})`, undefined, { code: 'CANNOT_WRITE', params: { file: this.partialDir } });
    }
  }

  private bad(file: string, line: number): void {
    this.badLines++;
    if (this.badSamples.length < MAX_SAMPLES) this.badSamples.push({ file, line });
  }

  /** Takes one parsed line; stops the import on a hash out of order. */
  private take(count: number, file: string, line: number): void {
    this.lines++;
    if (count === BAD_LINE) {
      this.bad(file, line);
      if (this.writer.count === 0 && this.badLines >= GIVE_UP_AFTER && this.badLines === this.lines) {
        throw new VigieError(`${this.given}: the first ${GIVE_UP_AFTER} lines are not HIBP lines (HASH:COUNT)`, 'is it a Pwned Passwords download?', { code: 'NOT_HIBP', params: { file: this.given } });
      }
      return;
    }
    if (count === 0) {
      this.padding++;
      return;
    }
    const outcome: AddOutcome = this.writer.add(this.digest, count);
    if (outcome === 'duplicate') {
      this.duplicates++;
      this.bad(file, line);
    } else if (outcome === 'unordered') {
      throw new VigieError(
        `${file}, line ${line}: this hash comes before the previous one — the file is not ordered by hash`,
        'Vigie needs the download ordered by hash (not "ordered by prevalence"); the index was not changed',
        { code: 'NOT_HIBP', params: { file } },
      );
    }
  }

  private progress(done: number, total: number): void {
    this.options.onProgress?.({ kind: this.kind, done, total, lines: this.lines });
  }

  private async pause(position: number, sinceCheckpoint: { lines: number }): Promise<void> {
    const every = this.options.checkpointLines ?? 20_000_000;
    if (this.lines - sinceCheckpoint.lines >= every) {
      this.saveCheckpoint(position);
      sinceCheckpoint.lines = this.lines;
    }
    await nextTick();
    if (this.options.signal?.aborted) {
      this.saveCheckpoint(position);
      this.writer.close();
      throw new ImportInterruptedError(`Import of the ${kindLabel(this.kind)} hashes interrupted after ${this.lines.toLocaleString('en')} lines`, 'run the same command again to continue where it stopped');
    }
  }

  private async readFile(start: number): Promise<void> {
    const { path: file, size } = this.source;
    const name = path.basename(this.given);
    const hexDigits = 2 * HASH_BYTES[this.kind];
    const fd = openSync(file, 'r');
    const sinceCheckpoint = { lines: this.lines };
    try {
      const buf = Buffer.alloc(CHUNK_BYTES);
      let carry = 0;
      /** File offset of buf[0]. */
      let base = start;
      let lineNo = this.lines;
      if (start === 0) {
        // A UTF-8 byte-order mark some tools add before the first line.
        const got = readSync(fd, buf, 0, 3, 0);
        if (got === 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) base = 3;
      }
      let position = base;
      for (;;) {
        if (carry === buf.length) throw new VigieError(`${name}, line ${lineNo + 1}: longer than ${CHUNK_BYTES >> 20} MB — not a HIBP file`, undefined, { code: 'NOT_HIBP', params: { file: name } });
        const got = readSync(fd, buf, carry, buf.length - carry, base + carry);
        const end = carry + got;
        let lineStart = 0;
        for (;;) {
          const nl = buf.indexOf(10, lineStart);
          if (nl < 0 || nl >= end) break;
          lineNo++;
          if (nl > lineStart && !(nl === lineStart + 1 && buf[lineStart] === 13)) {
            this.take(parseHibpLine(buf, lineStart, nl, hexDigits, this.digest, 0), name, lineNo);
          } else this.lines++;
          lineStart = nl + 1;
        }
        position = base + lineStart;
        if (got === 0) {
          if (lineStart < end) {
            lineNo++;
            const count = parseHibpLine(buf, lineStart, end, hexDigits, this.digest, 0);
            if (count === BAD_LINE) throw truncated(name, lineNo);
            this.take(count, name, lineNo);
            position = base + end;
          }
          break;
        }
        buf.copy(buf, 0, lineStart, end);
        carry = end - lineStart;
        base += lineStart;
        this.progress(position, size);
        await this.pause(position, sinceCheckpoint);
      }
      this.progress(size, size);
    } finally {
      closeSync(fd);
    }
  }

  private async readRangeFiles(start: number): Promise<void> {
    const { path: dir, present } = this.source;
    const suffixDigits = 2 * HASH_BYTES[this.kind] - PREFIX_HEX;
    const sinceCheckpoint = { lines: this.lines };
    for (let prefix = start; prefix < PREFIX_COUNT; prefix++) {
      const style = present![prefix]!;
      if (style !== 0) {
        const name = rangeFileName(prefix, style);
        let text: Buffer;
        try {
          text = readFileSync(path.join(dir, name));
        } catch (e) {
          throw new VigieError(`${path.join(this.given, name)}: cannot read it (${(e as NodeJS.ErrnoException).code ?? 'error'})`, undefined, { code: 'FILE_UNREADABLE', params: { file: path.join(this.given, name) } });
        }
        this.readRangeFile(text, prefix, name, suffixDigits);
      }
      if ((prefix + 1) % FILES_PER_CHECKPOINT === 0 || prefix === PREFIX_COUNT - 1) {
        this.progress(prefix + 1, PREFIX_COUNT);
        await this.pause(prefix + 1, sinceCheckpoint);
      }
    }
  }

  private readRangeFile(text: Buffer, prefix: number, name: string, suffixDigits: number): void {
    this.digest[0] = prefix >>> 12;
    this.digest[1] = (prefix >>> 4) & 0xff;
    this.digest[2] = (prefix & 0xf) << 4;
    let lineStart = text[0] === 0xef && text[1] === 0xbb && text[2] === 0xbf ? 3 : 0;
    let lineNo = 0;
    while (lineStart < text.length) {
      let nl = text.indexOf(10, lineStart);
      const last = nl < 0;
      if (last) nl = text.length;
      lineNo++;
      if (nl > lineStart && !(nl === lineStart + 1 && text[lineStart] === 13)) {
        const count = parseHibpLine(text, lineStart, nl, suffixDigits, this.digest, PREFIX_HEX);
        // HIBP's range files have no newline after their last line: a cut shows as a malformed last line.
        if (last && count === BAD_LINE) throw truncated(name, lineNo);
        this.take(count, name, lineNo);
      } else this.lines++;
      lineStart = nl + 1;
    }
  }
}

function truncated(file: string, line: number): VigieError {
  return new VigieError(
    `${file} ends in the middle of line ${line}: the download looks cut short`,
    'download it again and run the same import: it continues from its last checkpoint; the index was not changed',
    { code: 'NOT_HIBP', params: { file } },
  );
}

function readTail(file: string, position: number): string {
  const from = Math.max(0, position - TAIL_BYTES);
  const buf = Buffer.alloc(position - from);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buf, 0, buf.length, from);
  } finally {
    closeSync(fd);
  }
  return buf.toString('base64');
}
