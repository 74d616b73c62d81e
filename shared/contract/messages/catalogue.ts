// What a message catalogue says (issue #14 §2): one per language, fr.ts and en.ts, for everything a report names by
// id. The CLI, the UI and the PDF say a report with it; the engine writes ids and parameters, never a sentence.
import type { DateShape, FixedPattern, LetterCase, PairPart, Role, SchoolSource, SchoolTail } from './vocabulary.ts';

export interface PatternWords {
  /** The empty and common families' patterns, and a password found offline that no family makes. */
  fixed: Record<FixedPattern, string>;
  roles: Record<Role, string>;
  /** A name pair's parts, written with the pair's own separator: « prénom.nom ». */
  pairParts: Record<PairPart, string>;
  dateShape: (shape: DateShape) => string;
  birthdate: string;
  birthdateAlone: string;
  suffix: string;
  year: string;
  symbol: string;
  schoolSources: Record<SchoolSource, string>;
  schoolTails: Record<SchoolTail, string>;
  /** An id this Vigie does not know (a newer report's): shown as is. */
  unknown: (patternId: string) => string;
  letterCases: Record<LetterCase, string>;
  /** A shape's punctuation that its pattern does not say: « avec « . » ». */
  withPunctuation: (characters: string) => string;
}

export interface ReportMessages {
  patterns: PatternWords;
}
