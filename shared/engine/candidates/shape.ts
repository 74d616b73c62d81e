// A password's shape: how it was built (the pattern id: which name part, which date shape, which order), with
// the letter case and the punctuation it was typed with. The audit counts shapes among the passwords it
// recovers to learn what a directory's users were given or chose (issue #12): « NOM + AA », « Prénom.JJMMAAAA ».
// A shape never holds a password's letters or digits, only its build, its case and its punctuation.
import type { LetterCase } from '../../contract/pattern-ids.ts';

// Reading a shape back and saying it are the report's side (shared/contract/pattern-labels.ts).
export { parseShape, type ShapeParts } from '../../contract/pattern-labels.ts';
export type { LetterCase } from '../../contract/pattern-ids.ts';

/** A shape and how likely it is for an account (what the audit learnt, issue #12). */
export interface ShapeWeight {
  shape: string;
  /** Estimated probability that an account of the profile has a password of this shape. */
  weight: number;
}

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
