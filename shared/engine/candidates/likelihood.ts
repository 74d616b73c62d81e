// How likely a candidate is to be an account's password, as a rough prior probability. Slow hashes get a small
// per-account budget (a few dozen checks at standard depth): spending it on the most likely candidates of every
// family first recovers more than taking each family's own order in turns. The figures are priors from what
// schools hand out and people pick (school-directories.md: "nom + date de naissance" imposed on students, a staff
// password equal to the school's name), not fitted to a data set; only their order matters.
import type { Profile } from '../../contract/codes.ts';
import type { Candidate } from './family.ts';

/** Share of weak passwords each family accounts for, by profile: staff reuse the school's name more than pupils. */
const FAMILY_PRIOR: Record<Profile, { personal: number; school: number; common: number }> = {
  student: { personal: 0.5, school: 0.15, common: 0.25 },
  parent: { personal: 0.4, school: 0.15, common: 0.3 },
  teacher: { personal: 0.4, school: 0.3, common: 0.25 },
  staff: { personal: 0.4, school: 0.3, common: 0.25 },
  admin: { personal: 0.35, school: 0.35, common: 0.25 },
  unknown: { personal: 0.45, school: 0.2, common: 0.25 },
};

/**
 * Within the personal family: how the password is built (role and date position from the pattern id), for the
 * name-then-date order without a trailing symbol; `personalPrior` derives the date-first order and the tails.
 */
const PERSONAL_SHAPE: { test: RegExp; prior: number }[] = [
  { test: /^birthdate:/, prior: 0.15 },
  { test: /^surname\+birthdate:[^+]*$/, prior: 0.2 },
  { test: /^given\+birthdate:[^+]*$/, prior: 0.15 },
  { test: /^(given\.surname|surname\.given)$/, prior: 0.1 },
  { test: /^login$/, prior: 0.05 },
  { test: /^(login|given|surname)\+(suffix|year)$/, prior: 0.05 },
  // What schools impose beside « nom + date »: the login, an initial with the surname, a pair, with the date.
  { test: /^login\+birthdate:[^+]*$/, prior: 0.05 },
  { test: /^(given|g)[._-]?surname\+birthdate:[^+]*$/, prior: 0.05 },
  { test: /^login-part\+birthdate:[^+]*$/, prior: 0.03 },
  { test: /^surname[._-]?(given|g)\+birthdate:[^+]*$/, prior: 0.03 },
  { test: /^(given|surname)$/, prior: 0.02 },
  { test: /^(given|g|surname)[._-]?(surname|given|g)$/, prior: 0.01 },
  { test: /^initials\+birthdate:[^+]*$/, prior: 0.005 },
];
/** The date before the name ("2008dupont") is about four times rarer than after it. */
const DATE_FIRST = 0.25;
/** A name + date with a digit "1" added at the end, for a rule asking for one more digit. */
const DATE_THEN_DIGIT = 0.08;
const OTHER_PERSONAL = 0.003;

/** Date shapes a password uses, the French DDMMYYYY first; the rare ones (MMYYYY, YY) last. */
const DATE_SHAPE_PRIOR: Record<string, number> = {
  DDMMYYYY: 0.3, DDMMYY: 0.15, DDMM: 0.15, YYYY: 0.12, YYYYMMDD: 0.12, 'DD/MM/YYYY': 0.12,
  'DD.MM.YYYY': 0.02, 'DD-MM-YYYY': 0.02, MMYYYY: 0.02, YY: 0.02,
};

/** School words a password borrows: the name first, then its town and UAI; one word of a multi-word town. */
const SCHOOL_SOURCE_PRIOR: Record<string, number> = {
  'school-name': 0.35, 'school-word': 0.15, town: 0.2, uai: 0.15, 'school-fullname': 0.1, 'town-word': 0.08, 'school-initials': 0.03,
  academy: 0.01, class: 0.01,
};
/**
 * A start-of-year default (« Rentree2025! », « Bienvenue2024 »): handed to staff far more than chosen by pupils.
 * Per word of a vocabulary of about fifteen: together they weigh about as much as the school's name.
 */
const DEFAULT_WORD_PRIOR: Record<Profile, number> = { student: 0.01, parent: 0.01, teacher: 0.03, staff: 0.03, admin: 0.03, unknown: 0.015 };

/** A symbol a rule asks for, typed at the end: "!" far more than the others. */
function symbolPrior(symbol: string): number {
  return symbol === '!' ? 0.15 : symbol === '*' ? 0.05 : 0.02;
}

/** A year the password was set: this one or the two before mostly, next year sometimes; "25" is 2025. */
function yearPrior(digits: string, year: number): number {
  const y = digits.length === 2 ? 2000 + Number(digits) : Number(digits);
  const age = year - y;
  if (age >= 0 && age <= 2) return 0.1 * (digits.length === 2 ? 0.3 : 1);
  if (age === -1 || age === 3) return 0.03 * (digits.length === 2 ? 0.3 : 1);
  return 0.005;
}

/** Suffixes after a word: a year the password was set (this one or the two before), 123, !, 1. */
function suffixPrior(suffix: string, year: number): number {
  if (suffix === '') return 0.3;
  if (/^\d{4}$/.test(suffix)) {
    const age = year - Number(suffix);
    if (age >= 0 && age <= 2) return 0.1;
    if (age === -1) return 0.03;
    return 0.005;
  }
  return ({ '123': 0.15, '!': 0.15, '1': 0.08, '01': 0.05, '12': 0.03, '1234': 0.03 } as Record<string, number>)[suffix] ?? 0.005;
}

