// Recognises the flavour of a directory from its first entries: each flavour scores the entries that
// look like its own, and the highest total wins (the most specific flavour on a tie).
import type { Flavour } from '../../../contract/codes.ts';
import type { DirectoryEntry } from '../model.ts';
import type { DirectoryFlavour } from './flavour.ts';
import { inetOrgPerson } from './inetorgperson.ts';
import { isAccountEntry } from './person-entry.ts';
import { samba3 } from './samba3.ts';
import { scribe } from './scribe.ts';
import { sdet } from './sdet.ts';
import { se3 } from './se3.ts';

/** Most specific first: that order breaks ties. */
export const DIRECTORY_FLAVOURS: Record<Flavour, DirectoryFlavour> = { sdet, scribe, se3, samba3, inetorgperson: inetOrgPerson };
const BY_SPECIFICITY: Flavour[] = ['scribe', 'sdet', 'se3', 'samba3', 'inetorgperson'];

/** At most this many entries are held back to decide. */
export const DETECTION_SAMPLE_ENTRIES = 500;
/** …and fewer once this many accounts have been seen, which is enough to tell. */
export const DETECTION_SAMPLE_ACCOUNTS = 100;

export interface FlavourDetection {
  flavour: Flavour;
  scores: Record<Flavour, number>;
}

export function detectFlavour(sample: Iterable<DirectoryEntry>): FlavourDetection {
  const scores: Record<Flavour, number> = { sdet: 0, scribe: 0, se3: 0, samba3: 0, inetorgperson: 0 };
  for (const entry of sample) {
    for (const id of BY_SPECIFICITY) scores[id] += DIRECTORY_FLAVOURS[id].score(entry);
  }
  let flavour: Flavour = 'inetorgperson';
  let best = 0;
  for (const id of BY_SPECIFICITY) {
    if (scores[id] > best) {
      flavour = id;
      best = scores[id];
    }
  }
  return { flavour, scores };
}

/** Holds back the first entries until they are enough to detect the flavour. */
export class DetectionSample {
  readonly entries: DirectoryEntry[] = [];
  private accounts = 0;

  /** Adds an entry; true once the sample is complete. */
  add(entry: DirectoryEntry): boolean {
    this.entries.push(entry);
    if (isAccountEntry(entry)) this.accounts += 1;
    return this.entries.length >= DETECTION_SAMPLE_ENTRIES || this.accounts >= DETECTION_SAMPLE_ACCOUNTS;
  }
}
