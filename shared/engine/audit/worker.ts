// The checking done inside a worker thread. Candidates are generated here and checked here; a recovered
// password lives only in this function's locals and leaves as a pattern, a strength and a keyed fingerprint.
import { createHmac } from 'node:crypto';
import type { HashSchemeName } from '../../contract/codes.ts';
import { accountCandidates, budgetedCandidates, globalCandidates } from '../candidates/index.ts';
import { rateStrength, schoolInputsFor, userInputsFor } from '../candidates/strength.ts';
import type { Candidate } from '../candidates/family.ts';
import type { AccountRecord } from '../directory/model.ts';
import { classifyValue, schemeByName } from '../hash/classify.ts';
import type { StoredHash } from '../hash/scheme.ts';
import { CandidateBatch } from '../hash/kernels/batch.ts';
import { productInput, saltedCheck, saltedProductCheck, UnsaltedLookup, type ProductInput } from '../hash/kernels/batch-check.ts';
import { hybridCandidate, hybridHead, hybridPlan, type HybridPlan } from '../candidates/common/hybrid.ts';
import { candidateLimit } from './budget.ts';
import { BreachIndex } from '../breached/breach-index.ts';
import type { CheckNote, Recovery, UnsaltedIndex, WorkerInit } from './protocol.ts';
import { MemoryLease } from './memory-lease.ts';

/** Pairs of the hybrid product per kernel call: a few hundred milliseconds of native work between progress reports. */
const HYBRID_PIECE = 1 << 24;

/** Which unsalted value to check personal candidates against: exact ones before LM (case-folded, truncated). */
const UNSALTED_PREFERENCE: HashSchemeName[] = ['CLEARTEXT', 'NT', 'MD5', 'SHA', 'SHA256', 'SHA384', 'SHA512', 'LM'];

export interface CheckOutcome {
  recoveries: Recovery[];
  notes: CheckNote[];
  candidates: number;
}

export class AccountChecker {
  /**
   * Strength of the passwords every account may share (empty, school, common), by keyed fingerprint, never by
   * the password: rated once per worker. A regional directory has thousands of "azerty": zxcvbn once each
   * would dominate the scan. The person's words are left out for these: they cannot make a list word stronger.
   */
  private readonly sharedStrength = new Map<string, number>();
  private schoolInputs: string[] | null = null;
  private hybrid: { plan: HybridPlan; input: ProductInput } | null = null;

  private readonly lease: MemoryLease | null;

  constructor(private readonly init: WorkerInit) {
    this.lease = init.memoryBudget ? new MemoryLease(init.memoryBudget) : null;
  }

  /** `account` is null for the global candidates, which are rated without a person's words. */
  private recovery(index: number, account: AccountRecord | null, candidate: Candidate, ordinal: number): Recovery {
    const breachCount = this.breachCount(candidate.password);
    const fingerprint = createHmac('sha256', this.init.runKey).update(candidate.password, 'utf8').digest('hex').slice(0, 32);
    return {
      index,
      ordinal,
      family: candidate.family,
      patternId: candidate.patternId,
      strength: this.strength(account, candidate, fingerprint),
      fingerprint,
      ...(breachCount > 0 ? { breachCount } : {}),
    };
  }

  private strength(account: AccountRecord | null, candidate: Candidate, fingerprint: string): number {
    if (candidate.family === 'personal' && account) return rateStrength(candidate.password, userInputsFor(account, this.init.school));
    let score = this.sharedStrength.get(fingerprint);
    if (score === undefined) {
      this.schoolInputs ??= schoolInputsFor(this.init.school);
      score = rateStrength(candidate.password, this.schoolInputs);
      this.sharedStrength.set(fingerprint, score);
    }
    return score;
  }

