// The people of an invented school: who they are, their classes, birth dates and logins.
import type { Profile } from '../../contract/codes.ts';
import type { BirthDate } from '../../engine/directory/model.ts';
import { FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, SURNAMES } from './names.ts';
import type { SeededRandom } from './random.ts';

/** The school year the cohorts are computed against: fixed, so a seed gives the same school every year. */
export const SCHOOL_YEAR_START = 2024;

export type SchoolKind = 'college' | 'lycee';

export interface Person {
  profile: Profile;
  sex: 'M' | 'F';
  givenName: string;
  otherGivenNames: string[];
  /** Usage surname (sn). */
  surname: string;
  /** Birth surname when it differs from the usage surname (ENTPersonNomPatro). */
  birthSurname: string | null;
  birthDate: BirthDate;
  login: string;
  classes: string[];
}

/** Lower-case ASCII, accents folded: "Élodie" → "elodie", "Müller" → "muller". */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/œ/g, 'oe').replace(/Œ/g, 'OE')
    .replace(/æ/g, 'ae').replace(/Æ/g, 'AE');
}

/** The login part for a name: folded, lower-case, no spaces or apostrophes ("de La Fontaine" → "delafontaine"). */
export function loginPart(name: string): string {
  return foldAccents(name).toLowerCase().replace(/[\s'’]/g, '');
}

/** Class codes per level, the way French schools name them. */
export function classesFor(kind: SchoolKind, studentCount: number): { code: string; level: number }[] {
  // level = years after 6e (6e = 0 … Terminale = 6), which fixes the birth cohort.
  const levels = kind === 'college'
    ? [{ prefix: '6', level: 0 }, { prefix: '5', level: 1 }, { prefix: '4', level: 2 }, { prefix: '3', level: 3 }]
    : [{ prefix: '2NDE', level: 4 }, { prefix: '1G', level: 5 }, { prefix: 'TG', level: 6 }];
  const perClass = 28;
  const perLevel = Math.max(1, Math.ceil(studentCount / perClass / levels.length));
  const out: { code: string; level: number }[] = [];
  for (const { prefix, level } of levels) {
    for (let i = 0; i < perLevel; i++) {
      // Collèges letter their classes (6A), lycées number them (2NDE3, 1G2, TG1).
      const suffix = kind === 'college' ? String.fromCharCode(65 + (i % 26)) + (i >= 26 ? String(Math.floor(i / 26)) : '') : String(i + 1);
      out.push({ code: `${prefix}${suffix}`, level });
    }
  }
  return out;
}

export interface RosterCounts {
  students: number;
  parents: number;
  teachers: number;
  staff: number;
}

/** Splits an account count (the admin excluded) into profiles; students are most of a school. */
export function rosterCounts(total: number, withParents: boolean): RosterCounts {
  const teachers = Math.max(total >= 4 ? 1 : 0, Math.round(total * 0.08));
  const staff = Math.max(total >= 6 ? 1 : 0, Math.round(total * 0.03));
  const parents = withParents ? Math.round(total * 0.2) : 0;
  const students = Math.max(0, total - teachers - staff - parents);
  return { students, parents, teachers, staff };
}

export class Roster {
  private readonly logins = new Set<string>();

  constructor(private readonly rng: SeededRandom) {}

  /** prenom.nom, accents folded, a number on collision (jean.martin, jean.martin2…). */
  uniqueLogin(givenName: string, surname: string): string {
    const base = `${loginPart(givenName)}.${loginPart(surname)}`;
    let login = base;
    for (let n = 2; this.logins.has(login); n++) login = `${base}${n}`;
    this.logins.add(login);
    return login;
  }

  reserve(login: string): void {
    this.logins.add(login);
  }

  student(classCode: string, level: number): Person {
    const { rng } = this;
    const sex = rng.chance(0.5) ? 'F' : 'M';
    // A 6e student turns 11 during the school year; some are a year behind or ahead.
    const drift = rng.weighted([[0, 85], [-1, 10], [1, 5]] as const);
    const year = SCHOOL_YEAR_START - 11 - level + drift;
    return this.person('student', sex, year, null, [classCode]);
  }

  adult(profile: Profile, classes: string[]): Person {
    const sex = this.rng.chance(profile === 'teacher' ? 0.65 : 0.55) ? 'F' : 'M';
    return this.person(profile, sex, this.rng.int(1960, 1998), null, classes);
  }

  /** A guardian usually carries the child's surname; a mother often has another birth surname. */
  parentOf(child: Person): Person {
    const sex = this.rng.chance(0.6) ? 'F' : 'M';
    return this.person('parent', sex, this.rng.int(1965, 1992), child.surname, [...child.classes]);
  }

  private person(profile: Profile, sex: 'M' | 'F', year: number, surnameHint: string | null, classes: string[]): Person {
    const { rng } = this;
    const names = sex === 'F' ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES;
    const givenName = rng.pick(names);
    const otherGivenNames: string[] = [];
    const others = rng.weighted([[0, 45], [1, 40], [2, 15]] as const);
    for (let i = 0; i < others; i++) {
      const other = rng.pick(names);
      if (other !== givenName && !otherGivenNames.includes(other)) otherGivenNames.push(other);
    }
    const surname = surnameHint ?? rng.pick(SURNAMES);
    let birthSurname: string | null = null;
    const adult = profile !== 'student';
    // Usage names differ from birth names for many married women, and some men.
    if (adult && rng.chance(sex === 'F' ? 0.4 : 0.05)) {
      do birthSurname = rng.pick(SURNAMES); while (birthSurname === surname);
    }
    const month = rng.int(1, 12);
    const day = rng.int(1, daysInMonth(year, month));
    return {
      profile, sex, givenName, otherGivenNames, surname, birthSurname,
      birthDate: { year, month, day },
      login: this.uniqueLogin(givenName, surname),
      classes,
    };
  }
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