/** Letters as typed: lower case mostly, Capitalised often, UPPER rarely; accents are seldom typed. */
function casePrior(text: string): number {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters === '') return 1;
  const accents = /[^\x00-\x7f]/.test(letters) ? 0.25 : 1;
  if (letters === letters.toLowerCase()) return 0.6 * accents;
  if (letters === letters.toUpperCase()) return 0.1 * accents;
  const rest = letters.slice(1);
  return (rest === rest.toLowerCase() ? 0.3 : 0.05) * accents;
}

/** A separator typed between the name and the date ("dupont.0907"): about one in five. */
function separatorPrior(password: string): number {
  return /\p{L}[._-]\d/u.test(password) ? 0.1 : 1;
}

/** What a personal pattern id alone says: its prior, and what of the password is still to weigh. */
interface PersonalIdPrior {
  prior: number;
  /** The last character is a symbol a rule asked for ("+symbol" after a date). */
  symbol: boolean;
  /** A short suffix or a year follows the name ("+suffix", "+year"). */
  suffix: boolean;
}

/** A scan ranks millions of candidates over about 1,400 pattern ids: each id is read once. */
const PERSONAL_ID_PRIORS = new Map<string, PersonalIdPrior>();

function personalIdPrior(patternId: string): PersonalIdPrior {
  const known = PERSONAL_ID_PRIORS.get(patternId);
  if (known) return known;
  let id = patternId;
  let factor = 1;
  // "birthdate+surname:YYYY" is "surname+birthdate:YYYY" typed the other way round.
  const first = /^birthdate\+([^:]+):(.+)$/.exec(id);
  if (first) {
    id = `${first[1]}+birthdate:${first[2]}`;
    factor *= DATE_FIRST;
  }
  let symbol = false;
  const tail = /\+(symbol|suffix)$/.exec(id);
  if (tail && id.includes('+birthdate:')) {
    id = id.slice(0, -tail[0].length);
    if (tail[1] === 'symbol') symbol = true;
    else factor *= DATE_THEN_DIGIT;
  }
  const shape = factor * (PERSONAL_SHAPE.find((s) => s.test.test(id))?.prior ?? OTHER_PERSONAL);
  const date = /birthdate:([^+]+)/.exec(id)?.[1];
  const dateFactor = date ? (DATE_SHAPE_PRIOR[date] ?? 0.01) : 1;
  const out = { prior: shape * dateFactor, symbol, suffix: /\+(suffix|year)$/.test(id) };
  PERSONAL_ID_PRIORS.set(patternId, out);
  return out;
}

function personalPrior(c: Candidate): number {
  const id = personalIdPrior(c.patternId);
  const symbol = id.symbol ? symbolPrior(c.password.slice(-1)) : 1;
  const suffix = id.suffix ? suffixPrior(/(\d+|!|\d+!)$/.exec(c.password)?.[0] ?? '?', CURRENT_YEAR) : 1;
  return id.prior * symbol * suffix * casePrior(c.password) * separatorPrior(c.password);
}

/** How likely a school word's tail is: nothing, a year, a short suffix, a symbol, a year and a symbol. */
function schoolTailPrior(tail: string, password: string, year: number): number {
  switch (tail) {
    case '': return suffixPrior('', year);
    case 'year': return yearPrior(/(\d+)$/.exec(password)?.[1] ?? '', year);
    case 'suffix': return suffixPrior(/(\d+|!)$/.exec(password)?.[0] ?? '?', year);
    case 'symbol': return symbolPrior(password.slice(-1));
    case 'year+symbol': return yearPrior(/(\d+)\D$/.exec(password)?.[1] ?? '', year) * (password.endsWith('!') ? 0.5 : 0.15);
    case 'year+suffix': return yearPrior(/(\d{2,4})\d+$/.exec(password)?.[1] ?? '', year) * 0.1;
    default: return 0.005;
  }
}

function schoolPrior(c: Candidate, profile: Profile, year: number): number {
  const plus = c.patternId.indexOf('+');
  const source = plus < 0 ? c.patternId : c.patternId.slice(0, plus);
  const tail = plus < 0 ? '' : c.patternId.slice(plus + 1);
  const sourcePrior = source === 'default-word' ? DEFAULT_WORD_PRIOR[profile] : SCHOOL_SOURCE_PRIOR[source] ?? 0.01;
  const suffix = schoolTailPrior(tail, c.password, year);
  // A UAI is written in capitals ("0290009C"): there, upper case is the usual form.
  const casing = source === 'uai' ? (/[A-Z]/.test(c.password) ? 0.6 : 0.4) : casePrior(c.password);
  // "jean.moulin", "jean moulin": the words apart are typed far less often than joined.
  const apart = /\p{L}[ ._-]\p{L}/u.test(c.password) ? 0.1 : 1;
  return sourcePrior * suffix * casing * apart;
}

const CURRENT_YEAR = new Date().getFullYear();

/**
 * Prior probability of a candidate for an account of this profile. `position` is the candidate's place in its
 * family's own order: common passwords follow their ranking (a Zipf law over the list).
 */
export function likelihood(c: Candidate, profile: Profile, position: number): number {
  const family = FAMILY_PRIOR[profile];
  switch (c.family) {
    case 'empty': return 1;
    case 'personal': return family.personal * personalPrior(c);
    case 'school': return family.school * schoolPrior(c, profile, CURRENT_YEAR);
    case 'common': return (family.common * (c.patternId === 'common:capitalised' ? 0.2 : 1)) / ((position + 1) * 4);
  }
}
