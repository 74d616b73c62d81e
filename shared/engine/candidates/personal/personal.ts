// Passwords built from the account itself: names, login and birth date, as schools hand them out
// ("nom + date de naissance", "prenom.nom") and as people pick them. Most likely first.
import type { Depth } from '../../../contract/codes.ts';
import type { AccountRecord, BirthDate, SchoolContext } from '../../directory/model.ts';
import type { Candidate, CandidateFamily } from '../family.ts';
import { applyCase, capitaliseFirst, type CaseStyle, type Spelling } from '../spelling.ts';
import { currentYear, recentYears, SHORT_SUFFIXES } from '../suffixes.ts';
import { DATE_SHAPES, formatBirthDate, type DateShape } from './birthdate.ts';
import { personalForms, type NameForm, type PersonalForms } from './forms.ts';
import { nameWithDate, type Emit, type NameBase } from './grammar.ts';
import { PAIR_SEPARATORS, PAIR_TEMPLATES, pairId, type PairPart, type Role } from './labels.ts';

/** Shapes that are digits only take a separator before them ("elodie.2008"); punctuated ones do not. */
const COMPACT_SHAPES = DATE_SHAPES.filter((s) => /^[DMY]+$/.test(s));
const DATE_SEPARATORS: readonly string[] = ['.', '_', '-'];

/** Tiers: quick takes tier 1, standard adds tier 2, deep tier 3 (sizes in index.ts). */
const TIERS: Record<Depth, number> = { quick: 1, standard: 2, deep: 3 };

interface Context extends PersonalForms {
  date: BirthDate | null;
  year: number;
  emit: Emit;
  /** Distinct candidates emitted so far, all tiers. */
  count(): number;
  /** Standard depth, for a value checked at a fast scheme's cost: the open bands go on (standardFast). */
  fast: boolean;
}

function birthDateAlone(ctx: Context, date: BirthDate, shapes: readonly DateShape[]): void {
  for (const shape of shapes) ctx.emit(formatBirthDate(date, shape), `birthdate:${shape}`);
}

function after(ctx: Context, forms: readonly NameForm[], date: BirthDate, shapes: readonly DateShape[], separator = ''): void {
  for (const shape of shapes) {
    const text = separator + formatBirthDate(date, shape);
    for (const form of forms) ctx.emit(form.text + text, `${form.role}+birthdate:${shape}`);
  }
}

function before(ctx: Context, forms: readonly NameForm[], date: BirthDate, shapes: readonly DateShape[]): void {
  for (const shape of shapes) {
    const text = formatBirthDate(date, shape);
    for (const form of forms) ctx.emit(text + form.text, `birthdate+${form.role}:${shape}`);
  }
}

function withSuffixes(ctx: Context, forms: readonly NameForm[], suffixes: readonly string[], years: readonly number[]): void {
  for (const suffix of suffixes) for (const form of forms) ctx.emit(form.text + suffix, `${form.role}+suffix`);
  for (const year of years) for (const form of forms) ctx.emit(form.text + String(year), `${form.role}+year`);
}

// 'joined-capitalised': the pair typed as one word, its first letter only upper-case ("Jdupont", "Jean.dupont"),
// as a script that capitalises a whole login writes it.
type PairCase = CaseStyle | 'given-capitalised-surname-upper' | 'first-capitalised' | 'joined-capitalised';

function casePart(text: string, part: PairPart, style: PairCase): string {
  if (style === 'joined-capitalised') return text.toLowerCase();
  if (style === 'first-capitalised') return capitaliseFirst(text);
  if (style !== 'given-capitalised-surname-upper') return applyCase(text, style);
  return part === 'surname' ? text.toUpperCase() : applyCase(text, 'capitalised');
}

interface Tail {
  text: string;
  id: string;
}
const NO_TAIL: readonly Tail[] = [{ text: '', id: '' }];

/** One name pair as typed ("elodie.nguessan"), its id ("given.surname") and its spellings' summed rank. */
interface PairText {
  text: string;
  id: string;
  rank: number;
  first: PairPart;
  second: PairPart;
  separator: string;
}

/**
 * "prenom.nom", "p.nom", "nomprenom"… in one case style, spellings up to `maxRank` together. `written`: a
 * hyphenated name as written ("lefevre-dubois") counts as the likeliest spelling (the grammar's pairs with a date).
 */
