// Temporary passphrases for reset accounts: French words drawn with crypto randomness, enough of them for the
// CNIL's 80 bits (délibération 2022-100: a password alone needs ≥ 80 bits; a passphrase is named as a way).
// Words: zxcvbn-ts's French common words, plain lower-case letters only (no accents to hunt on a keyboard).
import { randomInt } from 'node:crypto';
import { dictionary as frDictionary } from '@zxcvbn-ts/language-fr';

export const PASSPHRASE_MIN_BITS = 80;
const SEPARATOR = '-';

// Frequent words a letter handed to a child must not carry.
const UNFIT = new Set(['merde', 'putain', 'bordel', 'connard', 'connasse', 'salope', 'pute', 'encule', 'baiser', 'bite', 'couille',
  'couilles', 'chier', 'foutre', 'nique', 'niquer', 'pourri', 'cul', 'crever', 'tuer', 'mort', 'morts', 'viol', 'drogue', 'suicide',
  'nazi', 'nazis', 'sexe', 'sexy', 'porno', 'salaud', 'batard', 'enfoire', 'conne', 'abruti', 'idiot', 'imbecile', 'debile', 'cons',
  'branler', 'pisse', 'bite', 'nichons', 'seins', 'tueur', 'cadavre', 'meurtre', 'arme', 'armes', 'flingue', 'pendre']);

let cached: readonly string[] | undefined;

/** The word list actually drawn from: deduplicated, 4–9 plain lower-case letters. */
export function passphraseWords(): readonly string[] {
  cached ??= [...new Set(frDictionary['commonWords-fr'].filter((w) => /^[a-z]{4,9}$/.test(w) && !UNFIT.has(w)))];
  return cached;
}

/** Bits of one word, from the size of the list in use. */
export function bitsPerWord(): number {
  return Math.log2(passphraseWords().length);
}

/** The fewest words that reach 80 bits. */
export function wordsPerPassphrase(): number {
  return Math.ceil(PASSPHRASE_MIN_BITS / bitsPerWord());
}

export function passphraseBits(): number {
  return wordsPerPassphrase() * bitsPerWord();
}

export function newPassphrase(): string {
  const words = passphraseWords();
  const picked: string[] = [];
  for (let i = 0; i < wordsPerPassphrase(); i++) picked.push(words[randomInt(words.length)]!);
  return picked.join(SEPARATOR);
}
