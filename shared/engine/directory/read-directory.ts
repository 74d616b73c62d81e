// The one door from a directory (LDAP search or LDIF file) to the audit: detects the flavour on the
// first entries, turns entries into accounts and gathers the school's own words.
import type { Flavour } from '../../contract/codes.ts';
import { CancelledError } from '../errors.ts';
import { DIRECTORY_FLAVOURS, DetectionSample, detectFlavour } from './flavours/detect.ts';
import type { FlavourReader } from './flavours/flavour.ts';
import type { AccountStore } from './account-store.ts';
import type { DirectoryEntry, FlavourOptions, SchoolContext } from './model.ts';
import { SchoolContextCollector } from './school-context.ts';

export interface ReadDirectoryOptions extends FlavourOptions {
  /** The user's `--school` texts. */
  school?: string[];
  /** Called after each entry with the number read so far. */
  onEntry?: (count: number) => void;
  signal?: AbortSignal;
}

export interface DirectoryContents {
  flavour: Flavour;
  /** False when the user chose the flavour. */
  flavourDetected: boolean;
  accounts: AccountStore;
  school: SchoolContext;
  entries: number;
}

export async function readDirectory(entries: AsyncIterable<DirectoryEntry>, options: ReadDirectoryOptions = {}): Promise<DirectoryContents> {
  const { signal, onEntry } = options;
  const school = new SchoolContextCollector();
  let flavour = options.flavour;
  // Without --flavour, the first entries wait in the sample until the flavour is known.
  let reader: FlavourReader | null = flavour ? DIRECTORY_FLAVOURS[flavour].reader(options) : null;
  const sample = new DetectionSample();
  let count = 0;

  const startReading = (): FlavourReader => {
    flavour = detectFlavour(sample.entries).flavour;
    const started = DIRECTORY_FLAVOURS[flavour].reader(options);
    for (const held of sample.entries) started.add(held);
    sample.entries.length = 0;
    return started;
  };

  if (signal?.aborted) throw new CancelledError();
  for await (const entry of entries) {
    if (signal?.aborted) throw new CancelledError();
    count += 1;
    school.add(entry);
    if (reader) reader.add(entry);
    else if (sample.add(entry)) reader = startReading();
    onEntry?.(count);
  }
  reader ??= startReading();

  const result = reader.finish();
  return {
    flavour: flavour!,
    flavourDetected: options.flavour === undefined,
    accounts: result.accounts,
    school: school.finish(result.classes, options.school),
    entries: count,
  };
}
