/**
 * The coding workspace in real Chromium against the production build (served by the
 * global setup). Expected codes come from the same engine run in Node, so the test checks
 * that the page shows what the engine decides, plus a few fixed facts about the samples.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { analyze } from '../../src/engine/index';
import { claimLine, claimLinesText } from '../../src/app/lib/claim-lines';
import { ARTIFACTS, engineReady, launchChromium, sample, waitForAnalysisOf } from './lib';


const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;

let browser: Browser;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];
const pageErrors: string[] = [];
const consoleErrors: string[] = [];



/** Put the note on the system clipboard and paste it into the editor with Ctrl+V. */
async function pasteNote(text: string) {
  const area = page.locator('#note-text');
  await area.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
  await waitForAnalysisOf(page, text, 20_000);
}

async function shownLines(): Promise<string[]> {
  return page.locator('[data-testid="suggestion"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-line') ?? ''));
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  page = await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await page.goto(baseUrl);
  await engineReady(page, 30_000);
});

afterAll(async () => {
  await browser?.close();
});

describe('coding workspace (production build, Chromium)', () => {
  const PASTED = ['scs-trial', 'scs-ipg', 'sacral-stage1', 'sacral-stage2', 'pns-integrated', 'vns'];

  it.each(PASTED)('pasting sample %s shows the codes the engine finds', async (id) => {
    const text = sample(id);
    await pasteNote(text);
    const a = analyze(text);
    expect(await shownLines()).toEqual(a.suggestions.map(claimLine));
    expect(await page.getByTestId('out-of-scope').count()).toBe(a.inScope ? 0 : 1);
  });

  it('codes the SCS trial as percutaneous arrays (63650)', async () => {
    await pasteNote(sample('scs-trial'));
    expect((await shownLines()).map((l) => l.split(/[- ]/)[0])).toContain('63650');
  });

  it('shows the SCS permanent system as leads plus generator (63650, 63685)', async () => {
    await pasteNote(sample('scs-ipg'));
    const codes = (await shownLines()).map((l) => l.split(/[- ]/)[0]);
    expect(codes).toContain('63685');
    expect(codes).toContain('63650');
  });

  it('shows the out-of-scope panel for a cholecystectomy', async () => {
    await pasteNote(sample('out-of-scope'));
    const panel = page.getByTestId('out-of-scope');
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.textContent()).toContain('No neurostimulator code applies');
    expect(await shownLines()).toEqual([]);
  });

  it('highlights the evidence of a reason while it is hovered', async () => {
    await pasteNote(sample('scs-ipg'));
    expect(await page.locator('#evidence-body [data-active="true"]').count()).toBe(0);
    const reason = page.locator('[data-reason-id="s1-r0"]');
    await reason.hover();
    await expect.poll(() => page.locator('#evidence-body [data-active="true"]').count()).toBeGreaterThan(0);
    const lit = await page.locator('#evidence-body [data-active="true"]').allTextContents();
    const a = analyze(sample('scs-ipg'));
    const spans = a.suggestions[1].reasons[0].evidence.map((e) => e.text);
    expect(lit.join('')).toContain(spans[0].slice(0, Math.min(6, spans[0].length)));
    await page.mouse.move(5, 5);
    await expect.poll(() => page.locator('#evidence-body [data-active="true"]').count()).toBe(0);
  });

  it('shows a negated pocket as not counting, with the reason in its title', async () => {
    await pasteNote(sample('sacral-stage1'));
    const neg = page.locator('#evidence-body mark[data-fact-kind="pocket"][data-counts="false"]').first();
    await expect.poll(() => neg.count()).toBe(1);
    const title = (await neg.getAttribute('title')) ?? '';
    expect(title).toMatch(/does not count/i);
    expect(title).toMatch(/negated by 'no'/);
    const style = await neg.evaluate((el) => getComputedStyle(el).textDecorationLine);
    expect(style).toContain('line-through');
    // and no claim line relies on a pocket
    expect((await shownLines()).some((l) => /^6(3685|4590|4568)/.test(l))).toBe(false);
  });

  it('copies claim lines as text (button and Alt+Shift+C) and as JSON', async () => {
    const text = sample('scs-ipg');
    await pasteNote(text);
    const expected = claimLinesText(analyze(text));
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.getByRole('button', { name: 'Copy lines' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
    expect(expected.split('\n').map((r) => r.split('\t').slice(0, 6))).toContainEqual(['63685', '', '', '', '', '1']);

    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.locator('#note-text').focus();
    await page.keyboard.press('Alt+Shift+KeyC');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(expected);

    await page.getByRole('button', { name: 'Copy JSON' }).click();
    const json = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    expect(json.lines.map((l: { code: string }) => l.code)).toContain('63685');
  });

  it('opens help with "?" and closes it with Esc', async () => {
    await page.locator('#claims-heading').focus();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('Copy the claim lines, tab-separated');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('saves a screenshot of the main screen with a real note', async () => {
    await pasteNote(sample('scs-ipg'));
    await page.locator('[data-reason-id="s1-r2"]').hover();
    await page.screenshot({ path: path.join(ARTIFACTS, 'workspace.png') });
    await page.mouse.move(5, 5);
    await page.getByTestId('theme-toggle').click(); // system → light
    await page.getByTestId('theme-toggle').click(); // light → dark
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'workspace-dark.png') });
    await page.getByTestId('theme-toggle').click(); // back to system
    expect(existsSync(path.join(ARTIFACTS, 'workspace.png'))).toBe(true);
  });

  it('keeps the model out of the first-paint JavaScript', () => {
    const dist = path.join(ARTIFACTS, 'dist');
    const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
    const entries = [...html.matchAll(/src="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    // the app's entry and the small boot entry that starts the engine worker early
    expect(entries.length).toBe(2);
    const scripts = entries.map((e) => readFileSync(path.join(dist, e)));
    expect(scripts.reduce((n, s) => n + gzipSync(s).length, 0)).toBeLessThan(150 * 1024);
    for (const s of scripts) expect(s.toString('utf8')).not.toContain('wink-eng-lite');
    const all = readdirSync(path.join(dist, 'assets'));
    expect(all.some((f) => f.startsWith('engine.worker'))).toBe(true);
  });

  it('made no request anywhere but the local server, and logged no errors', () => {
    expect(requests.length).toBeGreaterThan(0);
    const offsite = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(offsite).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
