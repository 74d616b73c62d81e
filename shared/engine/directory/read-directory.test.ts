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
