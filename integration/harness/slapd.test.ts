// The throwaway slapd itself: it starts, answers, stops by its own pid, and leaves nothing behind.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from './run.ts';
import { startSlapd } from './slapd.ts';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('startSlapd', () => {
  it('serves its suffix, then stop() ends it and removes its directory, twice safely', async () => {
    const server = await startSlapd({ suffix: 'o=harness-test' });
    expect(isAlive(server.pid)).toBe(true);
    const found = await run('ldapsearch', ['-LLL', '-x', '-H', server.url, '-b', 'o=harness-test', '-s', 'base', 'o']);
    expect(found).toContain('o: harness-test');

    await Promise.all([server.stop(), server.stop()]);
    await server.stop();
    expect(isAlive(server.pid)).toBe(false);
    expect(existsSync(server.dir)).toBe(false);
    await expect(run('ldapsearch', ['-x', '-H', server.url, '-b', '', '-s', 'base', '-o', 'nettimeout=2'])).rejects.toThrow(/Can't contact/);
  });

  it('kill() makes the server vanish at once', async () => {
    const server = await startSlapd();
    await server.kill();
    expect(isAlive(server.pid)).toBe(false);
    await server.stop();
    expect(existsSync(server.dir)).toBe(false);
  });

  it('keeps slapd\'s default size limit of 500 when asked, for users other than the rootdn', async () => {
    const people = Array.from({ length: 501 }, (_, i) => `dn: cn=n${i},dc=vigie,dc=test\nobjectClass: person\ncn: n${i}\nsn: N\n`).join('\n');
    const server = await startSlapd({ sizeLimit: 'default', ldif: people });
    try {
      await expect(run('ldapsearch', ['-x', '-H', server.url, '-b', 'dc=vigie,dc=test', '1.1'])).rejects.toThrow('ldapsearch failed (4)'); // result 4: size limit exceeded
      const asRoot = await run('ldapsearch', ['-x', '-H', server.url, '-D', server.rootDn, '-w', server.rootPw, '-b', 'dc=vigie,dc=test', '1.1']);
      expect(asRoot).toContain('numEntries: 502');
    } finally {
      await server.stop();
    }
  });
});
