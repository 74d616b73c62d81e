// The empty password: some directories accept it, and it costs one check.
import type { Candidate, CandidateFamily } from '../family.ts';

export function* emptyCandidates(): Generator<Candidate> {
  yield { password: '', family: 'empty', patternId: 'empty' };
}

export const emptyFamily: CandidateFamily = {
  id: 'empty',
  forAccount: () => [],
  global: () => emptyCandidates(),
};
