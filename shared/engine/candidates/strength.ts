// zxcvbn-ts strength (0–4) of a password the user typed or the audit recovered, knowing the person's
// and the school's words. Its dictionaries take a moment to build: once per thread, on first use.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as enDictionary } from '@zxcvbn-ts/language-en';
import { dictionary as frDictionary, translations as frTranslations } from '@zxcvbn-ts/language-fr';
import type { AccountRecord, SchoolContext } from '../directory/model.ts';
import { DATE_SHAPES, formatBirthDate } from './personal/birthdate.ts';
import { schoolWords } from './school/words.ts';
import { foldAccents } from './spelling.ts';

let factory: ZxcvbnFactory | undefined;

function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...frDictionary, ...enDictionary },
    graphs: adjacencyGraphs,
    translations: frTranslations,
    // The default (100) lets one symbol-rich password take half a second; a few suffice to catch "p@ssw0rd". A
    // birth date is eight digits zxcvbn may read as letters (0 → o, 1 → i or l, 5 → s…): at 8 a recovered
    // « nom + date de naissance » took ≈ 15 ms to rate, at 4 ≈ 10 ms, with the same score for each of the 2,832
    // weak passwords of a generated 3,000-account lycée.
    l33tMaxSubstitutions: 4,
  });
  return factory;
}

/** zxcvbn-ts score: 0 (guessed at once) to 4 (very hard to guess). */
export function rateStrength(password: string, userInputs: string[]): number {
  return zxcvbn().check(password, userInputs).score;
}

/** The words zxcvbn should treat as known to an attacker: names, login, birth date, school words. */
/** The school's words alone: the inputs for passwords every account may share (empty, school, common). */
export function schoolInputsFor(school: SchoolContext): string[] {
  return userInputsFor({ surnames: [], givenNames: [], login: '', birthDate: null }, school);
}

export function userInputsFor(account: Pick<AccountRecord, 'surnames' | 'givenNames' | 'login' | 'birthDate'>, school: SchoolContext): string[] {
  const out = new Set<string>();
  const add = (word: string): void => {
    const trimmed = word.trim();
    if (trimmed === '') return;
    out.add(trimmed.toLowerCase());
    out.add(foldAccents(trimmed).toLowerCase());
  };
  for (const name of [...account.surnames, ...account.givenNames]) {
    add(name);
    for (const part of name.split(/[\s\-'’]+/)) if (part.length >= 2) add(part);
  }
  add(account.login);
  for (const part of account.login.split(/[^\p{L}]+/u)) if (part.length >= 2) add(part);
  if (account.birthDate) for (const shape of DATE_SHAPES) add(formatBirthDate(account.birthDate, shape));
  schoolWords(school).forEach(add);
  return [...out];
}
