// Stable pseudonyms for exports shared outside the school: HMAC-SHA256 of the value with a key made once per
// install (`<dataDir>/pseudonym.key`), so the same person gets the same pseudonym in every export from this
// computer, and nobody without the key can go back from a pseudonym to the name.
import { createHmac, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { VigieError } from '../engine/errors.ts';
import { writeFileAtomically } from './atomic-file.ts';

const KEY_BYTES = 32;

export class Pseudonymiser {
  private constructor(private readonly key: Buffer) {}

  /** Loads the install's key, or makes it the first time. */
  static async forDataDir(dataDir: string): Promise<Pseudonymiser> {
    const file = path.join(dataDir, 'pseudonym.key');
    try {
      const key = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
      if (key.length === KEY_BYTES) return new Pseudonymiser(key);
      throw new VigieError(`${file} is damaged`, 'delete it: Vigie makes a new one (pseudonyms will change)', { code: 'DAMAGED_FILE', params: { file } });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    const key = randomBytes(KEY_BYTES);
    await writeFileAtomically(file, key.toString('base64') + '\n');
    return new Pseudonymiser(key);
  }

  /** `kind` keeps a login and a DN that happen to be equal from sharing a pseudonym. */
  pseudonym(kind: 'dn' | 'login', value: string): string {
    const digest = createHmac('sha256', this.key).update(`${kind}\0${value}`).digest('hex').slice(0, 16);
    return `${kind === 'dn' ? 'compte' : 'id'}-${digest}`;
  }
}
