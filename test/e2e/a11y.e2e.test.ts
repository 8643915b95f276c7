/**
 * axe-core scan of every view in the nav (iterating the links, so views other features add
 * are scanned too), each filled in (test/e2e/tour.ts: a note, an answered question, a code page,
 * two codes compared, a finished batch with billed codes), and of the extra states (the
 * vague-note panel, the batch column picker, the help dialog, the open phone menu), at desk size
 * (1440×900) and phone size (390×844), in light and dark theme. WCAG 2.0/2.1/2.2 A and AA plus
 * best practice; fails on any violation, whatever its impact. Also: the skip link is the first
 * Tab stop, and the privacy controls' confirm step is accessible.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { launchChromium } from './lib';
import { EXTRA_STATES, navViews, resetTour, showState, startTour, visit } from './tour';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
const SIZES = [
  { name: 'desk', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

let browser: Browser;

interface Found {
  view: string;
  theme: string;
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Every axe violation on the page (minor and moderate too). */
async function scan(page: Page, view: string, theme: string): Promise<Found[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.map((v) => ({ view, theme, id: v.id, impact: v.impact ?? '', help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

async function openPage(size: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: size.width, height: size.height } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  resetTour();
  await startTour(page, baseUrl);
  return { context, page };
}

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('accessibility (axe-core, production build)', () => {
  for (const size of SIZES) {
    for (const theme of ['light', 'dark']) {
      it(`no violations in any view or extra state at ${size.width}×${size.height}, ${theme} theme`, async () => {
        const { context, page } = await openPage(size);
        await page.evaluate((t) => {
          document.documentElement.classList.toggle('dark', t === 'dark');
        }, theme);
        const views = await navViews(page);
        expect(views.length).toBeGreaterThanOrEqual(8);
        const found: Found[] = [];
        const scanned: string[] = [];
        for (const view of views) {
          await visit(page, view);
          // a view that failed to render would hide its own problems
          expect(await page.getByText(/could not be shown/).count(), `${view} rendered an error panel`).toBe(0);
          scanned.push(view);
          found.push(...(await scan(page, `${size.name} ${view}`, theme)));
        }
        for (const state of EXTRA_STATES) {
          const undo = await showState(page, state);
          if (!undo) continue;
          scanned.push(state);
          found.push(...(await scan(page, `${size.name} ${state}`, theme)));
          await undo();
        }
        expect(scanned).toEqual(expect.arrayContaining([...views, 'vague-note', 'batch-columns', 'help']));
        if (size.name === 'phone') expect(scanned).toContain('menu');
        console.log(`axe ${size.name} ${theme}: scanned ${scanned.join(', ')}; violations: ${found.length}`);
        if (found.length) console.log(JSON.stringify(found, null, 2));
        expect(found).toEqual([]);
        await context.close();
      }, 300_000);
    }
  }

  it('the skip link is the first Tab stop and moves focus to the claim lines', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    resetTour();
    await startTour(page, baseUrl);
    await page.reload();
    await page.locator('#note-text').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('skip-link');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to claim lines');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('claims-heading');
    expect(new URL(page.url()).hash).toBe('#/workspace');
    // elsewhere it skips to the view's content
    await page.goto(`${baseUrl}/#/reference/63685`);
    await page.reload();
    await page.getByTestId('reference-page').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await context.close();
  });

  it('the privacy controls and their confirm step are accessible too', async () => {
    const { context, page } = await openPage(SIZES[0]);
    await visit(page, 'privacy');
    await page.getByTestId('keep-history').check();
    await page.getByTestId('delete-everything').click(); // the confirm step
    const found = await scan(page, '#/privacy (confirm step)', 'light');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('keep-history').uncheck();
    expect(found).toEqual([]);
    await context.close();
  });
});
