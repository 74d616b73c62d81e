// Every run leaves a screenshot of each page in e2e-artifacts/ (gitignored), to look at what a person sees.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

export const ARTIFACTS_DIR = fileURLToPath(new URL('../../e2e-artifacts/', import.meta.url));

export async function artifactPath(name: string): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  return path.join(ARTIFACTS_DIR, name);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: await artifactPath(`${name}.png`), fullPage: false });
}
