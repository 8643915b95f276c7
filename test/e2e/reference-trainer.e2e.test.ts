/**
 * Documentation check, code reference and trainer in real Chromium against the production
 * build (served by the shared global setup).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, engineReady, launchChromium } from './lib';


const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;

let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const NO_POCKET = `PREOPERATIVE DIAGNOSIS: Urinary retention, successful sacral nerve stimulation trial.
PROCEDURE: Stage 2 sacral neuromodulation, implantation of pulse generator.
ANESTHESIA: Monitored anesthesia care.

DESCRIPTION: The patient was positioned prone. The previously placed tined lead in the left S3 foramen was identified. The battery was placed in the left upper buttock. The lead was connected to the generator and impedances were normal. The wound was closed in layers.

COMPLICATIONS: None.
`;

async function go(hash: string) {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(baseUrl);
  await engineReady(page, 30_000);
});

afterAll(async () => {
  await browser?.close();
});

describe('documentation check, reference and trainer (production build, Chromium)', () => {
  it('names the missing pocket and its question on a note without pocket creation', async () => {
    await go('#/check');
    const area = page.locator('#note-text');
    await area.waitFor({ timeout: 20_000 });
    await area.fill(NO_POCKET);
    const pocket = page.locator('[data-testid="doc-item"][data-item="pocket"]');
    await pocket.waitFor({ timeout: 20_000 });
    expect(await pocket.getAttribute('data-status')).not.toBe('documented');
    expect(await pocket.textContent()).toContain('Pocket creation');
    const questions = (await page.getByTestId('doc-questions').textContent()) ?? '';
    expect(questions).toContain('Please document where the pulse generator or receiver was placed');
    await page.getByRole('button', { name: 'Copy all questions' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('1. Please document where the pulse generator');
    await page.screenshot({ path: path.join(ARTIFACTS, 'doccheck.png') });
  });

  it.each(['64590', '64596', '63685', '64580'])('shows the sections of the reference page for %s', async (code) => {
    await go(`#/reference/${code}`);
    const ref = page.locator(`[data-testid="reference-page"][data-code="${code}"]`);
    await ref.waitFor({ timeout: 20_000 });
    for (const s of ['description', 'requires', 'setting', 'units', 'global', 'related', 'modifiers', 'devices', 'indications', 'payers']) {
      expect(await ref.locator(`[data-testid="ref-section-${s}"]`).count(), s).toBe(1);
    }
    expect(await ref.locator('[data-testid="payer-row"]').count()).toBeGreaterThanOrEqual(5);
    expect(await ref.locator('[data-testid="ref-section-modifiers"]').textContent()).not.toMatch(/(^|\D)11\b/);
  });

  it('compares two codes side by side', async () => {
    await go('#/compare/64590,63685');
    const table = page.getByTestId('compare-table');
    await table.waitFor({ timeout: 20_000 });
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('64590');
    expect(text).toContain('63685');
  });

  it('scores a trainee answering a case', async () => {
    await go('#/trainer');
    await page.getByTestId('trainer-view').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: /Spinal cord stimulator trial, two leads/ }).click();
    await page.getByRole('checkbox', { name: '63650' }).check();
    await page.getByRole('spinbutton', { name: 'Units for 63650' }).fill('2');
    await page.getByRole('button', { name: 'Check my answer' }).click();
    const result = page.getByTestId('case-result');
    await result.waitFor();
    expect(await result.getAttribute('data-points')).toBe('3');
    expect(await page.getByTestId('trainer-score').getAttribute('data-points')).toBe('3');
    await expect.poll(() => page.getByTestId('engine-lines').getAttribute('data-lines'), { timeout: 20_000 }).toBe('63650 x2');
  });

  it('flipping one fact changes the code', async () => {
    await go('#/trainer');
    await page.getByRole('button', { name: /Permanent spinal cord stimulator/ }).click();
    await page.getByRole('button', { name: 'Flip one fact' }).click();
    const after = page.getByTestId('flip-after');
    await expect.poll(() => after.textContent(), { timeout: 20_000 }).toBe('63650 x2, 63685 x1');
    await page.getByRole('button', { name: /Strike/ }).click();
    await expect.poll(() => after.textContent(), { timeout: 20_000 }).toBe('63650 x2');
    await page.screenshot({ path: path.join(ARTIFACTS, 'trainer-flip.png') });
  });

  it('logged no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
