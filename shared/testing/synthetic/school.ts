// Invents a whole school directory from a seed: people, classes, stored passwords and the planted truth.
// Same seed, same school (names, logins, planted passwords); only the random salts differ between runs.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { FLAVOURS, type Flavour, type HashSchemeName } from '../../contract/codes.ts';
import { VigieError } from '../../engine/errors.ts';
import { schemeByName } from '../../engine/hash/classify.ts';
import { inetorgperson } from './flavours/inetorgperson.ts';
import type { FlavourLayout, SchoolInfo, SyntheticAccount } from './flavours/layout.ts';
import { samba3 } from './flavours/samba3.ts';
import { scribe } from './flavours/scribe.ts';
import { sdet } from './flavours/sdet.ts';
import { se3 } from './flavours/se3.ts';
import { drawImposedSpec, imposedStorage, imposedSummary, plantImposed, type ImposedStorage } from './imposed.ts';
import { entryToLdif } from './ldif-text.ts';
import { ACADEMIES, SCHOOL_PATRONS, TOWNS } from './names.ts';
import { Planter, schoolWords } from './planting.ts';
import { SeededRandom } from './random.ts';
import { classesFor, Roster, rosterCounts, type Person, type SchoolKind } from './roster.ts';
import { StoragePlanner, validateSchemes, type StorageChoice } from './storage.ts';
import type {
  ImposedOptions, ImposedSummary, LdifEntry, PlantedFamily, PlantedPassword, PlantedTruth, StoredValue, SyntheticSchool, SyntheticSchoolOptions,
} from './types.ts';

export const LAYOUTS: Record<Flavour, FlavourLayout> = { sdet, scribe, se3, samba3, inetorgperson };

/** UAI: 7 digits and a check letter (the 7-digit number modulo 23, in an alphabet without I, O, Q). */
export function uaiFor(sevenDigits: string): string {
  return sevenDigits + 'ABCDEFGHJKLMNPRSTUVWXYZ'.charAt(Number(sevenDigits) % 23);
}

function validate(o: SyntheticSchoolOptions): void {
  if (!Number.isSafeInteger(o.seed)) throw new VigieError(`Synthetic school: seed must be an integer (got ${String(o.seed)}).`);
  if (!Number.isSafeInteger(o.accounts) || o.accounts < 1) throw new VigieError(`Synthetic school: accounts must be a positive integer (got ${String(o.accounts)}).`);
  if (!(FLAVOURS as readonly string[]).includes(o.flavour)) throw new VigieError(`Synthetic school: unknown flavour "${String(o.flavour)}" (expected ${FLAVOURS.join(', ')}).`);
  if (o.weakShare !== undefined && !(o.weakShare >= 0 && o.weakShare <= 1)) throw new VigieError(`Synthetic school: weakShare must be between 0 and 1 (got ${String(o.weakShare)}).`);
  if (o.uai !== undefined && !/^\d{7}[A-Z]$/.test(o.uai)) throw new VigieError(`Synthetic school: a UAI is 7 digits and a letter (got "${o.uai}").`);
  if (o.imposed) validateImposed(o.flavour, o.imposed === true ? {} : o.imposed);
  if (o.schemes !== undefined) {
    try {
      validateSchemes(o.schemes);
    } catch (e) {
      throw new VigieError(`Synthetic school: ${(e as Error).message}.`);
    }
  }
}

function validateImposed(flavour: Flavour, o: ImposedOptions): void {
  if (!LAYOUTS[flavour].birthDateVisible) throw new VigieError(`Synthetic school: an imposed scheme needs birth dates, which a ${flavour} directory does not hold.`);
  for (const key of ['studentShare', 'staffShare', 'argon2Share'] as const) {
    const v = o[key];
    if (v !== undefined && !(v >= 0 && v <= 1)) throw new VigieError(`Synthetic school: imposed.${key} must be between 0 and 1 (got ${String(v)}).`);
  }
  if (o.legacyDefaults !== undefined && !(Number.isSafeInteger(o.legacyDefaults) && o.legacyDefaults >= 0)) {
    throw new VigieError(`Synthetic school: imposed.legacyDefaults must be a whole number (got ${String(o.legacyDefaults)}).`);
  }
}

