import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScanReport } from '../contract/report.ts';
import { defaultDataDir } from './data-dir.ts';
import { HistoryStore, ReportNotFoundError } from './history-store.ts';
import { ProfileStore } from './profile-store.ts';
import { NoSecretStore, NoSecretStoreError, type SecretStore } from './secret-store.ts';
import { SettingsStore } from './settings-store.ts';
import { useTempDataDirs } from './test-data-dir.ts';

const tempDir = useTempDataDirs();

/** A SecretStore that keeps passwords in memory, as the keychain would, so the profile file can be checked. */
class MemorySecretStore implements SecretStore {
  readonly saved = new Map<string, string>();
  available() { return true; }
  save(id: string, password: string) { this.saved.set(id, password); }
  load(id: string) { return this.saved.get(id) ?? null; }
  remove(id: string) { this.saved.delete(id); }
}

function report(overrides: Partial<ScanReport> = {}): ScanReport {
  return {
    schemaVersion: 1,
    tool: { name: 'vigie', version: '0.1.0' },
    source: { kind: 'ldif', location: '/tmp/ecole.ldif', flavour: 'sdet', flavourDetected: true, depth: 'standard', schoolWords: 3 },
    startedAt: '2025-03-01T10:00:00.000Z',
    finishedAt: '2025-03-01T10:01:00.000Z',
    partial: false,
    directoryFindings: [],
    summary: {
      accounts: 2, withFindings: 1, byCode: { COMMON_PASSWORD: 1 }, bySeverity: { critical: 0, high: 1, medium: 0, low: 0 },
      byScheme: { SSHA: 2 }, byProfile: {}, sharedGroups: [], score: 72, grade: 'C',
    },
    accounts: [],
    ...overrides,
  };
}

describe('defaultDataDir', () => {
  it('follows each OS convention and VIGIE_DATA_DIR', () => {
    expect(defaultDataDir({ VIGIE_DATA_DIR: '/srv/v' }, 'linux', '/home/a')).toBe('/srv/v');
    expect(defaultDataDir({}, 'linux', '/home/a')).toBe('/home/a/.config/vigie');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x/cfg' }, 'linux', '/home/a')).toBe('/x/cfg/vigie');
    expect(defaultDataDir({}, 'darwin', '/Users/a')).toBe('/Users/a/Library/Application Support/Vigie');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32', 'C:\\Users\\a')).toBe('C:\\Users\\a\\AppData\\Roaming\\Vigie');
  });
});

describe('HistoryStore', () => {
  it('writes each report through a temp file renamed into place, and lists newest first', async () => {
    const dir = await tempDir();
    const history = new HistoryStore(dir);
    const older = await history.save(report(), { label: 'Collège A', profileId: 'p1' });
    const newer = await history.save(report({ finishedAt: '2025-03-02T09:00:00.000Z' }));
    const files = await readdir(path.join(dir, 'history'));
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(files.sort()).toEqual([`${newer.reportId}.entry.json`, `${newer.reportId}.json`, `${older.reportId}.entry.json`, `${older.reportId}.json`].sort());
    expect(await history.list()).toEqual([newer, older]);
    expect(older).toMatchObject({ label: 'Collège A', profileId: 'p1', score: 72, grade: 'C', accounts: 2, partial: false });
    expect(newer.label).toBe('/tmp/ecole.ldif');
    expect(await history.get(older.reportId)).toEqual(report());
  });

  it('a failed save leaves the history as it was: no temp file, no entry', async () => {
    const dir = await tempDir();
    const history = new HistoryStore(dir);
    const entry = await history.save(report());
    const before = await readFile(history.reportFile(entry.reportId), 'utf8');
    const circular = report() as ScanReport & { self?: unknown };
    circular.self = circular;
    await expect(history.save(circular)).rejects.toThrow();
    expect(await readFile(history.reportFile(entry.reportId), 'utf8')).toBe(before);
    expect((await readdir(history.folder)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(await history.list()).toHaveLength(1);
  });

  it('refuses ids that could reach outside the history folder', async () => {
    const history = new HistoryStore(await tempDir());
    await expect(history.get('../profiles')).rejects.toBeInstanceOf(ReportNotFoundError);
    await expect(history.get('nope')).rejects.toBeInstanceOf(ReportNotFoundError);
  });
});

describe('ProfileStore', () => {
  const ldap = { kind: 'ldap' as const, url: 'ldaps://annuaire.college.fr', baseDn: 'dc=college', bindDn: 'cn=audit,dc=college' };

  it('never writes a bind password into profiles.json; the SecretStore holds it', async () => {
    const dir = await tempDir();
    const secrets = new MemorySecretStore();
    const profiles = new ProfileStore(dir, secrets);
    const saved = await profiles.save({ name: 'Collège Prévert', connection: ldap, password: 'Tr0ub4dour&3-secret' });
    expect(saved.passwordSaved).toBe(true);
    expect(saved).not.toHaveProperty('password');
    const file = await readFile(path.join(dir, 'profiles.json'), 'utf8');
    expect(file).not.toContain('Tr0ub4dour');
    expect(file).toContain('Collège Prévert');
    expect(profiles.password(saved.id)).toBe('Tr0ub4dour&3-secret');
    expect(await profiles.list()).toEqual([saved]);
  });

  it('forgets the saved password when the account or server changes, and on delete', async () => {
    const secrets = new MemorySecretStore();
    const profiles = new ProfileStore(await tempDir(), secrets);
    const saved = await profiles.save({ name: 'A', connection: ldap, password: 's3cret-value' });
    const renamed = await profiles.save({ id: saved.id, name: 'B', connection: ldap });
    expect(renamed.passwordSaved).toBe(true);
    const moved = await profiles.save({ id: saved.id, name: 'B', connection: { ...ldap, bindDn: 'cn=other,dc=college' } });
    expect(moved.passwordSaved).toBe(false);
    expect(secrets.saved.size).toBe(0);
    await profiles.save({ id: saved.id, name: 'B', connection: ldap, password: 'again-secret' });
    await profiles.delete(saved.id);
    expect(secrets.saved.size).toBe(0);
    expect(await profiles.list()).toEqual([]);
  });

  it('refuses to save a password where the OS cannot encrypt it, and saves nothing then', async () => {
    const dir = await tempDir();
    const profiles = new ProfileStore(dir, new NoSecretStore());
    await expect(profiles.save({ name: 'A', connection: ldap, password: 'p' })).rejects.toBeInstanceOf(NoSecretStoreError);
    expect(await profiles.list()).toEqual([]);
    const withoutPassword = await profiles.save({ name: 'A', connection: ldap });
    expect(withoutPassword.passwordSaved).toBe(false);
  });

  it('drops a stray password field a hand-edited file may hold', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'profiles.json'), JSON.stringify({ version: 1, profiles: [{ id: 'x', name: 'X', connection: ldap, passwordSaved: false, password: 'leak' }] }));
    const profiles = new ProfileStore(dir, new NoSecretStore());
    expect(JSON.stringify(await profiles.list())).not.toContain('leak');
  });
});

describe('SettingsStore', () => {
  it('defaults to French and standard depth, then keeps what is saved', async () => {
    const dir = await tempDir();
    const settings = new SettingsStore(dir);
    expect(await settings.get()).toEqual({ language: 'fr', defaultDepth: 'standard' });
    await settings.save({ language: 'en', defaultDepth: 'deep' });
    expect(await new SettingsStore(dir).get()).toEqual({ language: 'en', defaultDepth: 'deep' });
  });
});
