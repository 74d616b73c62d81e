// Weak passwords planted on purpose, each with the finding Vigie must raise. The shapes follow what
// schools really hand out (birth dates, prenom.nom, the school's name) and what people really pick.
import type { BirthDate } from '../../engine/directory/model.ts';
import { SCHOOL_DEFAULT_WORDS } from './names.ts';
import type { SeededRandom } from './random.ts';
import { foldAccents, loginPart, SCHOOL_YEAR_START, type Person } from './roster.ts';
import type { PlantedCode, PlantedFamily, PlantedPassword } from './types.ts';

export const BIRTH_DATE_SHAPES = ['DDMMYYYY', 'DDMMYY', 'YYYYMMDD', 'DD/MM/YYYY', 'YYYY', 'DDMM'] as const;
export type BirthDateShape = (typeof BIRTH_DATE_SHAPES)[number];
/** Every shape `formatBirthDate` writes: the planted ones, and two more an imposed formula may use. */
export type AnyBirthDateShape = BirthDateShape | 'YY' | 'MMYYYY';

/** The very top of the password lists everyone tries first (French and international). */
export const COMMON_PASSWORDS = [
  '123456', 'azerty', 'password', 'motdepasse', 'soleil', 'doudou', 'loulou', '123456789', 'azertyuiop',
  '000000', '111111', '12345678', 'chouchou', 'bonjour', 'qwerty', 'marseille',
] as const;

const SUFFIXES = ['123', '!', String(SCHOOL_YEAR_START), String(SCHOOL_YEAR_START + 1), '1', '01'] as const;

const pad2 = (n: number): string => String(n).padStart(2, '0');

export function formatBirthDate(date: BirthDate, shape: AnyBirthDateShape): string {
  const dd = pad2(date.day);
  const mm = pad2(date.month);
  const yyyy = String(date.year);
  switch (shape) {
    case 'DDMMYYYY': return `${dd}${mm}${yyyy}`;
    case 'DDMMYY': return `${dd}${mm}${yyyy.slice(2)}`;
    case 'YYYYMMDD': return `${yyyy}${mm}${dd}`;
    case 'DD/MM/YYYY': return `${dd}/${mm}/${yyyy}`;
    case 'YYYY': return yyyy;
    case 'DDMM': return `${dd}${mm}`;
    case 'YY': return yyyy.slice(2);
    case 'MMYYYY': return `${mm}${yyyy}`;
  }
}

export type Casing = 'lower' | 'capitalised' | 'upper';

export interface NameStyle { casing: Casing; accents: boolean }

