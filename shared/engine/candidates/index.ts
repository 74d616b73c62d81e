// The candidates the audit checks against stored hashes, families merged in likelihood order.
//
// Sizes by depth, distinct passwords (measured on the fixtures; the tests hold them within bounds):
//              personal, per account                 school (2 names, town, UAI, 3 classes)   common
//   quick      ≈ 100 (no birth date) – 350           ≈ 100                                    1,000 + 20 Capitalised
//   standard   ≈ 600 (simple name) – 1,500 (compound) ≈ 1,400                                  10,000 + 200 Capitalised
//   deep       ≈ 3,000 – 17,000                      ≈ 9,000                                  ≈ 49,000 all + French
//                                                                                             names and words ≈ 16,000
// The personal spread is the number of spellings a name has (accents, compound parts, several names).
// 3,000 accounts at standard generate in about 2 s on the 2-core machine.
// Fast unsalted schemes get everything; slow salted ones a per-account budget from `budgetedCandidates`.
import type { CandidateFamilyId, Depth } from '../../contract/codes.ts';
import type { AccountRecord, SchoolContext } from '../directory/model.ts';
import { commonFamily } from './common/common.ts';
import { emptyFamily } from './empty/empty.ts';
import type { Candidate, CandidateFamily } from './family.ts';
import { personalFamily } from './personal/personal.ts';
import { schoolFamily } from './school/school.ts';

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

/** Personal candidates of one account, deduplicated (by the family itself), most likely first. */
export function accountCandidates(account: AccountRecord, school: SchoolContext, depth: Depth): Iterable<Candidate> {
  return personalFamily.forAccount(account, school, depth);
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

/** Round robin, `weight` candidates from each source per turn, until all are spent. */
function* interleave(sources: { iterator: Iterator<Candidate>; weight: number }[]): Generator<Candidate> {
  let live = sources;
  while (live.length > 0) {
    const still: typeof live = [];
    for (const source of live) {
      let done = false;
      for (let i = 0; i < source.weight; i++) {
        const next = source.iterator.next();
        if (next.done) {
          done = true;
          break;
        }
        yield next.value;
      }
      if (!done) still.push(source);
    }
    live = still;
  }
}

// The head of each family before the interleaved rest: personal first (school-issued passwords are
// personal), then the most common passwords and the school's name.
const HEADS = { personal: 30, common: 12, school: 4 };
const WEIGHTS = { personal: 3, common: 2, school: 1 };

/**
 * For slow salted schemes: every family merged in likelihood order, deduplicated, at most `limit`.
 * Empty first, then the most likely personal ones (name + full birth date, birth date alone, login,
 * prenom.nom), the top common passwords and the school's name, then the rest interleaved.
 */
export function budgetedCandidates(account: AccountRecord, school: SchoolContext, depth: Depth, limit: number): Candidate[] {
  const personal = personalFamily.forAccount(account, school, depth)[Symbol.iterator]();
  const common = commonFamily.global(school, depth)[Symbol.iterator]();
  const schoolOnes = schoolFamily.global(school, depth)[Symbol.iterator]();
  const ordered = chain([
    emptyFamily.global(school, depth),
    take(personal, HEADS.personal),
    take(common, HEADS.common),
    take(schoolOnes, HEADS.school),
    interleave([
      { iterator: personal, weight: WEIGHTS.personal },
      { iterator: common, weight: WEIGHTS.common },
      { iterator: schoolOnes, weight: WEIGHTS.school },
    ]),
  ]);
  const out: Candidate[] = [];
  if (limit <= 0) return out;
  for (const c of unique(ordered)) {
    out.push(c);
    if (out.length >= limit) break;
  }
  return out;
}
