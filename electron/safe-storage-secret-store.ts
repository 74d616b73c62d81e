// Bind passwords in the OS keychain through Electron's safeStorage: `<dataDir>/secrets.json` holds only the
// encrypted bytes (base64), one per profile. Where the OS offers no real encryption (no keychain, or Linux's
// 'basic_text' fallback with a fixed key) it stores nothing and says so.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SafeStorage } from 'electron';
import { writeFileAtomicallySync } from '../shared/app/atomic-file.ts';
import { NoSecretStoreError, type SecretStore } from '../shared/app/secret-store.ts';

export type SafeStorageApi = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

export class SafeStorageSecretStore implements SecretStore {
  private readonly file: string;

  constructor(private readonly safeStorage: SafeStorageApi, dataDir: string, private readonly platform: NodeJS.Platform = process.platform) {
    this.file = path.join(dataDir, 'secrets.json');
  }

  available(): boolean {
    if (!this.safeStorage.isEncryptionAvailable()) return false;
    return !(this.platform === 'linux' && this.safeStorage.getSelectedStorageBackend?.() === 'basic_text');
  }

  save(profileId: string, password: string): void {
    if (!this.available()) throw new NoSecretStoreError();
    const all = this.read();
    all[profileId] = this.safeStorage.encryptString(password).toString('base64');
    writeFileAtomicallySync(this.file, JSON.stringify(all, null, 2) + '\n');
  }

  load(profileId: string): string | null {
    if (!this.available()) return null;
    const sealed = this.read()[profileId];
    if (!sealed) return null;
    try {
      return this.safeStorage.decryptString(Buffer.from(sealed, 'base64'));
    } catch {
      // Sealed by another user or keychain: as if not saved; the UI asks for the password.
      return null;
    }
  }

  remove(profileId: string): void {
    const all = this.read();
    if (!(profileId in all)) return;
    delete all[profileId];
    writeFileAtomicallySync(this.file, JSON.stringify(all, null, 2) + '\n');
  }

  private read(): Record<string, string> {
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
      return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
    } catch {
      return {};
    }
  }
}
