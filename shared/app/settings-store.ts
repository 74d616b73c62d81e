// The user's settings: `<dataDir>/settings.json`, French and standard depth until changed.
import path from 'node:path';
import { SettingsSchema, type Settings } from '../contract/api.ts';
import { readJsonFile, writeJsonAtomically } from './atomic-file.ts';

export const DEFAULT_SETTINGS: Settings = { language: 'fr', defaultDepth: 'standard' };

export class SettingsStore {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'settings.json');
  }

  async get(): Promise<Settings> {
    const stored = await readJsonFile<unknown>(this.file, null);
    // A file from an older or newer version keeps what is still valid.
    const parsed = SettingsSchema.partial().safeParse(stored ?? {});
    return { ...DEFAULT_SETTINGS, ...(parsed.success ? parsed.data : {}) };
  }

  async save(settings: Settings): Promise<Settings> {
    const valid = SettingsSchema.parse(settings);
    await writeJsonAtomically(this.file, valid);
    return valid;
  }
}
