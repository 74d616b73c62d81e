import { describe, expect, it } from 'vitest';
import { CancelledError } from '../errors.ts';
import { SAMPLE_DIRECTORIES } from './flavours/sample-directories.ts';
import { parseLdifText } from './ldif/read-ldif.ts';
import type { DirectoryEntry } from './model.ts';
import { readDirectory } from './read-directory.ts';

async function* stream(entries: DirectoryEntry[]): AsyncIterable<DirectoryEntry> {
  yield* entries;
}

function manyPeople(count: number, extra = ''): string {
  return Array.from({ length: count }, (_, i) => `dn: uid=p${i},ou=People,dc=x\nobjectClass: posixAccount\nobjectClass: sambaSamAccount\nuid: p${i}\ncn: Per Son${i}\n${extra}`).join('\n');
}

describe('readDirectory', () => {
  it('detects the flavour and says so', async () => {
    const result = await readDirectory(stream(parseLdifText(SAMPLE_DIRECTORIES.se3)));
    expect(result).toMatchObject({ flavour: 'se3', flavourDetected: true, entries: 13 });
    expect(result.accounts).toHaveLength(5);
  });

  it('obeys --flavour', async () => {
    const result = await readDirectory(stream(parseLdifText(SAMPLE_DIRECTORIES.se3)), { flavour: 'samba3' });
    expect(result).toMatchObject({ flavour: 'samba3', flavourDetected: false });
    expect(result.accounts.toArray().every((a) => a.profile !== 'student')).toBe(true);
  });

  it('detects on the first entries, then keeps every entry, including the held ones', async () => {
    // 300 SE3 people (the sample closes after 100 accounts), then the group that makes them students.
    const ldif = `${manyPeople(300, 'gecos: Per Son,20100101,M,N\n')}\ndn: cn=Eleves,ou=Groups,dc=x\nobjectClass: posixGroup\ncn: Eleves\n${Array.from({ length: 300 }, (_, i) => `memberUid: p${i}`).join('\n')}\n`;
    const counts: number[] = [];
    const result = await readDirectory(stream(parseLdifText(ldif)), { onEntry: (count) => counts.push(count) });
    expect(result.flavour).toBe('se3');
    expect(result.accounts.toArray().map((a) => a.login)).toEqual(Array.from({ length: 300 }, (_, i) => `p${i}`));
    expect(result.accounts.toArray().every((a) => a.profile === 'student' && a.birthDate?.year === 2010)).toBe(true);
    expect(counts).toEqual(Array.from({ length: 301 }, (_, i) => i + 1));
    expect(result.entries).toBe(301);
  });

  it('handles a directory smaller than the sample', async () => {
    const result = await readDirectory(stream(parseLdifText(manyPeople(3))));
    expect(result).toMatchObject({ flavour: 'samba3', entries: 3 });
    expect(result.accounts.toArray().map((a) => a.surnames)).toEqual([['Son0'], ['Son1'], ['Son2']]);
  });

  it('handles an empty directory', async () => {
    const empty = await readDirectory(stream([]));
    expect(empty).toMatchObject({ flavour: 'inetorgperson', entries: 0 });
    expect(empty.accounts.length).toBe(0);
  });

  it('stops with CancelledError when the signal is aborted', async () => {
    const controller = new AbortController();
    const reading = readDirectory(stream(parseLdifText(manyPeople(50))), {
      signal: controller.signal,
      onEntry: (count) => { if (count === 20) controller.abort(); },
    });
    await expect(reading).rejects.toBeInstanceOf(CancelledError);
  });
});

describe('readDirectory: input problems (issue #15 §4)', () => {
  it('audits a repeated DN once (the first), and names the repeat with its line and the first one', async () => {
    const ldif = [
      'dn: uid=a,ou=People,dc=x\nobjectClass: inetOrgPerson\nuid: a\nsn: Premier\nuserPassword: {SSHA}AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n',
      'dn: uid=b,ou=People,dc=x\nobjectClass: inetOrgPerson\nuid: b\nsn: B\n',
      'dn: UID=A, ou=people,dc=X\nobjectClass: inetOrgPerson\nuid: a\nsn: Second\n',
    ].join('\n');
    const result = await readDirectory(stream(parseLdifText(ldif)));
    expect(result.entries).toBe(3);
    expect(result.accounts.toArray().map((a) => [a.login, a.surnames[0]])).toEqual([['a', 'Premier'], ['b', 'B']]);
    expect(result.inputProblems).toEqual({
      total: 1,
      byKind: { DUPLICATE_DN: 1 },
      listed: [{ kind: 'DUPLICATE_DN', dn: 'UID=A, ou=people,dc=X', line: 12, firstLine: 1 }],
    });
  });

  it('gathers what the reader found wrong in entries, in input order', async () => {
    const cut = Buffer.from('{SSHA}QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=').toString('base64').slice(0, -2);
    const ldif = `dn: uid=a,dc=x\nobjectClass: inetOrgPerson\nuid: a\nuserPassword:: ${cut}\n\ndn: uid=a,dc=x\nobjectClass: inetOrgPerson\nuid: a\n`;
    const result = await readDirectory(stream(parseLdifText(ldif)));
    expect(result.accounts).toHaveLength(1);
    expect(result.accounts.at(0)!.passwords).toEqual([]);
    expect(result.inputProblems.listed).toEqual([
      { kind: 'MALFORMED_BASE64', line: 4, dn: 'uid=a,dc=x', attribute: 'userpassword' },
      { kind: 'DUPLICATE_DN', dn: 'uid=a,dc=x', line: 6, firstLine: 1 },
    ]);
  });

  it('names no line for an entry that came from LDAP', async () => {
    const entry = (): DirectoryEntry => ({ dn: 'uid=a,dc=x', attrs: new Map([['objectclass', ['inetOrgPerson']], ['uid', ['a']]]), bytes: new Map() });
    const result = await readDirectory(stream([entry(), entry()]));
    expect(result.inputProblems.listed).toEqual([{ kind: 'DUPLICATE_DN', dn: 'uid=a,dc=x' }]);
  });
});
