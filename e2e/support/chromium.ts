// Debian's Chromium, driven by playwright-core (no browser download: `npm run test:setup` installs chromium).
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.VIGIE_CHROMIUM ?? '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`no Chromium at ${CHROMIUM_PATH}: run \`npm run test:setup\` (installs Debian's chromium) or set VIGIE_CHROMIUM`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}
