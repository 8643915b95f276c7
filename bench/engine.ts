/**
 * Engine benchmarks, in this process: analyze() against the wink-nlp floor for notes of
 * several sizes, a per-stage breakdown, and batch throughput with peak memory.
 *
 *   npx tsx bench/engine.ts            # engine sizes + stages + batch, prints JSON
 *   node --cpu-prof --import tsx bench/engine.ts --profile   # analysis loop only, for a profile
 */
import { performance } from 'node:perf_hooks';
import { analyze } from '../src/engine/index';
import { buildDoc, getNlp } from '../src/engine/nlp/nlp';
import { workSentenceSet } from '../src/engine/facts/work';
import { readEvents } from '../src/engine/facts/events';
import { derivedFacts, summariseFacts } from '../src/engine/facts/facts';
import { buildLedger } from '../src/engine/ledger/ledger';
import { deviceRecords } from '../src/engine/ledger/summary';
import { reconcileEvents } from '../src/engine/ledger/reconcile';
import { applyChecks } from '../src/engine/confidence/checks';
import type { Warning } from '../src/engine/types';
import { decide } from '../src/engine/decide/decide';
import { applyModifiers } from '../src/engine/modifiers/modifiers';
import { applyEdits } from '../src/engine/edits/edits';
import { scopeVerdict } from '../src/engine/decide/scope';
import { headerCodes, headerWarnings } from '../src/engine/decide/header';
import { findConcepts } from '../src/engine/match/matcher';
import { applyContext } from '../src/engine/context/context';
import { applyEmptyFields } from '../src/engine/context/empty-fields';
import { applyDatedHistory } from '../src/engine/context/dated';
import { applyLabelDenials } from '../src/engine/context/label-values';
import { abstention } from '../src/engine/decide/abstain';
import { dropLeftAsVerb } from '../src/engine/match/left-as-verb';
import { generateBatch, generateNote, generateShape, loadAvg, round, SHAPES, stats, wordCount, type Shape, type Stats } from './lib';

export const SIZES = [200, 1000, 5000, 20000] as const;

/** Floor A: wink-nlp reading the text (tokenise, sentence split, POS tag) — nothing else. */
export function floorReadDoc(text: string): number {
  const doc = getNlp().readDoc(text);
  return doc.tokens().length();
}

/** Floor B: readDoc plus reading the token fields and sentence spans out, exactly as buildDoc does. */
export function floorTouch(text: string): number {
  const w = getNlp();
  const its = w.its;
  const doc = w.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  doc.tokens().out(its.precedingSpaces);
  doc.tokens().out(its.type);
  doc.tokens().out(its.pos);
  let n = 0;
  doc.sentences().each((s: { out: (f: unknown) => unknown }) => {
    n += (s.out(its.span) as unknown as number[])[0];
  });
  return values.length + n;
}

const STAGES = ['buildDoc', 'findConcepts', 'applyContext', 'ledger', 'events', 'decide', 'modifiers', 'edits', 'checks', 'rest'] as const;
type Stage = (typeof STAGES)[number];

/**
 * The pipeline of analyze() (src/engine/index.ts) with a timer around each stage. It must run
 * the same stages in the same order; `stagedMatchesAnalyze` (run by the bench) checks that its
 * suggestions equal analyze()'s.
 */
export function stagedAnalyze(text: string): { ms: Record<Stage, number>; suggestions: unknown; warnings: unknown } {
  const t: number[] = [performance.now()];
  const mark = () => t.push(performance.now());
  const doc = buildDoc(text);
  mark();
  const matches = dropLeftAsVerb(doc, findConcepts(doc));
  mark();
  const verdicts = applyContext(doc, matches);
  matches.forEach((m, i) => {
    m.assertion = verdicts[i].assertion;
    if (verdicts[i].cue) m.cue = verdicts[i].cue;
  });
  applyEmptyFields(doc, matches);
  applyLabelDenials(doc, matches);
  applyDatedHistory(doc, matches);
  mark();
  const work = workSentenceSet(doc, matches);
  const ledger = buildLedger(doc, matches, work);
  mark();
  const { reading } = reconcileEvents(readEvents(doc, matches, work), ledger);
  mark();
  const decision = decide(reading, matches, work);
  mark();
  const ctx = { doc, matches, work, reading };
  const mods = applyModifiers(ctx, decision.suggestions);
  mark();
  const edits = applyEdits(ctx, mods.suggestions);
  mark();
  const warnings: Warning[] = [...decision.warnings, ...mods.warnings, ...edits.warnings];
  const claimed = headerCodes(doc);
  warnings.push(...headerWarnings(claimed, edits.suggestions, doc));
  const suggestions = applyChecks({ doc, matches, reading, ledger, suggestions: edits.suggestions, warnings });
  mark();
  scopeVerdict(suggestions, matches, work, reading);
  abstention(reading, suggestions);
  derivedFacts(reading);
  summariseFacts(matches, work);
  deviceRecords(ledger);
  mark();
  return { ms: Object.fromEntries(STAGES.map((s, i) => [s, t[i + 1] - t[i]])) as Record<Stage, number>, suggestions, warnings };
}

