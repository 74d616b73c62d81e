// The checking done inside a worker thread. Candidates are generated here and checked here, against the values the
// main thread classified and chose (check-plan.ts): a worker classifies nothing. A recovered password lives only
// in this function's locals and leaves as a pattern, a strength and a keyed fingerprint.
import { createHmac } from 'node:crypto';
import { accountCandidates, budgetedCandidates, globalCandidates, learnedCandidates } from '../candidates/index.ts';
import { shapeOf } from '../candidates/shape.ts';
import { rateStrength, schoolInputsFor, userInputsFor } from '../candidates/strength.ts';
import type { Candidate } from '../candidates/family.ts';
import type { AccountRecord } from '../directory/model.ts';
import { readClassified, schemeOf } from '../hash/classify.ts';
import type { StoredHash } from '../hash/scheme.ts';
import { CandidateBatch } from '../hash/kernels/batch.ts';
import { productInput, saltedCheck, saltedProductCheck, UnsaltedLookup, type ProductInput } from '../hash/kernels/batch-check.ts';
import { hybridCandidate, hybridHead, hybridPlan, type HybridPlan } from '../candidates/common/hybrid.ts';
import { accountLimit } from './budget.ts';
import { BreachIndex } from '../breached/breach-index.ts';
import type { AccountToCheck, CheckNote, ClassifiedValue, LearnedModel, Recovery, Sighting, UnsaltedIndex, WorkerInit } from './protocol.ts';
import { MemoryLease } from './memory-lease.ts';

/** Pairs of the hybrid product per kernel call: a few hundred milliseconds of native work between progress reports. */
const HYBRID_PIECE = 1 << 24;

export interface CheckOutcome {
  recoveries: Recovery[];
  notes: CheckNote[];
  candidates: number;
  sightings: Sighting[];
}

/**
 * A password this worker knows: recovered by a candidate (its family and pattern), or read in clear (none). The
 * only copies of recovered passwords live in these entries, in worker memory, for the run (issue #12 §1).
 */
interface Known {
  password: string;
  candidate: Candidate | null;
}

/**
 * Learned candidates and reused passwords at least this likely for an account (an imposed formula kept by a
 * tenth of its profile, a default shared by a tenth) reach it whatever its budget: argon2 and bcrypt included.
 * Below, they only come first within the budget: a habit of 5 % is not worth a strong value's extra seconds.
 */
const MUST_TRY_WEIGHT = 0.1;
/** …at most this many of them per account. */
const MUST_TRY_MAX = 8;
/** Learned candidates and reused passwords put ahead of an account's usual order, at most. */
const HEAD_MAX = 400;
/**
 * …and only those at least this likely: the usual order's first candidates ("nom + date de naissance", the top
 * common passwords) are each about this likely by their priors; a habit seen on 1 % of a profile does not
 * outrank them.
 */
