// The candidates the audit checks against stored hashes, families merged in likelihood order.
//
// Sizes by depth, distinct passwords (measured on the fixtures; the tests hold them within bounds):
//              personal, per account                 school (2 names, town, UAI, 3 classes,   common
//                                                    start-of-year defaults)
//   quick      ≈ 120 (no birth date) – 360           ≈ 240                                    1,000 + 20 Capitalised
//   standard   ≈ 1,200 (no birth date) – 3,500 (cap) ≈ 5,200                                  10,000 + 200 Capitalised
//   deep       ≈ 8,400 – 41,000                      ≈ 19,000                                 ≈ 49,000 all + French
//                                                                                             names and words ≈ 16,000
// The personal spread is the number of spellings a name has (accents, compound parts, several names); the name +
// birth date grammar (personal/grammar.ts) fills standard up to 3,500 by cost. 3,000 accounts at standard generate
// in about 3 s on the 2-core machine.
// Fast unsalted schemes get everything; slow salted ones a per-account budget from `budgetedCandidates`.
import type { CandidateFamilyId, Depth, Profile } from '../../contract/codes.ts';
import type { AccountRecord, SchoolContext } from '../directory/model.ts';
import { commonFamily } from './common/common.ts';
import { emptyFamily } from './empty/empty.ts';
import type { Candidate, CandidateFamily } from './family.ts';
import { likelihood } from './likelihood.ts';
import { personalCandidates, personalFamily } from './personal/personal.ts';
import { schoolFamily } from './school/school.ts';
import { parseShape, shapeOf, type ShapeWeight } from './shape.ts';

export type { Candidate, CandidateFamily } from './family.ts';
export { patternLabel, knownPatternIds } from './patterns.ts';
export { rateStrength, userInputsFor } from './strength.ts';
export { schoolWords } from './school/words.ts';

export const FAMILIES: Readonly<Record<CandidateFamilyId, CandidateFamily>> = {
  empty: emptyFamily,
  personal: personalFamily,
  school: schoolFamily,
  common: commonFamily,
};

function* unique(candidates: Iterable<Candidate>, seen = new Set<string>()): Generator<Candidate> {
  for (const c of candidates) {
    if (seen.has(c.password)) continue;
    seen.add(c.password);
    yield c;
  }
}

/**
 * Personal candidates of one account, deduplicated (by the family itself), most likely first. `fast`: the value
 * checked is an unsalted digest or a salted one the kernels hash by the ten thousand, where checks cost next to
 * nothing: standard depth goes further down the name + date grammar (personal.ts, FAST_STANDARD_SIZE).
 */
export function accountCandidates(account: AccountRecord, school: SchoolContext, depth: Depth, fast = false): Iterable<Candidate> {
  return fast ? personalCandidates(account, depth, true) : personalFamily.forAccount(account, school, depth);
}

/** Candidates shared by every account: empty, school, then common; a password keeps its first family. */
export function globalCandidates(school: SchoolContext, depth: Depth): Iterable<Candidate> {
  return unique(chain([emptyFamily.global(school, depth), schoolFamily.global(school, depth), commonFamily.global(school, depth)]));
}

function* chain(sources: Iterable<Candidate>[]): Generator<Candidate> {
  for (const source of sources) yield* source;
}

/** Up to `count` from the iterator, leaving the rest in it. */
function* take(iterator: Iterator<Candidate>, count: number): Generator<Candidate> {
  for (let i = 0; i < count; i++) {
    const next = iterator.next();
    if (next.done) return;
    yield next.value;
  }
}

// How much of each family is ranked by likelihood before the rest follows in turns: all of personal up to
// standard (tier 2 holds the Capitalised and UPPER names with a date), the school's first tiers, the top of
// the common list. Beyond these, the families' own orders are interleaved as they come.
const POOL = { personal: 3_000, school: 2_000, common: 300 };
const WEIGHTS = { personal: 3, common: 2, school: 1 };

