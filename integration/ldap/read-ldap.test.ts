// The live LDAP reader against a real slapd: transports, paging, password bytes, ACLs.
import argon2 from 'argon2';
import { Client, SearchEntry } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ldaptsPages, pageSourceFor, type PagedSearchRequest } from '../../shared/engine/directory/ldap/paged-search.ts';
import { connectDirectory, readLdap, type LdapSourceOptions } from '../../shared/engine/directory/ldap/read-ldap.ts';
import type { DirectoryEntry } from '../../shared/engine/directory/model.ts';
import { run } from '../harness/run.ts';
import { slappasswd } from '../harness/slappasswd.ts';
import { startSlapd, type SlapdServer } from '../harness/slapd.ts';
import { peopleLdif, person } from './people.ts';

const SUFFIX = 'dc=lycee-test,dc=vigie';
const PEOPLE = 2_500;
// Synthetic test passwords, never real ones.
const SSHA_PASSWORD = 'Capucine2009';
const ARGON2_PASSWORD = 'Hector-1998';

let server: SlapdServer;
let sshaValue: string;
const decoder = new TextDecoder();

beforeAll(async () => {
  sshaValue = await slappasswd(SSHA_PASSWORD, '{SSHA}');
  const extras = [
    `dn: uid=photo,ou=people,${SUFFIX}`,
    'objectClass: inetOrgPerson',
    'uid: photo',
    'cn: Photo Test',
    'sn: Test',
    // Not UTF-8: the reader leaves it out rather than hand over garbage text.
    'jpegPhoto:: /9j/4AAQSkZJRgABAQ==',
    'description;lang-fr: avec option',
    '',
  ].join('\n');
  server = await startSlapd({
    suffix: SUFFIX,
    tls: true,
    acl: 'hidden',
    passwordHash: '{ARGON2}',
    ldif: `${peopleLdif(SUFFIX, PEOPLE, new Map([[0, sshaValue], [1, sshaValue]]))}\n${extras}`,
  });
});

afterAll(async () => {
  await server?.stop();
});

function asRoot(extra: Partial<LdapSourceOptions> = {}): LdapSourceOptions {
  return { url: server.url, bindDn: server.rootDn, password: server.rootPw, ...extra };
}

async function collect(options: LdapSourceOptions, baseDn = SUFFIX): Promise<DirectoryEntry[]> {
  const entries: DirectoryEntry[] = [];
  for await (const entry of readLdap(options, baseDn)) entries.push(entry);
  return entries;
}

function byDn(entries: DirectoryEntry[], dn: string): DirectoryEntry {
  const found = entries.find((entry) => entry.dn.toLowerCase() === dn.toLowerCase());
  if (!found) throw new Error(`no entry ${dn}`);
  return found;
}

