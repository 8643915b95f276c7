/**
 * The Ask view in real Chromium against the production build (served by the global setup):
 * questions answered by the worker from the knowledge base, offline, and the honest reply to
 * a question the knowledge base cannot answer.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './lib';


const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;

let browser: Browser;
let page: Page;
const requests: string[] = [];
const pageErrors: string[] = [];
const consoleErrors: string[] = [];

async function askQuestion(q: string) {
  const box = page.getByRole('searchbox', { name: 'Your question' });
  await box.fill(q);
  await page.getByRole('button', { name: 'Ask' }).click();
  const summary = page.getByTestId('answer-summary');
  await page.waitForFunction(
    (question) => document.querySelector('[data-testid="answer"]')?.getAttribute('data-question') === question,
    q,
    { timeout: 30_000 },
  );
  return { answer: page.getByTestId('answer'), summary };
}

beforeAll(async () => {
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await page.goto(`${baseUrl}/#/ask`);
  await page.getByRole('heading', { name: 'Ask a coding question' }).waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  await browser?.close();
});

describe('Ask view (production build, Chromium)', () => {
  it('compares two codes with a one-line answer, sources and a compare link', async () => {
    const { answer, summary } = await askQuestion('What is the difference between 64590 and 63685?');
    expect(await answer.getAttribute('data-answered')).toBe('true');
    expect(await summary.textContent()).toContain('64590 or 63685');
    expect(await answer.textContent()).toContain('spinal cord systems use 63685');
    expect(await page.getByTestId('answer-section').count()).toBeGreaterThan(2);
    expect(await page.locator('[data-testid="answer-links"] a[data-kind="compare"]').getAttribute('href')).toBe('#/compare/64590,63685');
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#/ask/What is the difference between 64590 and 63685?');
  });

  it('answers a modifier question and a bundling question', async () => {
    let { answer } = await askQuestion('Which modifier for a left sacral lead?');
    expect(await answer.getAttribute('data-type')).toBe('modifier');
    expect(await answer.textContent()).toContain('LT is allowed on 64561');
    ({ answer } = await askQuestion('Is fluoroscopy billed with 64596?'));
    expect(await answer.getAttribute('data-type')).toBe('bundling');
    expect(await answer.textContent()).toContain('Imaging guidance is part of 64596/64597');
    // timings are developer details: not shown unless the developer toggle is on
    expect(await answer.textContent()).not.toMatch(/\d ms\b/);
  });

  it('says "not in our reference" for a question it cannot answer', async () => {
    const { answer, summary } = await askQuestion('How do I code a cardiac pacemaker lead replacement?');
    expect(await answer.getAttribute('data-answered')).toBe('false');
    expect(await summary.textContent()).toMatch(/^Not in our reference/);
    expect(await page.getByTestId('answer-links').count()).toBe(0);
    expect(await page.locator('[data-testid="answer-closest"] a').count()).toBeGreaterThan(0);
  });

  it('made no request anywhere but the local server, and logged no errors', () => {
    const offsite = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(offsite).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
