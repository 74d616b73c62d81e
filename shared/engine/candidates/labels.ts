// A pattern label in both languages; each family lists the labels of every pattern id it can emit.

export interface PatternLabel {
  fr: string;
  en: string;
}

export type PatternLabels = ReadonlyMap<string, PatternLabel>;
