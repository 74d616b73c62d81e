// Issue #15 §3 and §6: every read of a path the user names gets Ctrl-C through, FIFOs included. The real `vigie`
// process waits on a FIFO (nobody writing to it, or a writer that says nothing); SIGINT ends it within a second
// with one line and exit 130, and nothing it would have written is there, nor any temp file. A FIFO that is
// written to is read as a file is.
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFifo, opened, silentWriter, waitingOnFifo } from './fifo.ts';
import { startVigie } from './vigie-process.ts';

const DEMO = path.resolve(__dirname, '../../demo/ecole-demo-sdet.ldif');
/** The spec's bound from SIGINT to exit ("within a second"). */
const WITHIN_MS = 1_000;

let dir: string;
let port: number;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vigie-interrupted-reads-'));
  // A port where nothing listens: a scan that got its password would fail there at once, not wait.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

afterAll(() => rm(dir, { recursive: true, force: true }));

async function fresh(name: string): Promise<string> {
  const folder = await mkdtemp(path.join(dir, `${name}-`));
  return folder;
}

/** Starts vigie, waits until it holds `fifo` open, optionally holds a silent write end, then Ctrl-C `times` times. */
async function interruptedOn(fifo: string, args: string[], { writer = false, times = 1 } = {}) {
  const vigie = startVigie(args);
  await opened(vigie.child.pid!, fifo, vigie.exit);
  const w = writer ? silentWriter(fifo) : undefined;
  try {
    return await vigie.interrupt(times);
  } finally {
    w?.close();
  }
}

function expectCancelled(r: { code: number | null; signal: NodeJS.Signals | null; stderr: string; stdout: string; afterMs: number }): void {
  expect(r.signal, r.stderr).toBeNull();
  expect(r.code, r.stderr).toBe(130);
  expect(r.stderr).toBe('vigie: cancelled (Ctrl-C)\n');
  expect(r.stdout).toBe('');
  expect(r.afterMs).toBeLessThan(WITHIN_MS);
}