function pairTexts(ctx: Context, maxRank: number, style: PairCase, separators: readonly string[], written = false): PairText[] {
  const rankOf = (s: Spelling): Spelling => (written && s.rank > 0 && HYPHENATED.test(s.text) ? { text: s.text, rank: s.rank - 1 } : s);
  const surnames = ctx.surnameSpellings.map(rankOf).filter((s) => s.rank <= maxRank);
  const givens = ctx.givenSpellings.map(rankOf).filter((s) => s.rank <= maxRank);
  // Cased once per style, not once per candidate: casing is the costly part.
  const parts: Record<PairPart, string[]> = {
    surname: surnames.map((s) => casePart(s.text, 'surname', style)),
    given: givens.map((g) => casePart(g.text, 'given', style)),
    g: givens.map((g) => casePart(g.text.slice(0, 1), 'g', style)),
  };
  const out: PairText[] = [];
  for (const [first, second] of PAIR_TEMPLATES) {
    const firstParts = parts[first];
    const secondParts = parts[second];
    for (const separator of separators) {
      const id = pairId(first, separator, second);
      for (let gi = 0; gi < givens.length; gi++) {
        for (let si = 0; si < surnames.length; si++) {
          const rank = (givens[gi] as Spelling).rank + (surnames[si] as Spelling).rank;
          if (rank > maxRank) continue;
          const a = first === 'surname' ? firstParts[si] : firstParts[gi];
          const b = second === 'surname' ? secondParts[si] : secondParts[gi];
          const text = `${a}${separator}${b}`;
          out.push({ text: style === 'joined-capitalised' ? capitaliseFirst(text) : text, id, rank, first, second, separator });
        }
      }
    }
  }
  return out;
}

/** Words joined by hyphens only: a compound name as written ("lefevre-dubois", "JEAN-BAPTISTE"). */
const HYPHENATED = /^[^\s'.-]+(-[^\s'.-]+)+$/u;

/** Name pairs in the given case styles, optionally followed by a tail. */
function pairs(ctx: Context, maxRank: number, styles: readonly PairCase[], separators: readonly string[], tails = NO_TAIL): void {
  for (const style of styles) {
    const texts = pairTexts(ctx, maxRank, style, separators);
    for (const tail of tails) for (const p of texts) ctx.emit(p.text + tail.text, p.id + tail.id);
  }
}

// Grammar costs of the name part (grammar.ts): the name itself or the login before a piece of the login, and
// initials after both; a pair one step rarer than one name ("jdupont", "jean.dupont"), two when the surname comes
// first ("dupontj", "dupont.jean"); a rank 2 spelling (accents kept, an odd part, UPPER of a rarer spelling)
// rarer again.
const ROLE_COST: Readonly<Record<Role, number>> = { surname: 0, given: 0, login: 0, 'login-part': 1, initials: 2 };
const PAIR_COST = 1;
const spellingCost = (rank: number): number => (rank >= 2 ? 3 : rank);
/** Two names multiply their spellings: in a pair, any but the likeliest spelling costs one step more. */
const pairSpellingCost = (rank: number): number => (rank === 0 ? 0 : spellingCost(rank) + 1);
const PAIR_CASES: readonly PairCase[] = ['lower', 'capitalised', 'joined-capitalised', 'upper'];

/**
 * A pair's cost beyond PAIR_COST. An initial goes with its surname as one word ("jdupont", "Jdupont"; "j.dupont"
 * and "JDupont" are rarer); two names take a dot or nothing ("jean.dupont", "JeanDupont"); '-' and '_' are rarer,
 * UPPER too. "Jean.dupont" (only the first letter up) is rarer than "Jean.Dupont".
 */
function pairCost(p: PairText, style: PairCase): number {
  const initial = p.first === 'g' || p.second === 'g';
  const surnameFirst = p.first === 'surname' ? 1 : 0;
  const joined = p.separator === '' ? 0 : p.separator === '.' ? (initial ? 1 : 0) : initial ? 2 : 1;
  let casing = 0;
  if (style === 'upper') casing = 1;
  else if (style === 'capitalised' && initial && p.separator === '') casing = 1;
  else if (style === 'joined-capitalised') casing = initial && p.separator === '' ? 0 : 1;
  return surnameFirst + joined + casing + pairSpellingCost(p.rank);
}

/**
 * A hyphenated surname or given name as it is written on every form and list the person sees, hyphen kept
 * ("MARTIN-DUPONT", "JEAN-BAPTISTE"): beside a date as likely as joined ("MARTIN-DUPONT190909"), so one step cheaper in the grammar than its spelling
 * rank says. Alone, and in pairs, it keeps its rank.
 */
function asWritten(f: NameForm): boolean {
  return (f.role === 'surname' || f.role === 'given') && f.rank > 0 && HYPHENATED.test(f.text);
}

