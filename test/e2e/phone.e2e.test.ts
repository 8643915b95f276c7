/**
 * The phone layout at 390×844 in real Chromium against the production build: on every view
 * (filled in: a note, an answered question, a code page, two codes compared, a finished batch
 * with billed codes, the trainer, privacy) and in the extra states (the vague-note panel, the
 * batch column picker, the help dialog, the open menu) nothing overflows horizontally — neither
 * the page (document.scrollingElement.scrollWidth ≤ the screen width) nor any element reaching past
 * the screen edge outside a scroll container, nor a box cutting its content off sideways. The
 * same holds at desk size (1440×900). Also: the menu is collapsed behind a button, and the claim
 * lines come first and start on the first screen.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './lib';
import { EXTRA_STATES, horizontalOverflow, navViews, resetTour, showState, startTour, visit, type Overflow } from './tour';

const baseUrl = inject('baseUrl');
const PHONE = { width: 390, height: 844 };
const DESK = { width: 1440, height: 900 };

/** Every view, then every extra state the size has: what overflows in each. */
async function tourOverflow(p: Page): Promise<Record<string, Overflow>> {
  const report: Record<string, Overflow> = {};
  for (const view of await navViews(p)) {
    await visit(p, view);
    report[view] = await horizontalOverflow(p);
  }
  for (const state of EXTRA_STATES) {
    const undo = await showState(p, state);
    if (!undo) continue;
    report[state] = await horizontalOverflow(p);
    await undo();
  }
  return report;
}

function expectNoOverflow(report: Record<string, Overflow>, width: number): void {
  for (const [where, r] of Object.entries(report)) {
    expect(r.innerWidth, `${where}: layout viewport widened`).toBe(width);
    expect(r.clientWidth, where).toBe(width);
    expect(r.scrollWidth, `${where}: page wider than the screen`).toBeLessThanOrEqual(width);
    expect(r.offenders, `${where}: elements past the screen edge`).toEqual([]);
    expect(r.clipped, `${where}: content cut off sideways`).toEqual([]);
  }
}

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
  it('nothing overflows horizontally on any view, nor in the extra states', async () => {
    const views = await navViews(page);
    expect(views).toEqual(expect.arrayContaining(['workspace', 'batch', 'ask', 'check', 'reference', 'compare', 'trainer', 'privacy']));
    const report = await tourOverflow(page);
    expect(Object.keys(report)).toEqual([...views, ...EXTRA_STATES]);
    console.log(`phone overflow: ${Object.entries(report).map(([v, r]) => `${v} ${r.scrollWidth}px`).join(', ')}`);
    expectNoOverflow(report, PHONE.width);
    expect(pageErrors).toEqual([]);
  });

  it('the overflow probe sees a too-wide box and a clipped one, and lets a scroll container be', async () => {
    await visit(page, 'privacy');
    // styles set through the CSSOM (the app's content security policy drops inline style attributes)
    const boxes: [id: string, parent: string, width: string, css: Record<string, string>][] = [
      ['probe-host', 'view-content', 'auto', { height: 'auto' }],
      ['too-wide', 'probe-host', '600px', {}],
      ['clipping', 'probe-host', '100px', { overflow: 'hidden' }],
      ['clipped-child', 'clipping', '300px', {}],
      ['scroller', 'probe-host', 'auto', { overflowX: 'auto' }],
      ['scrolled', 'scroller', '900px', {}],
    ];
    await page.evaluate((specs) => {
      for (const [id, parent, width, css] of specs) {
        const d = document.createElement('div');
        d.id = id;
        Object.assign(d.style, { width, height: '10px' }, css);
        if (parent === 'view-content') document.getElementById(parent)!.prepend(d);
        else document.getElementById(parent)!.append(d);
      }
    }, boxes);
    const o = await horizontalOverflow(page);
    await page.evaluate(() => document.getElementById('probe-host')!.remove());
    expect(o.scrollWidth).toBeGreaterThan(PHONE.width);
    expect(o.offenders.some((d) => d.startsWith('div#too-wide'))).toBe(true);
    expect(o.offenders.some((d) => d.includes('scroll'))).toBe(false);
    expect(o.clipped.some((d) => d.startsWith('div#clipping'))).toBe(true);
    expect(o.clipped.some((d) => d.startsWith('div#probe-host'))).toBe(false);
    expect(o.clipped.some((d) => d.includes('scroll'))).toBe(false);
    expect((await horizontalOverflow(page)).scrollWidth).toBe(PHONE.width);
  });

  it('at desk size (1440×900) nothing overflows either', async () => {
    const context = await browser.newContext({ viewport: DESK });
    const desk = await context.newPage();
    const errors: string[] = [];
    desk.on('pageerror', (e) => errors.push(e.message));
    resetTour();
    await startTour(desk, baseUrl);
    const report = await tourOverflow(desk);
    // no menu button at desk size: the views are in the header
    expect(Object.keys(report)).not.toContain('menu');
    expectNoOverflow(report, DESK.width);
    expect(errors).toEqual([]);
    await context.close();
    resetTour();
  }, 240_000);

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
