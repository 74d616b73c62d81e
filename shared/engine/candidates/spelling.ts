// How people and schools write the same word: accents kept or folded, case, separators kept or dropped.
// Personal and school candidates both spell names this way, so it lives beside the families.

const LIGATURES: Readonly<Record<string, string>> = {
  œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE', ß: 'ss', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D',
};

/** "Élodie Lefèvre-Cœur" → "Elodie Lefevre-Coeur": what a keyboard without dead keys produces. */
export function foldAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[œŒæÆßøØłŁđĐ]/g, (c) => LIGATURES[c] ?? c);
}

/** Typographic apostrophes and dashes typed by directories, as a keyboard types them. */
export function plainPunctuation(text: string): string {
  return text.replace(/[’‘`´ʼ]/g, "'").replace(/[‐‑‒–—]/g, '-').replace(/\s+/g, ' ').trim();
}

export type CaseStyle = 'lower' | 'capitalised' | 'upper';
export const CASE_STYLES: readonly CaseStyle[] = ['lower', 'capitalised', 'upper'];

/** Capitalised keeps each part of a compound capitalised: "n'guessan-lefevre" → "N'Guessan-Lefevre". */
export function applyCase(text: string, style: CaseStyle): string {
  switch (style) {
    case 'lower':
      return text.toLowerCase();
    case 'upper':
      return text.toUpperCase();
    case 'capitalised':
      return text.toLowerCase().replace(/(^|[\s\-'._])(\p{L})/gu, (_m, sep: string, letter: string) => sep + letter.toUpperCase());
  }
}

/** Only the very first letter upper-case: "anne-sophie" → "Anne-sophie" (what a quick typist does). */
export function capitaliseFirst(text: string): string {
  const lower = text.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** UPPER is rarer than lower or Capitalised in chosen and given passwords. */
export function caseRank(style: CaseStyle): number {
  return style === 'upper' ? 1 : 0;
}

/** A lower-case way of writing a name; rank 0 is the most likely, 2 the least. */
export interface Spelling {
  text: string;
  rank: number;
}

// Particles dropped to find a name's main part ("de La Fontaine" → "fontaine").
const PARTICLES = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'd', 'l', 'van', 'von', 'der', 'den', 'da', 'di', 'del', 'dos', 'das']);

const SEPARATORS = /[\s'\-.]/g;

/**
 * The spellings of one name, most likely first: folded and joined ("nguessanlefevre"), then accents kept,
 * separators kept and each part of a compound, then apostrophes kept and rarer parts. Surnames pass
 * `firstPartRank` 0: the first part of a compound surname is often all that is typed ("nguessan").
 */
export function nameSpellings(name: string, firstPartRank = 1): Spelling[] {
  const kept = plainPunctuation(name).toLowerCase();
  if (kept === '') return [];
  const folded = foldAccents(kept);
  const out = new Map<string, number>();
  const add = (text: string, rank: number): void => {
    if (text.length < 2) return;
    const known = out.get(text);
    if (known === undefined || rank < known) out.set(text, rank);
  };
  add(folded.replace(SEPARATORS, ''), 0);
  add(kept.replace(SEPARATORS, ''), 1);
  add(folded.replace(/['.]/g, ''), 1);
  // The way school logins write it: spaces and apostrophes gone, hyphens kept ("desaint-exupery").
  add(folded.replace(/[\s'.]/g, ''), 1);

  const tokens = kept.split(/[\s-]+/).filter((t) => t !== '');
  const isParticle = (t: string): boolean => PARTICLES.has(foldAccents(t).replace(/['.]/g, ''));
  if (tokens.length > 1) {
    let first = true;
    for (const token of tokens) {
      if (isParticle(token)) continue;
      add(foldAccents(token).replace(/['.]/g, ''), first ? firstPartRank : 1);
      first = false;
      add(token.replace(/['.]/g, ''), 2);
      add(foldAccents(token), 2);
    }
    // "de La Fontaine" is often typed "lafontaine": the leading particle goes, the article stays.
    const leading = tokens[0];
    if (leading !== undefined && isParticle(leading)) add(foldAccents(tokens.slice(1).join('')).replace(/['.]/g, ''), 1);
  }
  // "N'Diaye", "d'Artagnan": the part after a one-letter elision.
  for (const token of tokens) {
    const elided = /^\p{L}'(.+)$/u.exec(token);
    if (elided?.[1] !== undefined) add(foldAccents(elided[1]).replace(/['.]/g, ''), 2);
  }
  add(folded, 2);
  add(kept, 2);
  add(kept.replace(/[\s-]/g, ''), 2);
  return [...out].map(([text, rank]) => ({ text, rank })).sort((a, b) => a.rank - b.rank);
}