/** Every name part the grammar puts a date beside, up to `maxCost`, cheapest first. */
function grammarBases(ctx: Context, maxCost: number): NameBase[] {
  const bases: NameBase[] = ctx.forms.map((f) => ({ text: f.text, id: f.role, cost: ROLE_COST[f.role] + spellingCost(asWritten(f) ? f.rank - 1 : f.rank) }));
  // Only the spellings a pair within `maxCost` can use: pairs are the costly part to build.
  const maxRank = [0, 1, 2].filter((rank) => PAIR_COST + pairSpellingCost(rank) <= maxCost).at(-1);
  if (maxRank === undefined) return bases.filter((b) => b.cost <= maxCost).sort((a, b) => a.cost - b.cost);
  for (const style of PAIR_CASES) {
    for (const p of pairTexts(ctx, maxRank, style, PAIR_SEPARATORS, true)) {
      const cost = PAIR_COST + pairCost(p, style);
      if (cost <= maxCost) bases.push({ text: p.text, id: p.id, cost });
    }
  }
  // Stable: equal costs keep the forms' own order, single names before pairs.
  return bases.filter((b) => b.cost <= maxCost).sort((a, b) => a.cost - b.cost);
}

/**
 * Cost bands of the name + date grammar. Quick: the cheapest. Standard: bands 1 and 2 whole, then 3 and 4 (cheapest
 * first) while the account has fewer than STANDARD_SIZE candidates — a simple name reaches band 4, a compound
 * name's many spellings stop within band 3: imposed formulas are drawn from the whole grammar, so standard takes as
 * much of it as a few thousand checks per account allow (standardFast: 3 to 5 while under FAST_STANDARD_SIZE, for a
 * value checked at a fast scheme's cost). Deep: up to 5, whatever standard left.
 */
const GRAMMAR_BANDS = { quick: [0, 0], standard: [1, 2], standardOpen: [3, 4], standardFast: [3, 5], deep: [3, 5] } as const;
const STANDARD_SIZE = 3_500;
/**
 * Standard depth, for an account whose stored value is checked at a fast scheme's cost (an unsalted digest, or a
 * salted one the kernels hash by the ten thousand): the grammar goes on, band 5 included, up to this size. Names
 * with many spellings (accents kept or not, compound parts, a birth surname) stop within band 3 at STANDARD_SIZE,
 * where an initial + accented surname + a slashed date waits (issue #12: ≥ 99 % on fast schemes).
 */
export const FAST_STANDARD_SIZE = 9_000;

function grammar(ctx: Context, [min, max]: readonly [number, number], size = Infinity): void {
  if (!ctx.date || ctx.count() >= size) return;
  const emit: Emit = size === Infinity ? ctx.emit : (password, id) => {
    if (ctx.count() < size) ctx.emit(password, id);
  };
  nameWithDate(grammarBases(ctx, max), ctx.date, min, max, emit, () => ctx.count() >= size);
}

function tier1(ctx: Context): void {
  const { date } = ctx;
  const top = ctx.forms.filter((f) => f.rank === 0 && (f.role === 'surname' || f.role === 'given'));
  const logins = ctx.forms.filter((f) => f.rank === 0 && f.role === 'login');
  if (date) {
    birthDateAlone(ctx, date, ['DDMMYYYY', 'DD/MM/YYYY']);
    after(ctx, top, date, ['DDMMYYYY']);
  }
  for (const form of logins) ctx.emit(form.text, 'login');
  pairs(ctx, 0, ['lower', 'capitalised'], ['.']);
  if (date) {
    birthDateAlone(ctx, date, DATE_SHAPES);
    after(ctx, top, date, DATE_SHAPES);
  }
  pairs(ctx, 0, ['lower', 'capitalised'], PAIR_SEPARATORS);
  for (const form of top) ctx.emit(form.text, form.role);
  withSuffixes(ctx, [...logins, ...top], SHORT_SUFFIXES, []);
  if (date) {
    before(ctx, top, date, COMPACT_SHAPES);
    for (const separator of DATE_SEPARATORS) after(ctx, top, date, COMPACT_SHAPES, separator);
  }
  // The login with the full date and the year ("jdupont09072008"), the rest of the grammar's cheapest band.
  grammar(ctx, GRAMMAR_BANDS.quick);
}

