// Issue #12's "imposed scheme" school: students given one password formula at account creation (« Nom.JJMMAAAA »),
// staff given one default at the start of the year, and a directory half-way through a migration to argon2id.
// The formula is DRAWN from a grammar, not picked from a short list: recall is judged on schools nobody wrote
// down, so an audit cannot pass by knowing a few formulas by heart.
import type { HashSchemeName } from '../../contract/codes.ts';
import type { CreateOptions } from '../../engine/hash/scheme.ts';
import { defaultPhrase, formatBirthDate, styledName, type AnyBirthDateShape, type Casing, type NameStyle } from './planting.ts';
import type { SeededRandom } from './random.ts';
import { foldAccents, type Person } from './roster.ts';
import type { ImposedOptions, ImposedSummary, PlantedPassword } from './types.ts';

/** The `sharedGroup` of the accounts that kept the staff default. */
export const STAFF_DEFAULT_GROUP = 'staff-default';

export const IMPOSED_NAME_PARTS = ['surname', 'given', 'login', 'initial+surname', 'surname+initial', 'given.surname', 'surname.given'] as const;
export type ImposedNamePart = (typeof IMPOSED_NAME_PARTS)[number];
export const IMPOSED_DATE_SHAPES = ['DDMMYYYY', 'DDMMYY', 'YYYY', 'YY', 'DDMM', 'YYYYMMDD', 'MMYYYY'] as const satisfies readonly AnyBirthDateShape[];
export type ImposedDateShape = (typeof IMPOSED_DATE_SHAPES)[number];

/** One point of the grammar: name part × case × separator × birth-date shape × order × fixed suffix. */
export interface ImposedFormula {
  name: ImposedNamePart;
  /** Between the two names of a pair ("given.surname"): '', '.', '-' or '_'. */
  joiner: string;
  casing: Casing;
  /** Between the name and the date. */
  separator: string;
  date: ImposedDateShape;
  order: 'name-date' | 'date-name';
  suffix: string;
}

// Weights: what school scripts and ENT admins most often hand out comes first, but every combination can be drawn.
const NAME_WEIGHTS: readonly (readonly [ImposedNamePart, number])[] = [
  ['surname', 4], ['given', 3], ['login', 2], ['initial+surname', 2], ['surname+initial', 1], ['given.surname', 2], ['surname.given', 1],
];
const DATE_WEIGHTS: readonly (readonly [ImposedDateShape, number])[] = [
  ['DDMMYYYY', 4], ['DDMMYY', 2], ['YYYY', 3], ['YY', 2], ['DDMM', 2], ['YYYYMMDD', 1], ['MMYYYY', 1],
];
const SEPARATORS = [['', 5], ['.', 2], ['-', 1], ['_', 1]] as const;

export function drawFormula(rng: SeededRandom): ImposedFormula {
  const name = rng.weighted(NAME_WEIGHTS);
  return {
    name,
    joiner: name.includes('.') ? rng.weighted([['.', 3], ['', 2], ['-', 1], ['_', 1]] as const) : '',
    casing: rng.weighted([['lower', 4], ['capitalised', 4], ['upper', 2]] as const),
    separator: rng.weighted(SEPARATORS),
    date: rng.weighted(DATE_WEIGHTS),
    order: rng.weighted([['name-date', 4], ['date-name', 1]] as const),
    suffix: rng.weighted([['', 6], ['!', 2], ['*', 1], ['1', 1]] as const),
  };
}

/** `surname (capitalised) + "." + birthdate:DDMMYYYY + "!"`: the formula as a reader says it, never a password. */
export function describeFormula(f: ImposedFormula): string {
  const name = `${f.name.includes('.') ? f.name.replace('.', f.joiner) : f.name} (${f.casing})`;
  const date = `birthdate:${f.date}`;
  const parts = f.order === 'name-date' ? [name, f.separator, date] : [date, f.separator, name];
  return [...parts, f.suffix].filter((p) => p !== '').map((p) => (p.length === 1 ? `"${p}"` : p)).join(' + ');
}

/** The name part a creation script writes: accents folded, no spaces or apostrophes, in the formula's case. */
function namePart(f: ImposedFormula, p: Person): string {
  const style: NameStyle = { casing: f.casing, accents: false };
  const initial = foldAccents(p.givenName).charAt(0).toLowerCase();
  switch (f.name) {
    case 'surname': return styledName(p.surname, style);
    case 'given': return styledName(p.givenName, style);
    case 'login': return styledName(p.login, style);
    case 'initial+surname': return styledName(initial + p.surname, style);
    case 'surname+initial': return styledName(p.surname + initial, style);
    case 'given.surname': return styledName(p.givenName, style) + f.joiner + styledName(p.surname, style);
    case 'surname.given': return styledName(p.surname, style) + f.joiner + styledName(p.givenName, style);
  }
}

export function applyFormula(f: ImposedFormula, p: Person): string {
  const name = namePart(f, p);
  const date = formatBirthDate(p.birthDate, f.date);
  return (f.order === 'name-date' ? name + f.separator + date : date + f.separator + name) + f.suffix;
}

