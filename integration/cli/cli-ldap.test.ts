// The CLI against a real slapd: a wrong bind password and a size limit each end in one line, exit code 1.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneLineError, runCliInProcess } from '../../shared/cli/test-io.ts';
import { startSlapd, type SlapdServer } from '../harness/slapd.ts';

function people(n: number, suffix: string): string {
  const out = [`dn: ou=people,${suffix}\nobjectClass: organizationalUnit\nou: people\n`];
  for (let i = 0; i < n; i++) {
    out.push(`dn: uid=eleve${i},ou=people,${suffix}\nobjectClass: inetOrgPerson\nuid: eleve${i}\nsn: Eleve${i}\ncn: Eleve ${i}\n`);
  }
  out.push(`dn: uid=audit,ou=people,${suffix}\nobjectClass: inetOrgPerson\nuid: audit\nsn: Audit\ncn: Audit\nuserPassword: audit-secret-1\n`);
  return out.join('\n');
}

describe('vigie scan against a real slapd', () => {
  let slapd: SlapdServer;
  let dir: string;
  let pwFile: string;

  beforeAll(async () => {
    slapd = await startSlapd({ ldif: people(600, 'dc=vigie,dc=test'), sizeLimit: 'default' });
    dir = await mkdtemp(path.join(tmpdir(), 'vigie-cli-ldap-'));
    pwFile = path.join(dir, 'pw');
  });
  afterAll(async () => {
    await slapd?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('says the bind password is wrong, in one line, and never echoes it', async () => {
    await writeFile(pwFile, 'not-the-password\n');
    const r = await runCliInProcess(['scan', '--url', slapd.url, '--base', slapd.suffix, '--bind-dn', slapd.rootDn, '--password-file', pwFile, '--quiet']);
    expect(r.code).toBe(1);
    expect(oneLineError(r.stderr)).toMatch(/credential|password|mot de passe/i);
    expect(r.stderr).not.toContain('not-the-password');
  });

  it('takes the bind password from VIGIE_BIND_PASSWORD', async () => {
    const r = await runCliInProcess(['scan', '--url', slapd.url, '--base', slapd.suffix, '--bind-dn', slapd.rootDn, '--quiet'], { VIGIE_BIND_PASSWORD: slapd.rootPw });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/602 comptes|601 comptes/);
  });

  it("says how to lift slapd's size limit for an ordinary account", async () => {
    await writeFile(pwFile, 'audit-secret-1');
    const r = await runCliInProcess(['scan', '--url', slapd.url, '--base', slapd.suffix, '--bind-dn', `uid=audit,ou=people,${slapd.suffix}`, '--password-file', pwFile, '--quiet']);
    expect(r.code).toBe(1);
    expect(oneLineError(r.stderr)).toMatch(/size limit.*olcLimits/i);
  });
});
