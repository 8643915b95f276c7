/**
 * A tour of every view of the app in a filled-in state: a note in the workspace (so the
 * workspace, the documentation check and the print summary have results), an answered
 * question in Ask, a code page in the reference, two codes in Compare, a finished batch with
 * billed codes, and the trainer and privacy views. Shared by the phone-layout test, the axe
 * scan and `npm run screens`, so "every view" means the same thing in all three.
 *
 * The views are read from the app's own nav (so a view another feature adds is visited too);
 * navigation sets the hash, which works whether the phone menu is open or not.
 */
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeNote } from '../../src/app/lib/plain-text';
import { MAX_CHARS } from '../../src/engine/limits';

export interface Stop {
  /** View id (the first part of the hash). */
  view: string;
  /** The hash the stop shows, e.g. "#/reference/63685". */
  hash: string;
  /** A file-name friendly name, e.g. "reference". */
  name: string;
}

const SAMPLE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/app/samples');
/** A built-in sample as the app loads it (read from disk: this module also runs under plain tsx). */
const sampleText = (id: string) => normalizeNote(readFileSync(path.join(SAMPLE_DIR, `${id}.txt`), 'utf8'));

/** The note the tour loads into the workspace. */
export const TOUR_NOTE = sampleText('scs-ipg');

/** A small batch CSV: three built-in samples with billed codes (one agrees, one differs, one out of scope). */
export function tourCsv(): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const rows = [
    ['scs-ipg', sampleText('scs-ipg'), '63650 x2; 63685'],
    ['sacral-stage1', sampleText('sacral-stage1'), '64561-LT; 64590'],
    ['out-of-scope', sampleText('out-of-scope'), '47562'],
  ];
  return ['id,note,billed', ...rows.map((r) => r.map(q).join(','))].join('\n');
}

/** The extra route and the element that shows the view is filled in, per view id. */
const FILLED: Record<string, { param?: string; ready: string }> = {
  workspace: { ready: '[data-testid="claims-panel"][data-updating="false"]' },
  batch: { ready: '[data-testid="batch-progress"][data-status="done"]' },
  ask: { param: 'Which modifier for a left sacral lead?', ready: '[data-testid="answer"]' },
  check: { ready: '[data-testid="doc-items"]' },
  reference: { param: '63685', ready: '[data-testid="reference-page"]' },
  compare: { param: '63685,64590', ready: '[data-testid="compare-table"]' },
  trainer: { ready: '[data-testid="trainer-view"]' },
  privacy: { ready: '[data-testid="privacy-panel"]' },
};

async function setHash(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

/** Open the app, wait for the engine and load the tour note. */
export async function startTour(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/#/workspace`);
  await page.locator('[data-testid="engine-status"][data-stage="ready"]').waitFor({ state: 'attached', timeout: 60_000 });
  await page.locator('#note-text').fill(TOUR_NOTE);
  await page.waitForFunction(
    ({ t, max }) =>
      document.querySelector('[data-testid="claims-panel"]')?.getAttribute('data-updating') === 'false' &&
      document.querySelector('[data-testid="evidence-body"]')?.textContent === t.slice(0, max),
    { t: TOUR_NOTE, max: MAX_CHARS },
    { timeout: 30_000 },
  );
}

/** The view ids in the nav, in order. */
export async function navViews(page: Page): Promise<string[]> {
  const hrefs = await page.locator('nav[aria-label="Views"] a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((h) => h.replace(/^#\/?/, '').split('/')[0]).filter(Boolean);
}

let batchLoaded = false;

/** Show one view, filled in, and wait until it is drawn. */
export async function visit(page: Page, view: string): Promise<Stop> {
  const f = FILLED[view];
  const hash = `#/${view}${f?.param ? `/${encodeURIComponent(f.param)}` : ''}`;
  await setHash(page, hash);
  if (view === 'batch' && !batchLoaded) {
    await page.getByTestId('batch-files').setInputFiles({ name: 'claims.csv', mimeType: 'text/csv', buffer: Buffer.from(tourCsv()) });
    batchLoaded = true;
  }
  if (f) await page.locator(f.ready).first().waitFor({ state: 'attached', timeout: 60_000 });
  // let layout settle (fonts, late panels)
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return { view, hash, name: view };
}

/** Forget per-page state (a new page needs the batch loaded again). */
export function resetTour(): void {
  batchLoaded = false;
}

/**
 * What overflows the viewport horizontally: the page's own width, and every visible element
 * that reaches past either edge without sitting inside a horizontal scroll container.
 */
export async function horizontalOverflow(page: Page): Promise<Overflow> {
  // A string, not a function: tsx (used by `npm run screens`) would add helper calls to a
  // function's source that do not exist in the page.
  return page.evaluate(OVERFLOW_PROBE) as Promise<Overflow>;
}

export interface Overflow {
  scrollWidth: number;
  innerWidth: number;
  offenders: string[];
}

const OVERFLOW_PROBE = `(() => {
  const vw = window.innerWidth;
  const describe = (el) => {
    const id = el.id ? '#' + el.id : '';
    const tid = el.getAttribute('data-testid');
    const cls = typeof el.className === 'string' ? el.className.split(/\\s+/).slice(0, 3).join('.') : '';
    const r = el.getBoundingClientRect();
    return el.tagName.toLowerCase() + id + (tid ? '[data-testid=' + tid + ']' : '') + (cls ? '.' + cls : '') + ' (' + Math.round(r.left) + '-' + Math.round(r.right) + ')';
  };
  // inside a horizontal scroll container, or inside visually hidden text (a 1 px clipped box)
  const contained = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const ox = getComputedStyle(p).overflowX;
      if (ox === 'auto' || ox === 'scroll') return true;
      const r = p.getBoundingClientRect();
      if (r.width <= 1 && r.height <= 1 && ox !== 'visible') return true;
    }
    return false;
  };
  const offenders = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const cs = getComputedStyle(el);
    if (cs.visibility === 'hidden' || cs.position === 'fixed') continue;
    if (r.width <= 1 && r.height <= 1) continue; // visually hidden text (1 px, clipped) is not layout
    if ((r.right > vw + 0.5 || r.left < -0.5) && !contained(el)) offenders.push(describe(el));
  }
  return { scrollWidth: document.scrollingElement.scrollWidth, innerWidth: vw, offenders: offenders.slice(0, 15) };
})()`;
