// The Samba attributes (sambaNTPassword, sambaLMPassword) hold an unsalted digest as 32 hex digits in any case:
// one shape of scheme, whatever the digest.
import type { HashSchemeName } from '../../../contract/codes.ts';
import type { KernelAlgorithm } from '../kernels/kernel.ts';
import { defineScheme, type ExportSpec } from './readable-scheme.ts';

const HEX32 = /^[0-9a-fA-F]{32}$/;

export function sambaHexScheme(o: {
  name: HashSchemeName;
  attribute: 'sambantpassword' | 'sambalmpassword';
  /** See ReadableScheme.weakness and lookupOrder. */
  weakness: number;
  lookupOrder: number;
  /** LM: the stored value forgets the case of the password. */
  caseFolded?: boolean;
  /** NT: the NTLM digest Have I Been Pwned lists. */
  breachLookup?: 'ntlm';
  kernel: KernelAlgorithm;
  hashcat: Omit<ExportSpec<unknown>, 'line'>;
  /** Relative cost of one digest, MD5 digestHex = 1 (measured). */
  cost: number;
  /** The digest of a candidate as lower-case hex. */
  digestHex: (candidate: string) => string;
  /** The stored value for a password (upper-case hex, as Samba writes it). */
  create: (password: string) => string;
}) {
  return defineScheme<{ key: string }>({
    name: o.name,
    recognise: { attribute: o.attribute },
    storage: 'fast',
    legacy: true,
    unsalted: true,
    weakness: o.weakness,
    exhaustive: true,
    lookupOrder: o.lookupOrder,
    caseFolded: o.caseFolded ?? false,
    ...(o.breachLookup ? { breachLookup: o.breachLookup } : {}),
    kernel: { kind: 'unsalted', algorithm: o.kernel },
    // hashcat takes the hex in lower case.
    hashcat: { ...o.hashcat, line: (body) => body.toLowerCase() },
    read: (text) => (HEX32.test(text) ? { key: text.toLowerCase() } : null),
    params: () => ({}),
    unsaltedKey: (p) => p.key,
    cost: () => o.cost,
    verify: (p, candidate) => o.digestHex(candidate) === p.key,
    digestHex: o.digestHex,
    create: o.create,
  });
}
