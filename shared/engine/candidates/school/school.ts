// Passwords borrowed from the school: its name, initials, town, UAI and class names, alone or with a
// year or a short suffix ("jeanmoulin2024", "Iroise123"); and what schools hand out at the start of the year
// (« Rentree2025! »). The same for every account, most likely first.
import type { Depth } from '../../../contract/codes.ts';
import type { SchoolContext } from '../../directory/model.ts';
import type { Candidate, CandidateFamily } from '../family.ts';
import { applyCase, CASE_STYLES, foldAccents, plainPunctuation, type CaseStyle } from '../spelling.ts';
import { currentYear, recentYears, SHORT_SUFFIXES } from '../suffixes.ts';
import { defaultWords, isTopCommon } from './defaults.ts';
import type { SchoolSource } from './labels.ts';
import { phrases, type PhraseBase } from './phrases.ts';
import { parseSchoolName, parseTownName, schoolUais, splitSchoolNames } from './words.ts';

/** Tiers: quick takes tier 1, standard adds tier 2, deep tier 3 (sizes in index.ts). */
const TIERS: Record<Depth, number> = { quick: 1, standard: 2, deep: 3 };

interface Base {
  text: string;
  source: SchoolSource;
}

const candidate = (password: string, patternId: string): Candidate => ({ password, family: 'school', patternId });

interface Vocabulary {
  /** Most telling first: joined names, towns, name and town words, initials, académie, UAIs, full names, classes. */
  bases: Base[];
  /** Multi-word names as words, for "jean.moulin". */
  multiWordNames: string[][];
  towns: string[];
  /** The towns as the directory writes them ("Saint-Martin-des-Champs"). */
  townNames: string[];
  uais: string[];
  /** The kinds of school the names say ("lycee"): the school's own kind word is among the likeliest defaults. */
  kinds: Set<string>;
}

function vocabulary(school: SchoolContext): Vocabulary {
  const bases: Base[] = [];
  const seen = new Set<string>();
  const add = (text: string, source: SchoolSource): void => {
    if (text.length < 2 || seen.has(text)) return;
    seen.add(text);
    bases.push({ text, source });
  };
  const parsed = splitSchoolNames([...school.names, ...school.extra]).map(parseSchoolName);
  const towns = school.towns.map((t) => foldAccents(plainPunctuation(t)).toLowerCase().replace(/[^a-z0-9]+/g, '')).filter((t) => t.length >= 2);
  const uais = schoolUais(school).map((u) => u.toLowerCase());
  for (const name of parsed) add(name.joined, 'school-name');
  for (const town of towns) add(town, 'town');
  // The last significant word usually carries the name ("Lycée Jean Moulin" → "moulin").
  for (const name of parsed) for (const word of [...name.words].reverse()) add(word, 'school-word');
  for (const name of parsed) for (const word of name.compounds) add(word, 'school-word');
  // "Saint-Martin-d'Hères" → "martin", "heres", "saintmartin": what the town is called for short.
  for (const town of school.towns.map(parseTownName)) for (const word of [...town.words, ...town.compounds]) add(word, 'town-word');
  for (const name of parsed) add(name.initials, 'school-initials');
  for (const name of parsed) if (name.academy) add(name.academy, 'academy');
  for (const uai of uais) add(uai, 'uai');
  for (const name of parsed) add(name.full, 'school-fullname');
  for (const cls of school.classes) add(foldAccents(plainPunctuation(cls)).toLowerCase().replace(/\s+/g, ''), 'class');
  return {
    bases,
    multiWordNames: parsed.map((n) => n.words).filter((w) => w.length > 1),
    towns: towns.filter((t) => !uais.includes(t)),
    townNames: school.towns,
    uais,
    kinds: new Set(parsed.flatMap((n) => (n.kind ? [n.kind] : []))),
  };
}

function* withTail(bases: readonly Base[], styles: readonly (CaseStyle | 'asIs')[], tails: readonly string[], tailId: string): Generator<Candidate> {
  for (const tail of tails) {
    for (const style of styles) {
      for (const base of bases) {
        const text = style === 'asIs' ? base.text : applyCase(base.text, style);
        // An empty tailId lets the tail name itself: a year or a short suffix.
        const id = tailId !== '' || tail === '' ? tailId : /^\d{4}$/.test(tail) ? '+year' : '+suffix';
        yield candidate(text + tail, base.source + id);
      }
    }
  }
}

function* tier1(v: Vocabulary, year: number): Generator<Candidate> {
  const top = v.bases.filter((b) => b.source !== 'class' && b.source !== 'school-fullname');
  const names = top.filter((b) => b.source === 'school-name');
  yield* withTail(names, ['lower', 'capitalised'], [''], '');
  yield* withTail(names, ['lower', 'capitalised'], [String(year), String(year - 1), String(year + 1)], '+year');
  yield* withTail(names, ['lower', 'capitalised'], ['123', '1'], '+suffix');
  // "SimoneVeil2024": each word capitalised, then joined.
  yield* withTail(camelNames(v), ['asIs'], ['', String(year), String(year - 1), String(year + 1), ...SHORT_SUFFIXES], '');
  yield* withTail(top, ['lower', 'capitalised', 'upper'], [''], '');
  yield* withTail(top, ['lower', 'capitalised'], [String(year), String(year - 1)], '+year');
  yield* withTail(top, ['lower', 'capitalised'], ['123', '1'], '+suffix');
  yield* tierPhrases(v, year, PHRASE_BANDS.quick);
}

// Phrase costs of the school's own words: its name and town as likely as the best defaults, a word of them
// one step rarer. The start-of-year vocabulary brings its own (defaults.ts).
const PHRASE_SOURCE_COST: Partial<Record<SchoolSource, number>> = { 'school-name': 0, town: 0, 'school-word': 1, 'town-word': 1 };

