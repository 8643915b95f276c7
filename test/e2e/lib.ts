/**
 * What every end-to-end test needs: Debian's Chromium with the same flags, the built-in
 * samples as the app normalises them, and the two waits (engine ready; the page shows the
 * analysis of a given text).
 */
import { expect } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { MAX_CHARS } from '../../src/engine/limits';
import { SAMPLES } from '../../src/app/samples';
import { normalizeNote } from '../../src/app/lib/plain-text';

export { ARTIFACTS } from './global-setup';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Headless Debian Chromium; fails the suite with the install hint when it is missing. */
export async function launchChromium(): Promise<Browser> {
  expect(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM} (apt-get install -y chromium)`).toBe(true);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/** A built-in sample note, as the app loads it. */
export function sample(id: string): string {
  const s = SAMPLES.find((x) => x.id === id);
  if (!s) throw new Error(`no sample ${id}`);
  return normalizeNote(s.text);
}

/** Wait until the engine worker reports ready. */
export async function engineReady(page: Page, timeout = 60_000): Promise<void> {
  await page.locator('[data-testid="engine-status"][data-stage="ready"]').waitFor({ timeout });
}

/**
 * Wait until the page shows the analysis of exactly `text`: the claims panel is not updating and
 * the evidence pane shows the part of the text the engine read (the first MAX_CHARS characters).
 */
export async function waitForAnalysisOf(page: Page, text: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    ({ t, max }) => {
      const panel = document.querySelector('[data-testid="claims-panel"]');
      const body = document.querySelector('[data-testid="evidence-body"]');
      return panel?.getAttribute('data-updating') === 'false' && body?.textContent === t.slice(0, max);
    },
    { t: text, max: MAX_CHARS },
    { timeout },
  );
}
