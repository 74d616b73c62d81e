// Samba hash attributes arrive as bytes, and the 'hidden' ACL hides them too. The schema here is a
// minimal stand-in under a private test arc, written by the test; the real test schemas live in integration/schema/.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLdap } from '../../shared/engine/directory/ldap/read-ldap.ts';
import type { DirectoryEntry } from '../../shared/engine/directory/model.ts';
import { startSlapd, type SlapdServer } from '../harness/slapd.ts';

const SCHEMA = `dn: cn=vigie-test-samba,cn=schema,cn=config
objectClass: olcSchemaConfig
cn: vigie-test-samba
olcAttributeTypes: ( 1.3.6.1.4.1.99999.7.1.1 NAME 'sambaNTPassword' EQUALITY caseIgnoreIA5Match SYNTAX 1.3.6.1.4.1.1466.115.121.1.26{32} SINGLE-VALUE )
olcAttributeTypes: ( 1.3.6.1.4.1.99999.7.1.2 NAME 'sambaLMPassword' EQUALITY caseIgnoreIA5Match SYNTAX 1.3.6.1.4.1.1466.115.121.1.26{32} SINGLE-VALUE )
olcObjectClasses: ( 1.3.6.1.4.1.99999.7.2.1 NAME 'vigieTestSambaAccount' AUXILIARY MAY ( sambaNTPassword $ sambaLMPassword ) )
`;
// Synthetic hex values (not the hashes of any password a person uses).
const NT = '0123456789ABCDEF0123456789ABCDEF';
const LM = 'FEDCBA9876543210FEDCBA9876543210';
const SUFFIX = 'dc=vigie,dc=test';
const DN = `uid=samba1,${SUFFIX}`;

let dir: string;
let server: SlapdServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vigie-schema-'));
  const schemaFile = join(dir, 'samba-test.ldif');
  await writeFile(schemaFile, SCHEMA);
  server = await startSlapd({
    schemaFiles: [schemaFile],
    acl: 'hidden',
    ldif: [`dn: ${DN}`, 'objectClass: inetOrgPerson', 'objectClass: vigieTestSambaAccount', 'uid: samba1', 'cn: Samba Un', 'sn: Un',
      `sambaNTPassword: ${NT}`, `sambaLMPassword: ${LM}`, ''].join('\n'),
  });
});

afterAll(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function read(options: Parameters<typeof readLdap>[0]): Promise<DirectoryEntry | undefined> {
  for await (const entry of readLdap(options, SUFFIX)) if (entry.dn === DN) return entry;
  return undefined;
}

describe('samba hash attributes', () => {
  it('arrive as bytes under lower-cased names', async () => {
    const entry = await read({ url: server.url, bindDn: server.rootDn, password: server.rootPw });
    expect(new TextDecoder().decode(entry?.bytes.get('sambantpassword')?.[0])).toBe(NT);
    expect(new TextDecoder().decode(entry?.bytes.get('sambalmpassword')?.[0])).toBe(LM);
    expect(entry?.attrs.has('sambantpassword')).toBe(false);
  });

  it('are hidden from anonymous readers by the hidden ACL', async () => {
    const entry = await read({ url: server.url });
    expect(entry?.attrs.get('uid')).toEqual(['samba1']);
    expect(entry?.bytes.size).toBe(0);
  });
});
