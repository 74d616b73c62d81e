// Where the breach index lives by default: a `breached` folder in Vigie's app-data folder.
import path from 'node:path';
import { defaultDataDir } from './data-dir.ts';

export function defaultBreachIndexDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(defaultDataDir(env), 'breached');
}
