import { describe, expect, it } from 'vitest';
import { END, START, performanceSection, replaceSection, type BenchResults } from '../../bench/readme';

const st = (median: number, p95 = median * 2) => ({ n: 9, median, p95, min: median / 2, mean: median * 1.1 });

/** A small results object in the shape bench/run.ts writes. */
const sample: BenchResults = {
  machine: { os: 'Linux 6.1 (linux/x64)', cpus: 2, cpuModel: 'AMD EPYC 7B13', node: 'v20.20.2', date: '2026-12-07T13:05:00.000Z', loadAvg: [1.5, 1.25, 0.75], loadAvgStart: [0.5, 0.25, 0.125] },
  engine: {
    loadAvg: [0.5, 0.25, 0.125],
    sizes: [
      { targetWords: 1000, words: 1000, tokens: 1249, analyzeMs: st(14.2), floorMs: st(7.9), readDocMs: st(7.3), ratio: 1.8, ratioCpu: 2.4, stagesMedianMs: { buildDoc: 8, findConcepts: 1 } },
      { targetWords: 20000, words: 20000, tokens: 24318, analyzeMs: st(330), floorMs: st(160), readDocMs: st(150), ratio: 2.06, ratioCpu: 1.9 },
    ],
    linearity: { ratio20kTo1k: 23.2 },
    shapes: [{ shape: 'negationCues', words: [1000, 8000], ratio: [2.1, 2.3], growthVsLinear: 1.07 }],
    batch: { notes: 1000, words: 167742, notesPerSecond: 610.4, floorNotesPerSecond: 1000, ratio: 1.64, peakRssMB: 330 },
  },
  size: { firstPaintGzipKB: 133.2, budgetGzipKB: 195.3, engineChunk: { gzipKB: 1045, rawKB: 3900 }, modelChunks: 1, precacheMB: 5.1 },
  browser: {
    noteWords: 1000,
    loadAvg: { start: [1, 1, 1], end: [1.25, 1, 1] },
    cold: {
      runs: 3,
      navToFirstSuggestionMs: st(1234.5),
      navToEngineReadyMs: st(555),
      longTasksDuringAnalysis: 0,
      longTasksWholeLoad: [{ start: 300, duration: 120 }],
      longTasksLoadTotal: 2,
      longTasksLoadOver100: 1,
    },
    keystroke: { runs: 15, debounce: 'adaptive', withDebounceMs: st(42.3), withoutDebounceMs: st(30), engineMsInWorker: st(12), longTasks: [] },
    burst: { chars: 24, gapMs: 80, requests: 20, lastKeyToUpdateMs: 40, keyToNextUpdateMs: st(61), longTasks: [] },
  },
};

/** The table row whose first cell starts with `what`, split into its cells. */
function row(md: string, what: string): string[] {
  const line = md.split('\n').find((l) => l.startsWith(`| ${what}`));
  if (!line) throw new Error(`no row "${what}" in\n${md}`);
  return line.split('|').slice(1, -1).map((c) => c.trim());
}

describe('README performance section generator', () => {
  const md = performanceSection(sample);

  it('states the date, the machine and the load averages', () => {
    expect(md).toContain('2026-12-07 13:05 UTC');
    expect(md).toContain('2 cores × AMD EPYC 7B13');
    expect(md).toContain('Node v20.20.2');
    expect(md).toContain('0.50 / 0.25 / 0.13'); // at the start
    expect(md).toContain('1.50 / 1.25 / 0.75'); // at the end
    expect(md).toContain('never edit by hand');
  });

  it('puts each measured number next to its target, with whether it is met', () => {
    expect(row(md, 'analysis at 1,000 words')).toEqual(['analysis at 1,000 words / wink floor (medians, same run)', '1.80× (14.2 ms vs 7.90 ms)', '≤ 2×', 'yes']);
    expect(row(md, 'the same in CPU time').slice(1)).toEqual(['2.40×', '≤ 2×', '**no**']);
    expect(md).toContain('| 1,000 words | 1,249 | 14.2 ms | 28.4 ms | 7.90 ms | 7.30 ms | 1.80× | 2.40× |');
    expect(row(md, '20,000-word time').slice(1)).toEqual(['23.2×', '≤ 22×', '**no**']);
    expect(row(md, 'pathological shape `negationCues`').slice(1)).toEqual(['1.07×', '≤ 1.25× (linear)', 'yes']);
    expect(row(md, 'batch').slice(1)).toEqual(['610.4 vs 1,000.0 (61%)', '≥ 50%', 'yes']);
    expect(row(md, 'first-paint JS').slice(1)).toEqual(['133.2 KB', '< 195 KB', 'yes']);
    expect(row(md, 'copies of the wink model').slice(1)).toEqual(['1', '1', 'yes']);
    expect(row(md, 'cold navigation → first suggestion').slice(1)).toEqual(['1,235 ms', '≤ 1,000 ms', '**no**']);
    expect(row(md, 'cold navigation → engine ready').slice(1)).toEqual(['555 ms', '≤ 600 ms', 'yes']);
    expect(row(md, 'keystroke → updated suggestions, 1,000-word note (median of 15)').slice(1)).toEqual(['42.3 ms', '≤ 150 ms', 'yes']);
    expect(row(md, 'while typing').slice(1)).toEqual(['61.0 ms', '≤ 150 ms', 'yes']);
    expect(row(md, 'main-thread long tasks (> 50 ms) during analysis and typing').slice(1)).toEqual(['0', '0', 'yes']);
    expect(row(md, 'main-thread long tasks over 100 ms during the cold load').slice(1)).toEqual(['1', '0', '**no**']);
  });

  it('still renders an older results file without the later measures', () => {
    const old: BenchResults = { ...sample, size: undefined, browser: undefined, engine: { ...sample.engine, shapes: undefined } };
    const text = performanceSection(old);
    expect(row(text, 'analysis at 1,000 words')[3]).toBe('yes');
    expect(text).not.toContain('cold navigation');
    expect(text).not.toContain('pathological shape');
  });

  it('replaces only the text between the markers, and refuses a README without them', () => {
    const readme = `# Title\n\n## Performance\n\n${START}\nold text\n${END}\n\n## Next\nkept\n`;
    const out = replaceSection(readme, md);
    expect(out.startsWith('# Title\n\n## Performance\n\n' + START + '\n')).toBe(true);
    expect(out).toContain(md);
    expect(out).not.toContain('old text');
    expect(out.endsWith(`${END}\n\n## Next\nkept\n`)).toBe(true);
    expect(replaceSection(out, md)).toBe(out); // idempotent
    expect(() => replaceSection('# no markers', md)).toThrow(/performance:start/);
  });
});
