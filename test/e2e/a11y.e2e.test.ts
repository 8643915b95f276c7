/**
 * axe-core scan of every view in the nav (iterating the links, so views other features add
 * are scanned too), in light and dark theme, with a real note loaded so the workspace shows
 * results, highlights and the privacy panel. Fails on serious or critical violations.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { engineReady, launchChromium, sample, waitForAnalysisOf } from './lib';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;

let browser: Browser;
let page: Page;

interface Found {
  view: string;
  theme: string;
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

async function scan(view: string, theme: string): Promise<Found[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ view, theme, id: v.id, impact: v.impact ?? '', help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

beforeAll(async () => {
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  page = await context.newPage();
  await page.goto(baseUrl);
  await engineReady(page);
  const note = sample('scs-ipg');
  await page.locator('#note-text').fill(note);
  await waitForAnalysisOf(page, note);
});

afterAll(async () => {
  await browser?.close();
});

describe('accessibility (axe-core, production build)', () => {
  it('no serious or critical violations in any view, light or dark', async () => {
    const nav = page.locator('nav[aria-label="Views"] a');
    const hrefs = (await nav.count()) > 0 ? await nav.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? '')) : ['#/workspace'];
    const found: Found[] = [];
    const scanned: string[] = [];
    for (const theme of ['light', 'dark']) {
      await page.evaluate((t) => {
        document.documentElement.classList.toggle('dark', t === 'dark');
      }, theme);
      for (const href of hrefs) {
        const link = page.locator(`nav[aria-label="Views"] a[href="${href}"]`);
        if (await link.count()) await link.click();
        await page.waitForTimeout(500);
        // a view that failed to render would hide its own problems
        expect(await page.getByText(/could not be shown/).count(), `${href} rendered an error panel`).toBe(0);
        scanned.push(`${href} (${theme})`);
        found.push(...(await scan(href, theme)));
      }
    }
    console.log(`axe scanned: ${scanned.join(', ')}; serious/critical: ${found.length}`);
    if (found.length) console.log(JSON.stringify(found, null, 2));
    expect(found).toEqual([]);
  });

  it('the privacy controls and the hostile-paste result are accessible too', async () => {
    const link = page.locator('nav[aria-label="Views"] a[href="#/workspace"]');
    if (await link.count()) await link.click();
    await page.evaluate(() => document.documentElement.classList.remove('dark'));
    await page.getByTestId('keep-history').check();
    await page.getByTestId('delete-everything').click(); // the confirm step
    const found = await scan('#/workspace (privacy, confirm step)', 'light');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('keep-history').uncheck();
    expect(found).toEqual([]);
  });
});
