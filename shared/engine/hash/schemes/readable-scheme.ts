// What every scheme file provides beyond `HashScheme`: reading its own stored form and describing it.
// `defineScheme` keeps each file typed on its own parsed data while callers see `unknown`, as HashScheme says.
import type { HashSchemeName } from '../../../contract/codes.ts';
import type { CreateOptions, HashScheme, StorageKind } from '../scheme.ts';

export interface ReadableScheme extends HashScheme {
  /** Legacy storage as issue #2 defines it (see StoredHash.legacy). */
  readonly legacy: boolean;
  /**
   * The scheme's data from the stored text after its `{TAG}` (NT/LM: the whole value), one character per stored
   * byte (latin1); null when malformed.
   */
  read(text: string): unknown;
  params(parsed: unknown): Record<string, number | string>;
  weakParameters(parsed: unknown): string | null;
  unsaltedKey(parsed: unknown): string | null;
  /** A short French label with parameters, e.g. "bcrypt (coût 8)". */
  describe(parsed: unknown): string;
}

export interface SchemeSpec<P> {
  name: HashSchemeName;
  storage: StorageKind;
  legacy: boolean;
  unsalted: boolean;
  read(text: string): P | null;
  params(parsed: P): Record<string, number | string>;
  weakParameters?(parsed: P): string | null;
  unsaltedKey?(parsed: P): string;
  describe(parsed: P): string;
  cost(parsed: P): number;
  memoryBytes?(parsed: P): number;
  verify(parsed: P, candidate: string): boolean | Promise<boolean>;
  digestHex?(candidate: string): string;
  create(password: string, options?: CreateOptions): string | Promise<string>;
}

export function defineScheme<P>(spec: SchemeSpec<P>): ReadableScheme {
  const scheme: ReadableScheme = {
    name: spec.name,
    storage: spec.storage,
    legacy: spec.legacy,
    unsalted: spec.unsalted,
    read: (text) => spec.read(text),
    params: (parsed) => spec.params(parsed as P),
    weakParameters: (parsed) => spec.weakParameters?.(parsed as P) ?? null,
    unsaltedKey: (parsed) => spec.unsaltedKey?.(parsed as P) ?? null,
    describe: (parsed) => spec.describe(parsed as P),
    cost: (parsed) => spec.cost(parsed as P),
    verify: (parsed, candidate) => spec.verify(parsed as P, candidate),
    create: (password, options) => spec.create(password, options),
  };
  if (spec.digestHex) scheme.digestHex = spec.digestHex;
  const { memoryBytes } = spec;
  if (memoryBytes) scheme.memoryBytes = (parsed) => memoryBytes(parsed as P);
  return scheme;
}

/** French thousands separator for labels: 600 000. */
export function frenchNumber(n: number): string {
  return n.toLocaleString('fr-FR').replace(/\u202f|\u00a0/g, ' ');
}
