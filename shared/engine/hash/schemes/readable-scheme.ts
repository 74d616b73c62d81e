// One descriptor per way of storing a password (issue #14 §1, zxcvbn-ts' one-folder-per-matcher as the model):
// everything Vigie knows about a scheme lives in its own module — where it is found and how it is parsed, how a
// candidate is checked (in TypeScript and through the kernels), how hashcat and John take it, when its
// parameters are weak and what a check costs. `registry.ts` lists the descriptors; the audit, storage findings,
// export, evaluation and plan read them there instead of keeping tables of names. A descriptor says nothing in a
// language: the report carries the scheme's name (its id) and `params`, and the UI, the CLI and the PDF name them
// in the reader's language (issue #14 §2).
// `defineScheme` keeps each module typed on its own parsed data while callers see `unknown`, as HashScheme says.
import type { HashSchemeName } from '../../../contract/codes.ts';
import type { WeakParameters } from '../../../contract/report.ts';
import type { CryptKind, KernelAlgorithm } from '../kernels/kernel.ts';
import type { CreateOptions, HashScheme, StorageClass, StorageKind } from '../scheme.ts';

/**
 * Where a scheme's values are found. `tags`: the userPassword `{TAG}`s (upper case) whose body it may read — a tag
 * several schemes share ({CRYPT}, {ARGON2}) tries them in registry order; `attribute`: a Samba attribute's whole
 * value; `untagged`: a userPassword without a tag (cleartext).
 */
export type Recognise =
  | { readonly tags: readonly string[] }
  | { readonly attribute: 'sambantpassword' | 'sambalmpassword' }
  | { readonly untagged: true };

/**
 * How the batch kernels check the scheme. `unsalted`: the kernels hash every candidate once with `algorithm` and
 * look the digests up for every account. `salted`: `algorithm` over candidate ‖ salt, compared with one stored
 * digest (SSHA & co). `crypt`: the kernels' own crypt (md5crypt, sha-crypt).
 */
export type KernelSpec<P> =
  | { readonly kind: 'unsalted'; readonly algorithm: KernelAlgorithm }
  | { readonly kind: 'salted'; readonly algorithm: KernelAlgorithm; bind(parsed: P): SaltedDigest }
  | { readonly kind: 'crypt'; readonly crypt: CryptKind; bind(parsed: P): CryptSetting };

export interface SaltedDigest {
  digest: Uint8Array;
  salt: Uint8Array;
}

export interface CryptSetting {
  salt: string;
  rounds: number;
  /** The characters after the salt. */
  hash: string;
}

/** The kernel binding of a descriptor, parsed data opaque as everywhere outside the scheme's module. */
export type KernelBinding =
  | { readonly kind: 'unsalted'; readonly algorithm: KernelAlgorithm }
  | { readonly kind: 'salted'; readonly algorithm: KernelAlgorithm; bind(parsed: unknown): SaltedDigest }
  | { readonly kind: 'crypt'; readonly crypt: CryptKind; bind(parsed: unknown): CryptSetting };

/** How `vigie export hashcat` hands the scheme over: hashcat's `-m` mode and line, John the Ripper's `--format`. */
export interface ExportSpec<P> {
  /** hashcat's mode number, as `hashcat -m N --example-hashes` shows it. */
  readonly mode: number;
  /** hashcat's own name for the mode, for the README. */
  readonly name: string;
  /** Extra hashcat options the mode needs (salts given in hex). */
  readonly extraArgs?: readonly string[];
  /** John the Ripper (jumbo) `--format` name; null when John takes no line of this shape. */
  readonly john: string | null;
  /**
   * The hash as hashcat reads it for the mode (and writes it to its potfile), from the stored body (after the
   * `{TAG}`; Samba attributes: the whole value) and its parsed data.
   */
  line(body: string, parsed: P): string | null;
}

export interface HashcatExport {
  readonly mode: number;
  readonly name: string;
  readonly extraArgs: readonly string[];
  readonly johnFormat: string | null;
  line(body: string, parsed: unknown): string | null;
}

