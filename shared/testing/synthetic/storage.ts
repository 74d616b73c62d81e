// How each invented account stores its password: which schemes, in which attributes, with which
// parameters. Each flavour gets the mix its real directories have (school-directories.md).
import { HASH_SCHEMES, type Flavour, type HashSchemeName } from '../../contract/codes.ts';
import type { PasswordAttribute } from '../../engine/directory/model.ts';
import type { CreateOptions } from '../../engine/hash/scheme.ts';
import type { SeededRandom } from './random.ts';
import type { SchemeWeights } from './types.ts';

export interface StorageChoice {
  scheme: HashSchemeName;
  attribute: PasswordAttribute;
  options?: CreateOptions;
  /** Deliberately below today's minimums (WEAK_HASH_PARAMETERS expected). */
  weakParameters: boolean;
}

// Slow schemes get cheap parameters (fast to generate, and flagged) or strong ones (never flagged); strong
// values are the cheapest that meet the minimums the hash module enforces (OWASP 2023).
const ARGON2_PARAMETERS = {
  weak: (): CreateOptions => ({ memoryKiB: 1024, timeCost: 1, parallelism: 1 }),
  strong: { memoryKiB: 7168, timeCost: 5, parallelism: 1 },
};
const ADAPTIVE_PARAMETERS: Partial<Record<HashSchemeName, { weak: (rng: SeededRandom) => CreateOptions; strong: CreateOptions }>> = {
  BCRYPT: { weak: (rng) => ({ cost: rng.int(4, 6) }), strong: { cost: 10 } },
  SHA256CRYPT: { weak: () => ({ rounds: 1000 }), strong: { rounds: 5000 } },
  SHA512CRYPT: { weak: () => ({ rounds: 1000 }), strong: { rounds: 5000 } },
  YESCRYPT: { weak: () => ({ log2N: 7, blockSize: 8 }), strong: { log2N: 12, blockSize: 32 } },
  SCRYPT: { weak: () => ({ log2N: 10, blockSize: 8, parallelism: 1 }), strong: { log2N: 17, blockSize: 8, parallelism: 1 } },
  PBKDF2_SHA1: { weak: (rng) => ({ rounds: rng.int(1000, 10000) }), strong: { rounds: 1_300_000 } },
  PBKDF2_SHA256: { weak: (rng) => ({ rounds: rng.int(1000, 10000) }), strong: { rounds: 600_000 } },
  PBKDF2_SHA512: { weak: (rng) => ({ rounds: rng.int(1000, 10000) }), strong: { rounds: 210_000 } },
  ARGON2I: ARGON2_PARAMETERS,
  ARGON2D: ARGON2_PARAMETERS,
  ARGON2ID: ARGON2_PARAMETERS,
};

export function isAdaptive(scheme: HashSchemeName): boolean {
  return scheme in ADAPTIVE_PARAMETERS;
}

const FLAVOUR_USERPASSWORD_MIX: Record<Exclude<Flavour, 'inetorgperson'>, Partial<Record<HashSchemeName, number>>> = {
  // slappasswd -h {MD5}, as SE3's scripts do.
  se3: { MD5: 1 },
  // ESCO's slapd hashes with {SSHA}; older imports and manual fixes leave a few others.
  sdet: { SSHA: 87, SHA: 5, MD5: 3, SMD5: 2, SHA512CRYPT: 1, CLEARTEXT: 2 },
  // Scribe's scheme is unconfirmed: a plausible mix, mostly {SSHA}.
  scribe: { SSHA: 70, SHA512CRYPT: 15, MD5: 15 },
  samba3: { MD5CRYPT: 40, CRYPT_DES: 20, SSHA: 40 },
};

/** Samba attributes the flavour writes next to userPassword. */
const FLAVOUR_SAMBA: Record<Flavour, readonly ('NT' | 'LM')[]> = {
  se3: ['NT', 'LM'],
  samba3: ['NT', 'LM'],
  scribe: ['NT'],
  sdet: [],
  inetorgperson: [],
};

const UNSALTED: ReadonlySet<HashSchemeName> = new Set(['CLEARTEXT', 'MD5', 'SHA', 'SHA256', 'SHA384', 'SHA512', 'NT', 'LM', 'UNKNOWN']);
const SALTED: ReadonlySet<HashSchemeName> = new Set(HASH_SCHEMES.filter((s) => !UNSALTED.has(s)));
/** Salt lengths as each scheme's usual writer draws them (the hash module's defaults). */
const SALT_BYTES: Partial<Record<HashSchemeName, number>> = { CRYPT_DES: 2, MD5CRYPT: 8, SMD5: 8, SSHA: 8, SSHA256: 8, SSHA384: 8, SSHA512: 8 };