/** Does the staged copy still produce analyze()'s suggestions and warnings? (It must, or its stage times mean nothing.) */
export function stagedMatchesAnalyze(text: string): boolean {
  const a = analyze(text);
  const s = stagedAnalyze(text);
  const warnings = a.warnings.filter((w) => w.kind !== 'truncated');
  return JSON.stringify(a.suggestions) === JSON.stringify(s.suggestions) && JSON.stringify(warnings) === JSON.stringify(s.warnings);
}

/** CPU time (user + system, all threads of this process) of one call, in ms. */
function cpuTime(fn: () => unknown): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

export interface SizeResult {
  targetWords: number;
  words: number;
  chars: number;
  tokens: number;
  runs: number;
  analyzeMs: Stats;
  readDocMs: Stats;
  floorMs: Stats;
  /** analyze median / floor (readDoc + token read-out) median, same run. */
  ratio: number;
  /** analyze median / bare readDoc median, same run. */
  ratioBare: number;
  /**
   * The same ratio in CPU time (process.cpuUsage, medians of separate interleaved runs): time the
   * process spent descheduled by its neighbours does not count, so it moves less on a loaded
   * machine than the wall-time ratio (it includes V8's helper threads, e.g. concurrent GC).
   */
  ratioCpu: number;
  analyzeCpuMs: Stats;
  floorCpuMs: Stats;
  stagesMedianMs: Record<Stage, number>;
}

function runsFor(words: number): number {
  return words <= 200 ? 80 : words <= 1000 ? 40 : words <= 5000 ? 15 : 7;
}

/** One size: floor and analysis interleaved (order rotated each run) so noise hits both alike. */
export function benchSize(words: number, runs = runsFor(words)): SizeResult {
  const text = generateNote(words);
  for (let i = 0; i < 3; i++) {
    analyze(text);
    floorTouch(text);
    floorReadDoc(text);
  }
  const a: number[] = [];
  const b: number[] = [];
  const f: number[] = [];
  const jobs: Array<() => void> = [
    () => a.push(time(() => analyze(text))),
    () => b.push(time(() => floorReadDoc(text))),
    () => f.push(time(() => floorTouch(text))),
  ];
  for (let r = 0; r < runs; r++) for (let j = 0; j < jobs.length; j++) jobs[(r + j) % jobs.length]();
  const ac: number[] = [];
  const fc: number[] = [];
  for (let r = 0; r < runs; r++) {
    if (r % 2) {
      ac.push(cpuTime(() => analyze(text)));
      fc.push(cpuTime(() => floorTouch(text)));
    } else {
      fc.push(cpuTime(() => floorTouch(text)));
      ac.push(cpuTime(() => analyze(text)));
    }
  }
  const analyzeCpuMs = stats(ac);
  const floorCpuMs = stats(fc);
  const st: Record<Stage, number[]> = Object.fromEntries(STAGES.map((s) => [s, []])) as unknown as Record<Stage, number[]>;
  for (let r = 0; r < Math.max(5, Math.ceil(runs / 2)); r++) {
    const x = stagedAnalyze(text).ms;
    for (const s of STAGES) st[s].push(x[s]);
  }
  const analyzeMs = stats(a);
  const readDocMs = stats(b);
  const floorMs = stats(f);
  return {
    targetWords: words,
    words: wordCount(text),
    chars: text.length,
    tokens: analyze(text).stats.tokens,
    runs,
    analyzeMs,
    readDocMs,
    floorMs,
    ratio: round(analyzeMs.median / floorMs.median),
    ratioBare: round(analyzeMs.median / readDocMs.median),
    ratioCpu: round(analyzeCpuMs.median / floorCpuMs.median),
    analyzeCpuMs,
    floorCpuMs,
    stagesMedianMs: Object.fromEntries(STAGES.map((s) => [s, round(stats(st[s]).median, 3)])) as Record<Stage, number>,
  };
}