/** A name the way a person types it into a password: no spaces or apostrophes, in one casing. */
export function styledName(name: string, style: NameStyle): string {
  const base = (style.accents ? name : foldAccents(name)).replace(/[\s'’]/g, '');
  switch (style.casing) {
    case 'lower': return base.toLowerCase();
    case 'upper': return base.toUpperCase();
    case 'capitalised': return base.charAt(0).toUpperCase() + base.slice(1).toLowerCase();
  }
}

function styleLabel(style: NameStyle): string {
  return `${style.casing}${style.accents ? ', accents kept' : ''}`;
}

/** Which directory data the flavour exposes, so a planted personal password is findable from it. */
export interface PlantingContext {
  birthDateVisible: boolean;
  birthSurnameVisible: boolean;
  /** The default a school server hands out, planted more often than the rest (e.g. SE3: the birth date). */
  defaultShape: BirthDateShape | null;
  schoolWords: { label: string; text: string }[];
  /** Issue #12's shapes any auditor tries first. Off: the draws are exactly those of the committed demo files. */
  auditorShapes?: boolean;
}

/** A default phrase is a school word to one list and a common password to another: any weak code is right. */
const DEFAULT_PHRASE_CODES: PlantedCode[] = ['SCHOOL_INFO_PASSWORD', 'COMMON_PASSWORD', 'PERSONAL_INFO_PASSWORD'];

/**
 * A default handed out at the start of the year: a default word (or the school's own) × a recent year or none ×
 * a usual symbol or none × a case — « Rentree2025! », « bienvenue2024 », « Changemoi* ».
 */
export function defaultPhrase(rng: SeededRandom, schoolOwn: readonly { label: string; text: string }[]): PlantedPassword {
  const word = schoolOwn.length > 0 && rng.chance(0.2) ? rng.pick(schoolOwn) : rng.pick(SCHOOL_DEFAULT_WORDS);
  const casing = rng.weighted([['lower', 4], ['capitalised', 5], ['upper', 1]] as const);
  // A short word ("ent") is never handed out alone: it comes with its year.
  const year = rng.weighted([
    ['', word.text.length <= 4 ? 0 : 2], [String(SCHOOL_YEAR_START), 3], [String(SCHOOL_YEAR_START + 1), 3], [String(SCHOOL_YEAR_START - 1), 1],
  ] as const);
  const symbol = rng.weighted([['', 4], ['!', 3], ['*', 1], ['@', 1], ['.', 1], ['#', 1]] as const);
  return {
    family: 'school',
    expectedCode: 'SCHOOL_INFO_PASSWORD',
    // Labels, not the word: a description never holds a password.
    description: `school-default:${word.label} (${casing})${year ? `+year:${year}` : ''}${symbol ? `+symbol:${symbol}` : ''}`,
    password: styledName(word.text, { casing, accents: false }) + year + symbol,
    acceptedCodes: [...DEFAULT_PHRASE_CODES],
  };
}

export class Planter {
  constructor(private readonly rng: SeededRandom, private readonly ctx: PlantingContext) {}

  plant(family: PlantedFamily, person: Person): PlantedPassword {
    switch (family) {
      case 'empty': return { family, expectedCode: 'EMPTY_PASSWORD', description: 'empty', password: '' };
      case 'personal': return this.personal(person);
      case 'school': return this.school();
      case 'common': {
        const password = this.rng.weighted(COMMON_PASSWORDS.map((p, i) => [p, COMMON_PASSWORDS.length - i] as const));
        return { family, expectedCode: 'COMMON_PASSWORD', description: `common:rank${COMMON_PASSWORDS.indexOf(password as (typeof COMMON_PASSWORDS)[number]) + 1}`, password };
      }
      case 'strong': return this.strong();
    }
  }

  strong(): PlantedPassword {
    const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789#%&*+-=?@_';
    const length = this.rng.int(16, 24);
    return { family: 'strong', expectedCode: null, description: `random:${length}`, password: this.rng.string(length, alphabet) };
  }

  /** `phrases`: false for the admin, whose password schools reported equal to the school's name, never a default phrase. */
  school(phrases = true): PlantedPassword {
    const { rng } = this;
    if (phrases && this.ctx.auditorShapes && rng.chance(0.15)) return defaultPhrase(rng, ownWords(this.ctx.schoolWords));
    const word = rng.pick(this.ctx.schoolWords);
    const suffix = rng.weighted([['', 3], [String(SCHOOL_YEAR_START), 3], [String(SCHOOL_YEAR_START + 1), 1], ['!', 2], ['123', 2]] as const);
    return {
      family: 'school',
      expectedCode: 'SCHOOL_INFO_PASSWORD',
      description: `school:${word.label}${suffix ? `+suffix:${suffix}` : ''}`,
      password: word.text + suffix,
    };
  }

  personal(person: Person): PlantedPassword {
    const { rng, ctx } = this;
    const casing = rng.weighted([['lower', 6], ['capitalised', 3], ['upper', 1]] as const);
    // Accents survive in some typed names, rarely in upper case (ÉLODIE is hard to type).
    const style: NameStyle = { casing, accents: rng.chance(0.2) && casing !== 'upper' };
    const shape: BirthDateShape = ctx.defaultShape && rng.chance(0.5) ? ctx.defaultShape : rng.pick(BIRTH_DATE_SHAPES);
    const date = formatBirthDate(person.birthDate, shape);
    const separator = rng.weighted([['', 8], ['.', 1], ['-', 1]] as const);
    const sepLabel = separator ? `, separator "${separator}"` : '';
    const suffix = rng.pick(SUFFIXES);
    const patterns: [() => [string, string], number][] = [
      [() => [`prenom.nom (${styleLabel(style)})`, `${styledName(person.givenName, style)}.${styledName(person.surname, style)}`], 2],
      [() => [`nom.prenom (${styleLabel(style)})`, `${styledName(person.surname, style)}.${styledName(person.givenName, style)}`], 1],
      [() => ['login', person.login], 1],
      [() => [`login+suffix:${suffix}`, person.login + suffix], 1],
      [() => [`givenname+suffix:${suffix} (${styleLabel(style)})`, styledName(person.givenName, style) + suffix], 1],
      [() => [`surname+suffix:${suffix} (${styleLabel(style)})`, styledName(person.surname, style) + suffix], 1],
    ];
    if (ctx.birthDateVisible) {
      patterns.push(
        [() => [`birthdate:${shape}`, date], ctx.defaultShape ? 12 : 3],
        [() => [`surname+birthdate:${shape} (${styleLabel(style)}${sepLabel})`, styledName(person.surname, style) + separator + date], 5],
        [() => [`givenname+birthdate:${shape} (${styleLabel(style)}${sepLabel})`, styledName(person.givenName, style) + separator + date], 4],
      );
      if (ctx.auditorShapes) patterns.push(...this.auditorShapes(person, style, shape, date));
      if (person.birthSurname && ctx.birthSurnameVisible) {
        const birthSurname = person.birthSurname;
        patterns.push([() => [`birthsurname+birthdate:${shape} (${styleLabel(style)}${sepLabel})`, styledName(birthSurname, style) + separator + date], 3]);
      }
    }
    const [description, password] = rng.weighted(patterns)();
    return { family: 'personal', expectedCode: 'PERSONAL_INFO_PASSWORD', description, password };
  }

  /** Issue #12: « jean.dupont150308 », « jdupont150308 », « dupontj2008 » — each with a modest weight. */
  private auditorShapes(person: Person, style: NameStyle, shape: BirthDateShape, date: string): [() => [string, string], number][] {
    const initial = foldAccents(person.givenName).charAt(0).toLowerCase();
    const year = String(person.birthDate.year);
    return [
      [() => [`login+birthdate:${shape}`, person.login + date], 1.5],
      [() => [`initial+surname+birthdate:${shape} (${styleLabel(style)})`, styledName(initial + person.surname, style) + date], 1.5],
      [() => [`surname+initial+birthdate:YYYY (${styleLabel(style)})`, styledName(person.surname + initial, style) + year], 1],
    ];
  }
}

/** The school's own words a default phrase may borrow: the patron's surname and the town. */
function ownWords(words: readonly { label: string; text: string }[]): { label: string; text: string }[] {
  return words.filter((w) => w.label === 'name:lastword' || w.label === 'town');
}

// Words of a town's name nobody types alone: particles, and "Saint" (which says nothing on its own).
const TOWN_PARTICLES = new Set(['sur', 'sous', 'en', 'le', 'la', 'les', 'de', 'des', 'du', 'd', 'l', 'au', 'aux', 'et', 'saint', 'sainte', 'st', 'ste']);

/** "Saint-Martin-des-Champs" → martin, champs: each significant word of a multi-word town. */
export function townWords(town: string): string[] {
  const words = foldAccents(town).toLowerCase().split(/[\s'’-]+/).filter((w) => w !== '');
  if (words.length < 2) return [];
  return words.filter((w) => w.length >= 3 && !TOWN_PARTICLES.has(w));
}

/**
 * The words of a school a password may borrow: its name, the patron's surname, its town, its UAI; with
 * `withTownWords`, each word of a multi-word town too (issue #12).
 */
export function schoolWords(schoolName: string, town: string, uai: string, withTownWords = false): { label: string; text: string }[] {
  const words = schoolName.split(/\s+/).slice(1); // drop "Lycée"/"Collège"
  const patron = words.join('');
  const last = words[words.length - 1] ?? patron;
  const townWord = foldAccents(town).replace(/[\s'’-]/g, '');
  const out = [
    { label: 'name', text: loginPart(patron) },
    { label: 'name (capitalised)', text: words.map((w) => foldAccents(w)).join('') },
    { label: 'name:lastword', text: loginPart(last) },
    { label: 'name:full', text: loginPart(schoolName.replace(/\s+/g, '')) },
    { label: 'town', text: townWord.toLowerCase() },
    { label: 'town (capitalised)', text: townWord },
    { label: 'uai', text: uai },
    { label: 'uai (lower)', text: uai.toLowerCase() },
  ];
  if (!withTownWords) return out;
  for (const word of townWords(town)) {
    out.push({ label: 'town:word', text: word }, { label: 'town:word (capitalised)', text: word.charAt(0).toUpperCase() + word.slice(1) });
  }
  return out;
}