  /**
   * Looked up here, in the worker that recovered it: the password never leaves this thread. Opened and closed
   * each time (microseconds, next to the strength rating): a worker keeps no descriptor past its tasks.
   */
  private breachCount(password: string): number {
    if (!this.init.breachIndexDir) return 0;
    const index = BreachIndex.open(this.init.breachIndexDir);
    try {
      return index?.countPassword(password) ?? 0;
    } finally {
      index?.close();
    }
  }

  /**
   * Global candidates (empty, school, common) of this shard, each hashed once per unsalted scheme present and
   * looked up for every account at once. The first progress call gives this shard's number of candidates.
   */
  checkGlobal(shard: number, shards: number, index: UnsaltedIndex, onProgress?: (done: number, total?: number) => void): CheckOutcome {
    const recoveries: Recovery[] = [];
    const found = new Set<number>();
    // Hashed a batch at a time by the fast kernels (native or WebAssembly SIMD), looked up for all accounts at once.
    const lookup = new UnsaltedLookup<Candidate & { ordinal: number }>(index, (candidate, hits) => {
      for (const i of hits) {
        if (found.has(i)) continue;
        found.add(i);
        recoveries.push(this.recovery(i, null, candidate, candidate.ordinal));
      }
    });
    const plan = hybridPlan(this.init.depth);
    const first = plan ? Math.floor((plan.size * shard) / shards) : 0;
    const end = plan ? Math.floor((plan.size * (shard + 1)) / shards) : 0;
    // Candidate n is this shard's when n % shards === shard. Listed first, so the shard's count can lead its
    // progress (a few thousand candidates: 71,000 in all at deep).
    const mine: (Candidate & { ordinal: number })[] = [];
    let n = 0;
    for (const candidate of globalCandidates(this.init.school, this.init.depth)) {
      if (n++ % shards === shard) mine.push({ ...candidate, ordinal: n - 1 });
    }
    onProgress?.(0, mine.length + (end - first));
    let checked = 0;
    for (const candidate of mine) {
      checked++;
      lookup.push(candidate);
      if (onProgress && checked % 2048 === 0) onProgress(checked);
    }
    lookup.flush();
    // Then the common words × digits, years and symbols, generated inside the kernels: this shard's share of the
    // pairs, in pieces (progress, and hits reported as they come), numbered after every listed candidate.
    if (plan && plan.size > 0) {
      const input = this.productInput(plan);
      const listed = n;
      for (let start = first; start < end; start += HYBRID_PIECE) {
        const count = Math.min(HYBRID_PIECE, end - start);
        lookup.pushProduct(input, start, count, (pair) => ({ ...hybridCandidate(plan, pair), ordinal: listed + pair }));
        checked += count;
        onProgress?.(checked);
      }
    }
    return { recoveries, notes: [], candidates: checked };
  }

  /** The hybrid product's stems packed once per worker and depth. */
  private productInput(plan: HybridPlan): ProductInput {
    if (this.hybrid?.plan !== plan) this.hybrid = { plan, input: productInput(plan.stems, plan.suffixes) };
    return this.hybrid.input;
  }