function inventSchool(rng: SeededRandom, o: SyntheticSchoolOptions, layout: FlavourLayout, studentCount: number): SchoolInfo {
  const kind: SchoolKind = rng.chance(0.6) ? 'lycee' : 'college';
  const patron = rng.pick(SCHOOL_PATRONS);
  const academie = rng.pick(ACADEMIES);
  const dept = String(rng.int(1, 95)).padStart(2, '0');
  const uai = o.uai ?? uaiFor(`0${dept}${String(rng.int(0, 9999)).padStart(4, '0')}`);
  const domainSid = `S-1-5-21-${rng.int(1e9, 4e9)}-${rng.int(1e9, 4e9)}-${rng.int(1e9, 4e9)}`;
  return {
    name: o.schoolName ?? `${kind === 'lycee' ? 'Lycée' : 'Collège'} ${patron}`,
    town: o.town ?? rng.pick(TOWNS),
    uai,
    academie,
    kind,
    baseDn: o.baseDn ?? layout.defaultBaseDn(uai, academie),
    domainSid,
    classes: studentCount > 0 ? classesFor(kind, studentCount).map((c) => c.code) : [],
  };
}

function buildRoster(rng: SeededRandom, layout: FlavourLayout, school: SchoolInfo, accounts: number): Person[] {
  const roster = new Roster(rng);
  roster.reserve('admin');
  const counts = rosterCounts(accounts - 1, layout.withParents);
  const people: Person[] = [];
  const admin: Person = {
    profile: 'admin', sex: 'M', givenName: '', otherGivenNames: [], surname: '', birthSurname: null,
    birthDate: { year: 1970, month: 1, day: 1 }, login: 'admin', classes: [],
  };
  people.push(admin);
  const levels = classesFor(school.kind, counts.students);
  const students: Person[] = [];
  for (let i = 0; i < counts.students; i++) {
    const c = levels[i % levels.length] as { code: string; level: number };
    students.push(roster.student(c.code, c.level));
  }
  people.push(...students);
  for (let i = 0; i < counts.parents; i++) people.push(roster.parentOf(rng.pick(students)));
  for (let i = 0; i < counts.teachers; i++) {
    const taught = school.classes.length ? rng.shuffle(school.classes).slice(0, rng.int(2, 4)).sort() : [];
    people.push(roster.adult('teacher', taught));
  }
  for (let i = 0; i < counts.staff; i++) people.push(roster.adult('staff', []));
  return people;
}

const FAMILY_WEIGHTS: readonly (readonly [PlantedFamily, number])[] = [['personal', 55], ['common', 22], ['school', 15], ['empty', 8]];

interface Planting {
  /** Each account's planted password (null: no password stored). */
  planted: (PlantedPassword | null)[];
  /** Each account's shared group (the class given one default), if any. */
  groups: (string | undefined)[];
  words: { label: string; text: string }[];
}

function plantPasswords(rng: SeededRandom, layout: FlavourLayout, school: SchoolInfo, people: Person[], weakShare: number,
  auditorShapes: boolean): Planting {
  const words = schoolWords(school.name, school.town, school.uai, auditorShapes);
  const planter = new Planter(rng, {
    birthDateVisible: layout.birthDateVisible,
    birthSurnameVisible: layout.birthSurnameVisible,
    defaultShape: layout.defaultShape,
    schoolWords: words,
    auditorShapes,
  });
  const planted: (PlantedPassword | null)[] = people.map(() => null);
  // The admin: in 2024, schools reported admin passwords equal to the school's name.
  planted[0] = rng.chance(0.5) ? planter.school(false) : planter.strong();
  const order = rng.shuffle(people.map((_, i) => i).slice(1));
  const weakCount = Math.round(weakShare * order.length);
  const cycle: PlantedFamily[] = ['personal', 'common', 'school', 'empty'];
  order.forEach((index, k) => {
    const person = people[index] as Person;
    if (k < weakCount) {
      const family = k < cycle.length ? cycle[k] as PlantedFamily : rng.weighted(FAMILY_WEIGHTS);
      planted[index] = planter.plant(family, person);
    } else if (k >= order.length - Math.floor(order.length * 0.02)) {
      planted[index] = null; // no userPassword at all: not an empty password
    } else {
      planted[index] = planter.strong();
    }
  });
  // A whole class given the same default password at the start of the year.
  const groups: (string | undefined)[] = people.map(() => undefined);
  if (people.length >= 30 && school.classes.length > 0) {
    const sharedGroup = rng.pick(school.classes);
    const shared = planter.school();
    shared.description += ' (class default)';
    people.forEach((p, i) => {
      // An account that stores no password keeps none; the committed demo files (auditorShapes off) predate this rule.
      const keepsNone = auditorShapes && planted[i] === null;
      if (p.profile === 'student' && p.classes.includes(sharedGroup) && !keepsNone) {
        planted[i] = { ...shared };
        groups[i] = sharedGroup;
      }
    });
  }
  return { planted, groups, words };
}

