// A throwaway slapd for integration tests: its own directory, cn=config built offline, data loaded with
// `slapadd -q`, a free loopback port, stopped by its own pid. Facts: shared/docs/openldap-test-server.md.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freeLoopbackPort } from './free-port.ts';
import { makeTestCertificates, type TestCertificates } from './test-certificates.ts';
import { run } from './run.ts';

const MODULE_PATH = '/usr/lib/ldap';
const SYSTEM_SCHEMAS = ['core', 'cosine', 'nis', 'inetorgperson', 'namedobject'];
const PASSWORD_ATTRIBUTES = ['userPassword', 'sambaNTPassword', 'sambaLMPassword'];

export interface SlapdOptions {
  /** Default `dc=vigie,dc=test`. */
  suffix?: string;
  /** Default `cn=admin,<suffix>`. */
  rootDn?: string;
  /** Default: a random one. */
  rootPw?: string;
  /** Add the suffix's own entry before the data (default true); false when the LDIF holds it. */
  baseEntry?: boolean;
  /** LDIF files loaded offline with `slapadd -q`, in order. */
  ldifFiles?: string[];
  /** LDIF text loaded after the files (convenient for small test data). */
  ldif?: string;
  /** Extra schema files in cn=config LDIF form (e.g. integration/schema/*.ldif). */
  schemaFiles?: string[];
  /**
   * 'open': no olcAccess at all, so anyone, anonymous included, reads every userPassword.
   * 'hidden' (default): password attributes readable by the rootdn only, the rest by anyone.
   */
  acl?: 'open' | 'hidden';
  /** 'unlimited' (default) on frontend and database; 'default' leaves slapd's own 500; or a number. */
  sizeLimit?: 'unlimited' | 'default' | number;
  /** Seconds, on frontend and database; slapd's own default (3600) when absent. */
  timeLimit?: number;
  /** Serve ldaps:// too and allow StartTLS, with a throwaway CA (default false). */
  tls?: boolean;
  /** `olcPasswordHash` on the frontend, e.g. '{ARGON2}', used by the Password Modify operation. */
  passwordHash?: string;
  /** Arguments of `olcModuleLoad: argon2`. */
  argon2Params?: string;
}

export interface SlapdServer {
  /** ldap://127.0.0.1:PORT/ */
  url: string;
  /** ldaps://127.0.0.1:PORT/ when started with `tls`. */
  ldapsUrl?: string;
  /** The throwaway CA that signed the server certificate, when started with `tls`. */
  caFile?: string;
  suffix: string;
  rootDn: string;
  rootPw: string;
  /** cn=config's own administrator, to change ACLs, limits or ppolicy online. */
  configDn: string;
  configPw: string;
  pid: number;
  dir: string;
  /** Apply an LDIF change set with ldapmodify, as the rootdn or as cn=config's administrator. */
  modify(ldif: string, options?: { asConfig?: boolean; relax?: boolean }): Promise<void>;
  /** Set a password with the Password Modify extended operation (ldappasswd), as the rootdn. */
  setPassword(dn: string, password: string): Promise<void>;
  /** SIGTERM, wait, remove the directory. Safe to call more than once. */
  stop(): Promise<void>;
  /** SIGKILL: the server vanishes mid-operation. The directory is removed by `stop()`. */
  kill(): Promise<void>;
  /** Starts the server again on its own data and at the same URL, after `kill()` (`pid` changes). */
  restart(): Promise<void>;
}

/** Servers still running, by pid, and directories not yet removed: what an exiting test run cleans up. */
const running = new Set<number>();
const directories = new Set<string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A test run that dies must not leave servers behind.
  process.on('exit', () => {
    for (const pid of running) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    for (const dir of directories) rmSync(dir, { recursive: true, force: true });
  });
}

