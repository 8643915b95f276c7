/**
 * The batch view in real Chromium against the production build: load the generated 50-note CSV
 * through the file input, let the batch workers finish, and check the summary against the same
 * engine run in Node. Also: at most two batch workers, a CSV download that parses back, and no
 * request anywhere but the local server.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { analyze } from '../../src/engine/index';
import { AxeBuilder } from '@axe-core/playwright';
import { claimRecords, processInput, summarize } from '../../src/engine/audit/index';
import { parseCsv } from '../../src/app/features/batch/load';
import { ARTIFACTS, launchChromium } from './lib';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURE = path.join(here, '../fixtures/batch/batch-50.csv');

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;

let browser: Browser;
let page: Page;
const requests: string[] = [];
const pageErrors: string[] = [];
const workers: string[] = [];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
  page = await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // every worker is the one engine script; the batch view starts its own under the name opnote-batch
  page.on('worker', (w) => {
    void w.evaluate(() => (self as unknown as { name: string }).name).then((n) => workers.push(n), () => workers.push('(gone)'));
  });
  await page.goto(`${baseUrl}/#/batch`);
  await page.getByRole('heading', { name: 'Batch and audit' }).waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  await browser?.close();
});

describe('batch and audit (production build, Chromium)', () => {
  it('loads a 50-note CSV, finishes in the workers and shows the summary the engine gives', async () => {
    // Long tasks on the main thread while the batch runs (the page must stay responsive).
    await page.evaluate(() => {
      const w = window as unknown as { __longest: number };
      w.__longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    const t0 = Date.now();
    await page.getByTestId('batch-files').setInputFiles(FIXTURE);
    await page.locator('[data-testid="batch-progress"][data-status="done"]').waitFor({ timeout: 90_000 });
    const ms = Date.now() - t0;

    const p = parseCsv(readFileSync(FIXTURE, 'utf8'));
    const expected = summarize(p.inputs.map((i) => processInput(i, analyze)));
    const summary = page.getByTestId('batch-summary');
    const attr = async (name: string) => Number(await summary.getAttribute(name));
    expect(await attr('data-analysed')).toBe(50);
    expect(await attr('data-errors')).toBe(0);
    expect(await attr('data-audited')).toBe(expected.audited);
    expect(await attr('data-agrees')).toBe(expected.verdicts.agrees);
    expect(await attr('data-differs')).toBe(expected.verdicts.differs);
    expect(await attr('data-missing')).toBe(expected.verdicts['missing-documentation']);
    const rate = (await page.getByTestId('agreement-rate').textContent()) ?? '';
    expect(rate).toBe(`${Math.round(1000 * (expected.agreementRate ?? 0)) / 10}%`);
    const firstCode = await page.locator('[data-testid="code-chart"] li').first().getAttribute('data-key');
    expect(firstCode).toBe(expected.codes[0].code);
    expect(await page.getByTestId('batch-row').count()).toBe(50);

    const batchWorkers = workers.filter((n) => n === 'opnote-batch');
    expect(batchWorkers.length).toBeGreaterThan(0);
    expect(batchWorkers.length).toBeLessThanOrEqual(2);
    const longest = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
    console.log(`batch e2e: 50 notes in ${ms} ms with ${batchWorkers.length} worker(s); longest main-thread task ${Math.round(longest)} ms`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'batch.png'), fullPage: false });
  });

  it('filters to disagreements and downloads a CSV that parses back to the rows', async () => {
    await page.getByTestId('batch-filter').selectOption('disagreements');
    const verdicts = await page.getByTestId('batch-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict')));
    expect(verdicts.length).toBeGreaterThan(0);
    expect(verdicts.every((v) => v === 'differs' || v === 'missing-documentation')).toBe(true);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('batch-50-results.csv');
    const file = path.join(ARTIFACTS, 'batch-results.csv');
    await download.saveAs(file);
    const back = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
    expect(back.errors).toEqual([]);
    // one row per claim line (and one per note with no line): every note of the 50 is there
    expect(new Set(back.data.map((r) => r.row)).size).toBe(50);
    const perNote = new Map(back.data.map((r) => [r.row, r.audit]));
    expect([...perNote.values()].filter((v) => v === 'differs' || v === 'missing-documentation')).toHaveLength(verdicts.length);
  });

  it('carries review-flagged lines into the CSV with their status and reasons (as the engine gives them)', async () => {
    const back = Papa.parse<Record<string, string>>(readFileSync(path.join(ARTIFACTS, 'batch-results.csv'), 'utf8'), { header: true, skipEmptyLines: true });
    expect(back.meta.fields?.slice(0, 13)).toEqual(['row', 'note_id', 'line', 'CPT', 'Mod1', 'Mod2', 'Mod3', 'Mod4', 'Units', 'confidence', 'status', 'review_reasons', 'reason']);
    const expected = parseCsv(readFileSync(FIXTURE, 'utf8')).inputs.flatMap((i) => claimRecords(processInput(i, analyze)));
    const review = expected.filter((r) => r.status === 'review' && r.CPT);
    expect(review.length).toBeGreaterThan(0);
    const key = (r: Record<string, string>) => `${r.row}/${r.line}`;
    const got = new Map(back.data.map((r) => [key(r), r]));
    for (const r of review) {
      const line = got.get(key(r));
      expect(line, key(r)).toBeTruthy();
      expect([line!.CPT, line!.Units, line!.Mod1, line!.status, line!.confidence]).toEqual([r.CPT, r.Units, r.Mod1, 'review', r.confidence]);
      expect(line!.review_reasons).toBe(r.review_reasons);
    }
    // a review line is never shown as ready; a ready line is high confidence
    for (const r of back.data) if (r.status === 'ready') expect(r.confidence).toBe('high');
    // the table shows the same status on the line
    await page.getByTestId('batch-filter').selectOption('needs-review');
    const rows = await page.getByTestId('batch-band').evaluateAll((els) => els.map((e) => e.getAttribute('data-review')));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((v) => v === 'yes')).toBe(true);
    expect(await page.locator('[data-testid="batch-line"][data-status="review"]').count()).toBeGreaterThan(0);
    await page.getByTestId('batch-filter').selectOption('all');
  });

  it('made no request anywhere but the local server, and threw no errors (while on the batch view)', () => {
    const offsite = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(offsite).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('opens a row in the workspace', async () => {
    const first = page.getByTestId('batch-row').first();
    const id = await first.locator('td').nth(1).textContent();
    await first.getByRole('button', { name: /^Open note/ }).click();
    await page.waitForURL(/#\/workspace$/);
    const text = parseCsv(readFileSync(FIXTURE, 'utf8')).inputs.find((i) => i.id === id?.trim())?.text;
    expect(text).toBeTruthy();
    await expect.poll(() => page.locator('#note-text').inputValue()).toBe(text);
  });
  it('names the columns found when no note column is recognised, and lets the user pick it', async () => {
    await page.evaluate(() => {
      location.hash = '#/batch';
    });
    await page.getByRole('heading', { name: 'Batch and audit' }).waitFor({ timeout: 30_000 });
    const notes = parseCsv(readFileSync(FIXTURE, 'utf8')).inputs.slice(0, 3);
    const csv = Papa.unparse(
      notes.map((n, i) => ({ acct: `A${i + 1}`, narrative: n.text })),
      { columns: ['acct', 'narrative'] },
    );
    await page.getByTestId('batch-files').setInputFiles({ name: 'acct.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const alert = page.getByTestId('batch-column-problem');
    await alert.waitFor({ timeout: 30_000 });
    await expect.poll(() => alert.textContent()).toMatch(/no note column was recognised\. Columns found: acct, narrative\./);
    const axe = await new AxeBuilder({ page }).include('[data-testid="batch-column-problem"]').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await page.getByLabel('Note column').selectOption({ label: 'narrative' });
    await page.getByRole('button', { name: 'Analyse with this column' }).click();
    await page.locator('[data-testid="batch-progress"][data-status="done"][data-total="3"]').waitFor({ timeout: 60_000 });
    expect(await alert.count()).toBe(0);
    expect(await page.getByTestId('batch-row').count()).toBe(3);
    const expected = notes.map((n) => processInput(n, analyze));
    const shown = await page.getByTestId('batch-lines').evaluateAll((els) => els.map((e) => e.querySelectorAll('[data-testid="batch-line"]').length));
    expect(shown).toEqual(expected.map((o) => (o.ok && o.row.inScope && !o.row.abstain ? o.row.lines.length : 0)));
    expect(shown.some((n) => n > 0)).toBe(true);
  });

});