const HEAD_FLOOR = 0.02;
/** A password this many accounts are known to hold goes ahead of the usual order whatever its share. */
const SHARED_DEFAULT = 3;

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
  /** Passwords recovered or read in clear by this worker or handed over by the others, by keyed fingerprint. */
  private readonly known = new Map<string, Known>();
  /**
   * The breach index, opened at the first recovered password and kept for the worker's life: its files are closed
   * when the worker ends (Node closes the descriptors a worker opened: worker-pool.ts). Null: none in the folder.
   */
  private breaches: BreachIndex | null | undefined;

  constructor(private readonly init: WorkerInit) {
    this.lease = init.memoryBudget ? new MemoryLease(init.memoryBudget) : null;
  }

  /**
   * `account` is null for the global candidates, which are rated without a person's words. `caseFolded`: matched
   * on an LM value only, so the candidate may be the password in other capitals: no breach count (the corpus is
   * looked up by the exact password), and the recovery says so.
   */
  private recovery(index: number, account: AccountRecord | null, candidate: Candidate, ordinal: number, caseFolded = false): Recovery {
    const breachCount = caseFolded ? 0 : this.breachCount(candidate.password);
    const fingerprint = this.fingerprint(candidate.password);
    if (!this.known.has(fingerprint) || this.known.get(fingerprint)!.candidate === null) this.known.set(fingerprint, { password: candidate.password, candidate });
    return {
      index,
      ordinal,
      family: candidate.family,
      patternId: candidate.patternId,
      shape: shapeOf(candidate.patternId, candidate.password),
      strength: this.strength(account, candidate, fingerprint),
      fingerprint,
      ...(breachCount > 0 ? { breachCount } : {}),
      ...(caseFolded ? { caseFolded: true as const } : {}),
    };
  }

  private fingerprint(password: string): string {
    return createHmac('sha256', this.init.runKey).update(password, 'utf8').digest('hex').slice(0, 32);
  }

  /** A password read in clear: known from now on, without a pattern; only its fingerprint leaves. */
  private sight(index: number, password: string): Sighting {
    const fingerprint = this.fingerprint(password);
    if (!this.known.has(fingerprint)) this.known.set(fingerprint, { password, candidate: null });
    return { index, fingerprint };
  }

  /**
   * A known password found on another account. A list password (empty, school, common) is weak wherever it is:
   * the same finding. Someone else's personal password, or one read in clear, says only that they share it.
   */
  private reused(index: number, known: Known, ordinal: number): { recovery?: Recovery; sighting?: Sighting } {
    if (known.candidate && known.candidate.family !== 'personal') return { recovery: this.recovery(index, null, known.candidate, ordinal) };
    return { sighting: { index, fingerprint: this.fingerprint(known.password) } };
  }

  /**
   * Hands the known passwords of these fingerprints to every other worker, through the pool's ports, and waits
   * for theirs: after it, every worker knows every password worth trying elsewhere.
   */
  async share(fingerprints: readonly string[]): Promise<void> {
    const peers = this.init.peers ?? [];
    const mine: [string, Known][] = [];
    for (const f of fingerprints) {
      const k = this.known.get(f);
      if (k) mine.push([f, k]);
    }
    const received = peers.map((port) => new Promise<void>((resolve) => {
      port.once('message', (theirs: [string, Known][]) => {
        for (const [f, k] of theirs) {
          const had = this.known.get(f);
          if (!had || (had.candidate === null && k.candidate !== null)) this.known.set(f, k);
        }
        resolve();
      });
    }));
    for (const port of peers) port.postMessage(mine);
    await Promise.all(received);
  }

  /**
   * The shared passwords of this shard against every account's unsalted values at once (the global phase's way):
   * an account found here gets the password's finding, or a sighting.
   */
  checkReuse(shard: number, shards: number, fingerprints: readonly string[], index: UnsaltedIndex): CheckOutcome {
    const out: CheckOutcome = { recoveries: [], notes: [], candidates: 0, sightings: [] };
    const found = new Set<number>();
    // An LM value equal to a known password's proves only the same letters in some capitals: no reuse, no group
    // (the NT value Samba keeps beside it is checked exactly in the same lookup).
    const lookup = new UnsaltedLookup<{ password: string; known: Known; ordinal: number }>(index, (item, hits, caseFolded) => {
      if (caseFolded) return;
      for (const i of hits) {
        if (found.has(i)) continue;
        found.add(i);
        const r = this.reused(i, item.known, item.ordinal);
        if (r.recovery) out.recoveries.push(r.recovery);
        if (r.sighting) out.sightings.push(r.sighting);
      }
    });
    fingerprints.forEach((f, n) => {
      const known = this.known.get(f);
      if (n % shards !== shard || !known) return;
      out.candidates++;
      lookup.push({ password: known.password, known, ordinal: n });
    });
    lookup.flush();
    return out;
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

  /** Looked up here, in the worker that recovered it: the password never leaves this thread. */
  private breachCount(password: string): number {
    if (!this.init.breachIndexDir) return 0;
    if (this.breaches === undefined) this.breaches = BreachIndex.open(this.init.breachIndexDir);
    return this.breaches?.countPassword(password) ?? 0;
  }

  /**
   * Global candidates (empty, school, common) of this shard, each hashed once per unsalted scheme present and
   * looked up for every account at once. The first progress call gives this shard's number of candidates.
   */
  checkGlobal(shard: number, shards: number, index: UnsaltedIndex, onProgress?: (done: number, total?: number) => void): CheckOutcome {
    const recoveries: Recovery[] = [];
    const found = new Set<number>();
    // An LM match names the password in some capitals only ("PASSWORD" from the school's list, when the MD5 beside
    // it says the common "password"): kept until an exact match of the same account comes.
    const folded = new Map<number, Recovery>();
    // Hashed a batch at a time by the fast kernels (native or WebAssembly SIMD), looked up for all accounts at once.
    const lookup = new UnsaltedLookup<Candidate & { ordinal: number }>(index, (candidate, hits, caseFolded) => {
      for (const i of hits) {
        if (found.has(i) || (caseFolded && folded.has(i))) continue;
        const recovery = this.recovery(i, null, candidate, candidate.ordinal, caseFolded);
        if (caseFolded) {
          folded.set(i, recovery);
          continue;
        }
        found.add(i);
        folded.delete(i);
        recoveries.push(recovery);
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
    return { recoveries: [...recoveries, ...folded.values()], notes: [], candidates: checked, sightings: [] };
  }

  /** The hybrid product's stems packed once per worker and depth. */
  private productInput(plan: HybridPlan): ProductInput {
    if (this.hybrid?.plan !== plan) this.hybrid = { plan, input: productInput(plan.stems, plan.suffixes) };
    return this.hybrid.input;
  }

  /**
   * Per-account candidates: personal ones against the account's own unsalted value, or — for salted and slow
   * schemes — every family merged in likelihood order, within the depth's budget. With a learned model (the
   * learned pass), the passwords recovered elsewhere and the shapes this directory uses come first; `headOnly`:
   * only them (a fast salted value that already had every candidate of the depth); `reusedOnly`: only the passwords
   * recovered elsewhere (its whole list was tried: the learned shapes' candidates with it).
   */
  async checkAccount(item: AccountToCheck, model?: LearnedModel): Promise<CheckOutcome> {
    const { index, account } = item;
    const headOnly = item.headOnly === true;
    const { school, depth } = this.init;
    const sightings: Sighting[] = [];
    for (const c of item.clear) sightings.push(this.sight(index, clearText(read(c))));
    const none = (candidates: number, recoveries: Recovery[] = [], notes: CheckNote[] = []): CheckOutcome => ({ recoveries, notes, candidates, sightings });
    // The value the main thread's classification chose: its unsalted value if it has one, else its cheapest salted one.
    if (!item.check) return none(0);
    const stored = read(item.check);
    const scheme = schemeOf(stored);
    if (stored.unsaltedKey !== null) {
      // An unsalted digest costs next to nothing a check: the fast schemes' longer personal list (FAST_STANDARD_SIZE),
      // hashed by the kernels a batch at a time (the schemes they do not hash, by their own digest).
      let tried = 0;
      let found = null as { candidate: Candidate; ordinal: number } | null;
      const lookup = new UnsaltedLookup<Candidate>(new Map([[stored.scheme, new Map([[stored.unsaltedKey, [index]]])]]), (candidate, _hits, _folded, ordinal) => {
        found = { candidate, ordinal };
        return true;
      });
      for (const candidate of accountCandidates(account, school, depth, true)) {
        tried++;
        if (lookup.push(candidate)) break;
      }
      if (found === null) lookup.flush();
      // An LM value (chosen only when the account has no exact one) folds case: the candidate may be the password
      // in other capitals, so the recovery gets no breach count, no shared group, no reuse.
      if (found) return none(found.ordinal + 1, [this.recovery(index, account, found.candidate, found.ordinal, scheme.caseFolded)]);
      return none(tried);
    }
    const batchCheck = saltedCheck(stored);
    const productCheck = saltedProductCheck(stored);
    // A salted value the kernels hash a batch at a time, of a fast scheme (SSHA…, md5crypt): the longer personal list.
    const fast = scheme.storage === 'fast' && batchCheck !== null;
    const reusedOnly = headOnly && item.reusedOnly === true;
    // Made once, for the learned head and the usual order alike.
    const personal = !reusedOnly && (model || fast) ? [...accountCandidates(account, school, depth, fast)] : undefined;
    const head = model ? this.learnedHead(account, model, reusedOnly, personal) : [];
    if (headOnly && head.length === 0) return none(0);
    const mustTry = head.filter((h) => h.weight >= MUST_TRY_WEIGHT).length;
    // A product check exists for the salted fast digests only: those the kernels hash far faster than JS lists.
    // md5crypt, a fast legacy scheme the kernels hash a batch at a time, gets the fast schemes' budget; DES crypt,
    // checked one verify at a time, its cost's (it holds 8 characters: its budget already reaches far down).
    const budget = accountLimit(depth, scheme.cost(stored.parsed), productCheck !== null, fast);
    const limit = headOnly ? head.length + 1 : Math.max(budget, Math.min(mustTry, MUST_TRY_MAX) + 1);
    const outcome = batchCheck
      ? this.checkSaltedInBatches(index, account, limit, batchCheck, productCheck, head, personal)
      : await this.checkSlow(index, account, stored, limit, head, personal);
    return { ...outcome, sightings: [...sightings, ...outcome.sightings] };
  }

  /** Memory-hard and slow values, one verify at a time, under a lease on the memory one check takes (memory-lease.ts). */
  private async checkSlow(
    index: number, account: AccountRecord, salted: StoredHash, limit: number, head: Head[], personal?: readonly Candidate[],
  ): Promise<CheckOutcome> {
    const scheme = schemeOf(salted);
    let tried = 0;
    const bytes = this.lease ? scheme.memoryBytes?.(salted.parsed) ?? 0 : 0;
    const leased = bytes > 0 ? this.lease!.acquire(bytes) : 0;
    try {
      for (const item of this.ordered(account, limit, head, personal)) {
        tried++;
        if (await scheme.verify(salted.parsed, item.password)) return this.found(index, account, item, tried - 1, tried);
      }
    } catch {
      // A scheme Vigie cannot verify yet: say the account was not checked rather than call it strong.
      return { recoveries: [], notes: [{ index, note: 'unsupported', scheme: salted.scheme, candidatesTried: tried }], candidates: tried, sightings: [] };
    } finally {
      if (leased > 0) this.lease!.release(leased);
    }
    return { recoveries: [], notes: [], candidates: tried, sightings: [] };
  }

  /** The account's candidates in the order to try them: the learned head first (empty before it), then the usual order. */
  private ordered(account: AccountRecord, limit: number, head: Head[], personal?: readonly Candidate[]): (Candidate | Known)[] {
    if (head.length === 0) return budgetedCandidates(account, this.init.school, this.init.depth, limit, personal);
    const out: (Candidate | Known)[] = [];
    const seen = new Set<string>();
    const add = (item: Candidate | Known): boolean => {
      if (seen.has(item.password)) return false;
      seen.add(item.password);
      out.push(item);
      return out.length >= limit;
    };
    if (add({ password: '', family: 'empty', patternId: 'empty' })) return out;
    for (const h of head) if (add(h.item)) return out;
    for (const c of budgetedCandidates(account, this.init.school, this.init.depth, limit + seen.size, personal)) if (add(c)) return out;
    return out;
  }

  /** A hit: a candidate names its pattern; a known password reused here is a finding or a sighting. */
  private found(index: number, account: AccountRecord, item: Candidate | Known, ordinal: number, tried: number): CheckOutcome {
    if ('family' in item) return { recoveries: [this.recovery(index, account, item, ordinal)], notes: [], candidates: tried, sightings: [] };
    const r = this.reused(index, item, ordinal);
    return { recoveries: r.recovery ? [r.recovery] : [], notes: [], candidates: tried, sightings: r.sighting ? [r.sighting] : [] };
  }

  /**
   * What the model puts first for this account: the candidates of the shapes its profile uses here and the
   * passwords recovered on other accounts, by estimated probability; `reusedOnly`: the recovered passwords alone.
   */
  private learnedHead(account: AccountRecord, model: LearnedModel, reusedOnly: boolean, personal?: readonly Candidate[]): Head[] {
    const head: Head[] = [];
    if (!reusedOnly) {
      const shapes = model.shapes[account.profile] ?? [];
      for (const w of learnedCandidates(account, this.init.school, this.init.depth, shapes, personal)) head.push({ item: w.candidate, weight: w.weight });
    }
    for (const r of model.reuse) {
      const known = this.known.get(r.fingerprint);
      if (!known) continue;
      const weight = r.weight[account.profile] ?? r.other;
      // A password three accounts hold is a default handed out (a class's, the staff's): rare in the profile as a
      // whole, likely for the account. One check, ahead of the usual order.
      if (weight >= HEAD_FLOOR || r.accounts >= SHARED_DEFAULT) head.push({ item: known, weight: Math.max(weight, HEAD_FLOOR) });
    }
    // Stable: equal weights keep the learned shapes before the reused passwords.
    return head.filter((h) => h.weight >= HEAD_FLOOR).sort((a, b) => b.weight - a.weight).slice(0, HEAD_MAX);
  }

  /** SSHA, SMD5, md5crypt, sha-crypt: the budgeted candidates through the fast kernels, a batch at a time. */
  private checkSaltedInBatches(
    index: number,
    account: AccountRecord,
    limit: number,
    check: (batch: CandidateBatch) => number,
    productCheck: ((input: ProductInput, count: number) => number) | null,
    head: Head[],
    personal?: readonly Candidate[],
  ): CheckOutcome {
    const batch = new CandidateBatch(Math.min(limit, 1024));
    const items: (Candidate | Known)[] = [];
    let tried = 0;
    const run = (): CheckOutcome | null => {
      const hit = batch.count ? check(batch) : -1;
      if (hit >= 0) return this.found(index, account, items[hit]!, tried + hit, tried + hit + 1);
      tried += batch.count;
      batch.clear();
      items.length = 0;
      return null;
    };
    for (const candidate of this.ordered(account, limit, head, personal)) {
      batch.push(candidate.password);
      items.push(candidate);
      if (batch.full) {
        const found = run();
        if (found) return found;
      }
    }
    const found = run();
    if (found) return found;
    // Every listed candidate tried within the budget: said, so that the learned pass tries only what is new on it.
    const notes: CheckNote[] = tried < limit ? [{ index, note: 'listed-all' }] : [];
    // Budget left once every listed candidate was tried (deep depth, fast salted schemes): the hybrid product's
    // first pairs, most likely words first, generated by the kernel.
    const plan = hybridPlan(this.init.depth);
    const left = limit - tried;
    if (productCheck && plan && left > 0) {
      const product = hybridHead(plan, left);
      const pair = productCheck(productInput(product.stems, product.suffixes), product.size);
      if (pair >= 0) return { recoveries: [this.recovery(index, account, hybridCandidate(product, pair), tried + pair)], notes: [], candidates: tried + pair + 1, sightings: [] };
      tried += product.size;
    }
    return { recoveries: [], notes, candidates: tried, sightings: [] };
  }
}

interface Head {
  item: Candidate | Known;
  weight: number;
}

/** A value as the main thread classified it, read by the descriptor it named. */
function read(c: ClassifiedValue): StoredHash {
  return readClassified(c.scheme, c.attribute, c.value);
}

/** A cleartext value as the person typed it (slapd compares bytes: UTF-8 as clients send it). */
function clearText(stored: StoredHash): string {
  // A cleartext value's unsalted key is its bytes in hex.
  return Buffer.from(stored.unsaltedKey ?? '', 'hex').toString('utf8');
}
