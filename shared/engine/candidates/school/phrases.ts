// A word × a letter case × a year × a symbol, the way a school's start-of-year password is made: « Rentree2025! »,
// « Bienvenue2024 », « JeanMoulin25* ». Every choice has a cost (0 the likeliest, one more for each step a few times
// rarer); a tier takes the combinations whose summed cost falls in its band, cheapest first. The school family is
// generated once for all accounts, so these products are affordable where the personal ones are not.
import type { Candidate } from '../family.ts';
import { applyCase, type CaseStyle } from '../spelling.ts';
import type { SchoolSource } from './labels.ts';

export interface PhraseBase {
  text: string;
  source: SchoolSource;
  cost: number;
}

/** Capitalised as often as lower case for a password someone hands out; UPPER far less. */
const CASES: readonly (readonly [CaseStyle, number])[] = [['capitalised', 0], ['lower', 0], ['upper', 2]];
/** '!' as often as nothing (a "one symbol" rule); the ones on the azerty number row next; the others after. */
export const PHRASE_SYMBOLS: readonly (readonly [string, number])[] = [
  ['', 0], ['!', 0], ['*', 1], ['.', 1], ['@', 1], ['#', 2], ['?', 2], ['$', 2],
];

interface Year {
  text: string;
  cost: number;
}

/**
 * No year, then this school year's two calendar years, the next one and the two before, as YYYY and as YY
 * (one step rarer). A password handed out in September 2025 says 2025; read in 2026 it is "last year".
 */
export function phraseYears(year: number): Year[] {
  const years: Year[] = [{ text: '', cost: 0 }];
  const byAge: [number, number][] = [[year, 0], [year - 1, 0], [year + 1, 1], [year - 2, 1], [year - 3, 2]];
  for (const [y, cost] of byAge) years.push({ text: String(y), cost });
  for (const [y, cost] of byAge) years.push({ text: String(y).slice(-2), cost: cost + 1 });
  return years.sort((a, b) => a.cost - b.cost);
}

const sortedByCost = <T extends { cost: number }>(items: readonly T[]): T[] => [...items].sort((a, b) => a.cost - b.cost);

/**
 * Every base × case × year × symbol whose cost lies in [min, max], cheapest first; within a cost, bases in their
 * order. Ids: SOURCE, SOURCE+year, SOURCE+symbol, SOURCE+year+symbol. `keep` may refuse a password.
 */
export function phrases(bases: readonly PhraseBase[], year: number, min: number, max: number, keep: (password: string, base: PhraseBase) => boolean = () => true): Candidate[] {
  const buckets: Candidate[][] = [];
  for (let c = min; c <= max; c++) buckets.push([]);
  const years = phraseYears(year);
  for (const base of sortedByCost(bases)) {
    if (base.cost > max) break;
    // CASES and PHRASE_SYMBOLS are listed cheapest first: each loop stops at the first choice over `max`.
    for (const [style, caseCost] of CASES) {
      if (base.cost + caseCost > max) break;
      const word = applyCase(base.text, style);
      for (const y of years) {
        const yearCost = base.cost + caseCost + y.cost;
        if (yearCost > max) break;
        for (const [symbol, symbolCost] of PHRASE_SYMBOLS) {
          const cost = yearCost + symbolCost;
          if (cost > max) break;
          if (cost < min) continue;
          const password = word + y.text + symbol;
          if (!keep(password, base)) continue;
          const tail = (y.text === '' ? '' : '+year') + (symbol === '' ? '' : '+symbol');
          (buckets[cost - min] as Candidate[]).push({ password, family: 'school', patternId: base.source + tail });
        }
      }
    }
  }
  return buckets.flat();
}
