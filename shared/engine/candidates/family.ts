// A candidate family proposes passwords a person is likely to have chosen or been given (issue #2 §4).
// Each family is a folder with its generation and its labels; `index.ts` merges them in likelihood order.
import type { CandidateFamilyId, Depth } from '../../contract/codes.ts';
import type { AccountRecord, SchoolContext } from '../directory/model.ts';

export interface Candidate {
  password: string;
  family: CandidateFamilyId;
  /** Stable id of how it was built, e.g. "surname+birthdate:DDMMYYYY"; see `patterns.ts` for labels. */
  patternId: string;
}

export interface CandidateFamily {
  readonly id: CandidateFamilyId;
  /** Candidates that depend on the account (personal), most likely first. Empty for global families. */
  forAccount(account: AccountRecord, school: SchoolContext, depth: Depth): Iterable<Candidate>;
  /** Candidates that are the same for every account (empty, school, common), most likely first. */
  global(school: SchoolContext, depth: Depth): Iterable<Candidate>;
}
