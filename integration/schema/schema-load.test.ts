// The test schemas load into a real slapd's cn=config, and every flavour of synthetic school loads on top
// (slapadd checks object classes, attribute names and syntaxes); then slapd itself accepts the planted
// passwords, which proves the stored values are exactly what a directory holds.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Client } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLAVOURS, type HashSchemeName } from '../../shared/contract/codes.ts';
import { generateSchool, writeSchoolLdif, type SyntheticSchool } from '../../shared/testing/synthetic/index.ts';
import { startSlapd, type SlapdServer } from '../harness/slapd.ts';

const run = promisify(execFile);
const SCHEMA_DIR = path.dirname(fileURLToPath(import.meta.url));

async function schemaFiles(): Promise<string[]> {
  return (await readdir(SCHEMA_DIR)).filter((f) => f.endsWith('.ldif')).sort().map((f) => path.join(SCHEMA_DIR, f));
}

function configLdif(dir: string, suffix: string, schemas: string[]): string {
  return [
    `dn: cn=config\nobjectClass: olcGlobal\ncn: config\nolcPidFile: ${dir}/slapd.pid\nolcArgsFile: ${dir}/slapd.args`,
    'dn: cn=module{0},cn=config\nobjectClass: olcModuleList\ncn: module{0}\nolcModulePath: /usr/lib/ldap\nolcModuleLoad: back_mdb',
    'dn: cn=schema,cn=config\nobjectClass: olcSchemaConfig\ncn: schema',
    [...['core', 'cosine', 'nis', 'inetorgperson'].map((s) => `/etc/ldap/schema/${s}.ldif`), ...schemas].map((f) => `include: file://${f}`).join('\n'),
    `dn: olcDatabase={1}mdb,cn=config\nobjectClass: olcDatabaseConfig\nobjectClass: olcMdbConfig\nolcDatabase: {1}mdb\nolcSuffix: ${suffix}\nolcDbDirectory: ${dir}/data\nolcDbMaxSize: 1073741824\nolcDbNoSync: TRUE`,
  ].join('\n\n') + '\n';
}

let work: string;
beforeAll(async () => { work = await mkdtemp(path.join(tmpdir(), 'vigie-schema-')); });
afterAll(async () => { await rm(work, { recursive: true, force: true }); });

async function loadWithSlapadd(school: SyntheticSchool, name: string): Promise<number> {
  const dir = path.join(work, name);
  await mkdir(path.join(dir, 'slapd.d'), { recursive: true });
  await mkdir(path.join(dir, 'data'));
  await writeFile(path.join(dir, 'config.ldif'), configLdif(dir, school.baseDn, await schemaFiles()));
  await run('/usr/sbin/slapadd', ['-n0', '-F', path.join(dir, 'slapd.d'), '-l', path.join(dir, 'config.ldif')]);
  const ldif = path.join(dir, 'school.ldif');
  await writeSchoolLdif(school, ldif);
  // Without -q slapadd checks the schema of every entry; -q only skips consistency checks of the database.
  await run('/usr/sbin/slapadd', ['-b', school.baseDn, '-F', path.join(dir, 'slapd.d'), '-l', ldif]);
  const { stdout } = await run('/usr/sbin/slapcat', ['-b', school.baseDn, '-F', path.join(dir, 'slapd.d')], { maxBuffer: 64 << 20 });
  return stdout.split('\n').filter((l) => l.startsWith('dn:')).length;
}

describe.each(FLAVOURS)('a synthetic %s school', (flavour) => {
  it('loads with slapadd into a cn=config holding the test schemas', async () => {
    const school = await generateSchool({ seed: 99, accounts: 200, flavour });
    const loaded = await loadWithSlapadd(school, flavour);
    expect(loaded).toBe([...school.entries()].length);
    expect(loaded).toBeGreaterThan(school.truth.length);
  });

  it('loads with Samba-only accounts too (NT/LM without userPassword)', async () => {
    const school = await generateSchool({ seed: 98, accounts: 60, flavour, schemes: { NT: 1, LM: 1, SSHA: 1 } });
    expect(school.truth.some((t) => t.schemes.length > 0 && !t.schemes.includes('SSHA'))).toBe(true);
    expect(await loadWithSlapadd(school, `${flavour}-samba`)).toBe([...school.entries()].length);
  });
});

/** userPassword schemes slapd 2.5 verifies with the modules the harness loads (openldap-test-server.md). */
const SLAPD_VERIFIES: ReadonlySet<HashSchemeName> = new Set([
  'CLEARTEXT', 'MD5', 'SMD5', 'SHA', 'SSHA', 'SHA256', 'SSHA256', 'SHA512', 'SSHA512', 'CRYPT_DES', 'MD5CRYPT',
  'SHA256CRYPT', 'SHA512CRYPT', 'BCRYPT', 'YESCRYPT', 'SCRYPT', 'PBKDF2_SHA1', 'PBKDF2_SHA256', 'PBKDF2_SHA512',
  'ARGON2I', 'ARGON2D', 'ARGON2ID',
]);

async function binds(url: string, dn: string, password: string): Promise<boolean> {
  const client = new Client({ url, timeout: 10_000, connectTimeout: 5_000 });
  try {
    await client.bind(dn, password);
    return true;
  } catch {
    return false;
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

describe.each(['inetorgperson', 'se3'] as const)('slapd and a synthetic %s school', (flavour) => {
  let school: SyntheticSchool;
  let server: SlapdServer;
  beforeAll(async () => {
    school = await generateSchool({ seed: 5, accounts: 120, flavour });
    const ldif = path.join(work, `bind-${flavour}.ldif`);
    await writeSchoolLdif(school, ldif);
    server = await startSlapd({ suffix: school.baseDn, rootDn: `cn=root,${school.baseDn}`, baseEntry: false, ldifFiles: [ldif], schemaFiles: await schemaFiles() });
  });
  afterAll(async () => { await server?.stop(); });

  it('lets every planted account bind with its password, and refuses a wrong one', async () => {
    const tested = new Set<HashSchemeName>();
    for (const t of school.truth) {
      const userPassword = t.schemes.find((s) => s !== 'NT' && s !== 'LM');
      // An empty password is an unauthenticated bind in LDAP: it proves nothing.
      if (!t.planted || t.planted.password === '' || !userPassword || !SLAPD_VERIFIES.has(userPassword)) continue;
      expect(await binds(server.url, t.dn, t.planted.password), `${userPassword} ${t.planted.description}`).toBe(true);
      expect(await binds(server.url, t.dn, `#${t.planted.password}`)).toBe(false);
      tested.add(userPassword);
    }
    if (flavour === 'se3') expect([...tested]).toEqual(['MD5']);
    else expect(tested.size).toBe(SLAPD_VERIFIES.size);
  });
});
