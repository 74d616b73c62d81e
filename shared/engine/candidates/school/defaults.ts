// What schools hand out when they create or reset accounts at the start of the year, whatever the school:
// « Rentree2025! », « Bienvenue2024 », « Changemoi », « Provisoire* ». French first, a few English words ENT and
// directory tools ship with. Each word's cost orders it (phrases.ts): 0 the defaults most often reported.
import { COMMON_SIZES } from '../common/common.ts';
import { rankedWords } from '../common/ranking.ts';
import { applyCase } from '../spelling.ts';
import type { PhraseBase } from './phrases.ts';

const WORDS: readonly (readonly [string, number])[] = [
  ['rentree', 0], ['bienvenue', 0], ['changemoi', 0], ['changeme', 0], ['motdepasse', 0], ['provisoire', 0],
  ['temporaire', 1], ['password', 1], ['ecole', 1], ['college', 1], ['lycee', 1], ['sesame', 1], ['mdp', 1],
  ['ent', 1], ['premiereconnexion', 1], ['connexion', 1], ['bonnerentree', 1], ['rentrée', 1],
  ['passe', 2], ['secret', 2], ['premiere', 2], ['nouveau', 2], ['bonjour', 2], ['welcome', 2], ['eleve', 2],
  ['école', 2], ['collège', 2], ['lycée', 2], ['sésame', 2], ['élève', 2],
];

/** The default vocabulary as phrase bases. */
export function defaultWords(): PhraseBase[] {
  return WORDS.map(([text, cost]) => ({ text, source: 'default-word', cost }));
}

let ranks: ReadonlyMap<string, number> | undefined;

/**
 * Whether the common family's shortest list (quick depth) proposes this password ("motdepasse", "bienvenue",
 * "Password" and "PASSWORD" among its twins): such a password stays a common one (COMMON_PASSWORD), as before this
 * vocabulary — the school family comes first in the global order and would otherwise take it over. The same at
 * every depth, so each depth's school candidates still begin with the depth before.
 */
export function isTopCommon(password: string): boolean {
  ranks ??= new Map(rankedWords().passwords.map((word, rank) => [word, rank]));
  const size = COMMON_SIZES.quick;
  const rank = ranks.get(password);
  if (rank !== undefined) return rank < size.passwords;
  // Its Capitalised or UPPER twin ("Password", "PASSWORD": an LM hash folds every password to capitals).
  const lower = password.toLowerCase();
  if (password === lower || (applyCase(lower, 'capitalised') !== password && lower.toUpperCase() !== password)) return false;
  const twin = ranks.get(lower);
  return twin !== undefined && twin < size.capitalised;
}
