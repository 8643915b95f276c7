/**
 * The phone layout at 390×844 in real Chromium against the production build: on every view
 * (filled in: a note, an answered question, a code page, two codes compared, a finished batch
 * with billed codes, the trainer, privacy) nothing overflows horizontally — neither the page
 * (document.scrollingElement.scrollWidth ≤ innerWidth) nor any element reaching past the screen
 * edge outside a scroll container. Also: the menu is collapsed behind a button, and the claim
 * lines come first and start on the first screen.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './lib';
import { horizontalOverflow, navViews, resetTour, startTour, visit } from './tour';

const baseUrl = inject('baseUrl');
const PHONE = { width: 390, height: 844 };

let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  resetTour();
  await startTour(page, baseUrl);
});

afterAll(async () => {
  await browser?.close();
});

describe('phone layout, 390×844 (production build, Chromium)', () => {
  it('nothing overflows horizontally on any view', async () => {
    const views = await navViews(page);
    expect(views).toEqual(expect.arrayContaining(['workspace', 'batch', 'ask', 'check', 'reference', 'compare', 'trainer', 'privacy']));
    const report: Record<string, { scrollWidth: number; offenders: string[] }> = {};
    for (const view of views) {
      await visit(page, view);
      const o = await horizontalOverflow(page);
      expect(o.innerWidth).toBe(PHONE.width);
      report[view] = { scrollWidth: o.scrollWidth, offenders: o.offenders };
    }
    console.log(`phone overflow: ${Object.entries(report).map(([v, r]) => `${v} ${r.scrollWidth}px`).join(', ')}`);
    for (const [view, r] of Object.entries(report)) {
      expect(r.scrollWidth, `${view}: page wider than the screen`).toBeLessThanOrEqual(PHONE.width);
      expect(r.offenders, `${view}: elements past the screen edge`).toEqual([]);
    }
    expect(pageErrors).toEqual([]);
  });

  it('keeps the views behind a menu button, which opens, navigates and closes', async () => {
    await visit(page, 'workspace');
    const button = page.getByTestId('menu-button');
    const nav = page.locator('nav[aria-label="Views"]');
    expect(await button.isVisible()).toBe(true);
    expect(await nav.isVisible()).toBe(false);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await nav.isVisible()).toBe(true);
    const open = await horizontalOverflow(page);
    expect(open.offenders, 'the open menu fits the screen').toEqual([]);
    await nav.getByRole('link', { name: 'Code reference' }).click();
    await page.getByTestId('reference-view').waitFor();
    expect(await nav.isVisible()).toBe(false);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
  });

  it('shows the claim lines first, on the first screen, above the note', async () => {
    await visit(page, 'workspace');
    await page.evaluate(() => window.scrollTo(0, 0));
    const claims = await page.getByTestId('claims-panel').boundingBox();
    const note = await page.locator('#note-text').boundingBox();
    expect(claims && note).toBeTruthy();
    expect(claims!.y).toBeLessThan(note!.y);
    expect(claims!.y).toBeLessThan(PHONE.height / 2);
    // the first claim line's code is visible without scrolling
    const first = await page.locator('[data-testid="suggestions"] > li').first().boundingBox();
    expect(first!.y + 40).toBeLessThan(PHONE.height);
  });
});
