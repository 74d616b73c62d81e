// `vigie scan`'s options and the app's ScanStart build their scan through the same builder (issue #13 §1): for the
// same directory they ask the engine for the same scan.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanStart } from '../../contract/api.ts';
import type { ScanReport } from '../../contract/report.ts';
import type { ScanRequest } from '../../engine/scan.ts';
import { NoSecretStore } from '../../app/secret-store.ts';
import { createVigieServices } from '../../app/vigie-services.ts';
import type { CliIo } from '../main.ts';
import { scanCommand, scanRequestFromOptions } from './scan.ts';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'vigie-scan-request-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

function io(env: NodeJS.ProcessEnv): CliIo {
  return {
    stdout: process.stdout, stderr: process.stderr,
    stdin: { isTTY: false } as unknown as NodeJS.ReadStream,
    env, signal: new AbortController().signal,
  };
}

async function fromCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ScanRequest> {
  const { values } = parseArgs({ args, options: scanCommand.options, strict: true });
  return scanRequestFromOptions(values, io({ VIGIE_DATA_DIR: dataDir, ...env }));
}

async function fromApp(start: ScanStart): Promise<ScanRequest> {
  let seen: ScanRequest | undefined;
  const api = createVigieServices({
    dataDir, secrets: new NoSecretStore(), hostKind: 'loopback', demoFile: null,
    runScan: async (request): Promise<ScanReport> => {
      seen = request;
      throw new Error('not run in this test');
    },
  });
  await api.scanOutcome((await api.startScan(start)).scanId);
  if (!seen) throw new Error('the app ran no scan');
  return seen;
}

const URL_ = 'ldap://127.0.0.1:3389/';
const BASE = 'dc=vigie,dc=test';

describe('the CLI and the app build the same scan request', () => {
  it('a live directory, anonymous, with the defaults: the same posture checks, depth and breach index', async () => {
    const cli = await fromCli(['--url', URL_, '--base', BASE]);
    expect(cli.posture).toEqual({});
    expect(await fromApp({ connection: { kind: 'ldap', url: URL_, baseDn: BASE } })).toEqual(cli);
  });

  it('a bound, StartTLS directory with a depth, a flavour and school words', async () => {
    const pwFile = path.join(dataDir, 'pw');
    await writeFile(pwFile, 'secret-1\n', { mode: 0o600 });
    const cli = await fromCli(['--url', URL_, '--base', BASE, '--bind-dn', 'cn=admin', '--password-file', pwFile, '--starttls',
      '--ca-file', '/ca.pem', '--depth', 'deep', '--flavour', 'SDET', '--school', ' Moulin ', '--school', 'Jaurès']);
    const app = await fromApp({
      connection: { kind: 'ldap', url: URL_, baseDn: BASE, bindDn: 'cn=admin', startTls: true, caFile: '/ca.pem' },
      password: 'secret-1', depth: 'deep', flavour: 'sdet', school: ['Moulin', ' Jaurès'],
    });
    expect(app).toEqual(cli);
    expect(cli).toMatchObject({ depth: 'deep', flavour: 'sdet', school: ['Moulin', 'Jaurès'], posture: {} });
  });

  it('an LDIF export: no posture checks either way', async () => {
    const cli = await fromCli(['--ldif', '/tmp/ecole.ldif']);
    expect(cli).not.toHaveProperty('posture');
    expect(await fromApp({ connection: { kind: 'ldif', file: '/tmp/ecole.ldif' } })).toEqual(cli);
  });

  it('the CLI adds its probe and cn=config accounts; --breach-index and --workers stay its own', async () => {
    const probeFile = path.join(dataDir, 'probe');
    const configFile = path.join(dataDir, 'config');
    await writeFile(probeFile, 'eleve-pw\n', { mode: 0o600 });
    await writeFile(configFile, 'config-pw\n', { mode: 0o600 });
    const cli = await fromCli(['--url', URL_, '--base', BASE, '--probe-dn', 'uid=eleve', '--probe-password-file', probeFile,
      '--config-bind-dn', 'cn=config', '--config-password-file', configFile, '--breach-index', '/elsewhere', '--workers', '2']);
    expect(cli).toMatchObject({
      posture: { probe: { dn: 'uid=eleve', password: 'eleve-pw' }, config: { dn: 'cn=config', password: 'config-pw' } },
      breachIndexDir: '/elsewhere',
      workers: 2,
    });
  });
});
