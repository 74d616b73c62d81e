// A flavour knows where one kind of school directory keeps each account's facts (see
// docs/school-directories.md) and how to recognise that kind from its entries.
import type { Flavour } from '../../../contract/codes.ts';
import { AccountStore } from '../account-store.ts';
import type { AccountRecord, DirectoryEntry, FlavourOptions } from '../model.ts';

export interface FlavourResult {
  /** Packed as they are read: the records are objects again only while they are used. */
  accounts: AccountStore;
  /**
   * Every class name: those found outside accounts (SE3 Classe_* groups, Scribe class groups) first, then the
   * accounts' own (gathered as they are read, so the store need not be read back for them).
   */
  classes: string[];
}

/** Reads one directory's entries, in stream order; groups may come before or after their members. */
export interface FlavourReader {
  add(entry: DirectoryEntry): void;
  finish(): FlavourResult;
}

export interface DirectoryFlavour {
  readonly id: Flavour;
  /** How much this entry looks like this flavour's (0: not at all); summed over a sample to detect it. */
  score(entry: DirectoryEntry): number;
  reader(options: FlavourOptions): FlavourReader;
}

/** A reader for flavours where each entry makes its account alone. */
export function entryByEntryReader(toAccount: (entry: DirectoryEntry) => AccountRecord | null, classesOf?: (entry: DirectoryEntry) => string[]): FlavourReader {
  const accounts = new AccountStore();
  const classes: string[] = [];
  const accountClasses = new Set<string>();
  return {
    add(entry) {
      const account = toAccount(entry);
      if (account) {
        accounts.push(account);
        for (const c of account.classes) accountClasses.add(c);
      } else if (classesOf) classes.push(...classesOf(entry));
    },
    finish: () => ({ accounts, classes: [...classes, ...accountClasses] }),
  };
}
