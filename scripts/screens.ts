/**
 * `npm run screens`: screenshots of every view at desk (1440×900) and phone (390×844) size
 * into docs/screens/, from a fresh production build served locally and Debian's Chromium
 * (playwright-core; set CHROMIUM_PATH to use another binary). Not a test: it asserts nothing,
 * it only redraws the pictures (and prints any horizontal overflow it sees, as a hint).
 *
 * Files: docs/screens/<view>-<size>.png, e.g. workspace-desktop.png, batch-phone.png, for every
 * view in the nav and every extra state of test/e2e/tour.ts (the vague-note panel, the batch
 * column picker, the help dialog; the open menu at phone size only). Full-page pictures, cut at
 * 6,000 px high, except the help dialog and the open menu (one screen, as seen).
 * docs/screens/README.md, listing them, is written too.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { buildAndServe } from '../test/e2e/global-setup';
import { EXTRA_STATES, horizontalOverflow, navViews, resetTour, showState, startTour, visit } from '../test/e2e/tour';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(root, 'docs/screens');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SIZES = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

/** What each picture shows, for the README (a view another feature adds gets its nav id). */
const CAPTIONS: Record<string, string> = {
  workspace: 'Workspace: the spinal cord stimulator sample analysed (claim lines, evidence, note)',
  batch: 'Batch: three notes with billed codes, audited (agreement, results table)',
  ask: 'Ask: "Which modifier for a left sacral lead?" answered, with sources',
  check: 'Documentation check: the same note checked against its top code',
  reference: 'Code reference: the page for 63685',
  compare: 'Compare codes: 63685 and 64590 side by side',
  trainer: 'Trainer: the first practice case',
  privacy: 'Privacy: what is kept on this device',
  'vague-note': 'Workspace with "Stimulator battery changed.": the missing fact, candidate codes and question',
  'batch-columns': 'Batch with a CSV whose note column is named "narrative": the error and the column picker',
  help: 'Help: keyboard shortcuts and how to read the screen',
  menu: 'The menu, open (phone only)',
};
const MAX_HEIGHT = 6000;
/** States drawn over the page: pictured as the screen shows them (one viewport), not full-page. */
const OVERLAYS = new Set(['help', 'menu']);

async function main(): Promise<void> {
  const dist = mkdtempSync(path.join(tmpdir(), 'opnote-screens-'));
  const server = await buildAndServe(dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  mkdirSync(OUT, { recursive: true });
  for (const f of readdirSync(OUT)) if (f.endsWith('.png')) rmSync(path.join(OUT, f));
  const shots = new Map<string, Set<string>>(); // picture name -> sizes it was taken at
  const take = async (page: Page, name: string, size: (typeof SIZES)[number]) => {
    const file = `${name}-${size.name}.png`;
    if (OVERLAYS.has(name)) {
      // a dialog or menu over the page: what the screen shows, not the page below it
      await page.screenshot({ path: path.join(OUT, file) });
    } else {
      const height = Math.min(MAX_HEIGHT, await page.evaluate(() => document.scrollingElement!.scrollHeight));
      await page.screenshot({ path: path.join(OUT, file), fullPage: true, clip: { x: 0, y: 0, width: size.width, height } });
    }
    const o = await horizontalOverflow(page);
    const note = o.scrollWidth > o.innerWidth || o.offenders.length || o.clipped.length ? ` — overflow: page ${o.scrollWidth}px; ${[...o.offenders, ...o.clipped].join(', ')}` : '';
    console.log(`${file}${note}`);
    if (!shots.has(name)) shots.set(name, new Set());
    shots.get(name)!.add(size.name);
  };
  try {
    for (const size of SIZES) {
      const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, colorScheme: 'light', deviceScaleFactor: 1 });
      const page = await context.newPage();
      resetTour();
      await startTour(page, server.baseUrl);
      for (const view of await navViews(page)) {
        await visit(page, view);
        await take(page, view, size);
      }
      for (const state of EXTRA_STATES) {
        const undo = await showState(page, state);
        if (!undo) continue;
        await take(page, state, size);
        await undo();
      }
      await context.close();
    }
    const cellFor = (name: string, size: (typeof SIZES)[number]) => (shots.get(name)!.has(size.name) ? `[${name}-${size.name}.png](${name}-${size.name}.png)` : '—');
    const index = [
      '# Screenshots',
      '',
      'Every view of the app, filled in, at desktop size (1440×900) and phone size (390×844), plus a few states a coder meets.',
      'Regenerate them all (this file too) with:',
      '',
      '```sh',
      'npm run screens',
      '```',
      '',
      'It builds the app, serves the build locally and takes full-page pictures (cut at 6,000 px; the help dialog and the open menu as one screen) in Chromium (`/usr/bin/chromium`, or set `CHROMIUM_PATH`).',
      'The tour it follows is `test/e2e/tour.ts`, the same one the phone-layout and accessibility tests use.',
      '',
      `| What it shows | ${SIZES.map((z) => `${z.name} (${z.width}×${z.height})`).join(' | ')} |`,
      `| --- | ${SIZES.map(() => '---').join(' | ')} |`,
      ...[...shots.keys()].map((name) => `| ${CAPTIONS[name] ?? name} | ${SIZES.map((z) => cellFor(name, z)).join(' | ')} |`),
      '',
    ];
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
