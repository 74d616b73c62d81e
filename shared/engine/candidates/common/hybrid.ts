// Common words followed by digits, a year or a symbol — "soleil2024", "Marseille13!" — the mangled passwords a
// "at least one digit" rule produces. Too many to list one by one at depth (hundreds of millions): the family is
// a product, stems × suffixes, that the hash kernels expand themselves (hashcat's hybrid attack); a candidate
// string is only made for a pair that matched, to rate it and name its pattern.
import type { Depth } from '../../../contract/codes.ts';
import type { Candidate } from '../family.ts';
import { applyCase } from '../spelling.ts';
import { currentYear } from '../suffixes.ts';
import { rankedWords } from './ranking.ts';

export interface HybridPlan {
  /** The words, most likely first; each is followed by every suffix. */
  readonly stems: readonly string[];
  readonly suffixes: readonly string[];
  /** The pattern id of each suffix. */
  readonly patterns: readonly string[];
  /** stems × suffixes: pair p is stem ⌊p / suffixes⌋ followed by suffix p mod suffixes. */
  readonly size: number;
}

interface HybridSize {
  /** Alphabetic common passwords taken, and how many of them also Capitalised. */
  words: number;
  capitalised: number;
  /** French given names and words (all of them, names also Capitalised). */
  french: boolean;
  /** Numbers 0 … numbers - 1 (and their zero-padded two- and three-digit forms below 10 and 100). */
  numbers: number;
  firstYear: number;
  symbols: readonly string[];
}

export const HYBRID_SIZES: Record<Depth, HybridSize | null> = {
  quick: null,
  standard: { words: 300, capitalised: 300, french: false, numbers: 100, firstYear: 1960, symbols: ['', '!', '.'] },
  deep: { words: Infinity, capitalised: 5_000, french: true, numbers: 1_000, firstYear: 1940, symbols: ['', '!', '.', '*', '@', '#', '?', '$'] },
};

/** Keyboard-ish runs people append, beyond plain numbers. */
const RUNS = ['123', '1234', '12345', '123456', '007', '69', '2b'];

const ALPHABETIC = /^\p{L}{3,}$/u;

const plans = new Map<Depth, HybridPlan | null>();

/** The product for a depth (null: none at this depth), built once per process. */
export function hybridPlan(depth: Depth): HybridPlan | null {
  if (!plans.has(depth)) plans.set(depth, build(depth));
  return plans.get(depth) ?? null;
}

function build(depth: Depth): HybridPlan | null {
  const size = HYBRID_SIZES[depth];
  if (!size) return null;
  const { passwords, frenchNames, frenchWords } = rankedWords();
  const stems: string[] = [];
  const seen = new Set<string>();
  const add = (word: string): void => {
    // Words only: a list entry that already ends in digits ("azerty123") is covered by its word.
    if (seen.has(word) || !ALPHABETIC.test(word)) return;
    seen.add(word);
    stems.push(word);
  };
  const alphabetic = passwords.filter((w) => ALPHABETIC.test(w));
  const words = alphabetic.slice(0, Math.min(size.words, alphabetic.length));
  words.forEach((word, i) => {
    add(word);
    if (i < size.capitalised) add(applyCase(word, 'capitalised'));
  });
  if (size.french) {
    for (const name of frenchNames) {
      add(name);
      add(applyCase(name, 'capitalised'));
    }
    for (const word of frenchWords) add(word);
  }

  const suffixes: string[] = [];
  const patterns: string[] = [];
  const bases: [string, string][] = [];
  const known = new Set<string>();
  const base = (text: string, kind: 'digits' | 'year'): void => {
    if (known.has(text)) return;
    known.add(text);
    bases.push([text, kind]);
  };
  // Recent years first (a password set this year), then numbers, then older years (birth years).
  const thisYear = currentYear();
  for (let y = thisYear + 1; y >= 2000; y--) base(String(y), 'year');
  for (let n = 0; n < size.numbers; n++) {
    base(String(n), 'digits');
    if (n < 10) base(`0${n}`, 'digits');
    if (n < 100 && size.numbers > 100) base(String(n).padStart(3, '0'), 'digits');
  }
  for (const run of RUNS) base(run, 'digits');
  for (let y = 1999; y >= size.firstYear; y--) base(String(y), 'year');
  for (const symbol of size.symbols) {
    for (const [text, kind] of bases) {
      suffixes.push(text + symbol);
      patterns.push(`common:word+${kind}${symbol ? '+symbol' : ''}`);
    }
    if (symbol) {
      suffixes.push(symbol);
      patterns.push('common:word+symbol');
    }
  }
  return { stems, suffixes, patterns, size: stems.length * suffixes.length };
}

/** The candidate of one pair — made only for a pair that matched. */
export function hybridCandidate(plan: HybridPlan, pair: number): Candidate {
  const n = plan.suffixes.length;
  const suffix = pair % n;
  return { password: plan.stems[Math.floor(pair / n)]! + plan.suffixes[suffix]!, family: 'common', patternId: plan.patterns[suffix]! };
}

/** How many of the most likely suffixes a budget of `count` pairs takes: more words than suffixes for small ones. */
const SUFFIX_LADDER = [10, 30, 100, 300, 1_000];

/**
 * The most likely `count` pairs or fewer, as a smaller product — for one salted value with a budget, where the
 * full product's order (every suffix of the first word before the second word) would spend it all on one word.
 */
export function hybridHead(plan: HybridPlan, count: number): HybridPlan {
  const wanted = SUFFIX_LADDER.find((t) => t * t >= count) ?? SUFFIX_LADDER[SUFFIX_LADDER.length - 1]!;
  const t = Math.min(plan.suffixes.length, wanted);
  const stems = plan.stems.slice(0, Math.max(1, Math.min(plan.stems.length, Math.floor(count / t))));
  return { stems, suffixes: plan.suffixes.slice(0, t), patterns: plan.patterns.slice(0, t), size: stems.length * t };
}
