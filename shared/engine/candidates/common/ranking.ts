// The common passwords, ranked for French schools: zxcvbn-ts's frequency list, with French words and
// azerty keyboard walks moved up (a French user types "azerty" and "soleil" more than the list says).
import { dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as enDictionary } from '@zxcvbn-ts/language-en';
import { dictionary as frDictionary } from '@zxcvbn-ts/language-fr';
import { FRENCH_FAVOURITES } from './french-favourites.ts';

/** A French word counts as if it were this many times more frequent; an azerty walk even more. */
const FRENCH_BOOST = 8;
const AZERTY_BOOST = 50;
const AZERTY_WALKS = ['azer', 'qsdf', 'wxcv', 'aqwz', 'zqsd', 'poiu', 'mlkj'];
// Lists the French boost compares against; their top is enough to tell a French word from an English one.
const WORD_LIST_TOP = 20_000;

export interface RankedWords {
  /** Common passwords, most frequent first (for a French user). */
  passwords: readonly string[];
  /** French given names and common words not already in `passwords`: the deep end. */
  frenchNames: readonly string[];
  frenchWords: readonly string[];
}

let ranked: RankedWords | undefined;

const isFoldable = (word: string): boolean => /^[a-z0-9]+$/.test(word);

function build(): RankedWords {
  const english = new Set([
    ...enDictionary['commonWords-en'].slice(0, WORD_LIST_TOP),
    ...enDictionary['firstnames-en'],
  ]);
  // In this package version "lastnames-fr" holds given names and "firstnames-fr" surnames.
  const frenchGiven = frDictionary['lastnames-fr'];
  const french = new Set([...frDictionary['commonWords-fr'].slice(0, WORD_LIST_TOP), ...frenchGiven].filter((w) => !english.has(w)));
  const source = commonDictionary['passwords-common'];
  const scored = source.map((word, rank) => {
    const boost = AZERTY_WALKS.some((walk) => word.startsWith(walk)) ? AZERTY_BOOST : french.has(word) ? FRENCH_BOOST : 1;
    return { word, score: rank / boost, rank };
  });
  // French favourites rank as if they stood among the list's first entries, in their own order.
  FRENCH_FAVOURITES.forEach((word, i) => scored.push({ word, score: (i + 1) / 2, rank: -1 }));
  scored.sort((a, b) => a.score - b.score || a.rank - b.rank);
  const passwords: string[] = [];
  const known = new Set<string>();
  for (const { word } of scored) {
    if (known.has(word)) continue;
    known.add(word);
    passwords.push(word);
  }
  const fresh = (words: readonly string[]): string[] => {
    const out: string[] = [];
    for (const word of words) {
      if (word.length >= 4 && isFoldable(word) && !known.has(word)) {
        known.add(word);
        out.push(word);
      }
    }
    return out;
  };
  return { passwords, frenchNames: fresh(frenchGiven), frenchWords: fresh(frDictionary['commonWords-fr']) };
}

/** Built once per thread, on first use. */
export function rankedWords(): RankedWords {
  ranked ??= build();
  return ranked;
}
