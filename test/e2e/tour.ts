/**
 * A tour of every view of the app in a filled-in state: a note in the workspace (so the
 * workspace, the documentation check and the print summary have results), an answered
 * question in Ask, a code page in the reference, two codes in Compare, a finished batch with
 * billed codes, and the trainer and privacy views; then a few extra states (EXTRA_STATES: the
 * vague-note panel, the batch column picker, the help dialog, the open phone menu). Shared by
 * the phone-layout test, the axe scan and `npm run screens`, so "every view" means the same
 * thing in all three.
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
  await loadNote(page, TOUR_NOTE);
}

/** Put a note in the workspace editor (the workspace must be shown) and wait for its analysis. */
async function loadNote(page: Page, text: string): Promise<void> {
  await page.locator('#note-text').fill(text);
  await page.waitForFunction(
    ({ t, max }) =>
      document.querySelector('[data-testid="claims-panel"]')?.getAttribute('data-updating') === 'false' &&
      document.querySelector('[data-testid="evidence-body"]')?.textContent === t.slice(0, max),
    { t: text, max: MAX_CHARS },
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

/** The vague note: device work, but not which system, so the engine says what is missing. */
export const VAGUE_NOTE = 'Stimulator battery changed.';

/** A batch CSV whose note column has a name the app does not know (acct, narrative). */
export function misnamedCsv(): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return ['acct,narrative', ...['scs-ipg', 'sacral-stage1'].map((id, i) => `A${i + 1},${q(sampleText(id))}`)].join('\n');
}

/**
 * States beyond the views' filled-in look that a coder meets, visited after the views:
 * - vague-note: the workspace with "Stimulator battery changed." (the missing-fact panel);
 * - batch-columns: a batch CSV with no recognised note column (the error and column picker);
 * - help: the keyboard shortcuts and help dialog;
 * - menu: the phone menu, open (only where the menu button shows, below 768 px).
 */
export const EXTRA_STATES = ['vague-note', 'batch-columns', 'help', 'menu'] as const;
export type ExtraState = (typeof EXTRA_STATES)[number];

/**
 * Show an extra state and wait until it is drawn. Returns the step that puts the page back
 * (the tour note in the workspace, the tour batch reloaded on the next visit, dialog or menu
 * closed), or null when the state does not exist at this size.
 */
export async function showState(page: Page, state: ExtraState): Promise<(() => Promise<void>) | null> {
  const settle = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  if (state === 'vague-note') {
    await visit(page, 'workspace');
    await loadNote(page, VAGUE_NOTE);
    await page.locator('[data-testid="abstain"]').waitFor({ timeout: 30_000 });
    await settle();
    return async () => {
      await visit(page, 'workspace');
      await loadNote(page, TOUR_NOTE);
    };
  }
  if (state === 'batch-columns') {
    await setHash(page, '#/batch');
    await page.getByTestId('batch-files').setInputFiles({ name: 'accounts.csv', mimeType: 'text/csv', buffer: Buffer.from(misnamedCsv()) });
    await page.locator('[data-testid="batch-column-problem"]').waitFor({ timeout: 30_000 });
    await settle();
    return async () => {
      batchLoaded = false;
    };
  }
  if (state === 'help') {
    await visit(page, 'workspace');
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    await page.keyboard.press('?');
    await page.locator('[role="dialog"][aria-labelledby="help-title"]').waitFor({ timeout: 10_000 });
    await settle();
    return async () => {
      await page.keyboard.press('Escape');
      await page.locator('[role="dialog"][aria-labelledby="help-title"]').waitFor({ state: 'detached', timeout: 10_000 });
    };
  }
  // menu
  await visit(page, 'workspace');
  const button = page.getByTestId('menu-button');
  if (!(await button.isVisible())) return null;
  await page.evaluate(() => window.scrollTo(0, 0));
  await button.click();
  await page.locator('nav[aria-label="Views"]').waitFor({ state: 'visible', timeout: 10_000 });
  await settle();
  return async () => {
    await button.click();
    await page.locator('nav[aria-label="Views"]').waitFor({ state: 'hidden', timeout: 10_000 });
  };
}

/**
 * What overflows the viewport horizontally: the page's own width, every visible element that
 * reaches past either edge without sitting inside a horizontal scroll container, and every box
 * that hides part of its content sideways (overflow hidden or clip without an ellipsis).
 */
export async function horizontalOverflow(page: Page): Promise<Overflow> {
  // A string, not a function: tsx (used by `npm run screens`) would add helper calls to a
  // function's source that do not exist in the page.
  return page.evaluate(OVERFLOW_PROBE) as Promise<Overflow>;
}

export interface Overflow {
  scrollWidth: number;
  /** window.innerWidth: the layout viewport, which widens in mobile emulation when content overflows. */
  innerWidth: number;
  /** The root's client width: the screen width the checks measure against. */
  clientWidth: number;
  /** Elements reaching past the screen edge outside a horizontal scroll container. */
  offenders: string[];
  /** Boxes that cut their content off sideways (overflow hidden or clip, no ellipsis, no scrolling). */
  clipped: string[];
}

// The screen width is the root's client width: in mobile emulation innerWidth grows with content
// that overflows (the layout viewport widens), which would hide the overflow it measures.
const OVERFLOW_PROBE = `(() => {
  const vw = document.documentElement.clientWidth;
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
  // a box narrower than its content that hides the rest: text or a table cut off, not scrollable
  const clipped = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1) continue;
    const cs = getComputedStyle(el);
    if (cs.visibility === 'hidden' || (cs.overflowX !== 'hidden' && cs.overflowX !== 'clip')) continue;
    if (cs.textOverflow === 'ellipsis') continue; // a deliberate "…" (the full text is in a title or elsewhere)
    if (el.scrollWidth > el.clientWidth + 1) clipped.push(describe(el) + ' content ' + el.scrollWidth + 'px in ' + el.clientWidth + 'px');
  }
  return { scrollWidth: document.scrollingElement.scrollWidth, innerWidth: window.innerWidth, clientWidth: vw, offenders: offenders.slice(0, 15), clipped: clipped.slice(0, 15) };
})()`;