/** How one account of an imposed school stores its password: userPassword only. */
export interface ImposedStorage {
  scheme: HashSchemeName;
  options?: CreateOptions;
  weakParameters: boolean;
}

export interface ImposedSpec {
  formula: ImposedFormula;
  staffDefault: PlantedPassword;
  studentShare: number;
  staffShare: number;
  argon2Share: number;
  legacyDefaults: number;
  argon2: { memoryKiB: number; timeCost: number };
}

function share(given: number | undefined, rng: SeededRandom, min: number, max: number): number {
  // Drawn even when given, so pinning one share does not change the others' draws.
  const drawn = min + rng.next() * (max - min);
  return given ?? Math.round(drawn * 100) / 100;
}

/**
 * The school's formula, staff default, shares and argon2 parameters. `schoolOwn`: the school's words a default may
 * borrow; `taken`: passwords already planted, which the staff default must not equal (its group would merge).
 */
export function drawImposedSpec(rng: SeededRandom, o: ImposedOptions, schoolOwn: { label: string; text: string }[], taken: ReadonlySet<string>): ImposedSpec {
  const formula = drawFormula(rng);
  let staffDefault = defaultPhrase(rng, schoolOwn);
  for (let tries = 0; tries < 20 && taken.has(staffDefault.password); tries++) staffDefault = defaultPhrase(rng, schoolOwn);
  staffDefault.description = `staff default: ${staffDefault.description}`;
  const studentShare = share(o.studentShare, rng, 0.55, 0.9);
  const staffShare = share(o.staffShare, rng, 0.6, 0.9);
  const argon2Share = share(o.argon2Share, rng, 0.4, 0.6);
  const legacyDrawn = rng.int(2, 5);
  // Cheap on purpose (generation stays quick, an audit can afford a few checks each), and below OWASP's floor for
  // every time cost (12 MiB at t=3): WEAK_HASH_PARAMETERS, as the storage planner's weak values.
  const argon2 = { memoryKiB: rng.pick([1024, 2048, 4096]), timeCost: rng.int(1, 3) };
  return { formula, staffDefault, studentShare, staffShare, argon2Share, legacyDefaults: o.legacyDefaults ?? legacyDrawn, argon2 };
}

export function imposedSummary(spec: ImposedSpec): ImposedSummary {
  return {
    formula: describeFormula(spec.formula),
    staffDefault: spec.staffDefault.description,
    studentShare: spec.studentShare,
    staffShare: spec.staffShare,
    argon2Share: spec.argon2Share,
    argon2: { ...spec.argon2 },
  };
}

/** The first `fraction` of `indexes`, shuffled: who kept the formula or the default. */
function drawShare(rng: SeededRandom, indexes: number[], fraction: number): number[] {
  return rng.shuffle(indexes).slice(0, Math.round(fraction * indexes.length));
}

/**
 * Gives the drawn share of students the formula and of teachers and staff the default, over the regular planting
 * (`planted`, `groups`: changed in place). Returns the indexes holding the staff default.
 */
export function plantImposed(rng: SeededRandom, spec: ImposedSpec, people: readonly Person[], planted: (PlantedPassword | null)[],
  groups: (string | undefined)[]): number[] {
  const formula = describeFormula(spec.formula);
  const of = (profiles: string[]): number[] => people.flatMap((p, i) => (profiles.includes(p.profile) && planted[i] ? [i] : []));
  for (const i of drawShare(rng, of(['student']), spec.studentShare)) {
    planted[i] = {
      family: 'personal',
      expectedCode: 'PERSONAL_INFO_PASSWORD',
      description: `imposed: ${formula}`,
      password: applyFormula(spec.formula, people[i] as Person),
      imposed: { formula },
    };
    groups[i] = undefined; // no longer the class default
  }
  const holders = drawShare(rng, of(['teacher', 'staff']), spec.staffShare);
  for (const i of holders) {
    planted[i] = { ...spec.staffDefault, acceptedCodes: [...(spec.staffDefault.acceptedCodes ?? [])] };
    groups[i] = STAFF_DEFAULT_GROUP;
  }
  return holders;
}

/**
 * Half-way through a migration to argon2id (rehash at login): the drawn share argon2id, the others {SSHA}; a few
 * staff-default accounts still hold a legacy copy in cleartext or unsalted {MD5}/{SHA} — the default readable there.
 */
export function imposedStorage(rng: SeededRandom, spec: ImposedSpec, count: number, defaultHolders: readonly number[]): ImposedStorage[] {
  const argon2: ImposedStorage = { scheme: 'ARGON2ID', options: { ...spec.argon2, parallelism: 1 }, weakParameters: true };
  const out = Array.from({ length: count }, (): ImposedStorage => (rng.chance(spec.argon2Share) ? argon2 : { scheme: 'SSHA', weakParameters: false }));
  for (const i of rng.shuffle(defaultHolders).slice(0, spec.legacyDefaults)) {
    out[i] = { scheme: rng.weighted([['CLEARTEXT', 2], ['MD5', 1], ['SHA', 1]] as const), weakParameters: false };
  }
  return out;
}
