// Passwords built from the account itself: names, login and birth date, as schools hand them out
// ("nom + date de naissance", "prenom.nom") and as people pick them. Most likely first.
import type { Depth } from '../../../contract/codes.ts';
import type { AccountRecord, BirthDate, SchoolContext } from '../../directory/model.ts';
import type { Candidate, CandidateFamily } from '../family.ts';
import { applyCase, capitaliseFirst, type CaseStyle, type Spelling } from '../spelling.ts';
import { currentYear, recentYears, SHORT_SUFFIXES } from '../suffixes.ts';
import { DATE_SHAPES, formatBirthDate, type DateShape } from './birthdate.ts';
import { personalForms, type NameForm, type PersonalForms } from './forms.ts';
import { PAIR_SEPARATORS, PAIR_TEMPLATES, pairId, type PairPart } from './labels.ts';

/** Shapes that are digits only take a separator before them ("elodie.2008"); punctuated ones do not. */
const COMPACT_SHAPES = DATE_SHAPES.filter((s) => /^[DMY]+$/.test(s));
const PUNCTUATED_SHAPES = DATE_SHAPES.filter((s) => !/^[DMY]+$/.test(s));
const DATE_SEPARATORS: readonly string[] = ['.', '_', '-'];

/** Tiers: quick takes tier 1, standard adds tier 2, deep tier 3 (sizes in index.ts). */
const TIERS: Record<Depth, number> = { quick: 1, standard: 2, deep: 3 };

type Emit = (password: string, patternId: string) => void;

interface Context extends PersonalForms {
  date: BirthDate | null;
  year: number;
  emit: Emit;
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

type PairCase = CaseStyle | 'given-capitalised-surname-upper' | 'first-capitalised';

function casePart(text: string, part: PairPart, style: PairCase): string {
  if (style === 'first-capitalised') return capitaliseFirst(text);
  if (style !== 'given-capitalised-surname-upper') return applyCase(text, style);
  return part === 'surname' ? text.toUpperCase() : applyCase(text, 'capitalised');
}

interface Tail {
  text: string;
  id: string;
}
const NO_TAIL: readonly Tail[] = [{ text: '', id: '' }];

/** "prenom.nom", "p.nom", "nomprenom"… in the given case styles, optionally followed by a tail. */
function pairs(ctx: Context, maxRank: number, styles: readonly PairCase[], separators: readonly string[], tails = NO_TAIL): void {
  const surnames = ctx.surnameSpellings.filter((s) => s.rank <= maxRank);
  const givens = ctx.givenSpellings.filter((s) => s.rank <= maxRank);
  for (const style of styles) {
    // Cased once per style, not once per candidate: casing is the costly part.
    const parts: Record<PairPart, string[]> = {
      surname: surnames.map((s) => casePart(s.text, 'surname', style)),
      given: givens.map((g) => casePart(g.text, 'given', style)),
      g: givens.map((g) => casePart(g.text.slice(0, 1), 'g', style)),
    };
    for (const tail of tails) {
      for (const [first, second] of PAIR_TEMPLATES) {
        const firstParts = parts[first];
        const secondParts = parts[second];
        for (const separator of separators) {
          const id = pairId(first, separator, second) + tail.id;
          for (let gi = 0; gi < givens.length; gi++) {
            for (let si = 0; si < surnames.length; si++) {
              if ((givens[gi] as Spelling).rank + (surnames[si] as Spelling).rank > maxRank) continue;
              const a = first === 'surname' ? firstParts[si] : firstParts[gi];
              const b = second === 'surname' ? secondParts[si] : secondParts[gi];
              ctx.emit(`${a}${separator}${b}${tail.text}`, id);
            }
          }
        }
      }
    }
  }
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
}

function tier2(ctx: Context): void {
  const forms = ctx.forms.filter((f) => f.rank <= 1 && f.role !== 'initials');
  for (const form of forms) ctx.emit(form.text, form.role);
  const { date } = ctx;
  if (date) {
    after(ctx, forms, date, DATE_SHAPES);
    // Every shape with every separator: "dupont.0907", "dupont-09/07/2008".
    for (const separator of DATE_SEPARATORS) after(ctx, forms, date, DATE_SHAPES, separator);
    before(ctx, forms, date, COMPACT_SHAPES.slice(0, 4));
  }
  pairs(ctx, 1, ['lower', 'capitalised'], PAIR_SEPARATORS);
  pairs(ctx, 1, ['upper'], PAIR_SEPARATORS);
  // "Anne-sophie.Clément": only the very first letter capitalised, as a quick typist does.
  pairs(ctx, 1, ['first-capitalised'], PAIR_SEPARATORS);
  pairs(ctx, 2, ['first-capitalised'], ['.']);
  withSuffixes(ctx, forms, SHORT_SUFFIXES, recentYears(ctx.year));
  // Rarer spellings ("JEAN-BAPTISTE", a birth surname in capitals) with the short suffixes, the last few
  // years, and the two commonest date shapes only.
  const rare = ctx.forms.filter((f) => f.rank === 2 && f.role !== 'initials');
  withSuffixes(ctx, rare, SHORT_SUFFIXES, recentYears(ctx.year).slice(0, 8));
  if (date) after(ctx, rare, date, ['DDMMYYYY', 'YYYY']);
  const tails: Tail[] = SHORT_SUFFIXES.slice(0, 2).map((text) => ({ text, id: '+suffix' }));
  if (date) tails.push({ text: formatBirthDate(date, 'YYYY'), id: '+birthdate:YYYY' });
  pairs(ctx, 0, ['lower', 'capitalised'], ['.', ''], tails);
}

function tier3(ctx: Context): void {
  const { forms, date } = ctx;
  for (const form of forms) ctx.emit(form.text, form.role);
  if (date) {
    after(ctx, forms, date, DATE_SHAPES);
    before(ctx, forms, date, DATE_SHAPES);
    for (const separator of DATE_SEPARATORS) after(ctx, forms, date, COMPACT_SHAPES, separator);
    for (const shape of PUNCTUATED_SHAPES) for (const form of forms) ctx.emit(`${formatBirthDate(date, shape)}.${form.text}`, `birthdate+${form.role}:${shape}`);
    for (const suffix of SHORT_SUFFIXES) {
      for (const shape of DATE_SHAPES) {
        const text = formatBirthDate(date, shape) + suffix;
        for (const form of forms) ctx.emit(form.text + text, `${form.role}+birthdate:${shape}+suffix`);
      }
    }
  }
  pairs(ctx, 2, ['lower', 'capitalised', 'upper', 'given-capitalised-surname-upper'], PAIR_SEPARATORS);
  withSuffixes(ctx, forms, SHORT_SUFFIXES, recentYears(ctx.year));
  const tails: Tail[] = [
    ...SHORT_SUFFIXES.map((text) => ({ text, id: '+suffix' })),
    ...recentYears(ctx.year).map((year) => ({ text: String(year), id: '+year' })),
    ...(date ? DATE_SHAPES.map((shape) => ({ text: formatBirthDate(date, shape), id: `+birthdate:${shape}` })) : []),
  ];
  pairs(ctx, 1, ['lower', 'capitalised'], PAIR_SEPARATORS, tails);
}

const TIER_BUILDERS = [tier1, tier2, tier3];

/**
 * Deduplicated, most likely first. Lazy by tier: a tier is built only when the one before it is used up,
 * so a budget that stops in tier 1 never pays for the thousands of tier 2 and 3.
 */
export function* personalCandidates(account: AccountRecord, depth: Depth): Generator<Candidate> {
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
