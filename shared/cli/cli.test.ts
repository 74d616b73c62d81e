// Bad input gets one clear line and a non-zero exit, never a stack trace or a hang.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneLineError, runCliInProcess, type CliRun } from './test-io.ts';

async function vigie(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return runCliInProcess(args, env);
}

/** A free port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vigie-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function file(name: string, text: string): Promise<string> {
  const p = path.join(dir, name);
  await writeFile(p, text);
  return p;
}

function expectOneLine(stderr: string, pattern: RegExp): void {
  const line = oneLineError(stderr);
  expect(line, stderr).not.toBeNull();
  expect(line).toMatch(pattern);
}

describe('vigie CLI', () => {
  it('prints help for the tool and for each command', async () => {
    const general = await vigie(['--help']);
    expect(general.code).toBe(0);
    expect(general.stdout).toMatch(/Commands:[\s\S]*scan[\s\S]*demo/);
    const scan = await vigie(['scan', '--help']);
    expect(scan.code).toBe(0);
    expect(scan.stdout).toMatch(/--ldif FILE/);
    expect(scan.stdout).toMatch(/--password-file/);
    expect((await vigie(['help', 'demo'])).stdout).toMatch(/Usage: vigie demo/);
    expect((await vigie(['--version'])).stdout).toMatch(/^vigie \d+\.\d+\.\d+/);
  });

  it.each([
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['scan'], /give a source: --ldif FILE or --url URL/],
    [['scan', '--ldif'], /--ldif needs a value/],
    [['scan', '--bogus'], /unknown option --bogus/],
    [['scan', '--ldif', 'a.ldif', '--url', 'ldap://x'], /either --ldif or --url/],
    [['scan', '--ldif', 'a.ldif', '--depth', 'extreme'], /--depth must be one of quick, standard, deep/],
    [['scan', '--ldif', 'a.ldif', '--flavour', 'novell'], /--flavour must be one of/],
    [['scan', '--ldif', 'a.ldif', '--bind-dn', 'cn=x'], /--bind-dn goes with --url/],
    [['scan', '--url', 'http://example'], /--url must start with ldap:\/\/ or ldaps:\/\//],
    [['scan', '--url', 'ldap://127.0.0.1:1'], /--url needs --base DN/],
    [['scan', '--url', 'ldaps://127.0.0.1:1', '--base', 'dc=x', '--starttls'], /--starttls is for ldap:\/\//],
    [['scan', '--url', 'ldap://127.0.0.1:1', '--base', 'dc=x', '--bind-dn', 'cn=admin'], /no bind password: give --password-file FILE or set VIGIE_BIND_PASSWORD/],
    [['scan', '--url', 'ldap://127.0.0.1:1', '--base', 'dc=x', '--bind-dn', 'cn=admin', '--password-file', '/nonexistent/pw'], /cannot read the password file/],
    [['scan', '--ldif', 'a.ldif', '--workers', '0'], /--workers must be a whole number/],
  ])('refuses %j with one line and exit code 2', async (args, message) => {
    const r = await vigie(args);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, message);
    expect(r.stdout).toBe('');
  });

  it('names a missing LDIF file', async () => {
    const r = await vigie(['scan', '--ldif', path.join(dir, 'absent.ldif')]);
    expect(r.code).toBe(1);
    expectOneLine(r.stderr, /absent\.ldif/);
  });

  it('refuses a folder given as an LDIF file', async () => {
    const r = await vigie(['scan', '--ldif', dir]);
    expect(r.code).toBe(1);
    expectOneLine(r.stderr, new RegExp(path.basename(dir)));
  });

  it('names the line of a malformed LDIF', async () => {
    const bad = await file('bad.ldif', 'version: 1\n\ndn: uid=a,dc=x\nobjectClass: person\nthis line has no colon\n');
    const r = await vigie(['scan', '--ldif', bad, '--quiet']);
    expect(r.code).toBe(1);
    expectOneLine(r.stderr, /line 5/);
  });

  it('refuses `:<` URL values with a clear message', async () => {
    const bad = await file('url.ldif', 'dn: uid=a,dc=x\nobjectClass: person\njpegPhoto:< file:///etc/passwd\n');
    const r = await vigie(['scan', '--ldif', bad, '--quiet']);
    expect(r.code).toBe(1);
    expectOneLine(r.stderr, /line 3.*URL/i);
  });

  it('says when the directory cannot be reached, without hanging', async () => {
    const port = await closedPort();
    const started = Date.now();
    const r = await vigie(['scan', '--url', `ldap://127.0.0.1:${port}`, '--base', 'dc=x', '--quiet']);
    expect(r.code).toBe(1);
    expectOneLine(r.stderr, /127\.0\.0\.1/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('says when the report cannot be written', async () => {
    const ok = await file('ok.ldif', 'dn: uid=a,dc=x\nobjectClass: inetOrgPerson\nuid: a\nsn: A\ncn: A\nuserPassword: {SSHA}AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n');
    const r = await vigie(['scan', '--ldif', ok, '--quiet', '--json', path.join(dir, 'no-such-dir', 'r.json')]);
    expect(r.code).toBe(1);
    expectOneLine(r.stderr, /cannot write the report/);
  });
});

describe('vigie scan --compare', () => {
  it('prints the grade and each count that changed since an earlier report', async () => {
    const weak = await file('weak.ldif', 'dn: uid=a,dc=x\nobjectClass: inetOrgPerson\nuid: a\nsn: Aubry\ncn: A\nuserPassword: {MD5}X03MO1qnZdYdgyfeuILPmQ==\n');
    const strong = await file('strong.ldif', 'dn: uid=a,dc=x\nobjectClass: inetOrgPerson\nuid: a\nsn: Aubry\ncn: A\n');
    const before = path.join(dir, 'before.json');
    expect((await vigie(['scan', '--ldif', weak, '--quiet', '--json', before])).code).toBe(0);
    const r = await vigie(['scan', '--ldif', strong, '--quiet', '--compare', before]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Avant \/ après/);
    expect(r.stdout).toMatch(/Note\s+[B-F] \(\d+\/100\) → A \(100\/100\)/);
    expect(r.stdout).toMatch(/empreinte obsolète \(MD5, SHA-1, NT…\)\s+1 → 0/);
  });

  it('refuses a file that is not a report before scanning', async () => {
    const ok = await file('ok2.ldif', 'dn: uid=a,dc=x\nobjectClass: inetOrgPerson\nuid: a\nsn: A\ncn: A\n');
    const notReport = await file('not-report.json', '{"hello": 1}');
    const r = await vigie(['scan', '--ldif', ok, '--quiet', '--compare', notReport]);
    expect(r.code).toBe(1);
    expectOneLine(r.stderr, /not-report\.json/);
  });
});
