// Weak passwords planted on purpose, each with the finding Vigie must raise. The shapes follow what
// schools really hand out (birth dates, prenom.nom, the school's name) and what people really pick.
import type { BirthDate } from '../directory/model.ts';
import type { SeededRandom } from './random.ts';
import { foldAccents, loginPart, SCHOOL_YEAR_START, type Person } from './roster.ts';
import type { PlantedFamily, PlantedPassword } from './types.ts';

export const BIRTH_DATE_SHAPES = ['DDMMYYYY', 'DDMMYY', 'YYYYMMDD', 'DD/MM/YYYY', 'YYYY', 'DDMM'] as const;
export type BirthDateShape = (typeof BIRTH_DATE_SHAPES)[number];

/** The very top of the password lists everyone tries first (French and international). */
export const COMMON_PASSWORDS = [
  '123456', 'azerty', 'password', 'motdepasse', 'soleil', 'doudou', 'loulou', '123456789', 'azertyuiop',
  '000000', '111111', '12345678', 'chouchou', 'bonjour', 'qwerty', 'marseille',
] as const;

const SUFFIXES = ['123', '!', String(SCHOOL_YEAR_START), String(SCHOOL_YEAR_START + 1), '1', '01'] as const;

const pad2 = (n: number): string => String(n).padStart(2, '0');

export function formatBirthDate(date: BirthDate, shape: BirthDateShape): string {
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
  }
}

type Casing = 'lower' | 'capitalised' | 'upper';

interface NameStyle { casing: Casing; accents: boolean }

/** A name the way a person types it into a password: no spaces or apostrophes, in one casing. */
function styledName(name: string, style: NameStyle): string {
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

  school(): PlantedPassword {
    const { rng } = this;
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
      if (person.birthSurname && ctx.birthSurnameVisible) {
        const birthSurname = person.birthSurname;
        patterns.push([() => [`birthsurname+birthdate:${shape} (${styleLabel(style)}${sepLabel})`, styledName(birthSurname, style) + separator + date], 3]);
      }
    }
    const [description, password] = rng.weighted(patterns)();
    return { family: 'personal', expectedCode: 'PERSONAL_INFO_PASSWORD', description, password };
  }
}

/** The words of a school a password may borrow: its name, the patron's surname, its town, its UAI. */
export function schoolWords(schoolName: string, town: string, uai: string): { label: string; text: string }[] {
  const words = schoolName.split(/\s+/).slice(1); // drop "Lycée"/"Collège"
  const patron = words.join('');
  const last = words[words.length - 1] ?? patron;
  const townWord = foldAccents(town).replace(/[\s'’-]/g, '');
  return [
    { label: 'name', text: loginPart(patron) },
    { label: 'name (capitalised)', text: words.map((w) => foldAccents(w)).join('') },
    { label: 'name:lastword', text: loginPart(last) },
    { label: 'name:full', text: loginPart(schoolName.replace(/\s+/g, '')) },
    { label: 'town', text: townWord.toLowerCase() },
    { label: 'town (capitalised)', text: townWord },
    { label: 'uai', text: uai },
    { label: 'uai (lower)', text: uai.toLowerCase() },
  ];
}
