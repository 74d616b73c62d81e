import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vigie-plan-cli-'));
  await writeFile(path.join(dir, 'pw'), 'secret\n');
  await writeFile(path.join(dir, 'bad.json'), '{"schemaVersion": 2}');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function vigie(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const stdout = { write: (t: string) => { out += t; return true; }, isTTY: false } as unknown as NodeJS.WriteStream;
  const stderr = { write: (t: string) => { err += t; return true; }, isTTY: false } as unknown as NodeJS.WriteStream;
  const stdin = { isTTY: false } as unknown as NodeJS.ReadStream;
  const code = await main(args, { stdout, stderr, stdin, env: {}, signal: new AbortController().signal });
  return { code, out, err };
}

describe('vigie plan and vigie apply: every mistake is one line', () => {
  it.each([
    [['plan'], 2, /give the scan report: --report FILE/],
    [['plan', '--report', 'r.json'], 2, /give a folder for the plan: --out DIR/],
    [['plan', '--report', 'r.json', '--out', 'o'], 2, /give the directory: --url URL/],
    [['plan', '--report', 'r.json', '--out', 'o', '--url', 'ldap://127.0.0.1:1', '--target', 'openldap-3'], 2, /--target must be one of openldap-2.5, openldap-2.7/],
    [['plan', '--report', 'r.json', '--out', 'o', '--url', 'ldap://127.0.0.1:1'], 2, /give the directory administrator: --bind-dn DN/],
    [['plan', '--report', 'r.json', '--out', 'o', '--url', 'ldap://127.0.0.1:1', '--bind-dn', 'cn=a', '--password-file', 'PW'], 2, /give an account that reads cn=config/],
    [['plan', '--report', 'r.json', '--out', 'o', '--url', 'ldap://127.0.0.1:1', '--bind-dn', 'cn=a', '--password-file', 'PW', '--config-bind-dn', 'cn=config'], 2, /--config-bind-dn needs --config-password-file \(a password is never taken from the command line\)/],
    [['plan', '--report', 'BAD', '--out', 'o', '--url', 'ldap://127.0.0.1:1', '--bind-dn', 'cn=a', '--password-file', 'PW', '--config-bind-dn', 'cn=config', '--config-password-file', 'PW'], 1, /bad\.json is not a Vigie report \(schemaVersion 1\): schemaVersion: /],
    [['plan', '--report', 'BAD', '--out', 'o', '--url', 'ldap://127.0.0.1:1', '--bind-dn', 'cn=a', '--password-file', 'PW', '--config-bind-dn', 'cn=config', '--config-password-file', 'PW', '--argon2-memory', '1024'], 1, /below OWASP's minimum \(19456 KiB\)/],
    [['apply'], 2, /give the plan folder: vigie apply DIR/],
    [['apply', 'DIR', '--url', 'http://x'], 2, /--url must start with ldap:\/\//],
    [['apply', 'DIR', '--url', 'ldap://127.0.0.1:1', '--bind-dn', 'cn=a', '--password-file', 'PW'], 1, /cannot read .*01-config\.ldif \(ENOENT\) — give the folder written by vigie plan/],
  ])('%j', async (args, code, message) => {
    const real = (args as string[]).map((a) => a.replace('PW', path.join(dir, 'pw')).replace('BAD', path.join(dir, 'bad.json')).replace('DIR', path.join(dir, 'none')));
    const r = await vigie(real);
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message as RegExp);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).not.toContain('secret');
  });

  it('says in the help that apply is the only command that writes to a directory', async () => {
    expect((await vigie(['apply', '--help'])).out).toMatch(/only Vigie command that writes to a directory/);
    expect((await vigie(['plan', '--help'])).out).toMatch(/writes to a directory only through vigie apply/);
  });
});