describe('reading over ldap://', () => {
  it('reads every entry across pages, with lower-cased attributes and text values', async () => {
    const entries = await collect(asRoot({ pageSize: 1000 }));
    // base + ou=people + people + the photo entry
    expect(entries).toHaveLength(PEOPLE + 3);
    expect(new Set(entries.map((entry) => entry.dn)).size).toBe(PEOPLE + 3);

    const someone = person(1234, SUFFIX);
    const entry = byDn(entries, someone.dn);
    expect(entry.attrs.get('uid')).toEqual([someone.uid]);
    expect(entry.attrs.get('givenname')).toEqual([someone.givenName]);
    expect(entry.attrs.get('sn')).toEqual([someone.sn]);
    expect(entry.attrs.get('objectclass')).toContain('inetOrgPerson');
    expect([...entry.attrs.keys()].every((name) => /^[a-z][a-z0-9-]*$/.test(name))).toBe(true);
    expect([...entry.attrs.values()].every((values) => values.length > 0)).toBe(true);
  });

  it('hands password attributes over as bytes, and nothing else', async () => {
    const entries = await collect(asRoot());
    const first = byDn(entries, person(0, SUFFIX).dn);
    const values = first.bytes.get('userpassword');
    expect(values).toHaveLength(1);
    expect(values?.[0]).toBeInstanceOf(Uint8Array);
    expect(decoder.decode(values?.[0])).toBe(sshaValue);
    expect(first.attrs.has('userpassword')).toBe(false);
    expect(byDn(entries, person(2, SUFFIX).dn).bytes.size).toBe(0);
  });

  it('drops attribute options and leaves out values that are not text', async () => {
    const entries = await collect(asRoot());
    const photo = byDn(entries, `uid=photo,ou=people,${SUFFIX}`);
    expect(photo.attrs.get('description')).toEqual(['avec option']);
    expect(photo.attrs.has('jpegphoto')).toBe(false);
    expect(photo.attrs.get('cn')).toEqual(['Photo Test']);
  });

  it('reads a whole directory page by page, whatever the page size', async () => {
    const entries = await collect(asRoot({ pageSize: 333 }), `ou=people,${SUFFIX}`);
    expect(entries).toHaveLength(PEOPLE + 2);
  });

  it('applies a filter', async () => {
    const connection = await connectDirectory(asRoot());
    try {
      const found: string[] = [];
      for await (const entry of connection.entries(SUFFIX, { filter: '(uid=p00004*)' })) found.push(entry.dn);
      expect(found.sort()).toEqual(Array.from({ length: 10 }, (_, i) => person(40 + i, SUFFIX).dn).sort());
    } finally {
      await connection.close();
    }
  });

  it('says the connection is not encrypted', async () => {
    const connection = await connectDirectory(asRoot());
    expect(connection.transport).toBe('none');
    expect(connection.tlsVerified).toBe(false);
    await connection.close();
    await connection.close();
  });

  it('binds anonymously without a bind DN, and the ACL then hides the hashes', async () => {
    const entries = await collect({ url: server.url });
    expect(entries).toHaveLength(PEOPLE + 3);
    expect(entries.some((entry) => entry.bytes.size > 0)).toBe(false);
  });

  it('adds operational attributes only when asked', async () => {
    const target = person(3, SUFFIX).dn;
    const plain = await collect(asRoot(), target);
    const operational = await collect(asRoot({ operationalAttributes: true }), target);
    expect(plain[0]?.attrs.has('entryuuid')).toBe(false);
    expect(operational[0]?.attrs.get('entryuuid')?.[0]).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('reading over TLS', () => {
  it('reads over ldaps:// when the CA file is given', async () => {
    const connection = await connectDirectory({ url: server.ldapsUrl ?? '', bindDn: server.rootDn, password: server.rootPw, caFile: server.caFile });
    try {
      expect(connection.transport).toBe('ldaps');
      expect(connection.tlsVerified).toBe(true);
      let count = 0;
      let passwords = 0;
      for await (const entry of connection.entries(SUFFIX)) {
        count += 1;
        if (entry.bytes.has('userpassword')) passwords += 1;
      }
      expect(count).toBe(PEOPLE + 3);
      expect(passwords).toBe(2);
    } finally {
      await connection.close();
    }
  });

  it('reads over StartTLS when the CA file is given', async () => {
    const connection = await connectDirectory(asRoot({ startTls: true, caFile: server.caFile }));
    try {
      expect(connection.transport).toBe('starttls');
      expect(connection.tlsVerified).toBe(true);
      const first: DirectoryEntry[] = [];
      for await (const entry of connection.entries(`ou=people,${SUFFIX}`, { filter: '(uid=p000000)' })) first.push(entry);
      expect(first).toHaveLength(1);
      expect(decoder.decode(first[0]?.bytes.get('userpassword')?.[0])).toBe(sshaValue);
    } finally {
      await connection.close();
    }
  });
});

describe("Vigie's own entry decoding", () => {
  async function pagesOf(read: (client: Client) => AsyncIterable<DirectoryEntry[]>): Promise<DirectoryEntry[]> {
    const client = new Client({ url: server.url });
    try {
      await client.bind(server.rootDn, server.rootPw);
      const entries: DirectoryEntry[] = [];
      for await (const page of read(client)) entries.push(...page);
      return entries.sort((a, b) => a.dn.localeCompare(b.dn));
    } finally {
      await client.unbind();
    }
  }

  it('reads the same entries as ldapts, value for value, without ldapts parsing a single one', async () => {
    const request: PagedSearchRequest = { scope: 'sub', filter: '(objectClass=*)', attributes: ['*', '+'], pageSize: 300 };
    // An argon2 value with slapd's padding after it, which both paths must drop.
    await server.setPassword(person(8, SUFFIX).dn, ARGON2_PASSWORD);
    const parsed = vi.spyOn(SearchEntry.prototype as unknown as { parseMessage(reader: unknown): void }, 'parseMessage');
    try {
      const own = await pagesOf((client) => {
        const source = pageSourceFor(client);
        return source(SUFFIX, request);
      });
      expect(parsed).not.toHaveBeenCalled();
      const reference = await pagesOf((client) => ldaptsPages(client, SUFFIX, request));
      expect(parsed).toHaveBeenCalledTimes(PEOPLE + 3);
      expect(own).toHaveLength(PEOPLE + 3);
      expect(own).toEqual(reference);
      const argon2Value = own.find((entry) => entry.dn === person(8, SUFFIX).dn)?.bytes.get('userpassword')?.[0];
      expect(decoder.decode(argon2Value)).toMatch(/^\{ARGON2\}\$argon2i\$[^\0]*[^\0]$/);
    } finally {
      parsed.mockRestore();
    }
  });

  it("falls back to ldapts's own reading when its internals are not the expected ones", async () => {
    const request: PagedSearchRequest = { scope: 'sub', filter: '(uid=p00001*)', attributes: ['*'], pageSize: 4 };
    const parsed = vi.spyOn(SearchEntry.prototype as unknown as { parseMessage(reader: unknown): void }, 'parseMessage');
    try {
      const entries = await pagesOf((client) => {
        // As if a later ldapts had changed what the hook uses: its parser is no longer a MessageParser.
        const internals = client as unknown as { messageParser: { read(data: Buffer, details: unknown): void } };
        const parser = internals.messageParser;
        internals.messageParser = { read: (data, details) => parser.read(data, details) };
        return pageSourceFor(client)(SUFFIX, request);
      });
      expect(entries.map((entry) => entry.attrs.get('uid')?.[0])).toEqual(Array.from({ length: 10 }, (_, i) => person(10 + i, SUFFIX).uid));
      expect(parsed).toHaveBeenCalledTimes(10);
    } finally {
      parsed.mockRestore();
    }
  });
});

describe('argon2 values stored by slapd', () => {
  it('arrive without the NUL and the padding slapd stores after the hash', async () => {
    const target = person(7, SUFFIX);
    await server.setPassword(target.dn, ARGON2_PASSWORD);

    // What slapd really sends: the PHC string, its NUL, and what its over-sized buffer held after it
    // (usually another NUL, sometimes not: "…\0\x08" was seen).
    const raw = await run('ldapsearch', ['-LLL', '-x', '-H', server.url, '-D', server.rootDn, '-w', server.rootPw,
      '-b', target.dn, '-s', 'base', 'userPassword']);
    const base64 = /userPassword:: ([\s\S]*?)\n(?!\s)/.exec(`${raw}\n`)?.[1]?.replace(/\n /g, '') ?? '';
    const stored = Buffer.from(base64, 'base64');
    const nul = stored.indexOf(0);
    expect(nul).toBeGreaterThan(0);
    expect(nul).toBeLessThan(stored.length);

    const connection = await connectDirectory(asRoot());
    try {
      const read: DirectoryEntry[] = [];
      for await (const entry of connection.entries(target.dn)) read.push(entry);
      const value = read[0]?.bytes.get('userpassword')?.[0];
      expect(value).toBeDefined();
      expect(Buffer.from(value ?? [])).toEqual(stored.subarray(0, nul));
      const text = decoder.decode(value);
      expect(text).toMatch(/^\{ARGON2\}\$argon2i\$v=19\$m=65536,t=2,p=1\$/);
      // The bytes are the real hash: the argon2 package verifies the planted password against them.
      expect(await argon2.verify(text.slice('{ARGON2}'.length), ARGON2_PASSWORD)).toBe(true);
    } finally {
      await connection.close();
    }
  });
});

describe('cancelling', () => {
  it('stops a scan when the signal aborts, with CancelledError and no hang', async () => {
    const controller = new AbortController();
    let count = 0;
    const started = Date.now();
    await expect((async () => {
      for await (const _entry of readLdap(asRoot({ pageSize: 100 }), SUFFIX, controller.signal)) {
        count += 1;
        if (count === 150) controller.abort();
      }
    })()).rejects.toMatchObject({ name: 'CancelledError' });
    expect(count).toBe(150);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('a directory whose ACLs are left open', () => {
  it('hands userPassword to an anonymous reader', async () => {
    const open = await startSlapd({ acl: 'open', ldif: peopleLdif('dc=vigie,dc=test', 3, new Map([[1, sshaValue]])) });
    try {
      const entries: DirectoryEntry[] = [];
      for await (const entry of readLdap({ url: open.url }, 'dc=vigie,dc=test')) entries.push(entry);
      const hashed = entries.filter((entry) => entry.bytes.has('userpassword'));
      expect(hashed.map((entry) => entry.dn)).toEqual([person(1, 'dc=vigie,dc=test').dn]);
    } finally {
      await open.stop();
    }
  });
});