/** The full descriptor: `HashScheme` (what checking and creating need) and everything the rest of Vigie reads. */
export interface ReadableScheme extends HashScheme {
  /** Unique among descriptors. Two servers' forms of one function share a `name` (the report's), not an id. */
  readonly id: string;
  readonly recognise: Recognise;
  /** Legacy storage as issue #2 defines it (see StoredHash.legacy). */
  readonly legacy: boolean;
  /** How issue #12 counts recall: fast unsalted, fast salted or slow (adaptive). */
  readonly storageClass: StorageClass;
  /**
   * Position in the weakest-first order (lower: weaker): an account's reported `hashScheme` is its value with the
   * lowest. UNKNOWN sits at UNKNOWN_WEAKNESS: below it, storage broken whatever the password.
   */
  readonly weakness: number;
  /** Fast enough that the audit tries every candidate of the depth: a planted weak password must be found. */
  readonly exhaustive: boolean;
  /**
   * Unsalted schemes: which value personal candidates are checked against first (lower first: exact values
   * before LM, which folds case and cuts at 14 characters).
   */
  readonly lookupOrder: number;
  /** The stored value forgets the case of the password (LM): a match names the password in some capitals only. */
  readonly caseFolded: boolean;
  /** How the breach corpus checks the unsalted key directly; null: only a recovered password is checked. */
  readonly breachLookup: BreachLookup | null;
  readonly kernel: KernelBinding | null;
  readonly hashcat: HashcatExport | null;
  /**
   * The scheme's data from the stored text after its `{TAG}` (NT/LM: the whole value), one character per stored
   * byte (latin1); null when malformed.
   */
  read(text: string): unknown;
  /** The parameters that matter (cost, rounds, memory, a salt's length), as numbers: never a salt or a digest. */
  params(parsed: unknown): Record<string, number | string>;
  /** Below today's minimums: which parameters, their values and the minimum (the catalogues say it). */
  weakParameters(parsed: unknown): WeakParameters | null;
  unsaltedKey(parsed: unknown): string | null;
}

/** See ReadableScheme.weakness. */
export const UNKNOWN_WEAKNESS = 15;

/**
 * Unsalted values the breach corpus checks as they are, no cracking: `sha1` and `ntlm` are the digests Have I Been
 * Pwned lists ({SHA}, sambaNTPassword), `password` a cleartext value.
 */
export type BreachLookup = 'sha1' | 'ntlm' | 'password';

export interface SchemeSpec<P> {
  name: HashSchemeName;
  /** Defaults to `name`. */
  id?: string;
  recognise: Recognise;
  storage: StorageKind;
  legacy: boolean;
  unsalted: boolean;
  weakness: number;
  exhaustive?: boolean;
  lookupOrder?: number;
  caseFolded?: boolean;
  breachLookup?: BreachLookup;
  kernel?: KernelSpec<P>;
  hashcat?: ExportSpec<P>;
  read(text: string): P | null;
  params(parsed: P): Record<string, number | string>;
  weakParameters?(parsed: P): WeakParameters | null;
  unsaltedKey?(parsed: P): string;
  cost(parsed: P): number;
  memoryBytes?(parsed: P): number;
  verify(parsed: P, candidate: string): boolean | Promise<boolean>;
  digestHex?(candidate: string): string;
  create(password: string, options?: CreateOptions): string | Promise<string>;
}

function storageClassOf(storage: StorageKind, unsalted: boolean): StorageClass {
  if (storage === 'adaptive') return 'slow';
  return unsalted ? 'fast-unsalted' : 'fast-salted';
}

function kernelBinding<P>(spec: KernelSpec<P> | undefined): KernelBinding | null {
  if (!spec) return null;
  switch (spec.kind) {
    case 'unsalted':
      return { kind: 'unsalted', algorithm: spec.algorithm };
    case 'salted':
      return { kind: 'salted', algorithm: spec.algorithm, bind: (parsed) => spec.bind(parsed as P) };
    case 'crypt':
      return { kind: 'crypt', crypt: spec.crypt, bind: (parsed) => spec.bind(parsed as P) };
  }
}

function hashcatExport<P>(spec: ExportSpec<P> | undefined): HashcatExport | null {
  if (!spec) return null;
  return {
    mode: spec.mode, name: spec.name, extraArgs: spec.extraArgs ?? [], johnFormat: spec.john,
    line: (body, parsed) => spec.line(body, parsed as P),
  };
}

/**
 * The one place parsed data goes from `unknown` back to the scheme's own type: a StoredHash's `parsed` always
 * comes from its own descriptor's `read`.
 */
export function defineScheme<P>(spec: SchemeSpec<P>): ReadableScheme {
  const scheme: ReadableScheme = {
    id: spec.id ?? spec.name,
    name: spec.name,
    recognise: spec.recognise,
    storage: spec.storage,
    legacy: spec.legacy,
    unsalted: spec.unsalted,
    storageClass: storageClassOf(spec.storage, spec.unsalted),
    weakness: spec.weakness,
    exhaustive: spec.exhaustive ?? false,
    lookupOrder: spec.lookupOrder ?? Infinity,
    caseFolded: spec.caseFolded ?? false,
    breachLookup: spec.breachLookup ?? null,
    kernel: kernelBinding(spec.kernel),
    hashcat: hashcatExport(spec.hashcat),
    read: (text) => spec.read(text),
    params: (parsed) => spec.params(parsed as P),
    weakParameters: (parsed) => spec.weakParameters?.(parsed as P) ?? null,
    unsaltedKey: (parsed) => spec.unsaltedKey?.(parsed as P) ?? null,
    cost: (parsed) => spec.cost(parsed as P),
    verify: (parsed, candidate) => spec.verify(parsed as P, candidate),
    create: (password, options) => spec.create(password, options),
  };
  if (spec.digestHex) scheme.digestHex = spec.digestHex;
  const { memoryBytes } = spec;
  if (memoryBytes) scheme.memoryBytes = (parsed) => memoryBytes(parsed as P);
  return scheme;
}