/** Issue #12's imposed formula, staff default and half-argon2 storage, over the regular planting. */
function imposeScheme(rng: SeededRandom, o: ImposedOptions, people: Person[], p: Planting): { storage: ImposedStorage[]; summary: ImposedSummary } {
  const own = p.words.filter((w) => w.label === 'name:lastword' || w.label === 'town');
  const taken = new Set(p.planted.flatMap((x) => (x ? [x.password] : [])));
  const spec = drawImposedSpec(rng, o, own, taken);
  const holders = plantImposed(rng, spec, people, p.planted, p.groups);
  return { storage: imposedStorage(rng, spec, people.length, holders), summary: imposedSummary(spec) };
}

/** A value Vigie cannot read: directories hold a few (Kerberos or SASL pass-through). */
function unknownValue(rng: SeededRandom, login: string): string {
  return rng.chance(0.5) ? `{KERBEROS}${login}@ECOLE.EXAMPLE` : `{SASL}${login}@ecole.example`;
}

async function store(choice: StorageChoice, password: string): Promise<string | null> {
  try {
    return await schemeByName(choice.scheme).create(password, choice.options);
  } catch (e) {
    // LM cannot hold passwords over 14 characters: Samba then stores no LM value at all.
    if (choice.scheme === 'LM' && e instanceof RangeError) return null;
    throw e;
  }
}

/** Creates one school in memory. Slow schemes use low costs (except a few strong ones), so this stays quick. */
export async function generateSchool(options: SyntheticSchoolOptions): Promise<SyntheticSchool> {
  validate(options);
  const { seed, flavour } = options;
  const layout = LAYOUTS[flavour];
  const rng = new SeededRandom(seed);
  const schoolRng = rng.fork('school');
  const rosterRng = rng.fork('roster');
  const plantRng = rng.fork('planting');
  const storageRng = rng.fork('storage');

  const counts = rosterCounts(options.accounts - 1, layout.withParents);
  const info = inventSchool(schoolRng, options, layout, counts.students);
  const people = buildRoster(rosterRng, layout, info, options.accounts);
  const planting = plantPasswords(plantRng, layout, info, people, options.weakShare ?? 0.4, options.auditorShapes ?? !options.fixedSalts);
  const { planted, groups } = planting;
  const planner = new StoragePlanner(storageRng, flavour, options.schemes, options.fixedSalts ? rng.fork('salts') : undefined);
  // Forked only when asked: a school without the option draws exactly what it drew before.
  const imposed = options.imposed
    ? imposeScheme(rng.fork('imposed'), options.imposed === true ? {} : options.imposed, people, planting)
    : null;

  const plans = people.map((_, i) => {
    if (!planted[i]) return [];
    const own = imposed?.storage[i];
    // An imposed school stores userPassword only: a directory migrating to argon2 has dropped its NT hashes.
    return own ? planner.planOne({ ...own, attribute: 'userpassword' }) : planner.plan();
  });
  const unknownTexts = people.map((p, i) => (plans[i]?.some((c) => c.scheme === 'UNKNOWN') ? unknownValue(storageRng, p.login) : ''));
  const accounts: SyntheticAccount[] = [];
  const truth: PlantedTruth[] = [];
  // Slow schemes are async (argon2 runs in libuv threads): create a batch at a time.
  const BATCH = 32;
  for (let start = 0; start < people.length; start += BATCH) {
    const batch = people.slice(start, start + BATCH).map(async (person, k): Promise<void> => {
      const index = start + k;
      let plantedPassword = planted[index] ?? null;
      let plan = plans[index] ?? [];
      // slapd refuses an empty attribute value: an empty password is stored hashed, never as empty cleartext.
      if (plantedPassword?.family === 'empty' && plan.some((c) => c.scheme === 'CLEARTEXT')) {
        plan = plan.map((c) => (c.scheme === 'CLEARTEXT' ? { ...c, scheme: 'SSHA' as HashSchemeName } : c));
      }
      const stored: StoredValue[] = [];
      for (const choice of plan) {
        const value = choice.scheme === 'UNKNOWN' ? unknownTexts[index] as string : await store(choice, plantedPassword?.password ?? '');
        if (value !== null) stored.push({ attribute: choice.attribute, scheme: choice.scheme, value });
      }
      if (stored.length > 0 && stored.every((v) => v.scheme === 'UNKNOWN')) plantedPassword = null;
      if (stored.length === 0) plantedPassword = null;
      const account: SyntheticAccount = { index, person, stored };
      accounts[index] = account;
      truth[index] = truthOf(account, plantedPassword, plan, layout, info, groups[index]);
    });
    await Promise.all(batch);
  }
  return makeSchool(options, layout, info, accounts, truth, imposed?.summary);
}

