// The targeted wordlist: the candidates Vigie itself checks (empty, school, common, then every account's
// personal ones), one per line, for hashcat's straight mode (-a 0).
import type { Depth } from '../../contract/codes.ts';
import { accountCandidates, globalCandidates } from '../candidates/index.ts';
import type { AccountRecord, SchoolContext } from '../directory/model.ts';
import { LineFile } from './line-file.ts';

/**
 * Duplicates are dropped while the set of seen words stays below this size; past it (an académie's millions of
 * accounts) a repeated word is written again rather than let memory grow: hashcat copes with duplicates.
 */
const MAX_SEEN = 5_000_000;
/** LM hashes each 7-character half of the upper-cased password: hashcat's mode 3000 needs the halves. */
const LM_HALF = 7;
const LM_MAX = 14;

export interface WordlistResult {
  words: number;
  lmWords: number;
}

export async function writeWordlists(
  file: string, lmFile: string | null, accounts: AccountRecord[], school: SchoolContext, depth: Depth,
): Promise<WordlistResult> {
  const out = new LineFile(file);
  const lm = lmFile ? new LineFile(lmFile) : null;
  const seen = new Set<string>();
  const seenLm = new Set<string>();
  const add = async (password: string): Promise<void> => {
    // A line break would split the word in two; no generated candidate has one, but a school name could.
    if (/[\r\n]/.test(password)) return;
    if (!seen.has(password)) {
      if (seen.size < MAX_SEEN) seen.add(password);
      await out.write(password);
    }
    if (lm && password.length <= LM_MAX) {
      const upper = password.toUpperCase();
      for (const half of [upper.slice(0, LM_HALF), upper.slice(LM_HALF)]) {
        if (seenLm.has(half)) continue;
        seenLm.add(half);
        await lm.write(half);
      }
    }
  };
  try {
    for (const c of globalCandidates(school, depth)) await add(c.password);
    for (const account of accounts) for (const c of accountCandidates(account, school, depth)) await add(c.password);
  } finally {
    await out.close();
    await lm?.close();
  }
  return { words: out.lines, lmWords: lm?.lines ?? 0 };
}
