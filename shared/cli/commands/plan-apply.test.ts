import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vigie-plan-cli-'));
  await writeFile(path.join(dir, 'pw'), 'secret\n');
  await writeFile(path.join(dir, 'bad.json'), '{"schemaVersion": "two"}');
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
    [['plan', '--report', 'r.json', '--out', 'o', '--url', 'ldap://127.0.0.1:1', '--lang', 'de'], 2, /--lang must be one of fr, en \(got 'de'\)/],
    [['plan', '--report', 'r.json', '--out', 'o', '--url', 'ldap://127.0.0.1:1', '--bind-dn', 'cn=a', '--password-file', 'PW'], 2, /give an account that reads cn=config/],
    [['plan', '--report', 'r.json', '--out', 'o', '--url', 'ldap://127.0.0.1:1', '--bind-dn', 'cn=a', '--password-file', 'PW', '--config-bind-dn', 'cn=config'], 2, /--config-bind-dn needs --config-password-file \(a password is never taken from the command line\)/],
    [['plan', '--report', 'BAD', '--out', 'o', '--url', 'ldap://127.0.0.1:1', '--bind-dn', 'cn=a', '--password-file', 'PW', '--config-bind-dn', 'cn=config', '--config-password-file', 'PW'], 1, /bad\.json is not a Vigie report \(schemaVersion \d\): schemaVersion: /],
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

  it('says in the help what happens to entries changed after the plan, to Ctrl-C, and which exit code says so', async () => {
    const help = (await vigie(['apply', '--help'])).out;
    expect(help).toMatch(/Nothing that changed after the plan is overwritten/);
    expect(help).toMatch(/its\s+change is not sent, the entry is named/);
    expect(help).toMatch(/--rollback works the same way round: it undoes only what apply changed/);
    expect(help).toMatch(/Ctrl-C finishes the change in flight/);
    expect(help).toMatch(/3 done, but entries changed since the plan \(since apply, with --rollback\) were left as they are/);
    expect(help).toMatch(/130 interrupted by Ctrl-C/);
  });
});

describe('vigie apply: a plan folder it cannot trust is one line, before anything is sent', () => {
  const connect = (): string[] => ['--url', 'ldap://127.0.0.1:1', '--bind-dn', 'cn=a', '--password-file', path.join(dir, 'pw')];
  async function planFolder(name: string, journal?: string, files = ['01-config.ldif', '02-accounts.ldif', 'rollback.ldif', 'rollback-config.ldif']): Promise<string> {
    const folder = path.join(dir, name);
    await mkdir(folder);
    for (const f of files) await writeFile(path.join(folder, f), '# Vigie\n');
    if (journal !== undefined) await writeFile(path.join(folder, 'apply-journal.jsonl'), journal);
    return folder;
  }

  it('needs the rollback files: they say what each entry held when the plan was made', async () => {
    const r = await vigie(['apply', await planFolder('no-rollback', undefined, ['01-config.ldif', '02-accounts.ldif']), ...connect()]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^vigie: cannot read .*rollback-config\.ldif \(ENOENT\) — give the folder written by vigie plan\.\n$/);
  });

  it('refuses a journal line that is not one, unless the run after it starts on its own line (a line cut short)', async () => {
    const start = '{"run":"apply","start":"2026-01-01T00:00:00.000Z"}';
    const bad = await vigie(['apply', await planFolder('bad-journal', `not json\n${start}\n{"run":"apply","file":"02-a`), ...connect()]);
    expect(bad.code).toBe(0);
    expect(bad.err).toBe('');
    const worse = await vigie(['apply', await planFolder('worse-journal', `${start}\nnot json\n{"run":"apply","file":"x"}\n`), ...connect()]);
    expect(worse.code).toBe(1);
    expect(worse.err).toMatch(/^vigie: .*apply-journal\.jsonl, line 2 is not a journal line — restore the journal vigie apply wrote, or move it away/);
  });

  it('refuses a journal that names changes the plan files do not hold (files edited since)', async () => {
    const r = await vigie(['apply', await planFolder('edited', '{"run":"apply","file":"02-accounts.ldif","record":3,"dn":"uid=x,dc=t","result":"applied"}\n'), ...connect()]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^vigie: .*apply-journal\.jsonl, line 1 names a change the plan files do not hold \(02-accounts\.ldif, change 4\) — the plan files were edited after vigie apply ran/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
