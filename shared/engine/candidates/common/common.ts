// The passwords most people pick, whoever they are: the same for every account, most frequent first.
import type { Depth } from '../../../contract/codes.ts';
import type { Candidate, CandidateFamily } from '../family.ts';
import { applyCase } from '../spelling.ts';
import { rankedWords } from './ranking.ts';

/** How many of the ranked list each depth takes (Infinity: all), and how many of the top get a Capitalised twin. */
export const COMMON_SIZES: Record<Depth, { passwords: number; capitalised: number; french: boolean }> = {
  quick: { passwords: 1_000, capitalised: 20, french: false },
  standard: { passwords: 10_000, capitalised: 200, french: false },
  deep: { passwords: Infinity, capitalised: 2_000, french: true },
};

const candidate = (password: string, patternId: string): Candidate => ({ password, family: 'common', patternId });

export function* commonCandidates(depth: Depth): Generator<Candidate> {
  const size = COMMON_SIZES[depth];
  const { passwords, frenchNames, frenchWords } = rankedWords();
  const count = Math.min(size.passwords, passwords.length);
  for (let i = 0; i < count; i++) {
    const word = passwords[i] as string;
    yield candidate(word, 'common');
    if (i < size.capitalised && /^\p{Ll}/u.test(word)) yield candidate(applyCase(word, 'capitalised'), 'common:capitalised');
  }
  if (!size.french) return;
  for (const word of frenchNames) yield candidate(word, 'common:name-fr');
  for (const word of frenchWords) yield candidate(word, 'common:word-fr');
}

export const commonFamily: CandidateFamily = {
  id: 'common',
  forAccount: () => [],
  global: (_school, depth: Depth) => commonCandidates(depth),
};