interface Ranked {
  candidate: Candidate;
  score: number;
}

function ranked(iterator: Iterator<Candidate>, count: number, profile: Profile): Ranked[] {
  const out: Ranked[] = [];
  let position = 0;
  for (const candidate of take(iterator, count)) out.push({ candidate, score: likelihood(candidate, profile, position++) });
  return out;
}

/** The school's and the common list's ranked heads, the same for every account of a profile: built once. */
const globalPools = new WeakMap<SchoolContext, Map<string, Ranked[]>>();

function globalPool(school: SchoolContext, depth: Depth, profile: Profile): Ranked[] {
  let byKey = globalPools.get(school);
  if (!byKey) globalPools.set(school, (byKey = new Map()));
  const key = `${depth}:${profile}`;
  let pool = byKey.get(key);
  if (!pool) {
    pool = [
      ...ranked(schoolFamily.global(school, depth)[Symbol.iterator](), POOL.school, profile),
      ...ranked(commonFamily.global(school, depth)[Symbol.iterator](), POOL.common, profile),
    ];
    // Sorted once (stable: the school's words before the common list at equal scores); accounts merge into it.
    pool.sort((a, b) => b.score - a.score);
    byKey.set(key, pool);
  }
  return pool;
}

/**
 * How much of the personal family to rank for a budget: all of its head for the large budgets of salted fast
 * values; for a slow value's few dozen checks, the first few hundred (the grammar already enumerates by cost, so
 * what ranks in a small budget's top sits near the start).
 */
function personalPool(limit: number): number {
  return Math.min(POOL.personal, Math.max(400, 8 * limit));
}

/** Two score-sorted lists as one, `a` first at equal scores (the stable sort of both together would do the same). */
function* mergeSorted(a: readonly Ranked[], b: readonly Ranked[]): Generator<Ranked> {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.score >= b[j]!.score)) yield a[i++]!;
    else yield b[j++]!;
  }
}

/**
 * For slow salted schemes: every family merged in likelihood order, deduplicated, at most `limit`. Empty first;
 * then each family's head ranked together by `likelihood` (the account's profile weighs the school's words
 * against its person's), so "nom + date de naissance" and the school's name come within the first dozens;
 * then the rest of each family, interleaved. A password two families propose keeps the personal candidate.
 * `personalList`: the account's personal candidates at `depth`, when the caller already made them.
 */
export function budgetedCandidates(
  account: AccountRecord, school: SchoolContext, depth: Depth, limit: number, personalList?: readonly Candidate[],
): Candidate[] {
  const out: Candidate[] = [];
  if (limit <= 0) return out;
  const seen = new Set<string>();
  // True once the list is full.
  const add = (c: Candidate): boolean => {
    if (seen.has(c.password)) return false;
    seen.add(c.password);
    out.push(c);
    return out.length >= limit;
  };
  for (const c of emptyFamily.global(school, depth)) if (add(c)) return out;
  const personal = (personalList ?? personalFamily.forAccount(account, school, depth))[Symbol.iterator]();
  // Stable: equal scores keep the families' own order, personal first.
  const mine = ranked(personal, personalPool(limit), account.profile).sort((a, b) => b.score - a.score);
  // A password the school or common list proposes too keeps the personal candidate, at the better rank.
  const own = new Map(mine.map((r) => [r.candidate.password, r.candidate]));
  for (const r of mergeSorted(mine, globalPool(school, depth, account.profile))) if (add(own.get(r.candidate.password) ?? r.candidate)) return out;
  // Then the rest of each family in turns (WEIGHTS), each dropped when spent. The school's and the common lists'
  // rests are the same for every account: made once (globalRests), walked by index.
  const rest = globalRests(school, depth);
  let common = 0;
  let schoolOnes = 0;
  let personalLeft = true;
  while (personalLeft || common < rest.common.length || schoolOnes < rest.school.length) {
    for (let k = 0; personalLeft && k < WEIGHTS.personal; k++) {
      const next = personal.next();
      if (next.done) personalLeft = false;
      else if (add(next.value)) return out;
    }
    for (let k = 0; k < WEIGHTS.common && common < rest.common.length; k++) if (add(rest.common[common++]!)) return out;
    for (let k = 0; k < WEIGHTS.school && schoolOnes < rest.school.length; k++) if (add(rest.school[schoolOnes++]!)) return out;
  }
  return out;
}

