// The audit of a set of accounts (issue #2 §3–5): classify every stored value, then find weak passwords with
// worker threads — global candidates hashed once for every unsalted value, per-account candidates for the
// rest — and group shared passwords. Returns findings per account; the report is built elsewhere.
import { randomBytes } from 'node:crypto';
import type { AccountFindingCode, CandidateFamilyId, Depth, HashSchemeName } from '../../contract/codes.ts';
import type { AccountFinding, AccountReport } from '../../contract/report.ts';
import { patternLabel } from '../candidates/patterns.ts';
import type { AccountSource } from '../directory/account-store.ts';
import type { AccountRecord, SchoolContext } from '../directory/model.ts';
import { CancelledError } from '../errors.ts';
import { classifyValue } from '../hash/classify.ts';
import { severityFor } from '../report/severity.ts';
import { DigestIndexBuilder, digestRuns, type DigestIndex } from './digest-index.ts';
import type { Recovery } from './protocol.ts';
import { PasswordGroups } from './shared-groups.ts';
import { storageFindings, weakestScheme } from './storage-findings.ts';
import { WorkerPool } from './worker-pool.ts';
import { memoryBudget } from './memory-lease.ts';
import { BreachIndex } from '../breached/breach-index.ts';
import { storedBreachCounts } from '../breached/stored-lookup.ts';

export type AuditPhase = 'classify' | 'global' | 'accounts';

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
}

const FAMILY_CODE: Record<CandidateFamilyId, AccountFindingCode> = {
  empty: 'EMPTY_PASSWORD',
  personal: 'PERSONAL_INFO_PASSWORD',
  school: 'SCHOOL_INFO_PASSWORD',
  common: 'COMMON_PASSWORD',
};

/** When one account's password is found by several families, the most telling one names it. */
const FAMILY_PRIORITY: CandidateFamilyId[] = ['empty', 'personal', 'school', 'common'];

const ACCOUNTS_PER_TASK = 32;

