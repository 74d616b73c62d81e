// How many candidates each account's salted or slow hash gets, by depth (issue #2 §4).
// Unsalted fast hashes are not budgeted: every candidate is hashed once and looked up for all accounts.
import type { Depth } from '../../contract/codes.ts';
import type { Speed } from './check-plan.ts';

interface DepthBudget {
  /** Work units per account (one unit ≈ one MD5 of a short candidate). */
  units: number;
  /**
   * Work units per account for a legacy *fast* crypt scheme the kernels check a batch at a time (md5crypt): fixed,
   * cheap work an attacker runs at GPU speed, which issue #12 counts with the fast schemes — its recall must match
   * {SSHA}'s, so it gets more than an adaptive scheme (bcrypt, argon2) of the same cost, and its ceiling is the
   * batched schemes' (`batched`), not `max`: with the addon's SIMD md5crypt (≈ 20 µs a candidate) that is 7,500
   * candidates at standard, the same ≈ 150 ms of one core per account as 882 candidates of its scalar code.
   */
  fastUnits: number;
  /** Always try at least this many candidates, however slow the scheme: the most likely ones. */
  min: number;
  /** Never more than this many, however fast the scheme. */
  max: number;
  /**
   * Salted fast values the kernels hash a batch at a time (SSHA, SMD5, SSHA256, SSHA512): a check costs far less
   * than making the candidate string (≈ 1 µs), so they get this many — tens of thousands at standard (issue #12 §4):
   * every listed candidate of the depth, then the head of the common words × suffixes product.
   */
  batched: number;
}

// One unit ≈ 1 µs of one core, as each scheme's `cost()` measures it: a budgeted account at standard depth spends
// ≈ 75 ms. The generated 3,000-account lycée (≈ 1,450 accounts on slow or crypt schemes) then takes ≈ 110 core-s
// of checks, ≈ 75 s of scan in all on 2 cores (issue #12 allows 90 s when many accounts are slow; half of that
// budget finds ≈ 88 % of what it finds: docs/performance.md). Candidates come in likelihood order
// (`budgetedCandidates`), so the first ten (empty, "nom + date de naissance", the school's name, the top common
// passwords) reach even a strong setting.
export const DEPTH_BUDGETS: Record<Depth, DepthBudget> = {
  quick: { units: 20_000, fastUnits: 40_000, min: 5, max: 500, batched: 2_000 },
  standard: { units: 75_000, fastUnits: 150_000, min: 10, max: 5_000, batched: 40_000 },
  deep: { units: 5_000_000, fastUnits: 10_000_000, min: 200, max: 100_000, batched: 400_000 },
};

/** Number of candidates for a salted fast value checked through the kernels (see `batched`). */
export function batchedLimit(depth: Depth): number {
  return DEPTH_BUDGETS[depth].batched;
}

/**
 * The candidates an account's checked value gets: a salted fast digest the kernels hash with the hybrid product
 * (`batched`: SSHA, SMD5…) the batched schemes' list, any other value its cost's share (`fast`: a legacy fast
 * scheme the kernels batch, md5crypt). The worker spends it; the scheduler estimates from it.
 */
export function accountLimit(depth: Depth, cost: number, batched: boolean, fast: boolean): number {
  return batched ? batchedLimit(depth) : candidateLimit(depth, cost, fast);
}

/**
 * Number of candidates to try against one stored value whose single check costs `cost` units; `fast`: a legacy
 * fast crypt scheme the kernels batch (see `fastUnits`).
 */
export function candidateLimit(depth: Depth, cost: number, fast = false): number {
  const b = DEPTH_BUDGETS[depth];
  const byCost = Math.floor((fast ? b.fastUnits : b.units) / Math.max(cost, 1));
  return Math.max(b.min, Math.min(fast ? b.batched : b.max, byCost));
}

/**
 * Work units an unsalted account's check takes: its personal list made and hashed in batches (≈ 10 ms of one core
 * for the fast schemes' 9,000 at standard), whatever its scheme.
 */
const UNSALTED_WORK = 10_000;
/** Candidates a `headOnly` account (the learned head alone) tries, about. */
const HEAD_WORK_CANDIDATES = 100;

/**
 * About how many work units checking one account takes, for scheduling only (audit.ts sends a round's costliest
 * accounts first and makes its last tasks short): the budget the worker will spend, from the checked value's cost
 * per candidate. `fastStorage`: a fast legacy scheme (md5crypt, SSHA…), budgeted as the kernels batch it.
 */
export function estimatedWork(depth: Depth, speed: Speed, cost: number, fastStorage: boolean, headOnly: boolean): number {
  if (speed === 'unsalted') return UNSALTED_WORK;
  const perCandidate = Math.max(cost, 1);
  if (headOnly) return perCandidate * HEAD_WORK_CANDIDATES;
  // A batch of the kernels costs far less a candidate than the descriptor's verify: making the list is most of it.
  if (speed === 'fast') return accountLimit(depth, cost, true, fastStorage);
  return perCandidate * accountLimit(depth, cost, false, fastStorage);
}
