// The audit of a set of accounts (issue #2 §3–5): classify every stored value, then find weak passwords with
// worker threads — global candidates hashed once for every unsalted value, per-account candidates for the
// rest — and group shared passwords. Returns findings per account; the report is built elsewhere.
import { randomBytes } from 'node:crypto';
import type { AccountFindingCode, CandidateFamilyId, Depth, HashSchemeName, Profile } from '../../contract/codes.ts';
import type { AccountFinding, AccountReport, DirectoryFinding } from '../../contract/report.ts';
import type { AccountSource } from '../directory/account-store.ts';
import type { AccountRecord, SchoolContext } from '../directory/model.ts';
import { CancelledError } from '../errors.ts';
import { classifyValue } from '../hash/classify.ts';
import { severityFor } from '../report/severity.ts';
import { DigestIndexBuilder, digestRuns, type DigestIndex } from './digest-index.ts';
import type { CheckNote, LearnedModel } from './protocol.ts';
import type { Recovery } from './protocol.ts';
import { DirectoryLearning, imposedSchemes, likelyDefault } from './learning.ts';
import { groupMembers, PasswordGroups } from './shared-groups.ts';
import { storageFindings, weakestScheme } from './storage-findings.ts';
import { WorkerPool } from './worker-pool.ts';
import { memoryBudget } from './memory-lease.ts';
import { BreachIndex } from '../breached/breach-index.ts';
import { storedBreachCount } from '../breached/stored-lookup.ts';
import { CheckPlans } from './check-plan.ts';

/** `learned`: salted and slow accounts, checked with what the first accounts taught (issue #12). */
export type AuditPhase = 'classify' | 'global' | 'accounts' | 'learned';

export interface AuditProgress {
  phase: AuditPhase;
  done: number;
  total: number;
}

export interface AuditOptions {
  school: SchoolContext;
  depth: Depth;
  signal?: AbortSignal;
  onProgress?: (p: AuditProgress) => void;
  /** Number of worker threads (default: one per core). */
  workers?: number;
  /** The worker's code, for packaged builds. */
  workerUrl?: URL;
  /** Folder of the local breach index (HIBP): stored digests and recovered passwords are looked up in it. */
  breachIndexDir?: string;
}

/** What the report says of who an account is; the rest of its record is not kept past its classification. */
export type AccountIdentity = Pick<AccountRecord, 'dn' | 'login' | 'profile' | 'classes'>;

export interface AccountAudit {
  account: AccountIdentity;
  /** What the report says of the stored values: schemes and parameters, never a hash. */
  storedSchemes: AccountReport['storedSchemes'];
  hashScheme: HashSchemeName | 'NONE';
  findings: AccountFinding[];
  /** True when a stored value uses a scheme Vigie cannot check yet: no weak-password verdict. */
  unchecked: boolean;
}

export interface AuditResult {
  accounts: AccountAudit[];
  candidatesChecked: number;
  /** What the audit learnt about the directory as a whole: imposed password schemes (IMPOSED_PASSWORD_SCHEME). */
  directoryFindings: DirectoryFinding[];
}

const FAMILY_CODE: Record<CandidateFamilyId, AccountFindingCode> = {
  empty: 'EMPTY_PASSWORD',
  personal: 'PERSONAL_INFO_PASSWORD',
  school: 'SCHOOL_INFO_PASSWORD',
  common: 'COMMON_PASSWORD',
};

const ACCOUNTS_PER_TASK = 32;
/** A task's work is cut to a share of what is left in its round, but not below this (≈ 0.25 s of one core): tasks stay worth a message. */
const MIN_TASK_WORK = 250_000;

