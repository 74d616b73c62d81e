// Where Vigie keeps its history, profiles and settings: the user's app-data folder, or VIGIE_DATA_DIR (tests).
import { homedir } from 'node:os';
import path from 'node:path';

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.VIGIE_DATA_DIR) return path.resolve(env.VIGIE_DATA_DIR);
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), 'Vigie');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Vigie');
  const config = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(home, '.config');
  return path.join(config, 'vigie');
}
