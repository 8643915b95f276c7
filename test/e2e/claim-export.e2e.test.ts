/**
 * What leaves the claim card, in real Chromium against the production build: the copied lines in
 * billing-system shape (tab-separated CPT, Mod1–Mod4, Units, Status), a review-flagged line
 * carried into the copy and the CSV download, and the vague note that must say which fact is
 * missing (the target: which system), the candidate codes and the question, instead of "no code".
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { analyze } from '../../src/engine/index';
import { FACT_WORDS, claimLinesText } from '../../src/app/lib/claim-lines';
import { engineReady, launchChromium, sample, waitForAnalysisOf } from './lib';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;

let browser: Browser;
let page: Page;

async function typeNote(text: string) {
  const area = page.locator('#note-text');
  await area.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
  await waitForAnalysisOf(page, text, 20_000);
}

async function copyLines(): Promise<string> {
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.getByRole('button', { name: 'Copy lines' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).not.toBe('');
  return page.evaluate(() => navigator.clipboard.readText());
}

beforeAll(async () => {
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  page = await context.newPage();
  await page.goto(baseUrl);
  await engineReady(page, 30_000);
});

afterAll(async () => {
  await browser?.close();
});

describe('claim card output (production build, Chromium)', () => {
  it('copies a ready note as tab-separated CPT, Mod1–Mod4, Units, Status', async () => {
    await typeNote(sample('scs-trial'));
    await expect.poll(() => page.getByTestId('review-summary').textContent()).toContain('Ready to code');
    expect(await copyLines()).toBe('63650\t\t\t\t\t2\tready');
    await expect.poll(() => page.getByTestId('copy-status').textContent()).toContain('63650 x2');
  });

  it('copies one row per claim line with the modifiers in Mod1–Mod4 (as the engine gives them)', async () => {
    const pns = sample('pns-integrated');
    await typeNote(pns);
    expect(await copyLines()).toBe('64596\tLT\t\t\t\t1\tready');
    const scs = sample('scs-ipg');
    const lines = analyze(scs).suggestions;
    expect(lines.length).toBeGreaterThanOrEqual(2);
    await typeNote(scs);
    const rows = (await copyLines()).split('\n');
    expect(rows).toHaveLength(lines.length);
    expect(rows.join('\n')).toBe(claimLinesText(analyze(scs)));
    rows.forEach((row, i) => {
      const cells = row.split('\t');
      expect(cells, row).toHaveLength(7);
      expect(cells[0]).toBe(lines[i].code);
      expect(cells.slice(1, 5).filter(Boolean)).toEqual(lines[i].modifiers.map((m) => m.code));
      expect(cells[5]).toBe(String(lines[i].units));
      expect(cells[6]).toMatch(lines[i].status === 'review' ? /^review: .+/ : /^ready$/);
    });
  });

  it('carries a review-flagged line into the copy and the CSV download, with its question', async () => {
    const text = sample('sacral-stage2');
    const line = analyze(text).suggestions[0];
    expect(line.status).toBe('review');
    await typeNote(text);
    const card = page.locator('[data-testid="suggestion"][data-code="64590"]');
    expect(await card.getAttribute('data-status')).toBe('review');
    expect(await card.getByTestId('line-status').textContent()).toMatch(/^Review/);
    expect(await page.getByTestId('review-count').textContent()).toMatch(/^Check \d+ things?$/);

    const [row] = (await copyLines()).split('\n');
    const cells = row.split('\t');
    expect(cells.slice(0, 6)).toEqual(['64590', '', '', '', '', '1']);
    expect(cells[6]).toBe(`review: ${[...new Set(line.reviewReasons!.map((r) => r.question ?? r.text))].join(' / ')}`);
    expect(await page.getByTestId('copy-status').textContent()).toContain('1 to review');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('claim-lines.csv');
    const csv = readFileSync((await download.path())!, 'utf8').trim().split('\r\n');
    expect(csv[0]).toBe('cpt,mod1,mod2,mod3,mod4,units,description,confidence,status,review_reasons,questions');
    expect(csv[1]).toMatch(/^64590,,,,,1,.*,review,/);
  });

  it('keeps device and facility codes out of the ⚠ checks, in a collapsed section', async () => {
    await typeNote(sample('sacral-stage2'));
    const info = page.getByTestId('device-info');
    expect(await info.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await page.getByTestId('checks').textContent()).not.toMatch(/C1767/);
    await info.locator('summary').click();
    expect(await info.textContent()).toMatch(/C1767/);
  });

  it('the vague note "Stimulator battery changed." says which fact is missing, not "no code applies"', async () => {
    const text = 'Stimulator battery changed.';
    const ab = analyze(text).abstain!;
    // the deciding fact is the target (which system), and the candidates span the systems
    expect(ab.fact).toBe('target');
    const codes = ab.candidates.map((c) => c.code);
    expect(codes).toEqual(expect.arrayContaining(['63685', '64590']));
    await typeNote(text);
    const panel = page.getByTestId('abstain');
    await panel.waitFor({ timeout: 5_000 });
    expect(await page.getByTestId('out-of-scope').count()).toBe(0);
    expect(await page.getByTestId('claims-panel').textContent()).not.toMatch(/does not describe a neurostimulator procedure|no neurostimulator code applies/i);
    expect(await panel.getAttribute('data-fact')).toBe('target');
    expect(await panel.locator('#abstain-heading').textContent()).toBe(`No code chosen: the note does not say ${FACT_WORDS.target}`);
    expect(FACT_WORDS.target).toMatch(/which system/);
    const shown = panel.getByTestId('abstain-candidates').locator('li');
    expect(await shown.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual(codes);
    expect(await shown.first().textContent()).toContain(ab.candidates[0].when);
    expect(await panel.getByTestId('abstain-question').textContent()).toBe(`Ask the surgeon: ${ab.question}`);
    expect(ab.question).toMatch(/^.+\?$/);
    const copied = (await copyLines()).split('\n');
    expect(copied[0]).toMatch(/^No code chosen: /);
    expect(copied[1]).toBe(`Missing fact: ${FACT_WORDS.target}`);
    expect(copied.slice(2, 2 + codes.length).map((l) => l.split(':')[0])).toEqual(codes.map((c) => `Candidate ${c}`));
    expect(copied.at(-1)).toBe(`Ask the surgeon: ${ab.question}`);
  });

  it('the abstain panel and the opened device section are axe-clean, light and dark', async () => {
    for (const theme of ['light', 'dark']) {
      await page.evaluate((t) => document.documentElement.classList.toggle('dark', t === 'dark'), theme);
      for (const note of ['Stimulator battery changed.', sample('sacral-stage2')]) {
        await typeNote(note);
        const info = page.getByTestId('device-info');
        if (await info.count()) await info.evaluate((d) => ((d as HTMLDetailsElement).open = true));
        const r = await new AxeBuilder({ page }).include('[data-testid="claims-panel"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${theme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        expect(bad).toEqual([]);
      }
    }
  });
});
