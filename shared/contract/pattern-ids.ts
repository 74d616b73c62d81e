// The ids a report names a weak password's pattern and shape with (issue #14 §2): the engine's candidate families
// emit them, the message catalogues (messages-fr.ts, messages-en.ts) say them. Ids only here, no words of any language.

/** How a birth date is typed: D day, M month, Y year digits. */
export const DATE_SHAPES = [
  'DDMMYYYY', 'DD/MM/YYYY', 'DDMMYY', 'YYYY', 'YYYYMMDD', 'DDMM', 'DD.MM.YYYY', 'DD-MM-YYYY', 'MMYYYY', 'YY',
] as const;
export type DateShape = (typeof DATE_SHAPES)[number];

/** The parts of a person's names and login a personal pattern is built from. */
export const ROLES = ['surname', 'given', 'login', 'login-part', 'initials'] as const;
export type Role = (typeof ROLES)[number];

/** The parts a name pair is made of; "g" is the given name's initial. */
export type PairPart = 'given' | 'surname' | 'g';
export const PAIR_TEMPLATES: readonly (readonly [PairPart, PairPart])[] = [
  ['given', 'surname'], ['surname', 'given'], ['g', 'surname'], ['surname', 'g'],
];
export const PAIR_SEPARATORS: readonly string[] = ['.', '', '_', '-'];

export function pairId(first: PairPart, separator: string, second: PairPart): string {
  return `${first}${separator}${second}`;
}

/** Where a school pattern's word comes from. */
export const SCHOOL_SOURCES = [
  'school-name', 'school-fullname', 'school-word', 'school-initials', 'town', 'town-word', 'academy', 'uai', 'class',
  'default-word',
] as const;
export type SchoolSource = (typeof SCHOOL_SOURCES)[number];

/**
 * What may follow a school word. '+year+suffix' is no longer emitted (a symbol after the year is now +year+symbol)
 * but is still said for the reports written before.
 */
export const SCHOOL_TAILS = ['', '+year', '+suffix', '+year+suffix', '+symbol', '+year+symbol', '+town', '+uai'] as const;
export type SchoolTail = (typeof SCHOOL_TAILS)[number];

/** The patterns of the empty and common families, each said as a whole. */
export const FIXED_PATTERNS = [
  'empty',
  'common', 'common:capitalised', 'common:name-fr', 'common:word-fr', 'common:word+digits', 'common:word+year',
  'common:word+symbol', 'common:word+digits+symbol', 'common:word+year+symbol',
  // A password hashcat or John found that no family makes (vigie import potfile).
  'cracked-offline',
] as const;
export type FixedPattern = (typeof FIXED_PATTERNS)[number];

/** The letters' case of a shape: all lower, each word Capitalised, all UPPER, mixed, or no letters at all. */
export type LetterCase = 'lower' | 'capitalised' | 'upper' | 'mixed' | 'none';