describe('Ctrl-C while vigie reads a FIFO the user named', () => {
  it.each([
    ['nobody writing to it', false],
    ['a writer that says nothing', true],
  ])('scan --password-file, %s: exit 130 within a second, one line', async (_, writer) => {
    const folder = await fresh('password');
    const fifo = makeFifo(path.join(folder, 'bind.pw'));
    const r = await interruptedOn(fifo, ['scan', '--url', `ldap://127.0.0.1:${port}`, '--base', 'dc=x', '--bind-dn', 'cn=admin', '--password-file', fifo, '--quiet'], { writer });
    expectCancelled(r);
  });

  it.each([
    ['nobody writing to it', false, 1],
    ['a writer that says nothing', true, 1],
    ['two Ctrl-C', false, 2],
  ])('scan --compare, %s: exit 130, the previous --json untouched, no temp file', async (_, writer, times) => {
    const folder = await fresh('compare');
    const fifo = makeFifo(path.join(folder, 'before.json'));
    const json = path.join(folder, 'rapport.json');
    await writeFile(json, '{"earlier": "report"}\n');
    const r = await interruptedOn(fifo, ['scan', '--ldif', DEMO, '--compare', fifo, '--json', json, '--quiet'], { writer, times });
    expectCancelled(r);
    expect(await readFile(json, 'utf8')).toBe('{"earlier": "report"}\n');
    expect((await readdir(folder)).sort()).toEqual(['before.json', 'rapport.json']);
  });

  it('plan --report: exit 130, no plan folder, no temp folder', async () => {
    const folder = await fresh('plan');
    const fifo = makeFifo(path.join(folder, 'report.json'));
    const pw = path.join(folder, 'pw');
    await writeFile(pw, 'not-used\n', { mode: 0o600 });
    const r = await interruptedOn(fifo, ['plan', '--report', fifo, '--out', path.join(folder, 'plan'), '--url', `ldap://127.0.0.1:${port}`,
      '--bind-dn', 'cn=admin', '--password-file', pw, '--config-bind-dn', 'cn=config', '--config-password-file', pw], { writer: true });
    expectCancelled(r);
    expect((await readdir(folder)).sort()).toEqual(['pw', 'report.json']);
  });

  it('apply --password-file (apply stops itself on Ctrl-C): exit 130 before anything is sent', async () => {
    const folder = await fresh('apply');
    const fifo = makeFifo(path.join(folder, 'root.pw'));
    const r = await interruptedOn(fifo, ['apply', path.join(folder, 'plan'), '--url', `ldap://127.0.0.1:${port}`, '--bind-dn', 'cn=admin', '--password-file', fifo]);
    expectCancelled(r);
  });

  it('scan --ca-file, read by the directory reader (a thread waits to open it): Ctrl-C lets it go, exit 130 within a second', async () => {
    const folder = await fresh('ca');
    const fifo = makeFifo(path.join(folder, 'ca.pem'));
    const vigie = startVigie(['scan', '--url', `ldaps://127.0.0.1:${port}`, '--base', 'dc=x', '--ca-file', fifo, '--quiet']);
    await waitingOnFifo(vigie.child.pid!, vigie.exit);
    expectCancelled(await vigie.interrupt());
    expect(await readdir(folder)).toEqual(['ca.pem']);
  });

  it('apply on a plan folder whose file is a FIFO: the second Ctrl-C ends it at once, by the signal (the shell\'s 130)', async () => {
    const folder = await fresh('apply-folder');
    const plan = path.join(folder, 'plan');
    await mkdir(plan);
    for (const name of ['01-config.ldif', '02-accounts.ldif', 'rollback.ldif', 'rollback-config.ldif']) makeFifo(path.join(plan, name));
    const pw = path.join(folder, 'pw');
    await writeFile(pw, 'not-used\n', { mode: 0o600 });
    const vigie = startVigie(['apply', plan, '--url', `ldap://127.0.0.1:${port}`, '--bind-dn', 'cn=admin', '--password-file', pw]);
    // A thread waits to open a file inside the folder: not a path on the command line, so not let go; exiting
    // would wait for it forever, so the process ends by the signal itself.
    await waitingOnFifo(vigie.child.pid!, vigie.exit);
    vigie.child.kill('SIGINT');
    await vigie.waitFor('stderr', /stopping after the change in flight/);
    const r = await vigie.interrupt();
    expect(r.code).toBeNull();
    expect(r.signal).toBe('SIGINT');
    expect(r.stderr).toMatch(/\nvigie: stopped at once \(Ctrl-C\) — the change in flight may or may not have been made; .*\n$/);
    expect(r.afterMs).toBeLessThan(WITHIN_MS + 500);
  });

  it('breached import refuses a FIFO with one line, at once: it reads its source more than once', async () => {
    const folder = await fresh('breached');
    const fifo = makeFifo(path.join(folder, 'pwned.txt'));
    const r = await startVigie(['breached', 'import', fifo, '--index', path.join(folder, 'index'), '--quiet']).exit;
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`vigie: ${fifo} is not a file or a folder (a FIFO, a socket or a device cannot be imported) — give the Pwned Passwords file or the folder of range files you downloaded\n`);
    expect((await readdir(folder)).sort()).toEqual(['pwned.txt']);
  });

  it('a FIFO that is written to is read whole, like a file: the password reaches the bind, the report the comparison', async () => {
    const folder = await fresh('written');
    const fifo = makeFifo(path.join(folder, 'bind.pw'));
    const scan = startVigie(['scan', '--url', `ldap://127.0.0.1:${port}`, '--base', 'dc=x', '--bind-dn', 'cn=admin', '--password-file', fifo, '--quiet']);
    await opened(scan.child.pid!, fifo, scan.exit);
    await writeFile(fifo, 'secret\n');
    const r = await scan.exit;
    // It got past the password (a connection refused is what comes next), with nothing of it on screen.
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^vigie: Cannot reach the directory at 127\.0\.0\.1:\d+: connection refused/);
    expect(r.stderr).not.toContain('secret');

    const report = path.join(folder, 'before.json');
    const first = startVigie(['scan', '--ldif', DEMO, '--json', report, '--quiet']);
    expect((await first.exit).code).toBe(0);
    const fifoReport = makeFifo(path.join(folder, 'before-fifo.json'));
    const compare = startVigie(['scan', '--ldif', DEMO, '--compare', fifoReport, '--quiet']);
    await opened(compare.child.pid!, fifoReport, compare.exit);
    await writeFile(fifoReport, await readFile(report));
    const c = await compare.exit;
    expect(c.stderr).toBe('');
    expect(c.code).toBe(0);
    expect(c.stdout).toMatch(/avant|before/i);
    expect((await stat(fifoReport)).isFIFO()).toBe(true);
  });
});