export async function startSlapd(options: SlapdOptions = {}): Promise<SlapdServer> {
  const suffix = options.suffix ?? 'dc=vigie,dc=test';
  const rootDn = options.rootDn ?? `cn=admin,${suffix}`;
  const rootPw = options.rootPw ?? randomSecret();
  const configPw = randomSecret();
  const dir = await mkdtemp(join(tmpdir(), 'vigie-slapd-'));
  directories.add(dir);
  installExitHook();
  try {
    const certificates = options.tls ? await makeTestCertificates(dir) : undefined;
    const schemaFiles = (options.schemaFiles ?? []).map((file) => resolve(file));
    const sambaHashes = await schemasDefineSambaHashes(schemaFiles);
    const configLdif = buildConfig({
      dir, suffix, rootDn, rootPw, configPw, schemaFiles, sambaHashes, certificates,
      acl: options.acl ?? 'hidden',
      sizeLimit: options.sizeLimit ?? 'unlimited',
      timeLimit: options.timeLimit,
      passwordHash: options.passwordHash,
      argon2Params: options.argon2Params ?? 'm=65536 t=2 p=1',
    });
    await writeFile(join(dir, 'config.ldif'), configLdif);
    await run('mkdir', ['-p', join(dir, 'slapd.d'), join(dir, 'data')]);
    await run('slapadd', ['-n0', '-F', join(dir, 'slapd.d'), '-l', join(dir, 'config.ldif')]);

    const dataFiles: string[] = [];
    if (options.baseEntry !== false) {
      const base = join(dir, 'base.ldif');
      await writeFile(base, baseEntryLdif(suffix));
      dataFiles.push(base);
    }
    dataFiles.push(...(options.ldifFiles ?? []).map((file) => resolve(file)));
    if (options.ldif) {
      const inline = join(dir, 'inline.ldif');
      await writeFile(inline, options.ldif);
      dataFiles.push(inline);
    }
    for (const file of dataFiles) {
      await run('slapadd', ['-q', '-b', suffix, '-F', join(dir, 'slapd.d'), '-l', file], { timeoutMs: 300_000 });
    }

    const rootPwFile = join(dir, 'rootpw');
    const configPwFile = join(dir, 'configpw');
    await writeFile(rootPwFile, rootPw, { mode: 0o600 });
    await writeFile(configPwFile, configPw, { mode: 0o600 });

    const { child, url, ldapsUrl } = await launch(dir, Boolean(certificates));
    // The process serving now: `restart()` replaces it.
    const track = (c: ChildProcess): { pid: number; exited: Promise<void> } => {
      const pid = c.pid as number;
      running.add(pid);
      const exited = new Promise<void>((done) => {
        if (c.exitCode !== null || c.signalCode !== null) done();
        else c.once('exit', () => done());
      }).then(() => {
        running.delete(pid);
      });
      return { pid, exited };
    };
    let current = track(child);
    let stopping: Promise<void> | undefined;
    const signal = async (name: NodeJS.Signals, graceMs: number): Promise<void> => {
      const { pid, exited } = current;
      try {
        process.kill(pid, name);
      } catch {
        // already gone
      }
      const timer = new Promise<'late'>((done) => setTimeout(() => done('late'), graceMs).unref());
      if ((await Promise.race([exited.then(() => 'exited' as const), timer])) === 'late') {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
        await exited;
      }
    };

    return {
      url, ldapsUrl, caFile: certificates?.caFile, suffix, rootDn, rootPw,
      configDn: 'cn=config', configPw, dir,
      get pid() {
        return current.pid;
      },
      async restart() {
        await signal('SIGKILL', 5_000);
        const again = await launch(dir, Boolean(certificates), { url, ldapsUrl });
        current = track(again.child);
      },
      async modify(ldif, opts = {}) {
        const args = ['-x', '-H', url, '-D', opts.asConfig ? 'cn=config' : rootDn, '-y', opts.asConfig ? configPwFile : rootPwFile];
        if (opts.relax) args.push('-e', 'relax');
        await run('ldapmodify', args, { input: ldif });
      },
      async setPassword(dn, password) {
        const newPwFile = join(dir, 'newpw');
        await writeFile(newPwFile, password, { mode: 0o600 });
        try {
          await run('ldappasswd', ['-x', '-H', url, '-D', rootDn, '-y', rootPwFile, '-T', newPwFile, dn]);
        } finally {
          await rm(newPwFile, { force: true });
        }
      },
      stop() {
        stopping ??= (async () => {
          await signal('SIGTERM', 5_000);
          await rm(dir, { recursive: true, force: true });
          directories.delete(dir);
        })();
        return stopping;
      },
      async kill() {
        await signal('SIGKILL', 5_000);
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    directories.delete(dir);
    throw error;
  }
}

interface ConfigParts {
  dir: string;
  suffix: string;
  rootDn: string;
  rootPw: string;
  configPw: string;
  schemaFiles: string[];
  sambaHashes: boolean;
  certificates: TestCertificates | undefined;
  acl: 'open' | 'hidden';
  sizeLimit: 'unlimited' | 'default' | number;
  timeLimit: number | undefined;
  passwordHash: string | undefined;
  argon2Params: string;
}

function buildConfig(parts: ConfigParts): string {
  const limits: string[] = [];
  if (parts.sizeLimit !== 'default') limits.push(`olcSizeLimit: ${parts.sizeLimit}`);
  if (parts.timeLimit !== undefined) limits.push(`olcTimeLimit: ${parts.timeLimit}`);

  const tls = parts.certificates
    ? [
      `olcTLSCACertificateFile: ${parts.certificates.caFile}`,
      `olcTLSCertificateFile: ${parts.certificates.certFile}`,
      `olcTLSCertificateKeyFile: ${parts.certificates.keyFile}`,
    ]
    : [];

  const hidden = parts.sambaHashes ? PASSWORD_ATTRIBUTES : PASSWORD_ATTRIBUTES.slice(0, 1);
  const access = parts.acl === 'hidden'
    ? [
      `olcAccess: {0}to attrs=${hidden.join(',')} by self write by anonymous auth by * none`,
      'olcAccess: {1}to * by * read',
    ]
    : [];

  const schemaIncludes = [
    ...SYSTEM_SCHEMAS.map((name) => `/etc/ldap/schema/${name}.ldif`),
    ...parts.schemaFiles,
  ].map((file) => `include: file://${file}`);

  const entries = [
    [
      'dn: cn=config',
      'objectClass: olcGlobal',
      'cn: config',
      `olcPidFile: ${join(parts.dir, 'slapd.pid')}`,
      `olcArgsFile: ${join(parts.dir, 'slapd.args')}`,
      ...tls,
    ],
    [
      'dn: cn=module{0},cn=config',
      'objectClass: olcModuleList',
      'cn: module{0}',
      `olcModulePath: ${MODULE_PATH}`,
      'olcModuleLoad: {0}back_mdb',
      'olcModuleLoad: {1}ppolicy',
      'olcModuleLoad: {2}pw-sha2',
      `olcModuleLoad: {3}argon2 ${parts.argon2Params}`,
      'olcModuleLoad: {4}pw-pbkdf2',
    ],
    ['dn: cn=schema,cn=config', 'objectClass: olcSchemaConfig', 'cn: schema'],
    schemaIncludes,
    [
      'dn: olcDatabase={-1}frontend,cn=config',
      'objectClass: olcDatabaseConfig',
      'objectClass: olcFrontendConfig',
      'olcDatabase: {-1}frontend',
      ...limits,
      ...(parts.passwordHash ? [`olcPasswordHash: ${parts.passwordHash}`] : []),
    ],
    [
      'dn: olcDatabase={0}config,cn=config',
      'objectClass: olcDatabaseConfig',
      'olcDatabase: {0}config',
      'olcRootDN: cn=config',
      `olcRootPW: ${parts.configPw}`,
    ],
    [
      'dn: olcDatabase={1}mdb,cn=config',
      'objectClass: olcDatabaseConfig',
      'objectClass: olcMdbConfig',
      'olcDatabase: {1}mdb',
      `olcSuffix: ${parts.suffix}`,
      `olcRootDN: ${parts.rootDn}`,
      `olcRootPW: ${parts.rootPw}`,
      `olcDbDirectory: ${join(parts.dir, 'data')}`,
      // The 10 MB default is too small for a 100k-account school board.
      'olcDbMaxSize: 4294967296',
      'olcDbNoSync: TRUE',
      'olcDbIndex: objectClass eq',
      ...limits,
      ...access,
    ],
  ];
  return entries.map((lines) => lines.join('\n')).join('\n\n') + '\n';
}

function baseEntryLdif(suffix: string): string {
  const first = suffix.split(',')[0] ?? '';
  const [type = '', value = ''] = first.split('=');
  const lines = [`dn: ${suffix}`];
  switch (type.trim().toLowerCase()) {
    case 'dc':
      lines.push('objectClass: dcObject', 'objectClass: organization', `dc: ${value}`, `o: ${value}`);
      break;
    case 'o':
      lines.push('objectClass: organization', `o: ${value}`);
      break;
    case 'ou':
      lines.push('objectClass: organizationalUnit', `ou: ${value}`);
      break;
    default:
      throw new Error(`startSlapd: cannot make a base entry for ${suffix}; pass baseEntry: false and load your own.`);
  }
  return lines.join('\n') + '\n';
}

async function schemasDefineSambaHashes(files: string[]): Promise<boolean> {
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    if (/NAME\s+'sambaNTPassword'/i.test(text)) return true;
  }
  return false;
}

async function launch(
  dir: string, tls: boolean, same?: { url: string; ldapsUrl: string | undefined },
): Promise<{ child: ChildProcess; url: string; ldapsUrl?: string }> {
  // Another process may grab the free port between our check and slapd's bind: try again then. A restart takes
  // the URLs it had (the port was just freed by the killed server: slapd sets SO_REUSEADDR).
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const port = same ? 0 : await freeLoopbackPort();
    const ldapsPort = same ? 0 : tls ? await freeLoopbackPort([port]) : undefined;
    const url = same ? same.url : `ldap://127.0.0.1:${port}/`;
    const ldapsUrl = same ? same.ldapsUrl : ldapsPort ? `ldaps://127.0.0.1:${ldapsPort}/` : undefined;
    const listen = ldapsUrl ? `${url} ${ldapsUrl}` : url;
    const child = spawn('bash', ['-c', 'ulimit -n 1024; exec /usr/sbin/slapd -d none -h "$1" -F "$2"', 'slapd', listen, join(dir, 'slapd.d')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4000);
    });
    try {
      await waitUntilReady(child, dir, url);
      return { child, url, ldapsUrl };
    } catch (error) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      lastError = new Error(`slapd did not start: ${(error as Error).message}\n${stderr.trim()}`);
      if (!/address already in use/i.test(stderr)) break;
    }
  }
  throw lastError;
}

async function waitUntilReady(child: ChildProcess, dir: string, url: string): Promise<void> {
  const pidFile = join(dir, 'slapd.pid');
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`slapd exited (${child.exitCode ?? child.signalCode})`);
    }
    if (existsSync(pidFile)) {
      const pid = Number((await readFile(pidFile, 'utf8')).trim());
      // The pid file must be this server's, and the port must answer as an LDAP server.
      if (pid === child.pid && isAlive(pid)) {
        const answered = await run('ldapsearch', ['-x', '-H', url, '-b', '', '-s', 'base', '-o', 'nettimeout=2', '1.1'], { timeoutMs: 5_000 })
          .then(() => true, () => false);
        if (answered) return;
      }
    }
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error('not ready after 15 s');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function randomSecret(): string {
  return randomBytes(12).toString('base64url');
}