export interface BatchResult {
  notes: number;
  words: number;
  analyzeSeconds: number;
  notesPerSecond: number;
  floorSeconds: number;
  floorNotesPerSecond: number;
  /** analyze time / floor time for the same notes, same run. */
  ratio: number;
  rssBeforeMB: number;
  peakRssMB: number;
  peakHeapUsedMB: number;
}

/** 1,000 generated notes through analyze() one after another and through the floor, in alternating chunks. */
export function benchBatch(count = 1000): BatchResult {
  const notes = generateBatch(count);
  for (const n of notes.slice(0, 20)) {
    analyze(n);
    floorTouch(n);
  }
  const mb = (x: number) => round(x / 2 ** 20, 1);
  (globalThis as { gc?: () => void }).gc?.();
  const rssBefore = process.memoryUsage.rss();
  let peakRss = rssBefore;
  let peakHeap = process.memoryUsage().heapUsed;
  // analysis and floor alternate in chunks of CHUNK notes (order flipped each chunk), so a
  // neighbour's load on the shared machine lands on both sides alike
  const CHUNK = 50;
  let analyzeMs = 0;
  let floorMs = 0;
  for (let c = 0; c < notes.length; c += CHUNK) {
    const part = notes.slice(c, c + CHUNK);
    const runAnalyze = () => {
      const t0 = performance.now();
      for (let i = 0; i < part.length; i++) {
        analyze(part[i]);
        if ((c + i) % 10 === 0) {
          const m = process.memoryUsage();
          if (m.rss > peakRss) peakRss = m.rss;
          if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
        }
      }
      analyzeMs += performance.now() - t0;
    };
    const runFloor = () => {
      const t0 = performance.now();
      for (const n of part) floorTouch(n);
      floorMs += performance.now() - t0;
    };
    if ((c / CHUNK) % 2) {
      runFloor();
      runAnalyze();
    } else {
      runAnalyze();
      runFloor();
    }
  }
  return {
    notes: count,
    words: notes.reduce((s, n) => s + wordCount(n), 0),
    analyzeSeconds: round(analyzeMs / 1000, 3),
    notesPerSecond: round((count / analyzeMs) * 1000, 1),
    floorSeconds: round(floorMs / 1000, 3),
    floorNotesPerSecond: round((count / floorMs) * 1000, 1),
    ratio: round(analyzeMs / floorMs),
    rssBeforeMB: mb(rssBefore),
    peakRssMB: mb(peakRss),
    peakHeapUsedMB: mb(peakHeap),
  };
}

export interface ShapeResult {
  shape: Shape;
  /** Word counts of the small and the large note of this shape. */
  words: [number, number];
  tokens: [number, number];
  analyzeMs: [Stats, Stats];
  floorMs: [Stats, Stats];
  /** analyze / floor at the small and the large size, same run. */
  ratio: [number, number];
  /** large / small analysis median, divided by large / small word count: 1 is linear. */
  growthVsLinear: number;
}

export const SHAPE_WORDS = [1000, 8000] as const;