export async function runAudit(accounts: AccountSource, options: AuditOptions): Promise<AuditResult> {
  const { school, depth, signal, onProgress } = options;
  if (signal?.aborted) throw new CancelledError();

  // One account at a time: its stored values are classified, summed up and dropped. Only the compact digest
  // index, the storage findings, the report's scheme list and what the workers will check (the check plan, the
  // one classification they get) outlive this loop.
  const breaches = options.breachIndexDir ? BreachIndex.open(options.breachIndexDir) : null;
  const digests = new DigestIndexBuilder();
  const audits: AccountAudit[] = new Array<AccountAudit>(accounts.length);
  const plans = new CheckPlans(accounts.length);
  const breached = new Map<number, number>();
  // Thousands of accounts share the same stored-scheme list, class list and storage findings: one frozen copy
  // of each (100,000 accounts: tens of megabytes less until the report is written).
  const shared = new Map<string, unknown>();
  const intern = <T extends object>(value: T): T => {
    const key = JSON.stringify(value);
    let one = shared.get(key) as T | undefined;
    if (one === undefined) shared.set(key, (one = deepFreeze(value)));
    return one;
  };
  try {
    for (let i = 0; i < accounts.length; i++) {
      const account = accounts.at(i)!;
      const values = account.passwords.map((p) => classifyValue(p.attribute, p.value));
      for (const v of values) if (v.unsaltedKey !== null) digests.add(v.scheme, v.unsaltedKey, i);
      plans.add(values);
      const count = breaches ? storedBreachCount(values, breaches) : 0;
      if (count > 0) breached.set(i, count);
      audits[i] = {
        account: { dn: account.dn, login: account.login, profile: account.profile, classes: intern(account.classes) },
        storedSchemes: intern(values.map((v) => ({
          scheme: v.scheme,
          attribute: v.attribute,
          ...(Object.keys(v.params).length > 0 ? { params: v.params } : {}),
        }))),
        hashScheme: weakestScheme(values),
        findings: storageFindings(values).map((f) => intern({
          code: f.code, severity: severityFor(f.code, account.profile), scheme: f.scheme,
          ...(f.params !== undefined ? { params: f.params } : {}),
          ...(f.weakParameters !== undefined ? { weakParameters: f.weakParameters } : {}),
        })),
        unchecked: false,
      };
    }
  } finally {
    breaches?.close();
  }
  const index = digests.finish();
  onProgress?.({ phase: 'classify', done: accounts.length, total: accounts.length });

  const pool = new WorkerPool({
    school, depth, runKey: randomBytes(32), memoryBudget: memoryBudget(), ...(breaches ? { breachIndexDir: options.breachIndexDir } : {}),
  }, options.workers, options.workerUrl, workerHeapMb(index));
  const abort = (): void => void pool.terminate();
  signal?.addEventListener('abort', abort, { once: true });
  // Cancelled while classifying, before the listener existed: stop here.
  if (signal?.aborted) {
    await pool.terminate();
    throw new CancelledError();
  }
  const learning = new DirectoryLearning((i) => audits[i]!.account.profile);
  const unsupported = new Set<number>();
  // Fast salted accounts whose whole list was tried in the first pass (a note from the worker).
  const listedAll = new Uint8Array(accounts.length);
  let candidatesChecked = 0;
  const take: Take = (r) => {
    for (const x of r.recoveries) learning.recovered(x);
    for (const x of r.sightings) learning.sighting(x);
    for (const n of r.notes) {
      if (n.note === 'unsupported') unsupported.add(n.index);
      else listedAll[n.index] = 1;
    }
    candidatesChecked += r.candidates;
  };
  const firstPass: number[] = [];
  const slow: number[] = [];
  for (let i = 0; i < accounts.length; i++) {
    const speed = plans.speed(i);
    if (speed === 'slow') slow.push(i);
    else if (speed !== null) firstPass.push(i);
  }
  try {
    if (index.length > 0) await runGlobal(pool, index, onProgress, take);
    // First pass: unsalted and fast salted accounts, every candidate of the depth. What they show is learnt.
    await feedAccounts(pool, accounts, plans, depth, firstPass, () => undefined, 'accounts', onProgress, take, (i) => learning.checkedAccount(i));
    // The passwords known so far go to every worker (through their own ports), then are tried on every unsalted
    // value at once; the salted and slow accounts get them first in the learned pass.
    // Known passwords handed to every worker, through their own ports.
    const share = (fingerprints: string[]): Promise<unknown> =>
      Promise.all(Array.from({ length: pool.size }, () => pool.run({ kind: 'share', fingerprints })));
    const reuse = learning.reused();
    const shared = new Set(reuse);
    if (reuse.length > 0) {
      await share(reuse);
      if (index.length > 0) {
        await Promise.all(Array.from({ length: pool.size }, (_, shard) =>
          pool.run({ kind: 'reuse', shard, shards: pool.size, fingerprints: reuse, digests: index }).then(take)));
      }
    }
    // Learned pass: fast salted accounts not found yet get the learned head only (they had every candidate of the
    // depth); slow ones their whole budget, in the learned order. In rounds: the model is made again from what
    // the rounds before found (the first slow accounts teach the rest), and is the same for every task of a
    // round, so the same directory always gives the same findings, however the workers' timing goes.
    const headOnly = new Set(firstPass.filter((i) => plans.speed(i) === 'fast' && !learning.found(i)));
    const learnedPass = [...headOnly, ...slow];
    let offset = 0;
    for (const round of learnedRounds(learnedPass)) {
      // What the round before found goes to every worker first: a task may go to any of them.
      const fresh = learning.reused().filter((f) => !shared.has(f));
      if (fresh.length > 0 && offset > 0) {
        for (const f of fresh) shared.add(f);
        await share(fresh);
      }
      const model = learning.current();
      await feedAccounts(pool, accounts, plans, depth, round, () => model, 'learned', onProgress, take, (i) => learning.checkedAccount(i),
        { headOnly, reusedOnly: (i) => listedAll[i] === 1 },
        { offset, total: learnedPass.length });
      offset += round.length;
    }
  } catch (e) {
    if (signal?.aborted) throw new CancelledError();
    throw e;
  } finally {
    signal?.removeEventListener('abort', abort);
    await pool.terminate();
  }
  if (signal?.aborted) throw new CancelledError();

  const checkable = new Map<Profile, number>();
  for (let i = 0; i < accounts.length; i++) {
    if (plans.speed(i) === null) continue;
    const p = audits[i]!.account.profile;
    checkable.set(p, (checkable.get(p) ?? 0) + 1);
  }
  const imposed = imposedSchemes(learning.best, checkable, (i) => audits[i]!.account.profile);
  const imposedShape = new Map<number, true>();
  for (const x of imposed) for (const i of x.accounts) imposedShape.set(i, true);
  return {
    accounts: assemble(audits, index, learning, unsupported, breached, imposedShape),
    candidatesChecked,
    directoryFindings: imposed.map((x) => x.finding),
  };
}

