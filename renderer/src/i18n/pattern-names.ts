// How a weak password was built, in the UI's language. The report carries the French label (`pattern`) and a
// stable id (`patternId`); English is rebuilt from the id's grammar, and an id this table does not know falls
// back to the French label. The grammar is the engine's (shared/engine/candidates/*/labels.ts).
import type { Language } from '../../../shared/contract/index.ts';

const FIXED: Record<string, string> = {
  empty: 'empty password',
  common: 'common password',
  'common:capitalised': 'common password (capitalised)',
  'common:name-fr': 'common French given name',
  'common:word-fr': 'common French word',
  'common:word+digits': 'common word + digits',
  'common:word+year': 'common word + year',
  'common:word+symbol': 'common word + symbol',
  'common:word+digits+symbol': 'common word + digits + symbol',
  'common:word+year+symbol': 'common word + year + symbol',
};

const SCHOOL_SOURCES: Record<string, string> = {
  'school-name': 'school name',
  'school-fullname': 'full school name',
  'school-word': 'word of the school name',
  'school-initials': 'school initials',
  town: 'school town',
  'town-word': 'word of the town name',
  academy: 'académie (education region)',
  uai: 'school UAI code',
  class: 'class name',
  'default-word': 'start-of-year or default word',
};

const SCHOOL_TAILS: Record<string, string> = {
  '': '', '+year': ' + year', '+suffix': ' + suffix', '+year+suffix': ' + year + suffix', '+symbol': ' + symbol',
  '+year+symbol': ' + year + symbol', '+town': ' + town', '+uai': ' + UAI',
};

const ROLES: Record<string, string> = {
  surname: 'surname', given: 'given name', login: 'login', 'login-part': 'start of the login', initials: 'initials',
};

const SHAPE = String.raw`(DDMMYYYY|DD/MM/YYYY|DDMMYY|YYYY|YYYYMMDD|DDMM|DD\.MM\.YYYY|DD-MM-YYYY|MMYYYY|YY)`;
const PAIR = String.raw`(?:given|surname|g)[._-]?(?:given|surname|g)`;
const BASE = String.raw`(surname|given|login|login-part|initials|${PAIR})`;

/** A role ("surname") or a name pair ("given.surname", kept as written, as the engine does). */
function baseName(base: string): string {
  return ROLES[base] ?? base;
}

function englishPattern(id: string): string | null {
  const fixed = FIXED[id];
  if (fixed !== undefined) return fixed;
  let m = /^([a-z-]+?)(|\+year|\+suffix|\+year\+suffix|\+symbol|\+year\+symbol|\+town|\+uai)$/.exec(id);
  if (m !== null && SCHOOL_SOURCES[m[1]!] !== undefined) return SCHOOL_SOURCES[m[1]!]! + SCHOOL_TAILS[m[2]!]!;
  if ((m = new RegExp(`^birthdate:${SHAPE}$`).exec(id)) !== null) return `date of birth alone (${m[1]})`;
  if ((m = new RegExp(`^birthdate\\+${BASE}:${SHAPE}$`).exec(id)) !== null) return `date of birth + ${baseName(m[1]!)} (${m[2]})`;
  if ((m = new RegExp(`^birthdate\\+${BASE}:${SHAPE}\\+(symbol|suffix)$`).exec(id)) !== null) return `date of birth + ${baseName(m[1]!)} + ${m[3]} (${m[2]})`;
  if ((m = new RegExp(`^${BASE}\\+birthdate:${SHAPE}\\+symbol$`).exec(id)) !== null) return `${baseName(m[1]!)} + date of birth + symbol (${m[2]})`;
  if ((m = new RegExp(`^${BASE}\\+birthdate:${SHAPE}\\+suffix$`).exec(id)) !== null) return `${baseName(m[1]!)} + date of birth + suffix (${m[2]})`;
  if ((m = new RegExp(`^${BASE}\\+birthdate:${SHAPE}$`).exec(id)) !== null) return `${baseName(m[1]!)} + date of birth (${m[2]})`;
  if ((m = new RegExp(`^${BASE}\\+(suffix|year)$`).exec(id)) !== null) return `${baseName(m[1]!)} + ${m[2]}`;
  if ((m = new RegExp(`^${BASE}$`).exec(id)) !== null) return baseName(m[1]!);
  return null;
}

/** The pattern of a finding in `language`; null when the finding names no pattern. */
export function patternName(finding: { pattern?: string; patternId?: string }, language: Language): string | null {
  if (language === 'en' && finding.patternId !== undefined) {
    const english = englishPattern(finding.patternId);
    if (english !== null) return english;
  }
  return finding.pattern ?? finding.patternId ?? null;
}
