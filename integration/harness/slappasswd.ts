// Password values for test data, made by slapd's own slappasswd so slapd can verify them.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './run.ts';

const MODULE_OF_SCHEME: Record<string, string> = {
  '{SHA256}': 'pw-sha2', '{SSHA256}': 'pw-sha2', '{SHA384}': 'pw-sha2', '{SSHA384}': 'pw-sha2',
  '{SHA512}': 'pw-sha2', '{SSHA512}': 'pw-sha2',
  '{ARGON2}': 'argon2',
  '{PBKDF2-SHA1}': 'pw-pbkdf2', '{PBKDF2-SHA256}': 'pw-pbkdf2', '{PBKDF2-SHA512}': 'pw-pbkdf2',
};

/** e.g. slappasswd('secret', '{SSHA}') → '{SSHA}…'. The password goes through a file, never argv. */
export async function slappasswd(password: string, scheme = '{SSHA}'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'vigie-pw-'));
  try {
    const file = join(dir, 'pw');
    await writeFile(file, password, { mode: 0o600 });
    const args = ['-h', scheme, '-T', file];
    const module = MODULE_OF_SCHEME[scheme.toUpperCase()];
    if (module) args.unshift('-o', 'module-path=/usr/lib/ldap', '-o', `module-load=${module}`);
    return (await run('slappasswd', args)).trim();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
