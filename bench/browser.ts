/**
 * Browser and size benchmarks against the production build: `vite build` into bench/out/dist
 * (a private folder, so a concurrent `npm run build` or e2e run cannot race it), served by
 * `vite preview` on a free port, driven by playwright-core with Debian Chromium.
 *
 *   npx tsx bench/browser.ts        # prints JSON
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { ROOT, generateNote, round, stats, wordCount, type Stats } from './lib';

const OUT = path.join(ROOT, 'bench/out/dist');
const VITE = path.join(ROOT, 'node_modules/vite/bin/vite.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const DEBOUNCE_MS = 250; // src/app/lib/use-analysis.ts ANALYSIS_DEBOUNCE_MS
const KEYSTROKES = 9;
const COLD_RUNS = 3;

export function build(): number {
  mkdirSync(OUT, { recursive: true });
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [VITE, 'build', '--outDir', OUT, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
  return Date.now() - t0;
}

export interface SizeResults {
  budgetGzipKB: number;
  firstPaintGzipKB: number;
  firstPaintRawKB: number;
  firstPaintFiles: string[];
  engineChunk: { file: string; rawKB: number; gzipKB: number };
  lazyChunks: Array<{ file: string; rawKB: number; gzipKB: number }>;
  withinBudget: boolean;
}

/** The same reckoning as scripts/check-size.mjs: entry script + modulepreloads, gzip. */
export function sizes(dist = OUT): SizeResults {
  const kb = (n: number) => round(n / 1024, 1);
  const budget = JSON.parse(readFileSync(path.join(ROOT, 'size-budget.json'), 'utf8')).firstPaintGzipBytes as number;
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const firstPaint = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/?([^"]+\.js)"/g)].map((m) => m[1]);
  const gz = (f: string) => gzipSync(readFileSync(path.join(dist, f))).length;
  const raw = (f: string) => statSync(path.join(dist, f)).size;
  const fp = firstPaint.reduce((n, f) => n + gz(f), 0);
  const lazy = readdirSync(path.join(dist, 'assets'))
    .filter((f) => f.endsWith('.js') && !firstPaint.includes(`assets/${f}`))
    .map((f) => ({ file: `assets/${f}`, rawKB: kb(raw(`assets/${f}`)), gzipKB: kb(gz(`assets/${f}`)) }))
    .sort((a, b) => b.gzipKB - a.gzipKB);
  return {
    budgetGzipKB: kb(budget),
    firstPaintGzipKB: kb(fp),
    firstPaintRawKB: kb(firstPaint.reduce((n, f) => n + raw(f), 0)),
    firstPaintFiles: firstPaint,
    engineChunk: lazy[0],
    lazyChunks: lazy,
    withinBudget: fp <= budget,
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

export async function preview(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [VITE, 'preview', '--outDir', OUT, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/`)).ok) return { url, child };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  child.kill('SIGTERM');
  throw new Error('vite preview did not start');
}

/**
 * Installed before any page script: records long tasks, the first suggestion and engine-ready
 * times (performance.now(), i.e. ms since navigation start), keystrokes, each `analyze` request
 * the page posts to the engine worker and its answer (comlink messages), and every flip of the
 * claims panel's data-updating attribute.
 */
export const INSTRUMENT = String.raw`(() => {
  // Plain JavaScript on purpose: a function passed from tsx would carry esbuild's __name helper.
  const rec = { longTasks: [], firstSuggestion: null, engineReady: null, keydowns: [], requests: [], updating: [] };
  window.__bench = rec;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) rec.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { rec.longTaskError = String(e); }
  addEventListener('keydown', () => rec.keydowns.push(performance.now()), true);
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url, opts) {
      super(url, opts);
      this.addEventListener('message', (ev) => {
        const d = ev.data;
        const r = d && d.id ? rec.requests.find((x) => x.id === d.id) : undefined;
        if (r && r.answered === null) {
          r.answered = performance.now();
          r.engineMs = d.value && d.value.stats ? d.value.stats.ms : null;
        }
      });
    }
    postMessage(msg, ...rest) {
      if (msg && msg.id && msg.path && msg.path[0] === 'analyze') {
        const a = msg.argumentList && msg.argumentList[0];
        const text = a && a.value;
        rec.requests.push({ id: msg.id, sent: performance.now(), answered: null, engineMs: null, chars: typeof text === 'string' ? text.length : -1 });
      }
      return super.postMessage(msg, ...rest);
    }
  };
  const watch = () => {
    const check = () => {
      if (rec.firstSuggestion === null && document.querySelector('[data-testid="suggestion"]')) rec.firstSuggestion = performance.now();
      if (rec.engineReady === null && document.querySelector('[data-testid="engine-status"][data-stage="ready"]')) rec.engineReady = performance.now();
      const panel = document.querySelector('[data-testid="claims-panel"]');
      const v = panel ? panel.getAttribute('data-updating') : null;
      const last = rec.updating[rec.updating.length - 1];
      if (panel && (!last || last.value !== v)) rec.updating.push({ t: performance.now(), value: v });
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-updating', 'data-stage', 'data-testid'] });
    check();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch);
  else watch();
})();`;

type Rec = {
  longTasks: Array<{ start: number; duration: number }>;
  firstSuggestion: number | null;
  engineReady: number | null;
  keydowns: number[];
  requests: Array<{ id: string; sent: number; answered: number | null; engineMs: number | null; chars: number }>;
  updating: Array<{ t: number; value: string | null }>;
};
const rec = (page: Page) => page.evaluate(() => (window as unknown as { __bench: unknown }).__bench) as Promise<Rec>;

async function settled(page: Page, text: string) {
  await page.waitForFunction(
    (t) => {
      const panel = document.querySelector('[data-testid="claims-panel"]');
      const area = document.querySelector('#note-text') as HTMLTextAreaElement | null;
      return area?.value === t && panel?.getAttribute('data-updating') === 'false' && document.querySelector('[data-testid="suggestion"]') !== null;
    },
    text,
    { timeout: 60_000, polling: 'raf' },
  );
}

export interface BrowserResults {
  noteWords: number;
  noteChars: number;
  cold: {
    runs: number;
    /** navigation start → first suggestion on screen, note pasted as soon as the editor exists. */
    navToFirstSuggestionMs: Stats;
    /** navigation start → engine-status "ready" (worker + wink model loaded and warmed). */
    navToEngineReadyMs: Stats;
    /** paste keystroke → first suggestion. */
    pasteToFirstSuggestionMs: Stats;
    longTasksDuringAnalysis: number;
    longTasksWholeLoad: Array<{ start: number; duration: number }>;
  };
  keystroke: {
    runs: number;
    debounceMs: number;
    /** keydown → panel shows suggestions for the new text (includes the debounce). */
    withDebounceMs: Stats;
    /** analyze request posted to the worker → panel updated: the latency the debounce does not add. */
    withoutDebounceMs: Stats;
    /** worker round trip (post → answer) and the engine's own stats.ms inside the worker. */
    workerRoundTripMs: Stats;
    engineMsInWorker: Stats;
    longTasks: Array<{ start: number; duration: number }>;
  };
}

export async function runBrowser(): Promise<BrowserResults> {
  const note = generateNote(1000);
  const { url, child } = await preview();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    const coldNav: number[] = [];
    const coldReady: number[] = [];
    const coldPaste: number[] = [];
    let coldLong: Rec['longTasks'] = [];
    let coldLongDuring = 0;
    let page!: Page;
    for (let run = 0; run < COLD_RUNS; run++) {
      // a fresh context each time: empty HTTP cache, no service worker — a cold start
      const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, serviceWorkers: 'block' });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
      await context.addInitScript({ content: INSTRUMENT });
      page = await context.newPage();
      await page.goto(url, { waitUntil: 'commit' });
      const area = page.locator('#note-text');
      await area.waitFor({ timeout: 30_000 });
      await area.click();
      await page.evaluate((t) => navigator.clipboard.writeText(t), note);
      const pasteAt = await page.evaluate(() => performance.now());
      await page.keyboard.press('Control+V');
      await settled(page, note);
      const r = await rec(page);
      coldNav.push(r.firstSuggestion!);
      coldReady.push(r.engineReady ?? NaN);
      coldPaste.push(r.firstSuggestion! - pasteAt);
      coldLong = r.longTasks;
      coldLongDuring += r.longTasks.filter((t) => t.start + t.duration >= pasteAt && t.start <= r.firstSuggestion!).length;
      if (run < COLD_RUNS - 1) await context.close();
    }

    // Keystrokes on the last (now warm) page: append one character at the end each time.
    await page.locator('#note-text').focus();
    await page.keyboard.press('Control+End');
    const before = (await rec(page)).longTasks.length;
    const withDebounce: number[] = [];
    const without: number[] = [];
    const roundTrip: number[] = [];
    const engineMs: number[] = [];
    let text = note;
    for (let k = 0; k < KEYSTROKES; k++) {
      const r0 = await rec(page);
      await page.keyboard.type(k === 0 ? ' ' : 'x');
      text += k === 0 ? ' ' : 'x';
      await settled(page, text);
      // let the attribute observer record the final flip
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
      const r = await rec(page);
      const key = r.keydowns[r.keydowns.length - 1];
      const req = r.requests.slice(r0.requests.length).find((q) => q.chars === text.length);
      const done = r.updating.filter((u) => u.t > key && u.value === 'false').pop();
      if (!req || !done || req.answered === null) continue;
      withDebounce.push(done.t - key);
      without.push(done.t - req.sent);
      roundTrip.push(req.answered - req.sent);
      if (req.engineMs !== null) engineMs.push(req.engineMs);
    }
    const after = await rec(page);
    return {
      noteWords: wordCount(note),
      noteChars: note.length,
      cold: {
        runs: COLD_RUNS,
        navToFirstSuggestionMs: stats(coldNav),
        navToEngineReadyMs: stats(coldReady),
        pasteToFirstSuggestionMs: stats(coldPaste),
        longTasksDuringAnalysis: coldLongDuring,
        longTasksWholeLoad: coldLong.map((t) => ({ start: round(t.start, 1), duration: round(t.duration, 1) })),
      },
      keystroke: {
        runs: withDebounce.length,
        debounceMs: DEBOUNCE_MS,
        withDebounceMs: stats(withDebounce),
        withoutDebounceMs: stats(without),
        workerRoundTripMs: stats(roundTrip),
        engineMsInWorker: stats(engineMs),
        longTasks: after.longTasks.slice(before).map((t) => ({ start: round(t.start, 1), duration: round(t.duration, 1) })),
      },
    };
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }
}

const self = process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!);
if (self) {
  const buildMs = build();
  console.log(JSON.stringify({ buildMs, size: sizes(), browser: await runBrowser() }, null, 2));
}