function weightsOf(schemes: SchemeWeights): [HashSchemeName, number][] {
  if (Array.isArray(schemes)) return (schemes as readonly HashSchemeName[]).map((s) => [s, 1]);
  return Object.entries(schemes).filter(([, w]) => (w ?? 0) > 0) as [HashSchemeName, number][];
}

export function validateSchemes(schemes: SchemeWeights): void {
  const weights = weightsOf(schemes);
  if (weights.length === 0) throw new RangeError('schemes: give at least one scheme with a positive weight');
  for (const [name, w] of weights) {
    if (!(HASH_SCHEMES as readonly string[]).includes(name)) throw new RangeError(`schemes: unknown scheme "${name}"`);
    if (!Number.isFinite(w)) throw new RangeError(`schemes: weight of ${name} must be a finite number`);
  }
}

/** Chooses each account's storage. Stateful: the generic mix cycles so every scheme appears even in small schools. */
export class StoragePlanner {
  private readonly cycle: HashSchemeName[];
  private readonly weights: [HashSchemeName, number][] | null;
  private readonly seen = new Map<HashSchemeName, number>();
  private next = 0;

  /** `saltRng`: salts drawn from the seed (reproducible files); absent, the hash module draws random ones. */
  constructor(private readonly rng: SeededRandom, private readonly flavour: Flavour, schemes: SchemeWeights | undefined,
    private readonly saltRng?: SeededRandom) {
    this.weights = schemes ? weightsOf(schemes) : null;
    // UNKNOWN takes one slot per cycle: a few values Vigie cannot read (e.g. {KERBEROS}).
    this.cycle = rng.shuffle(HASH_SCHEMES);
  }

  /** The scheme of the account's main value: userPassword, or a Samba attribute when NT/LM is chosen. */
  private primary(): HashSchemeName {
    if (this.weights) return this.rng.weighted(this.weights);
    if (this.flavour === 'inetorgperson') {
      // Cycling rather than drawing: every scheme appears as soon as the school has enough accounts.
      const scheme = this.cycle[this.next % this.cycle.length] as HashSchemeName;
      this.next++;
      return scheme;
    }
    return this.rng.weighted(Object.entries(FLAVOUR_USERPASSWORD_MIX[this.flavour]) as [HashSchemeName, number][]);
  }

  plan(): StorageChoice[] {
    return this.choices().map((c) => this.salted(c));
  }

  /** One value chosen by the caller (an imposed school's migration), salted from the seed as `plan()` salts. */
  planOne(choice: StorageChoice): StorageChoice[] {
    return [this.salted(choice)];
  }

  private salted(c: StorageChoice): StorageChoice {
    return this.saltRng && SALTED.has(c.scheme) ? { ...c, options: { ...c.options, salt: this.salt(c.scheme) } } : c;
  }

  private salt(scheme: HashSchemeName): Uint8Array {
    const length = SALT_BYTES[scheme] ?? 16;
    const rng = this.saltRng as SeededRandom;
    return Uint8Array.from({ length }, () => rng.int(0, 255));
  }

  private choices(): StorageChoice[] {
    const scheme = this.primary();
    const out: StorageChoice[] = [];
    if (scheme === 'NT' || scheme === 'LM') {
      // Samba-only account: LM never comes alone, Samba always writes NT beside it.
      out.push({ scheme: 'NT', attribute: 'sambantpassword', weakParameters: false });
      if (scheme === 'LM') out.push({ scheme: 'LM', attribute: 'sambalmpassword', weakParameters: false });
      return out;
    }
    out.push(this.withParameters(scheme));
    for (const samba of FLAVOUR_SAMBA[this.flavour]) {
      out.push(samba === 'NT'
        ? { scheme: 'NT', attribute: 'sambantpassword', weakParameters: false }
        : { scheme: 'LM', attribute: 'sambalmpassword', weakParameters: false });
    }
    return out;
  }

  private withParameters(scheme: HashSchemeName): StorageChoice {
    const params = ADAPTIVE_PARAMETERS[scheme];
    if (!params) return { scheme, attribute: 'userpassword', weakParameters: false };
    const count = (this.seen.get(scheme) ?? 0) + 1;
    this.seen.set(scheme, count);
    // The 2nd value of each slow scheme is strong, then one in 500: both kinds appear even in small schools,
    // and large ones stay quick to generate (strong parameters cost up to a second each).
    const strong = count === 2 || count % 500 === 0;
    return strong
      ? { scheme, attribute: 'userpassword', options: params.strong, weakParameters: false }
      : { scheme, attribute: 'userpassword', options: params.weak(this.rng), weakParameters: true };
  }
}
