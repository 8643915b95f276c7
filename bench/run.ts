/**
 * `npm run bench`: engine, batch, size and browser benchmarks in one go. Writes
 * bench/results.json and bench/latest.md, regenerates the README's Performance section
 * (bench/readme.ts) and prints a short table.
 *
 *   npm run bench                       # everything
 *   npm run bench -- --no-browser       # engine + batch only (no build, no Chromium)
 *   npm run bench -- --ab               # also A/B the proposals in bench/proposals/ against src/
 */
import path from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { ROOT, loadAvg, machine } from './lib';
import { performanceSection, replaceSection } from './readme';
import { runEngine, type EngineResults } from './engine';
import type { BrowserResults, SizeResults } from './browser';

const args = new Set(process.argv.slice(2));
const OUT_JSON = path.join(ROOT, 'bench/results.json');
const OUT_MD = path.join(ROOT, 'bench/latest.md');

interface Results {
  machine: ReturnType<typeof machine> & { loadAvgStart: number[] };
  targets: Record<string, string>;
  engine: EngineResults;
  size?: SizeResults & { buildMs: number };
  browser?: BrowserResults;
  ab?: Awaited<ReturnType<typeof import('./ab').runAB>>;
}

const TARGETS = {
  ratio1000: 'analyze ≤ 2× the wink floor at 1,000 words (medians, same run)',
  linear: '20,000-word time ≤ 22× the 1,000-word time; no pathological shape more than 1.25× linear',
  batch: 'batch notes/s ≥ 50% of the floor on one core',
  firstPaint: 'first-paint JS < 200 KB gzip',
  model: 'the wink model bundled once',
  cold: 'cold navigation → first suggestion ≤ 1,000 ms, → engine ready ≤ 600 ms',
  keystroke: 'keystroke → updated suggestions ≤ 150 ms on a 1,000-word note',
  longTasks: 'no main-thread long task (>50 ms) during analysis and typing; none over 100 ms during load',
};

function table(r: Results) {
  const rows: Record<string, string | number>[] = r.engine.sizes.map((s) => ({
    measure: `analyze ${s.words} words`,
    median: `${s.analyzeMs.median} ms`,
    p95: `${s.analyzeMs.p95} ms`,
    floor: `${s.floorMs.median} ms`,
    ratio: `${s.ratio}×`,
  }));
  const b = r.engine.batch;
  rows.push({ measure: 'batch 1,000 notes', median: `${b.notesPerSecond} notes/s`, p95: `peak RSS ${b.peakRssMB} MB`, floor: `${b.floorNotesPerSecond} notes/s`, ratio: `${b.ratio}×` });
  if (r.size) rows.push({ measure: 'first-paint JS gzip', median: `${r.size.firstPaintGzipKB} KB`, p95: '', floor: `engine ${r.size.engineChunk.gzipKB} KB`, ratio: `budget ${r.size.budgetGzipKB} KB` });
  if (r.browser) {
    const { cold, keystroke: k } = r.browser;
    rows.push({ measure: 'nav → first suggestion (cold)', median: `${cold.navToFirstSuggestionMs.median} ms`, p95: `${cold.navToFirstSuggestionMs.p95} ms`, floor: '', ratio: '' });
    rows.push({ measure: 'keystroke → update (adaptive debounce)', median: `${k.withDebounceMs.median} ms`, p95: `${k.withDebounceMs.p95} ms`, floor: '', ratio: '' });
    rows.push({ measure: 'typing burst: key → next update', median: `${r.browser.burst.keyToNextUpdateMs.median} ms`, p95: `${r.browser.burst.keyToNextUpdateMs.p95} ms`, floor: `${r.browser.burst.requests} analyses`, ratio: `${r.browser.burst.chars} keys` });
    rows.push({ measure: 'request → update (no debounce)', median: `${k.withoutDebounceMs.median} ms`, p95: `${k.withoutDebounceMs.p95} ms`, floor: `engine ${k.engineMsInWorker.median} ms`, ratio: '' });
    rows.push({ measure: 'long tasks during analysis + typing', median: cold.longTasksDuringAnalysis + k.longTasks.length + r.browser.burst.longTasks.length, p95: '', floor: '', ratio: '' });
    rows.push({ measure: 'nav → engine ready (cold)', median: `${cold.navToEngineReadyMs.median} ms`, p95: `${cold.navToEngineReadyMs.p95} ms`, floor: '', ratio: `load tasks >100 ms: ${cold.longTasksLoadOver100}` });
  }
  console.table(rows);
  console.log(`20k/1k growth: ${r.engine.linearity.ratio20kTo1k}×`);
}

const start = machine();
const results: Results = { machine: { ...start, loadAvgStart: start.loadAvg }, targets: TARGETS, engine: runEngine() };
if (!args.has('--no-browser')) {
  const { build, sizes, runBrowser } = await import('./browser');
  const buildMs = build();
  results.size = { ...sizes(), buildMs };
  results.browser = await runBrowser();
}
if (args.has('--ab')) {
  const { runAB } = await import('./ab');
  results.ab = await runAB();
  console.table(results.ab.rows);
}
results.machine.loadAvg = loadAvg();
writeFileSync(OUT_JSON, JSON.stringify(results, null, 2) + '\n');
const section = performanceSection(results);
writeFileSync(OUT_MD, section);
const README = path.join(ROOT, 'README.md');
writeFileSync(README, replaceSection(readFileSync(README, 'utf8'), section));
table(results);
console.log(`\nwrote ${path.relative(process.cwd(), OUT_JSON)}, ${path.relative(process.cwd(), OUT_MD)} and the README's Performance section`);
