/**
 * `npm run bench`: engine, batch, size and browser benchmarks in one go. Writes
 * bench/results.json and bench/latest.md and prints a short table.
 *
 *   npm run bench                       # everything
 *   npm run bench -- --no-browser       # engine + batch only (no build, no Chromium)
 *   npm run bench -- --ab               # also A/B the proposals in bench/proposals/ against src/
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, machine, round } from './lib';
import { runEngine, type EngineResults } from './engine';
import type { BrowserResults, SizeResults } from './browser';

const args = new Set(process.argv.slice(2));
const OUT_JSON = path.join(ROOT, 'bench/results.json');
const OUT_MD = path.join(ROOT, 'bench/latest.md');

interface Results {
  machine: ReturnType<typeof machine>;
  targets: Record<string, string>;
  engine: EngineResults;
  size?: SizeResults & { buildMs: number };
  browser?: BrowserResults;
  ab?: Awaited<ReturnType<typeof import('./ab').runAB>>;
}

const TARGETS = {
  ratio1000: 'analyze ≤ 2× the wink floor at 1,000 words',
  linear: '20,000-word time ≤ ~20× the 1,000-word time',
  firstPaint: 'first-paint JS < 200 KB gzip',
  longTasks: 'no main-thread long task (>50 ms) during analysis',
};

const ok = (b: boolean) => (b ? 'yes' : '**no**');

function markdown(r: Results): string {
  const e = r.engine;
  const m = r.machine;
  const L: string[] = [];
  L.push(`Measured ${m.date.slice(0, 10)} on ${m.os}, ${m.cpus} × ${m.cpuModel}, Node ${m.node} (\`npm run bench\`; the machine was shared, so read ratios rather than absolute times).`);
  L.push('');
  L.push('**Engine** — `analyze()` against the wink-nlp floor (`readDoc` plus reading the tokens out the way `buildDoc` does), same process, interleaved runs:');
  L.push('');
  L.push('| note | tokens | analyze median | p95 | floor median | bare readDoc | analyze / floor |');
  L.push('|---:|---:|---:|---:|---:|---:|---:|');
  for (const s of e.sizes) {
    L.push(`| ${s.words.toLocaleString('en-US')} words | ${s.tokens.toLocaleString('en-US')} | ${s.analyzeMs.median.toFixed(2)} ms | ${s.analyzeMs.p95.toFixed(2)} ms | ${s.floorMs.median.toFixed(2)} ms | ${s.readDocMs.median.toFixed(2)} ms | ${s.ratio.toFixed(2)}× |`);
  }
  const r1k = e.sizes.find((s) => s.targetWords === 1000)!;
  L.push('');
  L.push(`Growth: 20,000 words take ${e.linearity.ratio20kTo1k}× the 1,000-word time (linear would be 20×). Targets: ≤ 2× floor at 1,000 words — ${ok(r1k.ratio <= 2)} (${r1k.ratio}×); linear growth — ${ok(e.linearity.ratio20kTo1k <= 22)}.`);
  L.push('');
  const b = e.batch;
  L.push(`**Batch** — ${b.notes.toLocaleString('en-US')} generated notes (${b.words.toLocaleString('en-US')} words) through \`analyze()\` in one Node process: **${b.notesPerSecond.toLocaleString('en-US')} notes/s** (floor ${b.floorNotesPerSecond.toLocaleString('en-US')} notes/s, ratio ${b.ratio}×), peak RSS ${b.peakRssMB} MB (${b.rssBeforeMB} MB before the batch).`);
  if (r.size) {
    const s = r.size;
    L.push('');
    L.push(`**Size** — first-paint JS ${s.firstPaintGzipKB} KB gzip (budget ${s.budgetGzipKB} KB: ${ok(s.withinBudget)}); the engine + wink model chunk, loaded lazily by the worker: ${s.engineChunk.gzipKB} KB gzip (${s.engineChunk.rawKB} KB raw).`);
  }
  if (r.browser) {
    const c = r.browser.cold;
    const k = r.browser.keystroke;
    L.push('');
    L.push(`**Browser** (production build, headless Chromium, ${r.browser.noteWords.toLocaleString('en-US')}-word note):`);
    L.push('');
    L.push('| measure | median | p95 |');
    L.push('|---|---:|---:|');
    L.push(`| navigation → first suggestion (cold, model included, note pasted at once) | ${c.navToFirstSuggestionMs.median} ms | ${c.navToFirstSuggestionMs.p95} ms |`);
    L.push(`| navigation → engine ready | ${c.navToEngineReadyMs.median} ms | ${c.navToEngineReadyMs.p95} ms |`);
    L.push(`| keystroke → updated suggestions (with the ${k.debounceMs} ms debounce) | ${k.withDebounceMs.median} ms | ${k.withDebounceMs.p95} ms |`);
    L.push(`| analysis request → updated suggestions (without the debounce) | ${k.withoutDebounceMs.median} ms | ${k.withoutDebounceMs.p95} ms |`);
    L.push(`| engine time inside the worker | ${k.engineMsInWorker.median} ms | ${k.engineMsInWorker.p95} ms |`);
    const during = c.longTasksDuringAnalysis + k.longTasks.length;
    L.push('');
    L.push(`Main-thread long tasks (>50 ms) during analysis: ${during} (target none — ${ok(during === 0)}); during the whole cold load: ${c.longTasksWholeLoad.length}${c.longTasksWholeLoad.length ? ` (${c.longTasksWholeLoad.map((t) => `${t.duration} ms at ${t.start} ms`).join(', ')}: start-up, before any analysis)` : ''}.`);
  }
  return L.join('\n') + '\n';
}

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
    rows.push({ measure: 'keystroke → update (debounced)', median: `${k.withDebounceMs.median} ms`, p95: `${k.withDebounceMs.p95} ms`, floor: '', ratio: '' });
    rows.push({ measure: 'request → update (no debounce)', median: `${k.withoutDebounceMs.median} ms`, p95: `${k.withoutDebounceMs.p95} ms`, floor: `engine ${k.engineMsInWorker.median} ms`, ratio: '' });
    rows.push({ measure: 'long tasks during analysis', median: cold.longTasksDuringAnalysis + k.longTasks.length, p95: '', floor: '', ratio: '' });
  }
  console.table(rows);
  console.log(`20k/1k growth: ${r.engine.linearity.ratio20kTo1k}×`);
}

const results: Results = { machine: machine(), targets: TARGETS, engine: runEngine() };
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
results.machine.loadAvg = machine().loadAvg.map((x) => round(x));
writeFileSync(OUT_JSON, JSON.stringify(results, null, 2) + '\n');
writeFileSync(OUT_MD, markdown(results));
table(results);
console.log(`\nwrote ${path.relative(process.cwd(), OUT_JSON)} and ${path.relative(process.cwd(), OUT_MD)}`);