function tier2(ctx: Context): void {
  const forms = ctx.forms.filter((f) => f.rank <= 1 && f.role !== 'initials');
  for (const form of forms) ctx.emit(form.text, form.role);
  // Every name part with a date, the cheapest bands: "jdupont150308", "dupontj2008", "NGUESSAN08",
  // "Elodie.Nguessan.2008", "2008dupont", "Dupont2008!". The next bands end the tier.
  grammar(ctx, GRAMMAR_BANDS.standard);
  pairs(ctx, 1, ['lower', 'capitalised'], PAIR_SEPARATORS);
  pairs(ctx, 1, ['upper'], PAIR_SEPARATORS);
  // "Anne-sophie.Clément": only the very first letter capitalised, as a quick typist does.
  pairs(ctx, 1, ['first-capitalised'], PAIR_SEPARATORS);
  pairs(ctx, 2, ['first-capitalised'], ['.']);
  // Every recent year for the likeliest spellings, the last eight for the others (deep gives them all).
  withSuffixes(ctx, forms, SHORT_SUFFIXES, []);
  withSuffixes(ctx, forms.filter((f) => f.rank === 0), [], recentYears(ctx.year));
  withSuffixes(ctx, forms.filter((f) => f.rank === 1), [], recentYears(ctx.year).slice(0, 8));
  // Rarer spellings ("JEAN-BAPTISTE", a birth surname in capitals) with the short suffixes and the last few
  // years (the grammar gave them the two commonest date shapes).
  const rare = ctx.forms.filter((f) => f.rank === 2 && f.role !== 'initials');
  withSuffixes(ctx, rare, SHORT_SUFFIXES, recentYears(ctx.year).slice(0, 8));
  // "jdupont1", "Dupont.J2025": a pair with a short suffix or a recent year (the account's creation, this year).
  const tails: Tail[] = [
    ...SHORT_SUFFIXES.slice(0, 2).map((text) => ({ text, id: '+suffix' })),
    ...recentYears(ctx.year).slice(0, 6).map((year) => ({ text: String(year), id: '+year' })),
  ];
  pairs(ctx, 0, ['lower', 'capitalised'], ['.', ''], tails);
  if (ctx.fast) grammar(ctx, GRAMMAR_BANDS.standardFast, FAST_STANDARD_SIZE);
  else grammar(ctx, GRAMMAR_BANDS.standardOpen, STANDARD_SIZE);
}

function tier3(ctx: Context): void {
  const { forms, date } = ctx;
  for (const form of forms) ctx.emit(form.text, form.role);
  grammar(ctx, GRAMMAR_BANDS.deep);
  if (date) {
    for (const suffix of SHORT_SUFFIXES) {
      // Every short suffix after every date (the grammar's tails had '!' and '1'), named as the grammar names them.
      const tail = /^\d+$/.test(suffix) ? '+suffix' : '+symbol';
      for (const shape of DATE_SHAPES) {
        const text = formatBirthDate(date, shape) + suffix;
        for (const form of forms) ctx.emit(form.text + text, `${form.role}+birthdate:${shape}${tail}`);
      }
    }
  }
  pairs(ctx, 2, ['lower', 'capitalised', 'upper', 'given-capitalised-surname-upper'], PAIR_SEPARATORS);
  withSuffixes(ctx, forms, SHORT_SUFFIXES, recentYears(ctx.year));
  const tails: Tail[] = [
    ...SHORT_SUFFIXES.map((text) => ({ text, id: '+suffix' })),
    ...recentYears(ctx.year).map((year) => ({ text: String(year), id: '+year' })),
  ];
  pairs(ctx, 1, ['lower', 'capitalised'], PAIR_SEPARATORS, tails);
}

const TIER_BUILDERS = [tier1, tier2, tier3];

/**
 * Deduplicated, most likely first. Lazy by tier: a tier is built only when the one before it is used up,
 * so a budget that stops in tier 1 never pays for the thousands of tier 2 and 3.
 */
export function* personalCandidates(account: AccountRecord, depth: Depth, fast = false): Generator<Candidate> {
  const seen = new Set<string>();
  let batch: Candidate[] = [];
  const ctx: Context = {
    ...personalForms(account),
    date: account.birthDate,
    year: currentYear(),
    emit: (password, patternId) => {
      // One hash lookup instead of has() then add(): this runs millions of times per audit.
      const before = seen.size;
      seen.add(password);
      if (seen.size === before) return;
      batch.push({ password, family: 'personal', patternId });
    },
    count: () => seen.size,
    fast: fast && depth === 'standard',
  };
  for (const build of TIER_BUILDERS.slice(0, TIERS[depth])) {
    build(ctx);
    const ready = batch;
    batch = [];
    yield* ready;
  }
}

export const personalFamily: CandidateFamily = {
  id: 'personal',
  forAccount: (account: AccountRecord, _school: SchoolContext, depth: Depth) => personalCandidates(account, depth),
  global: () => [],
};