export async function runAudit(accounts: AccountSource, options: AuditOptions): Promise<AuditResult> {
  const { school, depth, signal, onProgress } = options;
  if (signal?.aborted) throw new CancelledError();

  // One account at a time: its stored values are classified, summed up and dropped. Only the compact digest
  // index, the storage findings and the report's scheme list outlive this loop.
  const breaches = options.breachIndexDir ? BreachIndex.open(options.breachIndexDir) : null;
  const digests = new DigestIndexBuilder();
  const audits: AccountAudit[] = new Array<AccountAudit>(accounts.length);
  const needsAccountCheck: number[] = [];
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
      if (values.some((v) => v.scheme !== 'UNKNOWN')) needsAccountCheck.push(i);
      const count = breaches ? storedBreachCounts([values], breaches).get(0) : undefined;
      if (count !== undefined) breached.set(i, count);
      audits[i] = {
        account: { dn: account.dn, login: account.login, profile: account.profile, classes: intern(account.classes) },
        storedSchemes: intern(values.map((v) => ({
          scheme: v.scheme,
          attribute: v.attribute,
          ...(Object.keys(v.params).length > 0 ? { params: v.params } : {}),
        }))),
        hashScheme: weakestScheme(values),
        findings: storageFindings(values).map((f) => intern({
          code: f.code, severity: severityFor(f.code, account.profile), scheme: f.scheme, detail: f.detail,
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
  const recoveries: Recovery[] = [];
  const unsupported = new Set<number>();
  let candidatesChecked = 0;
  try {
    const tasks: Promise<void>[] = [];
    if (index.length > 0) {
      // Each shard counts its own candidates (listed, then the hybrid product's pairs) and says so first: the
      // candidate lists are loaded by the workers only. Progress starts when every shard has said.
      const done = new Array<number>(pool.size).fill(0);
      const totals = new Array<number | undefined>(pool.size).fill(undefined);
      let total: number | undefined;
      for (let shard = 0; shard < pool.size; shard++) {
        tasks.push(pool.run({ kind: 'global', shard, shards: pool.size, digests: index }, (d, t) => {
          done[shard] = d;
          if (t !== undefined) {
            totals[shard] = t;
            if (totals.every((x) => x !== undefined)) total = sum(totals as number[]);
          }
          if (total !== undefined) onProgress?.({ phase: 'global', done: sum(done), total });
        }).then((r) => {
          recoveries.push(...r.recoveries);
          candidatesChecked += r.candidates;
        }));
      }
      await Promise.all(tasks.splice(0));
      const checked = sum(done);
      onProgress?.({ phase: 'global', done: total ?? checked, total: total ?? checked });
    }
    let accountsDone = 0;
    let next = 0;
    // One task per worker at a time, its records made from the store only when it is sent: the main thread
    // never holds more than a few tasks' accounts as objects.
    const feed = async (): Promise<void> => {
      while (next < needsAccountCheck.length) {
        const chunk = needsAccountCheck.slice(next, next + ACCOUNTS_PER_TASK);
        next += chunk.length;
        const items = chunk.map((i) => ({ index: i, account: accounts.at(i)! }));
        let reported = 0;
        const r = await pool.run({ kind: 'accounts', items }, (d) => {
          accountsDone += d - reported;
          reported = d;
          onProgress?.({ phase: 'accounts', done: accountsDone, total: needsAccountCheck.length });
        });
        recoveries.push(...r.recoveries);
        for (const n of r.notes) unsupported.add(n.index);
        candidatesChecked += r.candidates;
      }
    };
    for (let w = 0; w < pool.size; w++) tasks.push(feed());
    await Promise.all(tasks);
  } catch (e) {
    if (signal?.aborted) throw new CancelledError();
    throw e;
  } finally {
    signal?.removeEventListener('abort', abort);
    await pool.terminate();
  }
  if (signal?.aborted) throw new CancelledError();

  return { accounts: assemble(audits, index, recoveries, unsupported, breached), candidatesChecked };
}

/**
 * Two shards can recover the same account with different candidates (LM folds case: "password" and "Password"
 * both match): whichever finishes first must not decide the report. The more specific pattern wins, then the
 * pattern id's order, so the same directory always gives the same findings.
 */
function moreSpecific(a: Recovery, b: Recovery): boolean {
  if (a.patternId.length !== b.patternId.length) return a.patternId.length > b.patternId.length;
  // The fingerprint is keyed per run: it must not decide. The candidate found first in its stream does.
  return a.patternId > b.patternId || (a.patternId === b.patternId && a.ordinal < b.ordinal);
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
  audits: AccountAudit[], index: DigestIndex, recoveries: Recovery[], unsupported: Set<number>, breached: Map<number, number>,
): AccountAudit[] {
  const best = new Map<number, Recovery>();
  for (const r of recoveries) {
    const prev = best.get(r.index);
    if (!prev || FAMILY_PRIORITY.indexOf(r.family) < FAMILY_PRIORITY.indexOf(prev.family) || (r.family === prev.family && moreSpecific(r, prev))) {
      best.set(r.index, r);
    }
  }
  const groups = new PasswordGroups();
  // Equal unsalted digests sit side by side in the sorted index. LM keys are case-folded and truncated: equal
  // LM values do not prove equal passwords, so they don't group.
  for (const d of index) {
    if (d.scheme === 'LM') continue;
    for (const [start, end] of digestRuns(d)) for (let k = start + 1; k < end; k++) groups.same(d.accounts[start]!, d.accounts[k]!);
  }
  for (const r of best.values()) groups.key(r.index, r.fingerprint);
  const shared = groups.numbered();

  audits.forEach((audit, i) => {
    const { findings } = audit;
    const profile = audit.account.profile;
    const r = best.get(i);
    if (r) {
      const code = FAMILY_CODE[r.family];
      findings.push({
        code, severity: severityFor(code, profile), family: r.family,
        pattern: patternLabel(r.patternId, 'fr'), patternId: r.patternId, strength: r.strength,
      });
    }
    const g = shared.get(i);
    if (g) findings.push({ code: 'SHARED_PASSWORD', severity: severityFor('SHARED_PASSWORD', profile), groupId: g.groupId, groupSize: g.size });
    const breachCount = Math.max(breached.get(i) ?? 0, r?.breachCount ?? 0);
    if (breachCount > 0) {
      findings.push({ code: 'BREACHED_PASSWORD', severity: severityFor('BREACHED_PASSWORD', profile, breachCount), breachCount });
    }
    audit.unchecked = unsupported.has(i);
  });
  return audits;
}