type Take = (r: { recoveries: Recovery[]; sightings: { index: number; fingerprint: string }[]; candidates: number; notes: CheckNote[] }) => void;

/**
 * Global candidates against every unsalted value: each shard counts its own candidates (listed, then the hybrid
 * product's pairs) and says so first: the candidate lists are loaded by the workers only. Progress starts when
 * every shard has said.
 */
async function runGlobal(pool: WorkerPool, index: DigestIndex, onProgress: AuditOptions['onProgress'], take: Take): Promise<void> {
  const done = new Array<number>(pool.size).fill(0);
  const totals = new Array<number | undefined>(pool.size).fill(undefined);
  let total: number | undefined;
  const tasks: Promise<void>[] = [];
  for (let shard = 0; shard < pool.size; shard++) {
    tasks.push(pool.run({ kind: 'global', shard, shards: pool.size, digests: index }, (d, t) => {
      done[shard] = d;
      if (t !== undefined) {
        totals[shard] = t;
        if (totals.every((x) => x !== undefined)) total = sum(totals as number[]);
      }
      if (total !== undefined) onProgress?.({ phase: 'global', done: sum(done), total });
    }).then(take));
  }
  await Promise.all(tasks);
  const checked = sum(done);
  onProgress?.({ phase: 'global', done: total ?? checked, total: total ?? checked });
}

/**
 * Per-account checks, one task per worker at a time, its records made from the store only when it is sent: the
 * main thread never holds more than a few tasks' accounts as objects. Each goes with the values its check plan
 * names, classified. `model()` is asked when each task is sent.
 *
 * A phase (or a round of the learned pass) ends when its slowest task does, so the costliest accounts go first
 * (a scrypt or PBKDF2 value with a million iterations can take seconds for its ten candidates) and a task holds
 * at most a share of the work left (guided self-scheduling): the last tasks are short, and no worker waits long
 * for another. Which accounts a round holds, and so what it learns, does not change.
 */
async function feedAccounts(
  pool: WorkerPool, accounts: AccountSource, plans: CheckPlans, depth: Depth, list: readonly number[], model: () => LearnedModel | undefined,
  phase: AuditPhase, onProgress: AuditOptions['onProgress'], take: Take, checked: (index: number) => void,
  head?: { headOnly: ReadonlySet<number>; reusedOnly: (index: number) => boolean },
  // A round of a longer phase: its progress counts from `offset` of `total`.
  progress: { offset: number; total: number } = { offset: 0, total: list.length },
): Promise<void> {
  let accountsDone = progress.offset;
  // Said even when there is nothing to check: the phase is done, not skipped.
  if (progress.offset === 0) onProgress?.({ phase, done: 0, total: progress.total });
  const headOnly = (i: number): boolean => head?.headOnly.has(i) === true;
  const { order, work } = costliestFirst(list, (i) => plans.work(i, depth, headOnly(i)));
  let left = work.reduce((a, b) => a + b, 0);
  let next = 0;
  const feed = async (): Promise<void> => {
    while (next < order.length) {
      const end = taskEnd(work, next, left, pool.size);
      const chunk = Array.from(order.subarray(next, end));
      for (let k = next; k < end; k++) left -= work[k]!;
      next = end;
      const items = chunk.map((i) => plans.toCheck(i, accounts.at(i)!, headOnly(i), head?.reusedOnly(i) === true));
      const m = model();
      let reported = 0;
      const r = await pool.run({ kind: 'accounts', items, ...(m ? { model: m } : {}) }, (d) => {
        accountsDone += d - reported;
        reported = d;
        onProgress?.({ phase, done: accountsDone, total: progress.total });
      });
      take(r);
      for (const i of chunk) checked(i);
    }
  };
  await Promise.all(Array.from({ length: pool.size }, () => feed()));
}

