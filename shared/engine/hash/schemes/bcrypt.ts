// {CRYPT}$2a$ / $2b$ / $2y$: bcrypt through bcryptjs (pure JavaScript, same in Node and Electron).
import { randomBytes } from 'node:crypto';
import { encodeBase64, hashSync } from 'bcryptjs';
import { defineScheme } from './readable-scheme.ts';

interface BcryptParsed {
  variant: 'a' | 'b' | 'y';
  cost: number;
  /** "$2b$10$" + the 22 salt characters: the setting bcryptjs hashes with. */
  setting: string;
  hash: string;
}

const SHAPE = /^\$2([aby])\$([0-9]{2})\$([./A-Za-z0-9]{22})([./A-Za-z0-9]{31})$/;
/** OWASP's Password Storage Cheat Sheet: a work factor of 10 or more. */
const MIN_COST = 10;
const DEFAULT_COST = 10;
/**
 * Measured on the 2-core box (CPU time, one thread), one unit ≈ 1 µs: bcryptjs takes 1.3 ms at cost 4, 2.6 ms at 5,
 * 4.8 ms at 6 and 74 ms at 10, ≈ 73 µs per 2^cost plus ≈ 0.1 ms.
 */
const COST_PER_ROUND = 73;
const FIXED_COST = 100;

export const bcrypt = defineScheme<BcryptParsed>({
  name: 'BCRYPT',
  recognise: { tags: ['CRYPT'] },
  storage: 'adaptive',
  legacy: false,
  unsalted: false,
  weakness: 21,
  hashcat: { mode: 3200, name: 'bcrypt', john: 'bcrypt', line: (body) => body },
  read(text) {
    const match = SHAPE.exec(text);
    if (!match) return null;
    const cost = Number(match[2]);
    if (cost < 4 || cost > 31) return null;
    const variant = match[1] as BcryptParsed['variant'];
    return { variant, cost, setting: `$2${variant}$${match[2]}$${match[3]}`, hash: match[4]! };
  },
  params: (p) => ({ cost: p.cost, salt: 16 }),
  weakParameters: (p) => (p.cost < MIN_COST ? { label: 'bcrypt', kind: 'cost', values: { cost: p.cost }, minimum: { cost: MIN_COST } } : null),
  cost: (p) => COST_PER_ROUND * 2 ** p.cost + FIXED_COST,
  // Only the hash part is compared: bcryptjs re-encodes the salt, which may differ in its unused last bits.
  verify: (p, candidate) => hashSync(candidate, p.setting).slice(-31) === p.hash,
  create(password, options) {
    const cost = options?.cost ?? DEFAULT_COST;
    if (!Number.isInteger(cost) || cost < 4 || cost > 31) throw new RangeError('bcrypt cost must be an integer from 4 to 31.');
    const salt = encodeBase64(options?.salt ?? randomBytes(16), 16);
    return `{CRYPT}${hashSync(password, `$2b$${String(cost).padStart(2, '0')}$${salt}`)}`;
  },
});