function phraseBases(v: Vocabulary): PhraseBase[] {
  const own: PhraseBase[] = [];
  for (const base of v.bases) {
    const cost = PHRASE_SOURCE_COST[base.source];
    if (cost !== undefined) own.push({ text: base.text, source: base.source, cost });
  }
  // A lycée hands out « Lycee2025 », not « College2025 »: its own kind word costs what the likeliest defaults do,
  // its accented spelling one step more.
  const defaults = defaultWords().map((b) => (v.kinds.has(foldAccents(b.text)) ? { ...b, cost: b.text === foldAccents(b.text) ? 0 : 1 } : b));
  return [...own, ...defaults];
}

/**
 * Phrase cost bands: quick the cheapest (« Rentree2025! », « rentree »), standard up to 3 (its cost 1 early, before
 * the school words' long tails), deep all of them (9 is the dearest: a rare word in UPPER, a year three back as YY,
 * a rare symbol).
 */
const PHRASE_BANDS = { quick: [0, 0], standardEarly: [1, 1], standard: [2, 3], deep: [4, 9] } as const;

function tierPhrases(v: Vocabulary, year: number, [min, max]: readonly [number, number]): Candidate[] {
  return phrases(phraseBases(v), year, min, max, (password, base) => base.source !== 'default-word' || !isTopCommon(password));
}

function camelNames(v: Vocabulary): Base[] {
  return [
    ...v.multiWordNames.map((words): Base => ({ text: words.map((w) => applyCase(w, 'capitalised')).join(''), source: 'school-name' })),
    ...v.townNames.flatMap(townAsWritten),
  ];
}

/**
 * A multi-word town typed as it is written, its separators dropped: "Saint-Martin-des-Champs" →
 * "SaintMartindesChamps", and each word capitalised, "SaintMartinDesChamps". Accents folded.
 */
function townAsWritten(town: string): Base[] {
  const words = foldAccents(plainPunctuation(town)).split(/[\s'.-]+/).filter((w) => w !== '');
  if (words.length < 2) return [];
  const written = words.join('');
  const capitalised = words.map((w) => applyCase(w, 'capitalised')).join('');
  return [...new Set([written, capitalised])].map((text) => ({ text, source: 'town' }));
}

function* tier2(v: Vocabulary, year: number): Generator<Candidate> {
  yield* withTail(v.bases, CASE_STYLES, [''], '');
  yield* tierPhrases(v, year, PHRASE_BANDS.standardEarly);
  yield* withTail(camelNames(v), ['asIs'], recentYears(year).map(String), '+year');
  for (const words of v.multiWordNames) {
    for (const separator of ['.', '_', '-', ' ']) {
      for (const style of ['lower', 'capitalised'] as const) yield candidate(applyCase(words.join(separator), style), 'school-name');
    }
  }
  yield* withTail(v.bases, CASE_STYLES, SHORT_SUFFIXES, '+suffix');
  yield* tierPhrases(v, year, PHRASE_BANDS.standard);
  yield* withTail(v.bases, CASE_STYLES, recentYears(year).map(String), '+year');
  const named = v.bases.filter((b) => b.source === 'school-name' || b.source === 'school-word');
  yield* withTail(named, ['lower', 'capitalised'], v.towns, '+town');
  yield* withTail(named, ['lower', 'capitalised'], v.uais, '+uai');
  yield* withTail(named, ['lower', 'capitalised'], v.uais.map((u) => u.toUpperCase()), '+uai');
}

function* tier3(v: Vocabulary, year: number): Generator<Candidate> {
  yield* tierPhrases(v, year, PHRASE_BANDS.deep);
  const years = recentYears(year).map(String);
  const shortYears = years.map((y) => y.slice(-2));
  yield* withTail(v.bases, CASE_STYLES, shortYears, '+year');
  for (const separator of ['.', '_', '-', '@']) yield* withTail(v.bases, CASE_STYLES, years.map((y) => separator + y), '+year');
  for (const suffix of ['!', '*', '.']) yield* withTail(v.bases, ['lower', 'capitalised'], years.map((y) => y + suffix), '+year+symbol');
  const towns = v.bases.filter((b) => b.source === 'town');
  yield* withTail(v.bases.filter((b) => b.source !== 'town'), ['lower', 'capitalised'], towns.map((t) => t.text), '+town');
}

const TIER_BUILDERS: readonly ((v: Vocabulary, year: number) => Iterable<Candidate>)[] = [tier1, tier2, tier3];

/**
 * Each tier built once per school and year: a salted account's budget walks the school's candidates again, and
 * the start-of-year products made them thousands. A school context is not changed once read (school-context.ts).
 */
const built = new WeakMap<SchoolContext, { year: number; tiers: Candidate[][] }>();

/** A school Vigie knows nothing of still gets the start-of-year vocabulary: it is no school's own. */
export function* schoolCandidates(school: SchoolContext, depth: Depth): Generator<Candidate> {
  const year = currentYear();
  let entry = built.get(school);
  if (entry?.year !== year) built.set(school, (entry = { year, tiers: [] }));
  const { tiers } = entry;
  let v: Vocabulary | undefined;
  // Lazy by tier: a budget that stops in tier 1 never builds the others.
  for (const [t, build] of TIER_BUILDERS.slice(0, TIERS[depth]).entries()) {
    const list = (tiers[t] ??= [...build((v ??= vocabulary(school)), year)]);
    yield* list;
  }
}

export const schoolFamily: CandidateFamily = {
  id: 'school',
  forAccount: () => [],
  global: (school: SchoolContext, depth: Depth) => schoolCandidates(school, depth),
};