/**
 * Where the task that starts at `from` of a phase's accounts (costliest first, `work` each, `left` in all from
 * `from` on) ends: at most ACCOUNTS_PER_TASK accounts, and no more work than a share of what is left for `workers`
 * (but at least MIN_TASK_WORK, and at least one account).
 */
export function taskEnd(work: Float64Array, from: number, left: number, workers: number): number {
  const most = Math.max(MIN_TASK_WORK, left / (2 * workers));
  let end = from + 1;
  let sum = work[from]!;
  while (end < work.length && end - from < ACCOUNTS_PER_TASK && sum + work[end]! <= most) sum += work[end++]!;
  return end;
}

/** The accounts of `list` by estimated work, costliest first (equal ones in list order), each with its work. */
export function costliestFirst(list: readonly number[], workOf: (index: number) => number): { order: Uint32Array; work: Float64Array } {
  const byPosition = Float64Array.from(list, workOf);
  const positions = Uint32Array.from(list.keys()).sort((a, b) => byPosition[b]! - byPosition[a]! || a - b);
  return { order: positions.map((p) => list[p]!), work: positions.length ? Float64Array.from(positions, (p) => byPosition[p]!) : new Float64Array(0) };
}

/**
 * The learned pass in rounds of growing size (about 5 %, 15 %, then the rest, never smaller than a few tasks per
 * worker): the first rounds' recoveries reshape the model the later ones get. Between rounds the workers wait
 * for the slowest task of the round: a few rounds keep that short.
 */
export function learnedRounds(list: readonly number[], minimum = 64): number[][] {
  const rounds: number[][] = [];
  let start = 0;
  for (const share of [0.05, 0.15]) {
    const size = Math.max(minimum, Math.round(list.length * share));
    if (list.length - start <= size + minimum) break;
    rounds.push(list.slice(start, start + size));
    start += size;
  }
  rounds.push(list.slice(start));
  return rounds.filter((r, i) => r.length > 0 || i === 0);
}

/**
 * A worker's heap limit: room for its candidates, the zxcvbn dictionaries and recoveries, plus what the global
 * phase builds per stored digest (the kernels' lookup holds each as hex, then bytes, while it sorts them).
 */
function workerHeapMb(index: DigestIndex): number {
  let entries = 0;
  for (const d of index) entries += d.count;
  return 1024 + Math.ceil((entries * 512) / 2 ** 20);
}

function deepFreeze<T extends object>(value: T): T {
  for (const v of Object.values(value)) if (typeof v === 'object' && v !== null) deepFreeze(v as object);
  return Object.freeze(value);
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

function assemble(
  audits: AccountAudit[], index: DigestIndex, learning: DirectoryLearning, unsupported: Set<number>, breached: Map<number, number>,
  imposed: ReadonlyMap<number, true>,
): AccountAudit[] {
  const { best } = learning;
  const groups = new PasswordGroups();
  // Equal unsalted digests sit side by side in the sorted index. LM keys are case-folded and truncated: equal
  // LM values do not prove equal passwords, so they don't group.
  for (const d of index) {
    if (d.scheme === 'LM') continue;
    for (const [start, end] of digestRuns(d)) for (let k = start + 1; k < end; k++) groups.same(d.accounts[start]!, d.accounts[k]!);
  }
  // A password found on an LM value only is known in some capitals: its fingerprint proves no equality either.
  for (const r of best.values()) if (!r.caseFolded) groups.key(r.index, r.fingerprint);
  for (const [i, fingerprint] of learning.sighted) groups.key(i, fingerprint);
  const shared = groups.numbered();
  const members = groupMembers(shared);
  const defaults = new Set<number>();
  for (const [groupId, list] of members) if (likelyDefault(list, best)) defaults.add(groupId);

  audits.forEach((audit, i) => {
    const { findings } = audit;
    const profile = audit.account.profile;
    const r = best.get(i);
    if (r) {
      const code = FAMILY_CODE[r.family];
      findings.push({
        code, severity: severityFor(code, profile), family: r.family,
        patternId: r.patternId, shape: r.shape, strength: r.strength,
        ...(imposed.has(i) ? { imposedScheme: true as const } : {}),
      });
    }
    const g = shared.get(i);
    if (g) {
      findings.push({
        code: 'SHARED_PASSWORD', severity: severityFor('SHARED_PASSWORD', profile), groupId: g.groupId, groupSize: g.size,
        ...(defaults.has(g.groupId) ? { likelyDefault: true as const } : {}),
      });
    }
    const breachCount = Math.max(breached.get(i) ?? 0, r?.breachCount ?? 0);
    if (breachCount > 0) {
      findings.push({ code: 'BREACHED_PASSWORD', severity: severityFor('BREACHED_PASSWORD', profile, breachCount), breachCount });
    }
    audit.unchecked = unsupported.has(i);
  });
  return audits;
}
