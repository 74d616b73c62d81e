// The ways one account's names and login may be written, each with a likelihood rank (0 most likely).
import type { AccountRecord } from '../../directory/model.ts';
import { applyCase, capitaliseFirst, caseRank, CASE_STYLES, foldAccents, nameSpellings, type CaseStyle, type Spelling } from '../spelling.ts';
import type { Role } from './labels.ts';

export interface NameForm {
  text: string;
  role: Role;
  rank: number;
}

export interface PersonalForms {
  /** Surname, given name, login, start of login, initials: each written once, with its lowest rank. */
  forms: NameForm[];
  /** Lower-case spellings for pairs ("prenom.nom"), ranked. */
  surnameSpellings: Spelling[];
  givenSpellings: Spelling[];
}

/** Later names are less likely: the usage surname before the birth surname, the first given name before others. */
function spellingsOf(names: readonly string[], laterPenalty: number, firstPartRank: number): Spelling[] {
  const out = new Map<string, number>();
  names.forEach((name, index) => {
    for (const { text, rank } of nameSpellings(name, firstPartRank)) {
      const r = Math.min(2, rank + (index === 0 ? 0 : laterPenalty));
      const known = out.get(text);
      if (known === undefined || r < known) out.set(text, r);
    }
  });
  return [...out].map(([text, rank]) => ({ text, rank })).sort((a, b) => a.rank - b.rank);
}

export function personalForms(account: AccountRecord): PersonalForms {
  const surnameSpellings = spellingsOf(account.surnames, 1, 0);
  const givenSpellings = spellingsOf(account.givenNames, 2, 1);
  const forms: NameForm[] = [];
  const seen = new Set<string>();
  const add = (text: string, role: Role, rank: number): void => {
    if (text.length < 2 || seen.has(text)) return;
    seen.add(text);
    forms.push({ text, role, rank });
  };
  const addCased = (spellings: Spelling[], role: Role, styles: readonly CaseStyle[] = CASE_STYLES): void => {
    for (const style of styles) {
      for (const s of spellings) add(applyCase(s.text, style), role, Math.min(2, s.rank + caseRank(style)));
    }
    // A compound with only its first letter capitalised ("Anne-sophie", "Lefevre-dubois"): a quick typist's way.
    if (styles.includes('capitalised')) for (const s of spellings) add(capitaliseFirst(s.text), role, s.rank);
  };
  addCased(surnameSpellings, 'surname');
  addCased(givenSpellings, 'given');

  const login = account.login.trim();
  if (login !== '') {
    add(login, 'login', 0);
    add(login.toLowerCase(), 'login', 0);
    // Capitalised the way a script capitalises a word ("Jean.dupont", "Jdupont12"), then each part ("Jean.Dupont").
    add(capitaliseFirst(login), 'login', 0);
    add(applyCase(login, 'capitalised'), 'login', 1);
    add(login.toUpperCase(), 'login', 1);
    add(foldAccents(login).toLowerCase(), 'login', 1);
    // "elodie.nguessan" → "elodie", "nguessan"; "jdupont12" → "jdupont". A login built from the birth name or
    // a former spelling carries a name the directory's other attributes no longer hold.
    for (const part of loginParts(login)) {
      add(part, 'login-part', 1);
      add(applyCase(part, 'capitalised'), 'login-part', 1);
      add(part.toUpperCase(), 'login-part', 2);
    }
  }

  const initials = initialsOf(account);
  for (const text of initials) {
    add(text, 'initials', 1);
    add(text.toUpperCase(), 'initials', 2);
  }
  forms.sort((a, b) => a.rank - b.rank);
  return { forms, surnameSpellings, givenSpellings };
}

/** The pieces of a login between dots, digits and other separators, of two letters or more, the first first. */
export function loginParts(login: string): string[] {
  const lower = login.toLowerCase();
  const parts = lower.split(/[.\d_\-@\s]+/).filter((p) => p.length >= 2);
  return parts.length === 1 && parts[0] === lower ? [] : [...new Set(parts)];
}

/** "Élodie N'Guessan-Lefèvre" → "en", "enl": an elided "N'" belongs to its word, it does not make one. */
function initialsOf(account: AccountRecord): string[] {
  const firstLetters = (name: string | undefined): string =>
    name === undefined ? '' : foldAccents(name).toLowerCase().replace(/'/g, '').split(/[\s-]+/).filter((p) => p.length > 1).map((p) => p[0]).join('');
  const given = firstLetters(account.givenNames[0]).slice(0, 1);
  const surname = firstLetters(account.surnames[0]);
  const out: string[] = [];
  if (given !== '' && surname !== '') {
    out.push(given + surname.slice(0, 1));
    if (surname.length > 1) out.push(given + surname);
  }
  return out;
}
