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

// How much of each family is ranked by likelihood before the rest follows in turns: all of personal up to
// standard (tier 2 holds the Capitalised and UPPER names with a date), the school's first tiers, the top of
// the common list. Beyond these, the families' own orders are interleaved as they come.
const POOL = { personal: 3_000, school: 2_000, common: 300 };
const WEIGHTS = { personal: 3, common: 2, school: 1 };

interface Ranked {
  candidate: Candidate;
  score: number;
  /** Its position in its family's list. */
  index: number;
}

function ranked(list: readonly Candidate[], profile: Profile): Ranked[] {
  return list.map((candidate, index) => ({ candidate, score: likelihood(candidate, profile, index), index }));
}

/**
 * How much of the personal family to rank for a budget: all of its head for the large budgets of salted fast
 * values; for a slow value's few dozen checks, the first few hundred (the grammar already enumerates by cost, so
 * what ranks in a small budget's top sits near the start).
 */
function personalPool(limit: number): number {
  return Math.min(POOL.personal, Math.max(400, 8 * limit));
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
  const g = globalLayout(school, depth, account.profile);
  // The personal family's candidates are distinct (it deduplicates its own) and the global lists' repeats among
  // themselves are known in advance (GlobalLayout): what is left is a personal candidate and the first global one of
  // the same password, twins. The first of the two to come is kept; in the ranked heads a global twin gives its
  // place to the personal candidate. Only the account's personal candidates are looked up, once.
  const personal = personalList ?? [...personalFamily.forAccount(account, school, depth)];
  // A global candidate's position → its personal twin; the personal candidates that have one.
  const personalTwin = new Map<number, number>();
  const globalTwin = new Set<number>();
  for (let k = 0; k < personal.length; k++) {
    const q = g.first.get(personal[k]!.password);
    if (q === undefined) continue;
    personalTwin.set(q, k);
    globalTwin.add(k);
  }
  // Twin pairs (by their personal candidate) one of which has come: the other is skipped.
  const came = new Set<number>();
  const put = (c: Candidate): Turn => {
    out.push(c);
    return out.length >= limit ? 'stop' : 'go';
  };
  const personalAt = (k: number): Turn => {
    if (globalTwin.has(k)) {
      if (came.has(k)) return 'go';
      came.add(k);
    }
    return put(personal[k]!);
  };
  const mine = Math.min(personalPool(limit), personal.length);
  const globalAt = (q: number, c: Candidate, head: boolean): Turn => {
    if (g.repeat[q]) return 'go';
    const k = personalTwin.get(q);
    if (k === undefined) return put(c);
    if (came.has(k)) return 'go';
    came.add(k);
    return put(head && k < mine ? personal[k]! : c);
  };
  for (let q = 0; q < g.empty.length; q++) if (globalAt(q, g.empty[q]!, false) === 'stop') return out;
  // The ranked heads: the account's personal head merged into the profile's pool by score, personal first at equal
  // scores (stable: equal scores keep the family's own order).
  const head = ranked(personal.slice(0, mine), account.profile).sort((a, b) => b.score - a.score);
  const poolAt = g.empty.length;
  for (let i = 0, j = 0; i < head.length || j < g.pool.length;) {
    const turn = j >= g.pool.length || (i < head.length && head[i]!.score >= g.pool[j]!.score)
      ? personalAt(head[i++]!.index)
      : globalAt(poolAt + j, g.pool[j++]!.candidate, true);
    if (turn === 'stop') return out;
  }
  // Then the rest of each family in turns.
  const commonAt = poolAt + g.pool.length;
  const schoolAt = commonAt + g.common.length;
  let next = mine;
  turns(
    g.common.length, g.school.length,
    (q) => globalAt(commonAt + q, g.common[q]!, false),
    (q) => globalAt(schoolAt + q, g.school[q]!, false),
    () => (next < personal.length ? personalAt(next++) : 'spent'),
  );
  return out;
}

/**
 * What every account of a profile shares in its budgeted list, made once per school, depth and profile: the global
 * candidates — empty, the school's and the common list's heads ranked by likelihood (`pool`), then their rests —
 * numbered in that order; which of them repeat an earlier one in the order they come (the same for every account,
 * whatever personal candidates fall between them); where each password first comes.
 */
interface GlobalLayout {
  empty: readonly Candidate[];
  pool: readonly Ranked[];
  common: readonly Candidate[];
  school: readonly Candidate[];
  repeat: Uint8Array;
  first: Map<string, number>;
}

const globalLayouts = new WeakMap<SchoolContext, Map<string, GlobalLayout>>();

function globalLayout(school: SchoolContext, depth: Depth, profile: Profile): GlobalLayout {
  let byKey = globalLayouts.get(school);
  if (!byKey) globalLayouts.set(school, (byKey = new Map()));
  const key = `${depth}:${profile}`;
  let layout = byKey.get(key);
  if (layout) return layout;
  const schoolList = [...schoolFamily.global(school, depth)];
  const commonList = [...commonFamily.global(school, depth)];
  // Sorted once (stable: the school's words before the common list at equal scores); accounts merge into it.
  const pool = [...ranked(schoolList.slice(0, POOL.school), profile), ...ranked(commonList.slice(0, POOL.common), profile)]
    .sort((a, b) => b.score - a.score);
  const empty = [...emptyFamily.global(school, depth)];
  const common = commonList.slice(POOL.common);
  const rest = schoolList.slice(POOL.school);
  const repeat = new Uint8Array(empty.length + pool.length + common.length + rest.length);
  const first = new Map<string, number>();
  const see = (q: number, c: Candidate): Turn => {
    if (first.has(c.password)) repeat[q] = 1;
    else first.set(c.password, q);
    return 'go';
  };
  empty.forEach((c, q) => see(q, c));
  pool.forEach((r, q) => see(empty.length + q, r.candidate));
  const commonAt = empty.length + pool.length;
  const schoolAt = commonAt + common.length;
  turns(common.length, rest.length, (q) => see(commonAt + q, common[q]!), (q) => see(schoolAt + q, rest[q]!));
  layout = { empty, pool, common, school: rest, repeat, first };
  byKey.set(key, layout);
  return layout;
}

/** What a turn's callback says: go on, stop (the list is full) or, for the personal family, spent (nothing left). */
type Turn = 'go' | 'stop' | 'spent';

/**
 * The rest of each family in turns (WEIGHTS: personal, common, school), each dropped when spent: `common(q)` and
 * `school(q)` for each position of their rests in the order they come. Returns true when a callback said stop.
 */
function turns(commons: number, schools: number, common: (q: number) => Turn, school: (q: number) => Turn, personal?: () => Turn): boolean {
  let c = 0;
  let s = 0;
  let personalLeft = personal !== undefined;
  while (personalLeft || c < commons || s < schools) {
    for (let k = 0; personalLeft && k < WEIGHTS.personal; k++) {
      const turn = personal!();
      if (turn === 'stop') return true;
      if (turn === 'spent') personalLeft = false;
    }
    for (let k = 0; k < WEIGHTS.common && c < commons; k++) if (common(c++) === 'stop') return true;
    for (let k = 0; k < WEIGHTS.school && s < schools; k++) if (school(s++) === 'stop') return true;
  }
  return false;
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