/** The school's and the common list's candidates past their ranked heads (POOL), per school and depth: made once. */
const globalRestsBySchool = new WeakMap<SchoolContext, Map<Depth, { common: readonly Candidate[]; school: readonly Candidate[] }>>();

function globalRests(school: SchoolContext, depth: Depth): { common: readonly Candidate[]; school: readonly Candidate[] } {
  let byDepth = globalRestsBySchool.get(school);
  if (!byDepth) globalRestsBySchool.set(school, (byDepth = new Map()));
  let rests = byDepth.get(depth);
  if (!rests) {
    rests = { common: [...commonFamily.global(school, depth)].slice(POOL.common), school: [...schoolFamily.global(school, depth)].slice(POOL.school) };
    byDepth.set(depth, rests);
  }
  return rests;
}

export interface WeightedCandidate {
  candidate: Candidate;
  /** Estimated probability that this is the account's password. */
  weight: number;
}

/** The global families' candidates by shape, per school and depth: shaped once per worker, not once per account. */
const globalByShape = new WeakMap<SchoolContext, Map<Depth, Map<string, Candidate[]>>>();

function globalShapes(school: SchoolContext, depth: Depth): Map<string, Candidate[]> {
  let byDepth = globalByShape.get(school);
  if (!byDepth) globalByShape.set(school, (byDepth = new Map()));
  let byShape = byDepth.get(depth);
  if (!byShape) {
    byShape = new Map();
    for (const c of globalCandidates(school, depth)) {
      const shape = shapeOf(c.patternId, c.password);
      (byShape.get(shape) ?? byShape.set(shape, []).get(shape)!).push(c);
    }
    byDepth.set(depth, byShape);
  }
  return byShape;
}

/**
 * This account's candidates of the shapes a directory was seen to use (issue #12 §2), most likely first. A
 * shape's weight is shared among its candidates for the account (a compound name has several spellings of one
 * shape; a common-word shape has thousands of words). `personal`: the account's personal candidates at `depth`
 * (every learned shape was learned from candidates of that depth), when the caller already has them.
 */
export function learnedCandidates(
  account: AccountRecord, school: SchoolContext, depth: Depth, shapes: readonly ShapeWeight[], personal?: readonly Candidate[],
): WeightedCandidate[] {
  if (shapes.length === 0) return [];
  const weightOf = new Map(shapes.map((s) => [s.shape, s.weight]));
  const patterns = new Set(shapes.map((s) => parseShape(s.shape).patternId));
  const byShape = new Map<string, Candidate[]>();
  for (const c of personal ?? personalCandidates(account, depth)) {
    if (!patterns.has(c.patternId)) continue;
    const shape = shapeOf(c.patternId, c.password);
    if (weightOf.has(shape)) (byShape.get(shape) ?? byShape.set(shape, []).get(shape)!).push(c);
  }
  const global = globalShapes(school, depth);
  for (const shape of weightOf.keys()) {
    const list = global.get(shape);
    if (list) byShape.set(shape, [...(byShape.get(shape) ?? []), ...list]);
  }
  const out: WeightedCandidate[] = [];
  for (const [shape, list] of byShape) {
    const weight = weightOf.get(shape)! / list.length;
    for (const candidate of list) out.push({ candidate, weight });
  }
  // Stable: within a shape, the family's own order (likeliest spelling, most common word) first.
  return out.sort((a, b) => b.weight - a.weight);
}
