// The one door from a directory (LDAP search or LDIF file) to the audit: detects the flavour on the
// first entries, turns entries into accounts and gathers the school's own words. An entry whose DN came before is
// audited once (the first), and named with what the reader found wrong in the input (issue #15 §4).
import type { Flavour } from '../../contract/codes.ts';
import type { InputProblem, InputProblems } from '../../contract/report.ts';
import { CancelledError } from '../errors.ts';
import { normaliseDn } from '../posture/dn.ts';
import { InputProblemLog } from '../report/input-problems.ts';
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

/** An entry as a reader may hand it over: with what it found wrong in it (an LDIF value cut short). */
export interface EntryWithProblems extends DirectoryEntry {
  inputProblems?: InputProblem[];
}

export interface DirectoryContents {
  flavour: Flavour;
  /** False when the user chose the flavour. */
  flavourDetected: boolean;
  accounts: AccountStore;
  school: SchoolContext;
  entries: number;
  /** What was wrong in the input: the readers' problems and repeated DNs, in input order; for the report's source. */
  inputProblems: InputProblems;
}

export async function readDirectory(entries: AsyncIterable<DirectoryEntry>, options: ReadDirectoryOptions = {}): Promise<DirectoryContents> {
  const { signal, onEntry } = options;
  const school = new SchoolContextCollector();
  let flavour = options.flavour;
  // Without --flavour, the first entries wait in the sample until the flavour is known.
  let reader: FlavourReader | null = flavour ? DIRECTORY_FLAVOURS[flavour].reader(options) : null;
  const sample = new DetectionSample();
  let count = 0;
  const problems = new InputProblemLog();
  // Every DN read (normalised), with the line it was on in an LDIF (0 from LDAP).
  const seen = new Map<string, number>();

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
    const found = (entry as EntryWithProblems).inputProblems;
    if (found) for (const p of found) problems.add(p);
    const key = normaliseDn(entry.dn);
    const first = seen.get(key);
    if (first !== undefined) {
      // The first entry with this DN is the one audited; this one is named, not counted again.
      problems.add({
        kind: 'DUPLICATE_DN', dn: entry.dn,
        ...(entry.line !== undefined ? { line: entry.line } : {}), ...(first > 0 ? { firstLine: first } : {}),
      });
      onEntry?.(count);
      continue;
    }
    seen.set(key, entry.line ?? 0);
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
    inputProblems: problems.finish(),
  };
}
