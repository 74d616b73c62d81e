// `vigie apply`: replays a plan folder's LDIF on the directory, config first then accounts (or the rollback:
// config then accounts). Every file is read and checked before anything is sent.
//
// Nothing that changed after the plan is overwritten. The plan's two sides say what each entry held when the
// plan was made (the rollback's values) and what it holds once applied (the plan's values); before each change
// Vigie reads those values back: as the plan saw them, the change is sent with RFC 4528's assertion control
// (the server refuses it whole if they changed in between); already as applied, it is counted and not sent
// again; anything else, the entry is left as it is and named. A rollback does the same the other way round.
// cn=config refuses the assertion control: its entries are compared before the change only.
//
// Every change made is recorded in the plan folder's apply journal (DNs only, never a value), so that an
// interrupted `vigie apply` resumes where it stopped and `--rollback` undoes only what `apply` did.
// Ctrl-C (the signal) finishes the change in flight and stops; the outcome says what was and was not done.
// A change the server refuses for another reason stops everything, as before, with the same account.
import { open, readFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { VigieError } from '../errors.ts';
import type { Credentials } from '../posture/directory-posture.ts';
import { normaliseDn } from '../posture/dn.ts';
import type { ChangeRecord, LdifValue, ValueAssertion } from './change-record.ts';
import { assertionFailed, openWriter, refusal, type DirectoryWriter, type WriterTarget } from './directory-writer.ts';
import { parseLdif } from './ldif-parse.ts';
import { PLAN_FILES } from './write-plan.ts';

/** The plan folder's record of what `vigie apply` did: one JSON object a line, DNs and counts only. */
export const APPLY_JOURNAL = 'apply-journal.jsonl';

export interface ApplyRequest extends WriterTarget {
  dir: string;
  /** The directory's administrator: 02-accounts.ldif and rollback.ldif. */
  bind?: Credentials;
  /** cn=config's administrator: 01-config.ldif and rollback-config.ldif. */
  config?: Credentials;
  dryRun?: boolean;
  rollback?: boolean;
  /** Aborted on Ctrl-C: the change in flight is finished, then nothing more is sent. */
  signal?: AbortSignal;
  /** One line per file done, in English like the rest of the CLI's progress. */
  onProgress?: (line: string) => void;
}

export interface FileOutcome {
  file: string;
  records: number;
  /** Sent by this run (dry run: would be sent). */
  applied: number;
  /** Already done: recorded in the journal by an earlier run, or the entry already holds the values. */
  already: number;
  /** Left as they are: the entry changed since the plan (since `apply`, for a rollback). */
  skipped: number;
  /** Rollback only: changes `vigie apply` never made here, so nothing to undo. */
  notNeeded: number;
  /** Not reached: the run was interrupted or stopped. */
  notApplied: number;
}

export interface ChangedEntry {
  file: string;
  dn: string;
  /** The entry's values differ from what the plan expects, or the entry is gone. */
  why: 'changed' | 'gone';
}

export interface ApplyOutcome {
  rollback: boolean;
  dryRun: boolean;
  files: FileOutcome[];
  /** Entries left as they are, in plan order: named, never a value. */
  changed: ChangedEntry[];
  /** Stopped by the signal after the change in flight. */
  interrupted: boolean;
}

export class ApplyError extends VigieError {
  override readonly name = 'ApplyError';
  constructor(message: string, hint: string | undefined, readonly outcome?: ApplyOutcome) {
    super(message, hint);
  }
}

interface PlanFile {
  file: string;
  who: 'bind' | 'config';
  records: ChangeRecord[];
}

/** What a change expects to find before it is sent, and what it leaves. Only attributes both sides know. */
interface Guard {
  attributes: string[];
  expected: ValueAssertion[];
  done: ValueAssertion[];
}

export async function applyPlan(request: ApplyRequest): Promise<ApplyOutcome> {
  const rollback = request.rollback === true;
  const applySide = await readSide(request, [[PLAN_FILES.config, 'config'], [PLAN_FILES.accounts, 'bind']]);
  const undoSide = await readSide(request, [[PLAN_FILES.rollbackConfig, 'config'], [PLAN_FILES.rollback, 'bind']]);
  const files = rollback ? undoSide : applySide;
  for (const f of files) {
    if (f.records.length > 0 && !request[f.who]) {
      throw new VigieError(`${f.file} needs ${f.who === 'config' ? '--config-bind-dn and --config-password-file' : '--bind-dn and --password-file'}`);
    }
  }
  const guards = new Map<string, Guard>();
  for (const [index, f] of files.entries()) {
    const other = (rollback ? applySide : undoSide)[index]!;
    for (const [i, guard] of guardsFor(rollback ? other.records : f.records, rollback ? f.records : other.records, rollback)) guards.set(key(f.file, i), guard);
  }
  const journal = await readJournal(request.dir, applySide, undoSide);
  const run = new Run(request, files, guards, journal);
  return request.dryRun ? run.dryRun() : run.apply();
}

async function readSide(request: ApplyRequest, order: [string, 'bind' | 'config'][]): Promise<PlanFile[]> {
  const side: PlanFile[] = [];
  for (const [file, who] of order) {
    const full = path.join(request.dir, file);
    let text: string;
    try {
      text = await readFile(full, 'utf8');
    } catch (e) {
      throw new VigieError(`cannot read ${full} (${(e as NodeJS.ErrnoException).code ?? 'error'})`, 'give the folder written by vigie plan.');
    }
    side.push({ file, who, records: parseLdif(text, file) });
  }
  return side;
}

function key(file: string, index: number): string {
  return `${file}#${index}`;
}

/** A DN as the journal matches it: slapd's `{n}` ordering prefixes do not count (olcOverlay={0}ppolicy). */
function entryKey(dn: string): string {
  return normaliseDn(dn).replace(/=\{-?\d+\}/g, '=');
}

/**
 * Pairs each modify of a plan file with the modify of the same entry in its rollback file. The rollback's
 * values are the entry's values when the plan was made; the plan's are the entry's values once applied.
 */
function guardsFor(planRecords: ChangeRecord[], undoRecords: ChangeRecord[], rollback: boolean): Map<number, Guard> {
  const modifies = (records: ChangeRecord[]): Map<string, number[]> => {
    const byEntry = new Map<string, number[]>();
    for (const [i, r] of records.entries()) {
      const k = entryKey(r.dn);
      byEntry.set(k, [...(byEntry.get(k) ?? []), r.change === 'modify' ? i : -1]);
    }
    return byEntry;
  };
  const plan = modifies(planRecords);
  const undo = modifies(undoRecords);
  const guards = new Map<number, Guard>();
  for (const [entry, planIndexes] of plan) {
    const undoIndexes = undo.get(entry) ?? [];
    // Exactly one modify on each side: anything else is not a pair Vigie wrote.
    if (planIndexes.length !== 1 || undoIndexes.length !== 1 || planIndexes[0]! < 0 || undoIndexes[0]! < 0) continue;
    const planRecord = planRecords[planIndexes[0]!]!, undoRecord = undoRecords[undoIndexes[0]!]!;
    if (planRecord.change !== 'modify' || undoRecord.change !== 'modify') continue;
    const before: ValueAssertion[] = [], after: ValueAssertion[] = [];
    for (const mod of planRecord.mods) {
      const name = mod.attribute.toLowerCase();
      const planMods = planRecord.mods.filter((m) => m.attribute.toLowerCase() === name);
      const undoMods = undoRecord.mods.filter((m) => m.attribute.toLowerCase() === name);
      if (planMods.length !== 1 || undoMods.length !== 1) continue;
      const was = valuesSet(undoMods[0]!), will = valuesSet(mod);
      if (was) before.push({ attribute: mod.attribute, values: was });
      if (will) after.push({ attribute: mod.attribute, values: will });
    }
    // What only the rollback names, apply leaves as the plan saw it: expected the same both ways (an account not
    // reset keeps its pwdChangedTime, which a password changed since would have renewed). slapd stamps
    // pwdChangedTime itself when the plan stores a new password: that one cannot be expected.
    const newPassword = planRecord.mods.some((m) => m.attribute.toLowerCase() === 'userpassword');
    for (const mod of undoRecord.mods) {
      const name = mod.attribute.toLowerCase();
      if (planRecord.mods.some((m) => m.attribute.toLowerCase() === name) || (name === 'pwdchangedtime' && newPassword)) continue;
      if (undoRecord.mods.filter((m) => m.attribute.toLowerCase() === name).length !== 1) continue;
      const kept = valuesSet(mod);
      if (kept) {
        before.push({ attribute: mod.attribute, values: kept });
        after.push({ attribute: mod.attribute, values: kept });
      }
    }
    const expected = rollback ? after : before;
    if (expected.length === 0) continue;
    const done = rollback ? before : after;
    const attributes = [...new Set([...expected, ...done].map((a) => a.attribute))];
    guards.set(rollback ? undoIndexes[0]! : planIndexes[0]!, { attributes, expected, done });
  }
  return guards;
}

/** The attribute's exact values once the modification is made, when it alone says so. */
function valuesSet(mod: { op: string; values: LdifValue[] }): LdifValue[] | undefined {
  if (mod.op === 'replace') return mod.values;
  if (mod.op === 'delete' && mod.values.length === 0) return [];
  return undefined;
}

function bytes(v: LdifValue): Buffer {
  return typeof v === 'string' ? Buffer.from(v, 'utf8') : Buffer.from(v);
}

function holds(state: Map<string, Buffer[]>, assertions: ValueAssertion[]): boolean {
  return assertions.every((a) => {
    const have = [...(state.get(a.attribute.toLowerCase()) ?? [])];
    if (have.length !== a.values.length) return false;
    for (const v of a.values) {
      const at = have.findIndex((h) => h.equals(bytes(v)));
      if (at < 0) return false;
      have.splice(at, 1);
    }
    return true;
  });
}

type Found = 'as-planned' | 'done' | 'changed' | 'gone';

function classify(state: Map<string, Buffer[]> | null, guard: Guard): Found {
  if (!state) return 'gone';
  if (holds(state, guard.expected)) return 'as-planned';
  if (guard.done.length > 0 && holds(state, guard.done)) return 'done';
  return 'changed';
}

// ---- The journal ---------------------------------------------------------------------------------------

interface JournalLine {
  run: 'apply' | 'rollback';
  /** A run's first line. */
  start?: string;
  file?: string;
  record?: number;
  dn?: string;
  result?: 'applied' | 'already' | 'skipped';
}

interface JournalState {
  /** Plan records whose change is in the directory, by `file#index`. */
  applied: Set<string>;
  /** Rollback records done since. */
  undone: Set<string>;
  /** True once `vigie apply` (not a rollback) has run on this folder: the rollback then undoes only what it did. */
  applyRan: boolean;
  /** Entries (entryKey) with a plan record applied. */
  appliedEntries(): Set<string>;
  /** The last line was cut short: the next run starts on a line of its own. */
  cutShort: boolean;
}

async function readJournal(dir: string, applySide: PlanFile[], undoSide: PlanFile[]): Promise<JournalState> {
  const full = path.join(dir, APPLY_JOURNAL);
  let text = '';
  try {
    text = await readFile(full, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new VigieError(`cannot read ${full} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const records = new Map<string, ChangeRecord>();
  const byEntry = (side: PlanFile[]): Map<string, string[]> => {
    const m = new Map<string, string[]>();
    for (const f of side) {
      for (const [i, r] of f.records.entries()) {
        records.set(key(f.file, i), r);
        m.set(entryKey(r.dn), [...(m.get(entryKey(r.dn)) ?? []), key(f.file, i)]);
      }
    }
    return m;
  };
  const planByEntry = byEntry(applySide);
  const undoByEntry = byEntry(undoSide);
  const applied = new Set<string>(), undone = new Set<string>();
  let applyRan = false;
  const lines = text.split('\n');
  for (const [n, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let l: JournalLine;
    try {
      l = JSON.parse(line) as JournalLine;
    } catch {
      // A line cut short (the process killed while writing it) is the last one, or the next run starts after it.
      const next = lines.slice(n + 1).find((x) => x.trim() !== '');
      if (next === undefined || /^\{"run":"(apply|rollback)","start":/.test(next)) continue;
      throw new VigieError(`${full}, line ${n + 1} is not a journal line`, 'restore the journal vigie apply wrote, or move it away to start over (every entry is then checked).');
    }
    if (l.start) {
      if (l.run === 'apply') applyRan = true;
      continue;
    }
    if (l.result === 'skipped' || l.file === undefined || l.record === undefined) continue;
    const k = key(l.file, l.record);
    const record = records.get(k);
    if (!record || entryKey(record.dn) !== entryKey(l.dn ?? '')) {
      throw new VigieError(`${full}, line ${n + 1} names a change the plan files do not hold (${l.file}, change ${l.record + 1})`,
        'the plan files were edited after vigie apply ran: put them back as they were, or move the journal away (the plan then checks every entry).');
    }
    const entry = entryKey(record.dn);
    if (l.run === 'apply') {
      applied.add(k);
      for (const u of undoByEntry.get(entry) ?? []) undone.delete(u);
    } else {
      undone.add(k);
      if ((undoByEntry.get(entry) ?? []).every((u) => undone.has(u))) for (const a of planByEntry.get(entry) ?? []) applied.delete(a);
    }
  }
  return {
    applied, undone, applyRan, cutShort: text !== '' && !text.endsWith('\n'),
    appliedEntries: () => new Set([...applied].map((k) => entryKey(records.get(k)!.dn))),
  };
}

// ---- A run ---------------------------------------------------------------------------------------------

class Run {
  private readonly rollback: boolean;
  private readonly outcome: ApplyOutcome;
  /** Rollback: the entries `vigie apply` changed, when the journal knows (else every entry is checked). */
  private readonly toUndo: Set<string> | undefined;
  private journal: FileHandle | undefined;

  constructor(
    private readonly request: ApplyRequest,
    private readonly files: PlanFile[],
    private readonly guards: Map<string, Guard>,
    private readonly state: JournalState,
  ) {
    this.rollback = request.rollback === true;
    this.outcome = { rollback: this.rollback, dryRun: request.dryRun === true, files: [], changed: [], interrupted: false };
    this.toUndo = this.rollback && state.applyRan ? state.appliedEntries() : undefined;
  }

  /** Done by an earlier run, or (rollback) never done: nothing to send. */
  private settled(f: PlanFile, i: number): 'already' | 'not-needed' | undefined {
    const k = key(f.file, i);
    if (!this.rollback) return this.state.applied.has(k) ? 'already' : undefined;
    if (this.state.undone.has(k)) return 'already';
    if (this.toUndo && !this.toUndo.has(entryKey(f.records[i]!.dn))) return 'not-needed';
    return undefined;
  }

  private count(f: PlanFile): FileOutcome {
    return { file: f.file, records: f.records.length, applied: 0, already: 0, skipped: 0, notNeeded: 0, notApplied: 0 };
  }

  private settle(o: FileOutcome, how: 'already' | 'not-needed'): void {
    if (how === 'already') o.already++;
    else o.notNeeded++;
  }

  async apply(): Promise<ApplyOutcome> {
    try {
      for (const f of this.files) {
        const o = this.count(f);
        this.outcome.files.push(o);
        const pending = f.records.map((_, i) => this.settled(f, i));
        pending.forEach((s) => s && this.settle(o, s));
        if (pending.every((s) => s !== undefined)) {
          if (f.records.length > 0) this.request.onProgress?.(this.progress(o));
          continue;
        }
        if (this.stopping()) {
          o.notApplied = pending.filter((s) => s === undefined).length;
          continue;
        }
        await this.openJournal();
        const writer = await openWriter(this.request, this.request[f.who]!).catch((e: unknown) => {
          o.notApplied = pending.filter((s) => s === undefined).length;
          throw this.stopped(e instanceof VigieError ? e.oneLine() : refusal(e));
        });
        try {
          for (const [i, record] of f.records.entries()) {
            if (pending[i] !== undefined) continue;
            if (this.stopping()) {
              o.notApplied++;
              continue;
            }
            await this.one(f, i, record, writer, o, pending);
          }
        } finally {
          await writer.close();
        }
        if (!this.outcome.interrupted) this.request.onProgress?.(this.progress(o));
      }
      return this.outcome;
    } finally {
      await this.journal?.close();
    }
  }

  private stopping(): boolean {
    if (this.request.signal?.aborted) this.outcome.interrupted = true;
    return this.outcome.interrupted;
  }

  /** One change: read, compare, send with its assertion; journaled once the server has answered. */
  private async one(f: PlanFile, i: number, record: ChangeRecord, writer: DirectoryWriter, o: FileOutcome, pending: (string | undefined)[]): Promise<void> {
    const guard = this.guards.get(key(f.file, i));
    const refused = (e: unknown, sent = true): ApplyError => {
      o.notApplied = pending.slice(i).filter((s) => s === undefined).length;
      const what = `${f.file}, change ${i + 1} of ${f.records.length} (${record.change} ${record.dn})`;
      // No LDAP result (connection lost, timeout): the server may or may not have made it; the journal does not say it
      // did, and the next run checks the entry again.
      if (!sent) return this.stopped(`${what} could not be checked before it was sent: ${refusal(e)}`);
      return this.stopped((e as { code?: unknown }).code === undefined
        ? `${what} got no answer, so whether it was made is unknown: ${refusal(e)}`
        : `${what} was refused: ${refusal(e)}${(e as { code?: unknown }).code === 12 && guard && f.who === 'bind'
          ? ' (this directory does not take the assertion control, RFC 4528, that keeps apply from overwriting what changed since the plan)' : ''}`);
    };
    const log = async (result: NonNullable<JournalLine['result']>): Promise<void> => {
      try {
        await this.log(f, i, record, result);
      } catch (e) {
        o.notApplied = pending.slice(i + 1).filter((s) => s === undefined).length;
        throw this.stopped(`${f.file}, change ${i + 1} of ${f.records.length} (${record.change} ${record.dn}) was ${result === 'applied' ? 'made' : 'checked'} but could not be recorded in ${APPLY_JOURNAL} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
      }
    };
    if (guard) {
      const state = await writer.read(record.dn, guard.attributes).catch((e: unknown) => { throw refused(e, false); });
      const found = classify(state, guard);
      if (found === 'done') {
        o.already++;
        await log('already');
        return;
      }
      if (found === 'changed' || found === 'gone') {
        this.skip(f, record, o, found);
        await log('skipped');
        return;
      }
    }
    try {
      // cn=config refuses the assertion control (unavailableCriticalExtension): compared just before, above.
      await writer.write(record, guard && f.who === 'bind' ? guard.expected : undefined);
    } catch (e) {
      if (guard && assertionFailed(e)) {
        // Changed between the read and the write: left as it is.
        this.skip(f, record, o, 'changed');
        await log('skipped');
        return;
      }
      throw refused(e);
    }
    o.applied++;
    await log('applied');
  }

  private skip(f: PlanFile, record: ChangeRecord, o: FileOutcome, why: 'changed' | 'gone'): void {
    o.skipped++;
    this.outcome.changed.push({ file: f.file, dn: record.dn, why });
  }

  private async openJournal(): Promise<void> {
    if (this.journal) return;
    const full = path.join(this.request.dir, APPLY_JOURNAL);
    try {
      this.journal = await open(full, 'a', 0o600);
    } catch (e) {
      throw new VigieError(`cannot write ${full} (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
        'vigie apply records there what it changes, to resume and to undo exactly that: make the plan folder writable. Nothing was written to the directory.');
    }
    await this.journal.appendFile(`${this.state.cutShort ? '\n' : ''}${JSON.stringify({ run: this.rollback ? 'rollback' : 'apply', start: new Date().toISOString() } satisfies JournalLine)}\n`);
  }

  private async log(f: PlanFile, i: number, record: ChangeRecord, result: NonNullable<JournalLine['result']>): Promise<void> {
    const line: JournalLine = { run: this.rollback ? 'rollback' : 'apply', file: f.file, record: i, dn: record.dn, result };
    await this.journal!.appendFile(`${JSON.stringify(line)}\n`);
  }

  private progress(o: FileOutcome): string {
    const extra = [
      o.already > 0 ? `${o.already} already ${this.rollback ? 'undone' : 'applied'}` : '',
      o.notNeeded > 0 ? `${o.notNeeded} never applied (nothing to undo)` : '',
      o.skipped > 0 ? `${o.skipped} skipped (${this.rollback ? 'changed since vigie apply' : 'changed since the plan'})` : '',
    ].filter(Boolean);
    return `${o.file}: ${o.applied} of ${o.records} changes ${this.rollback ? 'undone' : 'applied'}${extra.length > 0 ? `, ${extra.join(', ')}` : ''}`;
  }

  /** The refusal, what was applied and what was not, in one line; the outcome goes with it. */
  private stopped(cause: string): ApplyError {
    // Files after the one that stopped were not reached.
    for (const f of this.files.slice(this.outcome.files.length)) {
      const o = this.count(f);
      f.records.forEach((_, i) => {
        const s = this.settled(f, i);
        if (s) this.settle(o, s);
        else o.notApplied++;
      });
      this.outcome.files.push(o);
    }
    const t = totals(this.outcome);
    const changed = this.outcome.changed.length > 0
      ? `, skipped ${t.skipped} (changed since ${this.rollback ? 'vigie apply' : 'the plan'}: ${this.outcome.changed.slice(0, 3).map((c) => c.dn).join('; ')}${this.outcome.changed.length > 3 ? ` and ${this.outcome.changed.length - 3} more` : ''})`
      : '';
    return new ApplyError(
      `${cause}. Applied: ${t.applied === 0 ? 'nothing' : `${t.applied} change(s)`}${t.already > 0 ? ` (and ${t.already} done before)` : ''}${changed}. Not applied: ${t.notApplied} change(s)`,
      `fix the cause, then run the same command again: it resumes after the changes already ${this.rollback ? 'undone' : 'applied'}${this.rollback ? '' : ', or undo them with vigie apply --rollback'}.`,
      this.outcome,
    );
  }

  /** Binds with each account and checks every target and every value the plan will touch, without sending a change. */
  async dryRun(): Promise<ApplyOutcome> {
    for (const f of this.files) {
      const o = this.count(f);
      this.outcome.files.push(o);
      const pending = f.records.map((_, i) => this.settled(f, i));
      pending.forEach((s) => s && this.settle(o, s));
      if (pending.every((s) => s !== undefined)) continue;
      if (this.stopping()) {
        o.notApplied = pending.filter((s) => s === undefined).length;
        continue;
      }
      const writer = await openWriter(this.request, this.request[f.who]!);
      const problems: string[] = [];
      try {
        for (const [i, record] of f.records.entries()) {
          if (pending[i] !== undefined) continue;
          if (this.stopping()) {
            o.notApplied++;
            continue;
          }
          const guard = this.guards.get(key(f.file, i));
          if (guard) {
            const found = classify(await writer.read(record.dn, guard.attributes), guard);
            if (found === 'done') o.already++;
            else if (found === 'as-planned') o.applied++;
            else this.skip(f, record, o, found);
            continue;
          }
          const exists = (await writer.read(record.dn, ['1.1'])) !== null;
          // An add whose entry exists, or a change to an entry that does not (and that no earlier add creates), would fail.
          if (record.change === 'add' && exists) problems.push(`${record.dn} already exists`);
          if (record.change !== 'add' && !exists && !f.records.some((r) => r.change === 'add' && entryKey(r.dn) === entryKey(record.dn))) {
            problems.push(`${record.dn} does not exist`);
          }
          o.applied++;
        }
      } finally {
        await writer.close();
      }
      if (this.outcome.interrupted) continue;
      if (problems.length > 0) {
        throw new ApplyError(`dry run: ${f.file} would fail: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}. Nothing was written`, undefined, this.outcome);
      }
      const extra = [
        o.already > 0 ? `${o.already} already ${this.rollback ? 'undone' : 'applied'}` : '',
        o.notNeeded > 0 ? `${o.notNeeded} never applied (nothing to undo)` : '',
        o.skipped > 0 ? `${o.skipped} changed since ${this.rollback ? 'vigie apply' : 'the plan'} would be left as they are` : '',
      ].filter(Boolean);
      this.request.onProgress?.(`${f.file}: ${o.applied} changes would be ${this.rollback ? 'undone' : 'applied'}${extra.length > 0 ? `, ${extra.join(', ')}` : ''} (dry run, nothing written)`);
    }
    return this.outcome;
  }
}

export function totals(outcome: ApplyOutcome): Omit<FileOutcome, 'file'> {
  const t = { records: 0, applied: 0, already: 0, skipped: 0, notNeeded: 0, notApplied: 0 };
  for (const f of outcome.files) for (const k of Object.keys(t) as (keyof typeof t)[]) t[k] += f[k];
  return t;
}