/** Each pathological shape at two sizes: analysis against the floor, and growth against linear. */
export function benchShapes(): ShapeResult[] {
  return SHAPES.map((shape) => {
    const texts = SHAPE_WORDS.map((w) => generateShape(shape, w));
    for (const text of texts) {
      for (let i = 0; i < 2; i++) {
        analyze(text);
        floorTouch(text);
      }
    }
    // the small and the large note interleaved round by round (4 small runs per large one), so
    // load drifting on the shared machine moves both alike and the growth stays comparable
    const a: number[][] = [[], []];
    const f: number[][] = [[], []];
    const one = (k: number) => {
      if ((a[k].length + k) % 2) {
        a[k].push(time(() => analyze(texts[k])));
        f[k].push(time(() => floorTouch(texts[k])));
      } else {
        f[k].push(time(() => floorTouch(texts[k])));
        a[k].push(time(() => analyze(texts[k])));
      }
    };
    for (let r = 0; r < 8; r++) {
      for (let i = 0; i < 4; i++) one(0);
      one(1);
    }
    const res = texts.map((text, k) => ({ words: wordCount(text), tokens: analyze(text).stats.tokens, analyzeMs: stats(a[k]), floorMs: stats(f[k]) }));
    const [s, l] = res;
    return {
      shape,
      words: [s.words, l.words],
      tokens: [s.tokens, l.tokens],
      analyzeMs: [s.analyzeMs, l.analyzeMs],
      floorMs: [s.floorMs, l.floorMs],
      ratio: [round(s.analyzeMs.median / s.floorMs.median), round(l.analyzeMs.median / l.floorMs.median)],
      growthVsLinear: round(l.analyzeMs.median / s.analyzeMs.median / (l.words / s.words)),
    };
  });
}

/**
 * 20,000-word against 1,000-word analysis, interleaved round by round (one 20k run, then three
 * 1k runs), so the growth compares times taken under the same load.
 */
function growth20kTo1k(): { ms1000: number; ms20000: number; ratio20kTo1k: number } {
  const small = generateNote(1000);
  const large = generateNote(20000);
  const s: number[] = [];
  const l: number[] = [];
  for (let r = 0; r < 7; r++) {
    l.push(time(() => analyze(large)));
    for (let i = 0; i < 3; i++) s.push(time(() => analyze(small)));
  }
  const ms1000 = stats(s).median;
  const ms20000 = stats(l).median;
  return { ms1000, ms20000, ratio20kTo1k: round(ms20000 / ms1000, 1) };
}

export interface EngineResults {
  /** os.loadavg() when the engine part started (the machine is shared). */
  loadAvg: number[];
  floorDefinition: string;
  coldStartMs: { loadAndFirstAnalyzeMs: number };
  sizes: SizeResult[];
  linearity: { ms1000: number; ms20000: number; ratio20kTo1k: number; usPerWord: Record<string, number> };
  shapes: ShapeResult[];
  /** Does the bench's staged copy of the pipeline give analyze()'s suggestions on every generated note? */
  stagedPipelineMatches: boolean;
  batch: BatchResult;
}

export function runEngine(): EngineResults {
  const load = loadAvg();
  const t0 = performance.now();
  analyze('Warm-up.');
  const cold = round(performance.now() - t0, 1);
  const sizes = SIZES.map((w) => benchSize(w));
  const shapes = benchShapes();
  const stagedPipelineMatches = SIZES.every((w) => stagedMatchesAnalyze(generateNote(w))) && generateBatch(50).every(stagedMatchesAnalyze);
  const batch = benchBatch(1000);
  return {
    loadAvg: load,
    floorDefinition:
      'floor = getNlp().readDoc(text) plus tokens().out(value|precedingSpaces|type|pos) and sentence spans — the wink work inside buildDoc; readDoc = the bare getNlp().readDoc(text)',
    coldStartMs: { loadAndFirstAnalyzeMs: cold },
    sizes,
    linearity: {
      ...growth20kTo1k(),
      usPerWord: Object.fromEntries(sizes.map((s) => [String(s.targetWords), round((s.analyzeMs.median * 1000) / s.words, 1)])),
    },
    shapes,
    stagedPipelineMatches,
    batch,
  };
}

// `tsx bench/engine.ts` — standalone. `--profile`: spend ~N seconds analysing the 1,000-word note.
const self = process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!);
if (self) {
  if (process.argv.includes('--profile')) {
    const words = Number(process.argv[process.argv.indexOf('--profile') + 1]) || 1000;
    const text = generateNote(words);
    analyze(text);
    const until = performance.now() + 8000;
    let n = 0;
    while (performance.now() < until) {
      analyze(text);
      n++;
    }
    console.log(`profiled ${n} analyses of ${words} words`);
  } else {
    console.log(JSON.stringify(runEngine(), null, 2));
  }
}
