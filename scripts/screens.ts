/**
 * `npm run screens`: screenshots of every view at desk (1440×900) and phone (390×844) size
 * into docs/screens/, from a fresh production build served locally and Debian's Chromium
 * (playwright-core; set CHROMIUM_PATH to use another binary). Not a test: it asserts nothing,
 * it only redraws the pictures (and prints any horizontal overflow it sees, as a hint).
 *
 * Files: docs/screens/<size>-<view>.png, e.g. phone-workspace.png, desk-batch.png. Full-page
 * pictures, cut at 6,000 px high.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildAndServe } from '../test/e2e/global-setup';
import { horizontalOverflow, navViews, resetTour, startTour, visit } from '../test/e2e/tour';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(root, 'docs/screens');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SIZES = [
  { name: 'desk', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];
const MAX_HEIGHT = 6000;

async function main(): Promise<void> {
  const dist = mkdtempSync(path.join(tmpdir(), 'opnote-screens-'));
  const server = await buildAndServe(dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  mkdirSync(OUT, { recursive: true });
  for (const f of readdirSync(OUT)) if (f.endsWith('.png')) rmSync(path.join(OUT, f));
  const index: string[] = ['# Screenshots', '', 'Regenerate with `npm run screens` (production build, Chromium, a built-in sample note loaded).', ''];
  try {
    for (const size of SIZES) {
      const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, colorScheme: 'light', deviceScaleFactor: 1 });
      const page = await context.newPage();
      resetTour();
      await startTour(page, server.baseUrl);
      const views = await navViews(page);
      index.push(`## ${size.name} (${size.width}×${size.height})`, '');
      for (const view of views) {
        await visit(page, view);
        const height = Math.min(MAX_HEIGHT, await page.evaluate(() => document.scrollingElement!.scrollHeight));
        const file = `${size.name}-${view}.png`;
        await page.screenshot({ path: path.join(OUT, file), fullPage: true, clip: { x: 0, y: 0, width: size.width, height } });
        const o = await horizontalOverflow(page);
        const note = o.scrollWidth > o.innerWidth || o.offenders.length ? ` — overflow: page ${o.scrollWidth}px; ${o.offenders.join(', ')}` : '';
        console.log(`${file}${note}`);
        index.push(`- ${view}: ![${view} at ${size.name} size](${file})`);
      }
      index.push('');
      await context.close();
    }
    writeFileSync(path.join(OUT, 'README.md'), index.join('\n'));
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dist, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(`screens: ${(e as Error).message}`);
  process.exit(1);
});