  /**
   * Per-account candidates: personal ones against the account's own unsalted value, or — for salted and slow
   * schemes — every family merged in likelihood order, within the depth's budget.
   */
  async checkAccount(index: number, account: AccountRecord): Promise<CheckOutcome> {
    const stored = account.passwords.map((p) => classifyValue(p.attribute, p.value));
    const { school, depth } = this.init;
    const unsalted = pickUnsalted(stored);
    if (unsalted) {
      const scheme = schemeByName(unsalted.scheme);
      let tried = 0;
      for (const candidate of accountCandidates(account, school, depth)) {
        tried++;
        if (scheme.digestHex!(candidate.password) === unsalted.unsaltedKey) {
          return { recoveries: [this.recovery(index, account, candidate, tried - 1)], notes: [], candidates: tried };
        }
      }
      return { recoveries: [], notes: [], candidates: tried };
    }
    const salted = pickCheapestSalted(stored);
    if (!salted) return { recoveries: [], notes: [], candidates: 0 };
    const scheme = schemeByName(salted.scheme);
    const limit = candidateLimit(depth, scheme.cost(salted.parsed));
    const batchCheck = saltedCheck(salted);
    if (batchCheck) return this.checkSaltedInBatches(index, account, limit, batchCheck, saltedProductCheck(salted));
    let tried = 0;
    // Memory-hard values: the account's checks run under a lease on the memory one check takes (memory-lease.ts).
    const bytes = this.lease ? scheme.memoryBytes?.(salted.parsed) ?? 0 : 0;
    const leased = bytes > 0 ? this.lease!.acquire(bytes) : 0;
    try {
      for (const candidate of budgetedCandidates(account, school, depth, limit)) {
        tried++;
        if (await scheme.verify(salted.parsed, candidate.password)) {
          return { recoveries: [this.recovery(index, account, candidate, tried - 1)], notes: [], candidates: tried };
        }
      }
    } catch {
      // A scheme Vigie cannot verify yet: say the account was not checked rather than call it strong.
      return { recoveries: [], notes: [{ index, note: 'unsupported', scheme: salted.scheme, candidatesTried: tried }], candidates: tried };
    } finally {
      if (leased > 0) this.lease!.release(leased);
    }
    return { recoveries: [], notes: [], candidates: tried };
  }

  /** SSHA, SMD5, md5crypt, sha-crypt: the budgeted candidates through the fast kernels, a batch at a time. */
  private checkSaltedInBatches(
    index: number,
    account: AccountRecord,
    limit: number,
    check: (batch: CandidateBatch) => number,
    productCheck: ((input: ProductInput, count: number) => number) | null,
  ): CheckOutcome {
    const batch = new CandidateBatch(Math.min(limit, 1024));
    const items: Candidate[] = [];
    let tried = 0;
    const run = (): CheckOutcome | null => {
      const hit = batch.count ? check(batch) : -1;
      if (hit >= 0) return { recoveries: [this.recovery(index, account, items[hit]!, tried + hit)], notes: [], candidates: tried + hit + 1 };
      tried += batch.count;
      batch.clear();
      items.length = 0;
      return null;
    };
    for (const candidate of budgetedCandidates(account, this.init.school, this.init.depth, limit)) {
      batch.push(candidate.password);
      items.push(candidate);
      if (batch.full) {
        const found = run();
        if (found) return found;
      }
    }
    const found = run();
    if (found) return found;
    // Budget left once every listed candidate was tried (deep depth, fast salted schemes): the hybrid product's
    // first pairs, most likely words first, generated by the kernel.
    const plan = hybridPlan(this.init.depth);
    const left = limit - tried;
    if (productCheck && plan && left > 0) {
      const head = hybridHead(plan, left);
      const pair = productCheck(productInput(head.stems, head.suffixes), head.size);
      if (pair >= 0) return { recoveries: [this.recovery(index, account, hybridCandidate(head, pair), tried + pair)], notes: [], candidates: tried + pair + 1 };
      tried += head.size;
    }
    return { recoveries: [], notes: [], candidates: tried };
  }
}

function pickUnsalted(stored: StoredHash[]): StoredHash | undefined {
  for (const name of UNSALTED_PREFERENCE) {
    const s = stored.find((v) => v.scheme === name && v.unsaltedKey !== null);
    if (s) return s;
  }
  return undefined;
}

function pickCheapestSalted(stored: StoredHash[]): StoredHash | undefined {
  let best: StoredHash | undefined;
  let bestCost = Infinity;
  for (const s of stored) {
    if (s.scheme === 'UNKNOWN' || s.unsaltedKey !== null) continue;
    const cost = schemeByName(s.scheme).cost(s.parsed);
    if (cost < bestCost) {
      best = s;
      bestCost = cost;
    }
  }
  return best;
}
