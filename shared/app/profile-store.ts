// Saved school connections: `<dataDir>/profiles.json`. A bind password never enters this file: it goes to
// the SecretStore, and the profile only records that one is saved.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { ProfileInput, SchoolProfile } from '../contract/api.ts';
import { VigieError } from '../engine/errors.ts';
import { readJsonFile, writeJsonAtomically } from './atomic-file.ts';
import type { SecretStore } from './secret-store.ts';

interface ProfilesFile {
  version: 1;
  profiles: SchoolProfile[];
}

export class ProfileNotFoundError extends VigieError {
  override readonly name = 'ProfileNotFoundError';
  constructor(profileId: string) {
    super(`no saved school with id ${profileId}`, 'it may have been deleted: choose another one', { code: 'PROFILE_NOT_FOUND' });
  }
}

export class ProfileStore {
  private readonly file: string;
  // Saves run one after another, so two quick saves never lose one of them.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string, private readonly secrets: SecretStore, private readonly builtIn: readonly SchoolProfile[] = []) {
    this.file = path.join(dataDir, 'profiles.json');
  }

  /** Built-in profiles (the demo school) first, then the user's own. */
  async list(): Promise<SchoolProfile[]> {
    return [...this.builtIn, ...(await this.saved())];
  }

  private async saved(): Promise<SchoolProfile[]> {
    const stored = await readJsonFile<ProfilesFile>(this.file, { version: 1, profiles: [] });
    return Array.isArray(stored.profiles) ? stored.profiles.filter((p) => !this.isBuiltIn(p.id)).map(withoutPassword) : [];
  }

  private isBuiltIn(profileId: string): boolean {
    return this.builtIn.some((p) => p.id === profileId);
  }

  private refuseBuiltIn(profileId: string | undefined): void {
    if (profileId !== undefined && this.isBuiltIn(profileId)) {
      throw new VigieError('the demo school is built in and cannot be changed', 'save your own school as a new profile', { code: 'DEMO_READ_ONLY' });
    }
  }

  async get(profileId: string): Promise<SchoolProfile> {
    const found = (await this.list()).find((p) => p.id === profileId);
    if (!found) throw new ProfileNotFoundError(profileId);
    return found;
  }

  /** Creates or replaces a profile. A password is handed to the SecretStore (refused when it cannot encrypt). */
  save(input: ProfileInput): Promise<SchoolProfile> {
    return this.serialised(async () => {
      this.refuseBuiltIn(input.id);
      const profiles = await this.saved();
      const id = input.id ?? randomUUID();
      const previous = profiles.find((p) => p.id === id);
      if (input.password !== undefined && input.password !== '') {
        // Refused with one line where the OS cannot encrypt: nothing is saved then.
        this.secrets.save(id, input.password);
      }
      const passwordSaved = input.password ? true : previous !== undefined && previous.passwordSaved && sameBind(previous, input);
      if (previous?.passwordSaved && !passwordSaved) this.secrets.remove(id);
      const profile: SchoolProfile = {
        id,
        name: input.name,
        connection: input.connection,
        ...(input.flavour !== undefined ? { flavour: input.flavour } : {}),
        ...(input.school !== undefined ? { school: input.school } : {}),
        passwordSaved,
      };
      const next = previous ? profiles.map((p) => (p.id === id ? profile : p)) : [...profiles, profile];
      await this.write(next);
      return profile;
    });
  }

  delete(profileId: string): Promise<void> {
    return this.serialised(async () => {
      this.refuseBuiltIn(profileId);
      const profiles = await this.saved();
      if (!profiles.some((p) => p.id === profileId)) throw new ProfileNotFoundError(profileId);
      this.secrets.remove(profileId);
      await this.write(profiles.filter((p) => p.id !== profileId));
    });
  }

  /** The saved bind password of a profile, if any. */
  password(profileId: string): string | null {
    return this.secrets.available() ? this.secrets.load(profileId) : null;
  }

  private async write(profiles: SchoolProfile[]): Promise<void> {
    const file: ProfilesFile = { version: 1, profiles: profiles.map(withoutPassword) };
    await writeJsonAtomically(this.file, file);
  }

  private serialised<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** A saved password belongs to one account on one server: changing either forgets it. */
function sameBind(previous: SchoolProfile, input: ProfileInput): boolean {
  const a = previous.connection;
  const b = input.connection;
  return a.kind === 'ldap' && b.kind === 'ldap' && a.url === b.url && a.bindDn === b.bindDn;
}

/** Whatever a file holds, only the profile's known fields come out: never a stray password. */
function withoutPassword(p: SchoolProfile): SchoolProfile {
  return {
    id: p.id,
    name: p.name,
    connection: p.connection,
    ...(p.flavour !== undefined ? { flavour: p.flavour } : {}),
    ...(p.school !== undefined ? { school: p.school } : {}),
    passwordSaved: p.passwordSaved === true,
  };
}
