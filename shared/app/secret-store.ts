// Bind passwords saved with a profile live only in a SecretStore: the OS keychain in Electron, nowhere in a browser.
import { VigieError } from '../engine/errors.ts';

export interface SecretStore {
  /** False where the OS offers no encryption: passwords are never stored, the UI asks each time. */
  available(): boolean;
  /** Throws a VigieError when `available()` is false. */
  save(profileId: string, password: string): void;
  load(profileId: string): string | null;
  remove(profileId: string): void;
}

/** The loopback host's store: it keeps nothing, so a browser session never leaves a password on disk. */
export class NoSecretStore implements SecretStore {
  available(): boolean {
    return false;
  }
  save(): void {
    throw new NoSecretStoreError();
  }
  load(): string | null {
    return null;
  }
  remove(): void {}
}

export class NoSecretStoreError extends VigieError {
  override readonly name = 'NoSecretStoreError';
  constructor() {
    super('this system offers no encryption to save the bind password', 'leave the password empty: Vigie will ask for it at each scan', { code: 'NO_KEYCHAIN' });
  }
}
