// A John the Ripper passwd line: `id:hash:::GECOS::`. John's single mode mangles the login and the GECOS words
// of each hash's own user, so the person's names and login go there: per-user words hashcat cannot target.
import type { AccountRecord } from '../directory/model.ts';

/** GECOS fields are comma-separated and the line colon-separated: neither may appear inside a word. */
function gecosWord(word: string): string {
  return word.replace(/[:,\r\n]/g, ' ').trim();
}

export function johnLine(id: string, hash: string, account: AccountRecord): string {
  const words = [
    [...account.givenNames, ...account.surnames].map(gecosWord).filter(Boolean).join(' '),
    gecosWord(account.login),
  ].filter(Boolean);
  return `${id}:${hash}:::${words.join(',')}::`;
}