function truthOf(a: SyntheticAccount, planted: PlantedPassword | null, plan: StorageChoice[], layout: FlavourLayout, school: SchoolInfo,
  sharedGroup: string | undefined): PlantedTruth {
  const p = a.person;
  const admin = p.profile === 'admin';
  const t: PlantedTruth = {
    dn: layout.dn(a, school),
    login: p.login,
    profile: p.profile,
    classes: [...p.classes],
    schemes: a.stored.map((v) => v.scheme),
    planted,
    weakParameters: plan.some((c) => c.weakParameters),
    surnames: admin ? [] : [p.surname, ...(layout.birthSurnameVisible && p.birthSurname ? [p.birthSurname] : [])],
    givenNames: admin ? [] : [p.givenName, ...(layout.otherGivenNamesVisible ? p.otherGivenNames : [])],
    birthDate: admin || !layout.birthDateVisible ? null : { ...p.birthDate },
  };
  if (sharedGroup && planted) t.sharedGroup = sharedGroup;
  return t;
}

function makeSchool(o: SyntheticSchoolOptions, layout: FlavourLayout, info: SchoolInfo, accounts: SyntheticAccount[], truth: PlantedTruth[],
  imposed: ImposedSummary | undefined): SyntheticSchool {
  function* entries(): Iterable<LdifEntry> {
    yield* layout.head(info);
    for (const a of accounts) yield layout.account(a, info);
    yield* layout.tail(info, accounts);
  }
  return {
    flavour: o.flavour,
    seed: o.seed,
    baseDn: info.baseDn,
    schoolName: info.name,
    town: info.town,
    uai: info.uai,
    readerOptions: layout.readerOptions,
    truth,
    ...(imposed ? { imposed } : {}),
    entries,
    get ldif(): string {
      let text = '';
      for (const e of entries()) text += entryToLdif(e);
      return text;
    },
  };
}

/** Streams the school's LDIF to a file, one entry at a time (a 100,000-account school never becomes one string). */
export async function writeSchoolLdif(school: SyntheticSchool, path: string): Promise<void> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  const failed = once(out, 'error').then(([e]) => { throw e; });
  failed.catch(() => undefined);
  try {
    for (const entry of school.entries()) {
      if (!out.write(entryToLdif(entry))) await Promise.race([once(out, 'drain'), failed]);
    }
  } finally {
    out.end();
  }
  await Promise.race([once(out, 'finish'), failed]);
}
