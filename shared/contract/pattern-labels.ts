// A weak password's pattern and shape, said in a language from its id (issue #14 §2): "surname+birthdate:DDMMYYYY"
// → « nom + date de naissance (JJMMAAAA) », "surname + date of birth (DDMMYYYY)". The ids follow one grammar
// (pattern-ids.ts); the words are the catalogues' (messages-fr.ts, messages-en.ts). Never a password: only how it was built.
import type { PatternWords } from './messages.ts';
import { en } from './messages-en.ts';
import { fr } from './messages-fr.ts';
import {
  DATE_SHAPES, PAIR_SEPARATORS, PAIR_TEMPLATES, pairId, ROLES, SCHOOL_SOURCES, SCHOOL_TAILS,
  type LetterCase,
} from './pattern-ids.ts';

export type MessageLanguage = 'fr' | 'en';

/** The report catalogue of each language. */
export const REPORT_MESSAGES = { fr, en } as const;

/** Every pattern id said in `words`: the personal family's grammar, the school's, the fixed ones. */
function labelsOf(words: PatternWords): Map<string, string> {
  const labels = new Map<string, string>(Object.entries(words.fixed));
  const { birthdate, suffix, year, symbol } = words;
  const named = (id: string, base: string): void => {
    labels.set(id, base);
    labels.set(`${id}+suffix`, `${base} + ${suffix}`);
    labels.set(`${id}+year`, `${base} + ${year}`);
    for (const shape of DATE_SHAPES) {
      const s = ` (${words.dateShape(shape)})`;
      labels.set(`${id}+birthdate:${shape}`, `${base} + ${birthdate}${s}`);
      labels.set(`birthdate+${id}:${shape}`, `${birthdate} + ${base}${s}`);
      labels.set(`${id}+birthdate:${shape}+symbol`, `${base} + ${birthdate} + ${symbol}${s}`);
      labels.set(`birthdate+${id}:${shape}+symbol`, `${birthdate} + ${base} + ${symbol}${s}`);
      labels.set(`${id}+birthdate:${shape}+suffix`, `${base} + ${birthdate} + ${suffix}${s}`);
      labels.set(`birthdate+${id}:${shape}+suffix`, `${birthdate} + ${base} + ${suffix}${s}`);
    }
  };
  for (const shape of DATE_SHAPES) labels.set(`birthdate:${shape}`, `${words.birthdateAlone} (${words.dateShape(shape)})`);
  for (const role of ROLES) named(role, words.roles[role]);
  for (const [first, second] of PAIR_TEMPLATES) {
    for (const separator of PAIR_SEPARATORS) {
      named(pairId(first, separator, second), `${words.pairParts[first]}${separator}${words.pairParts[second]}`);
    }
  }
  for (const source of SCHOOL_SOURCES) {
    for (const tail of SCHOOL_TAILS) labels.set(source + tail, words.schoolSources[source] + words.schoolTails[tail]);
  }
  return labels;
}

const LABELS = new Map<MessageLanguage, Map<string, string>>();

function labels(lang: MessageLanguage): Map<string, string> {
  let table = LABELS.get(lang);
  if (table === undefined) LABELS.set(lang, table = labelsOf(REPORT_MESSAGES[lang].patterns));
  return table;
}

/** Every pattern id a family may emit (and 'cracked-offline'). */
export function knownPatternIds(): string[] {
  return [...labels('fr').keys()];
}

/** e.g. "surname+birthdate:DDMMYYYY" → « nom + date de naissance (JJMMAAAA) ». An unknown id is shown as is. */
export function patternLabel(patternId: string, lang: MessageLanguage): string {
  return labels(lang).get(patternId) ?? REPORT_MESSAGES[lang].patterns.unknown(patternId);
}

/** Whether the id is one this Vigie can say (a newer report's may not be). */
export function isKnownPattern(patternId: string): boolean {
  return labels('fr').has(patternId);
}

export interface ShapeParts {
  patternId: string;
  letterCase: LetterCase;
  punctuation: string;
}

/** "given+birthdate:DDMMYYYY|capitalised|." → its pattern id, letter case and punctuation. */
export function parseShape(shape: string): ShapeParts {
  const last = shape.lastIndexOf('|');
  const middle = shape.lastIndexOf('|', last - 1);
  if (last < 0 || middle < 0) return { patternId: shape, letterCase: 'none', punctuation: '' };
  return {
    patternId: shape.slice(0, middle),
    letterCase: shape.slice(middle + 1, last) as LetterCase,
    punctuation: shape.slice(last + 1),
  };
}

/**
 * « nom + date de naissance (AAAA) — Majuscule initiale, avec « . » ». The punctuation is named only when the
 * pattern does not already say it (a "JJ/MM/AAAA" date brings its own slashes).
 */
export function shapeLabel(shape: string, lang: MessageLanguage): string {
  const words = REPORT_MESSAGES[lang].patterns;
  const parts = parseShape(shape);
  const details: string[] = [];
  const caseText = words.letterCases[parts.letterCase] ?? '';
  if (caseText) details.push(caseText);
  const implied = new Set(parts.patternId.replace(/[\p{L}\p{N}+:|]/gu, ''));
  const extra = [...new Set(parts.punctuation)].filter((c) => !implied.has(c)).join(' ');
  if (extra) details.push(words.withPunctuation(extra));
  const base = patternLabel(parts.patternId, lang);
  return details.length ? `${base} — ${details.join(', ')}` : base;
}
