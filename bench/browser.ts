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
import { DEFAULT_POLICY } from '../src/app/lib/analysis-scheduler';
import { ROOT, generateNote, loadAvg, round, stats, wordCount, type Stats } from './lib';

const OUT = path.join(ROOT, 'bench/out/dist');
const VITE = path.join(ROOT, 'node_modules/vite/bin/vite.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const KEYSTROKES = 15;
const COLD_RUNS = 3;
/** The typing burst: this many characters, one every BURST_GAP_MS (about 12 characters a second). */
const BURST_CHARS = 24;
const BURST_GAP_MS = 80;

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
  /** Lazy chunks over 500 KB gzip: each one carries a copy of the wink model (target: 1). */
  modelChunks: number;
  /** What the service worker precaches (the files its manifest lists), raw MB. */
  precacheMB: number | null;
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
    modelChunks: lazy.filter((c) => c.gzipKB > 500).length,
    precacheMB: precacheMB(dist),
  };
}

/** The sum of the files the generated service worker's precache manifest lists. */
function precacheMB(dist: string): number | null {
  let sw: string;
  try {
    sw = readFileSync(path.join(dist, 'sw.js'), 'utf8');
  } catch {
    return null;
  }
  const urls = new Set([...sw.matchAll(/url:\s*"([^"]+)"/g)].map((m) => m[1]));
  let bytes = 0;
  for (const u of urls) {
    try {
      bytes += statSync(path.join(dist, u.replace(/^\//, ''))).size;
    } catch {
      // a manifest entry that is not a file (e.g. a navigation fallback)
    }
  }
  return round(bytes / 2 ** 20, 1);
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
  const rec = { longTasks: [], firstSuggestion: null, engineReady: null, keydowns: [], requests: [], updating: [], workerCreated: null, workerLoadMs: null };
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
      if (rec.workerCreated === null) rec.workerCreated = performance.now();
      this.addEventListener('message', (ev) => {
        const d = ev.data;
        if (d && d.value && typeof d.value.loadMs === 'number' && rec.workerLoadMs === null) rec.workerLoadMs = d.value.loadMs;
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
  workerCreated: number | null;
  workerLoadMs: number | null;
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
    /** navigation start → the engine worker constructed (boot.ts). */
    navToWorkerCreatedMs: Stats;
    /** the worker's own start-up, as it reports it (engine + wink chunks fetched and evaluated, model loaded, warm-up analysis). */
    workerLoadMs: Stats;
    longTasksDuringAnalysis: number;
    /** Long tasks of the last cold load, whole page life up to the first suggestion. */
    longTasksWholeLoad: Array<{ start: number; duration: number }>;
    /** Over all cold runs: long tasks during load, and those over 100 ms. */
    longTasksLoadTotal: number;
    longTasksLoadOver100: number;
  };
  keystroke: {
    runs: number;
    /** The workspace's debounce (src/app/lib/analysis-scheduler.ts): adaptive, so no fixed delay. */
    debounce: string;
    /** keydown → panel shows suggestions for the new text (includes whatever debounce the scheduler chose). */
    withDebounceMs: Stats;
    /** analyze request posted to the worker → panel updated: the latency the debounce does not add. */
    withoutDebounceMs: Stats;
    /** worker round trip (post → answer) and the engine's own stats.ms inside the worker. */
    workerRoundTripMs: Stats;
    engineMsInWorker: Stats;
    longTasks: Array<{ start: number; duration: number }>;
  };
  /** Continuous typing at the end of the note: BURST_CHARS characters, one every BURST_GAP_MS. */
  burst: {
    chars: number;
    gapMs: number;
    /** analyze requests posted to the worker during the burst (fewer than chars: coalesced). */
    requests: number;
    /** last keydown → panel updated for the final text. */
    lastKeyToUpdateMs: number;
    /** each keydown → the next panel update after it (the lag the user sees while typing). */
    keyToNextUpdateMs: Stats;
    longTasks: Array<{ start: number; duration: number }>;
  };
  /** os.loadavg() when the browser part started and ended (the machine is shared). */
  loadAvg: { start: number[]; end: number[] };
}

export async function runBrowser(): Promise<BrowserResults> {
  const note = generateNote(1000);
  const loadStart = loadAvg();
  const { url, child } = await preview();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    const coldNav: number[] = [];
    const coldReady: number[] = [];
    const coldPaste: number[] = [];
    const coldWorker: number[] = [];
    const coldWorkerLoad: number[] = [];
    let coldLong: Rec['longTasks'] = [];
    let coldLongDuring = 0;
    let coldLongTotal = 0;
    let coldLongOver100 = 0;
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
      if (r.workerCreated !== null) coldWorker.push(r.workerCreated);
      if (r.workerLoadMs !== null) coldWorkerLoad.push(r.workerLoadMs);
      coldLong = r.longTasks.filter((t) => t.start <= r.firstSuggestion!);
      coldLongTotal += coldLong.length;
      coldLongOver100 += coldLong.filter((t) => t.duration > 100).length;
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

    // A typing burst: characters at a steady pace, without waiting for the panel in between.
    const b0 = await rec(page);
    const burstText = 'abcdefghijklmnopqrstuvwxyz'.slice(0, BURST_CHARS).padEnd(BURST_CHARS, 'z');
    await page.keyboard.type(' ' + burstText.slice(1), { delay: BURST_GAP_MS });
    text += ' ' + burstText.slice(1);
    await settled(page, text);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    const b1 = await rec(page);
    const keys = b1.keydowns.slice(b0.keydowns.length);
    const updates = b1.updating.filter((u) => u.t > keys[0] && u.value === 'false').map((u) => u.t);
    const lastKey = keys[keys.length - 1];
    const nextUpdate = (k: number) => updates.find((t) => t > k);
    return {
      noteWords: wordCount(note),
      noteChars: note.length,
      cold: {
        runs: COLD_RUNS,
        navToFirstSuggestionMs: stats(coldNav),
        navToEngineReadyMs: stats(coldReady),
        pasteToFirstSuggestionMs: stats(coldPaste),
        navToWorkerCreatedMs: stats(coldWorker),
        workerLoadMs: stats(coldWorkerLoad),
        longTasksDuringAnalysis: coldLongDuring,
        longTasksWholeLoad: coldLong.map((t) => ({ start: round(t.start, 1), duration: round(t.duration, 1) })),
        longTasksLoadTotal: coldLongTotal,
        longTasksLoadOver100: coldLongOver100,
      },
      keystroke: {
        runs: withDebounce.length,
        debounce: `at once after a run ≤ ${DEFAULT_POLICY.fastMs} ms, else ${DEFAULT_POLICY.factor}× the last run up to ${DEFAULT_POLICY.maxDelayMs} ms; at most ${DEFAULT_POLICY.maxWaitMs} ms while keys keep coming`,
        withDebounceMs: stats(withDebounce),
        withoutDebounceMs: stats(without),
        workerRoundTripMs: stats(roundTrip),
        engineMsInWorker: stats(engineMs),
        longTasks: after.longTasks.slice(before).map((t) => ({ start: round(t.start, 1), duration: round(t.duration, 1) })),
      },
      burst: {
        chars: keys.length,
        gapMs: BURST_GAP_MS,
        requests: b1.requests.length - b0.requests.length,
        lastKeyToUpdateMs: round((nextUpdate(lastKey) ?? NaN) - lastKey, 1),
        keyToNextUpdateMs: stats(keys.map((k) => (nextUpdate(k) ?? NaN) - k)),
        longTasks: b1.longTasks.slice(b0.longTasks.length).map((t) => ({ start: round(t.start, 1), duration: round(t.duration, 1) })),
      },
      loadAvg: { start: loadStart, end: loadAvg() },
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
