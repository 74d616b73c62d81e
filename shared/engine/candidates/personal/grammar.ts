// "Name + date of birth" as a grammar (issue #12 §2, §4): a name part × a date shape × a separator × an order ×
// a trailing symbol or digit. Every choice has a cost, 0 for the likeliest and one more for each step a few times
// rarer; a tier takes the combinations whose summed cost falls in its band, cheapest first. Schools' imposed
// formulas (« NOMAA », « Prénom.JJMMAAAA », « pnom + JJMMAA ») are drawn from this grammar, so it is enumerated
// whole, not hand-picked: what a tier holds is decided by the costs below.
import type { BirthDate } from '../../directory/model.ts';
import { DATE_SHAPES, formatBirthDate, type DateShape } from './birthdate.ts';

/** A name part as typed: its text, its pattern id ("surname", "given.surname", "gsurname") and its cost. */
export interface NameBase {
  text: string;
  id: string;
  cost: number;
}

/** The French DDMMYYYY and the bare year first; the ENT's and Scribe's stored formats next; the rest last. */
const SHAPE_COST: Readonly<Record<DateShape, number>> = {
  DDMMYYYY: 0, YYYY: 0,
  DDMMYY: 1, DDMM: 1, YY: 1, 'DD/MM/YYYY': 1, YYYYMMDD: 1,
  MMYYYY: 2, 'DD.MM.YYYY': 2, 'DD-MM-YYYY': 2,
};

const SEPARATORS: readonly (readonly [string, number])[] = [['', 0], ['.', 1], ['-', 1], ['_', 1]];
/** What a "one symbol" (or "one more digit") rule adds at the end, id tail, cost; '!' far more than the others. */
export const DATE_TAILS: readonly (readonly [string, string, number])[] = [
  ['', '', 0], ['!', '+symbol', 1], ['*', '+symbol', 2], ['1', '+suffix', 2], ['.', '+symbol', 3], ['?', '+symbol', 3],
];
/** The date before the name ("2008dupont") is rarer than after it. */
const BEFORE_COST = 1;
/** A separator next to a date that has its own punctuation ("dupont.09/07/2008") is one step rarer still. */
const PUNCTUATED_SEPARATOR_COST = 1;

const isPunctuated = (shape: DateShape): boolean => !/^[DMY]+$/.test(shape);

/** A date shape with a separator: typed "name" + after, or before + "name" (the separator between them). */
interface Part {
  after: string;
  before: string;
  shape: DateShape;
  /** The shape's place in DATE_SHAPES. */
  index: number;
  cost: number;
}

/** Each date shape with each separator, cheapest first; formatted once per account, not once per name. */
function dateParts(date: BirthDate): Part[] {
  const parts: Part[] = [];
  DATE_SHAPES.forEach((shape, index) => {
    const text = formatBirthDate(date, shape);
    for (const [separator, cost] of SEPARATORS) {
      const extra = separator !== '' && isPunctuated(shape) ? PUNCTUATED_SEPARATOR_COST : 0;
      parts.push({ after: separator + text, before: text + separator, shape, index, cost: SHAPE_COST[shape] + cost + extra });
    }
  });
  // Stable: equal costs keep the shapes' and separators' own order.
  return parts.sort((a, b) => a.cost - b.cost);
}

export type Emit = (password: string, patternId: string) => void;

// Pattern ids made once per process, not once per candidate: thousands of candidates per account would each hold
// a copy of the same few dozen ids, and the garbage collector then moves them all. By name id, [shape][tail].
const IDS = new Map<string, { after: string[][]; before: string[][] }>();

function idsOf(nameId: string): { after: string[][]; before: string[][] } {
  let ids = IDS.get(nameId);
  if (!ids) {
    const table = (id: (shape: DateShape) => string): string[][] => DATE_SHAPES.map((shape) => DATE_TAILS.map(([, tail]) => id(shape) + tail));
    ids = { after: table((shape) => `${nameId}+birthdate:${shape}`), before: table((shape) => `birthdate+${nameId}:${shape}`) };
    IDS.set(nameId, ids);
  }
  return ids;
}

/**
 * Every name + date (+ symbol) whose cost lies in [min, max], cheapest first; within a cost, in the order of
 * `bases`. Ids: "surname+birthdate:YYYY", "birthdate+surname:YYYY", either with "+symbol" or "+suffix".
 * Stops once `full()` says so: a password is built only when its cost comes, so a band cut short costs little.
 */
export function nameWithDate(bases: readonly NameBase[], date: BirthDate, min: number, max: number, emit: Emit, full: () => boolean = () => false): void {
  const parts = dateParts(date);
  for (let cost = min; cost <= max; cost++) {
    for (const base of bases) {
      if (base.cost > cost) continue;
      const ids = idsOf(base.id);
      for (const part of parts) {
        const partCost = base.cost + part.cost;
        if (partCost > cost) break;
        for (let t = 0; t < DATE_TAILS.length; t++) {
          const [symbol, , symbolCost] = DATE_TAILS[t] as (typeof DATE_TAILS)[number];
          const after = partCost + symbolCost;
          if (after > cost) break;
          if (after === cost) emit(base.text + part.after + symbol, (ids.after[part.index] as string[])[t] as string);
          if (after + BEFORE_COST === cost) emit(part.before + base.text + symbol, (ids.before[part.index] as string[])[t] as string);
        }
      }
      if (full()) return;
    }
  }
}
