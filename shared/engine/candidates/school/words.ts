// The words a school's name, town, UAI and classes lend to passwords ("Lycée Jean Moulin" → "jeanmoulin", "ljm").
import type { SchoolContext } from '../../directory/model.ts';
import { foldAccents, plainPunctuation } from '../spelling.ts';

// Kinds of school, académie markers and particles: never a password on their own.
const STOP_WORDS = new Set([
  'lycee', 'college', 'ecole', 'lg', 'lgt', 'lp', 'lpo', 'lt', 'clg', 'ac', 'erea', 'segpa', 'ep', 'ee', 'em',
  'de', 'du', 'la', 'le', 'les', 'l', 'd', 'des', 'et', 'en', 'au', 'aux',
  'groupe', 'scolaire', 'cite', 'professionnel', 'general', 'technologique', 'polyvalent', 'agricole',
  'prive', 'public', 'elementaire', 'maternelle', 'primaire', 'institution', 'ensemble', 'etablissement', 'uai', 'rne',
]);
// "Saint" alone says nothing, but "Saint-Exupéry" typed as "saintexupery" does.
const SAINT = new Set(['saint', 'sainte', 'st', 'ste']);
const PARTICLES = new Set(['de', 'du', 'la', 'le', 'les', 'l', 'd', 'des', 'et', 'en', 'au', 'aux']);

/** One name of the school, broken into what a password would borrow from it. */
export interface SchoolName {
  /** Significant words joined: "jeanmoulin". */
  joined: string;
  /** Every word joined, kind of school included: "lyceejeanmoulin". */
  full: string;
  /** Significant words, most telling (the last) first in `words` order of the name. */
  words: string[];
  /** Hyphenated compounds without stop words: "saintexupery". */
  compounds: string[];
  /** Initials of the words but particles: "ljm". */
  initials: string;
  /** Académie named in ENT names ("…-ac-RENNES" → "rennes"). */
  academy: string | null;
  /** The kind of school the name says, spelt out: "lycee", "college", "ecole" ("LG-…" → "lycee"); null if none. */
  kind: string | null;
}

const KIND_WORDS = new Set(['lycee', 'college', 'ecole']);

const normalise = (text: string): string => foldAccents(plainPunctuation(text)).toLowerCase();
const tokensOf = (text: string): string[] => text.split(/[^a-z0-9]+/).filter((t) => t !== '');

// ENT names abbreviate the kind of school ("LG-JULES FERRY"): its full name spells it out ("lyceejulesferry").
const KIND_IN_FULL: Readonly<Record<string, string>> = {
  lg: 'lycee', lgt: 'lycee', lpo: 'lycee', lp: 'lycee', lt: 'lycee', clg: 'college', ee: 'ecole', ep: 'ecole', em: 'ecole',
};

export function parseSchoolName(name: string): SchoolName {
  let text = normalise(name);
  let academy: string | null = null;
  const academyMatch = /[\s-]ac[\s-]([a-z-]+)\s*$/.exec(text);
  if (academyMatch?.[1] !== undefined) {
    academy = academyMatch[1].replace(/-/g, '');
    text = text.slice(0, academyMatch.index);
  }
  const all = tokensOf(text);
  const words = all.filter((t) => !STOP_WORDS.has(t) && !SAINT.has(t) && t.length >= 2);
  const compounds: string[] = [];
  for (const chunk of text.split(/\s+/)) {
    if (!chunk.includes('-')) continue;
    const parts = tokensOf(chunk);
    if (parts.length > 1 && parts.every((p) => !STOP_WORDS.has(p))) compounds.push(parts.join(''));
  }
  const initialsOf = all.filter((t) => !PARTICLES.has(t));
  const kind = all[0] !== undefined ? KIND_IN_FULL[all[0]] : undefined;
  return {
    joined: words.join(''),
    full: kind ? kind + all.slice(1).join('') : all.join(''),
    words,
    compounds,
    initials: initialsOf.length >= 2 ? initialsOf.map((t) => t.slice(0, 1)).join('') : '',
    academy,
    kind: kind ?? all.find((t) => KIND_WORDS.has(t)) ?? null,
  };
}

/** One town's name as a password borrows it: whole, each significant word, and "saint" with its word. */
export interface TownName {
  /** Every word joined, particles included: "saintmartindheres". */
  joined: string;
  /** Words of three letters or more but particles and "saint", in the name's order: "martin", "heres". */
  words: string[];
  /** "Saint" with the word it qualifies, as the town is called for short: "saintmartin"; "st" spelt out too. */
  compounds: string[];
}

const SAINT_SPELT: Readonly<Record<string, string>> = { st: 'saint', ste: 'sainte' };

export function parseTownName(town: string): TownName {
  const tokens = tokensOf(normalise(town));
  // Letters only: an arrondissement ("Marseille 13e") or a postcode is not a word of the name.
  const words = tokens.filter((t) => /^[a-z]{3,}$/.test(t) && !PARTICLES.has(t) && !SAINT.has(t));
  const compounds: string[] = [];
  tokens.forEach((token, i) => {
    const next = tokens[i + 1];
    if (!SAINT.has(token) || next === undefined || PARTICLES.has(next)) return;
    compounds.push(token + next);
    const spelt = SAINT_SPELT[token];
    if (spelt !== undefined) compounds.push(spelt + next);
  });
  const joined = tokens.join('');
  return { joined, words: words.filter((w) => w !== joined), compounds: compounds.filter((c) => c !== joined) };
}

/**
 * A school's name often carries its town or its kind after a dash or a comma ("Lycée Simone Veil - Châteauneuf"):
 * each part is a name of its own. ENT names hyphenated without spaces ("LG-DE L'IROISE-ac-RENNES") stay whole.
 */
export function splitSchoolNames(names: readonly string[]): string[] {
  return names.flatMap((n) => n.split(/\s+[-–—]\s+|\s*[,;|/()[\]]\s*/)).map((n) => n.trim()).filter((n) => n !== '');
}

/**
 * The distinct significant words of a school: from its names and free text, towns, académie, UAIs and
 * class names, lower-case without accents. Shown to the user as the count of school words.
 */
export function schoolWords(school: SchoolContext): string[] {
  const out = new Set<string>();
  const add = (word: string): void => {
    if (word.length >= 2 && !STOP_WORDS.has(word) && !SAINT.has(word)) out.add(word);
  };
  for (const name of splitSchoolNames([...school.names, ...school.extra])) {
    const parsed = parseSchoolName(name);
    parsed.words.forEach(add);
    parsed.compounds.forEach(add);
    if (parsed.academy) add(parsed.academy);
  }
  for (const town of school.towns) {
    const words = tokensOf(normalise(town)).filter((t) => !STOP_WORDS.has(t) && !SAINT.has(t));
    if (words.length > 1) add(words.join(''));
    words.forEach(add);
    parseTownName(town).compounds.forEach(add);
  }
  for (const uai of schoolUais(school)) add(normalise(uai).replace(/\s+/g, ''));
  for (const name of school.classes) add(normalise(name).replace(/\s+/g, ''));
  return [...out];
}

const UAI = /\b\d{7}[A-Za-z]\b/g;

/** The school's UAIs: those the directory names as such, and any written inside its names ("… (UAI 0290009C)"). */
export function schoolUais(school: SchoolContext): string[] {
  const found = new Set(school.uais.map((u) => u.trim().toUpperCase()).filter((u) => u !== ''));
  for (const text of [...school.names, ...school.extra]) for (const m of text.matchAll(UAI)) found.add(m[0].toUpperCase());
  return [...found];
}
