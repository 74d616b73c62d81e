import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NoSecretStoreError } from '../shared/app/secret-store.ts';
import { useTempDataDirs } from '../shared/app/test-data-dir.ts';
import { SafeStorageSecretStore, type SafeStorageApi } from './safe-storage-secret-store.ts';

const tempDir = useTempDataDirs();

/** Stands in for the OS keychain's cipher (the Electron binary is not here): a reversible byte transform. */
function keychain(available: boolean, backend: 'gnome_libsecret' | 'basic_text' = 'gnome_libsecret'): SafeStorageApi {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (s: string) => Buffer.from(Buffer.from(s, 'utf8').map((b) => b ^ 0xa5)),
    decryptString: (b: Buffer) => Buffer.from(b.map((x) => x ^ 0xa5)).toString('utf8'),
  };
}

describe('SafeStorageSecretStore', () => {
  it('writes only the encrypted bytes, and reads them back', async () => {
    const dir = await tempDir();
    const store = new SafeStorageSecretStore(keychain(true), dir, 'linux');
    store.save('p1', 'Bind-Pa55word!');
    const file = await readFile(path.join(dir, 'secrets.json'), 'utf8');
    expect(file).not.toContain('Bind-Pa55word');
    expect(store.load('p1')).toBe('Bind-Pa55word!');
    store.remove('p1');
    expect(store.load('p1')).toBeNull();
  });

  it("refuses to store where the OS offers no encryption, including Linux's basic_text fallback", async () => {
    for (const store of [new SafeStorageSecretStore(keychain(false), await tempDir(), 'win32'), new SafeStorageSecretStore(keychain(true, 'basic_text'), await tempDir(), 'linux')]) {
      expect(store.available()).toBe(false);
      expect(() => store.save('p1', 'x')).toThrow(NoSecretStoreError);
      expect(store.load('p1')).toBeNull();
    }
  });
});
