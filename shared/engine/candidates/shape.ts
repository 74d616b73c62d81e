// A password's shape: how it was built (the pattern id: which name part, which date shape, which order), with
// the letter case and the punctuation it was typed with. The audit counts shapes among the passwords it
// recovers to learn what a directory's users were given or chose (issue #12): « NOM + AA », « Prénom.JJMMAAAA ».
// A shape never holds a password's letters or digits, only its build, its case and its punctuation.
import { patternLabel } from './patterns.ts';

/** A shape and how likely it is for an account (what the audit learnt, issue #12). */
export interface ShapeWeight {
  shape: string;
  /** Estimated probability that an account of the profile has a password of this shape. */
  weight: number;
}

export type LetterCase = 'lower' | 'capitalised' | 'upper' | 'mixed' | 'none';

/** The letters' case: all lower, each word Capitalised, all UPPER, mixed, or no letters at all. */
export function letterCase(password: string): LetterCase {
  const words = password.match(/\p{L}+/gu);
  if (!words) return 'none';
  const letters = words.join('');
  if (letters === letters.toLowerCase()) return 'lower';
  if (letters === letters.toUpperCase() && letters.length > 1) return 'upper';
  const initialOnly = (w: string): boolean => w[0] === w[0]!.toUpperCase() && w.slice(1) === w.slice(1).toLowerCase();
  // "Dupont", "Jean.Dupont", "Martin-Dupont" and a compound typed quickly, "Martin-dupont": Capitalised alike.
  if (words.every(initialOnly) || (initialOnly(words[0]!) && words.slice(1).every((w) => w === w.toLowerCase()))) return 'capitalised';
  return 'mixed';
}

/**
 * The characters that are neither letters nor digits, in order, except those between two letters: a name's own
 * hyphen or apostrophe ("Martin-Dupont", "N'Guessan") is the person's, not the formula's. "dupont.15/03/2008!"
 * → ".//!".
 */
function punctuation(password: string): string {
  return password.replace(/(?<=\p{L})[^\p{L}\p{N}]+(?=\p{L})|[\p{L}\p{N}]+/gu, '');
}

/** "surname+birthdate:YYYY" and "Dupont.2008" → "surname+birthdate:YYYY|capitalised|." */
export function shapeOf(patternId: string, password: string): string {
  return `${patternId}|${letterCase(password)}|${punctuation(password)}`;
}

export interface ShapeParts {
  patternId: string;
  letterCase: LetterCase;
  punctuation: string;
}

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

const CASE_LABEL: Record<'fr' | 'en', Record<LetterCase, string>> = {
  fr: { lower: 'minuscules', capitalised: 'Majuscule initiale', upper: 'MAJUSCULES', mixed: 'casse mélangée', none: '' },
  en: { lower: 'lower case', capitalised: 'Capitalised', upper: 'UPPER CASE', mixed: 'mixed case', none: '' },
};

/**
 * « nom + date de naissance (AAAA) — Majuscule initiale, séparateur « . » ». The punctuation is named only when
 * the pattern does not already say it (a "JJ/MM/AAAA" date brings its own slashes).
 */
export function shapeLabel(shape: string, lang: 'fr' | 'en'): string {
  const parts = parseShape(shape);
  const details: string[] = [];
  const caseText = CASE_LABEL[lang][parts.letterCase];
  if (caseText) details.push(caseText);
  const implied = new Set(parts.patternId.replace(/[\p{L}\p{N}+:|]/gu, ''));
  const extra = [...new Set(parts.punctuation)].filter((c) => !implied.has(c)).join(' ');
  if (extra) details.push(lang === 'fr' ? `avec « ${extra} »` : `with "${extra}"`);
  const base = patternLabel(parts.patternId, lang);
  return details.length ? `${base} — ${details.join(', ')}` : base;
}
