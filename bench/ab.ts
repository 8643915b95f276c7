/**
 * A/B test of a proposed engine change without touching src/: copies src/ to bench/out/ab/src,
 * overlays the files under bench/proposals/ (same paths relative to src/), checks that the
 * patched engine gives the same Analysis as the current one on every fixture, holdout and
 * generated note, then times both interleaved in one process.
 *
 *   npx tsx bench/ab.ts
 */
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { ROOT, fixtureNotes, generateNote, round, stats } from './lib';

type Engine = typeof import('../src/engine/index');

const AB = path.join(ROOT, 'bench/out/ab');
const PROPOSALS = path.join(ROOT, 'bench/proposals');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

function strip(a: ReturnType<Engine['analyze']>) {
  return JSON.stringify({ ...a, stats: { ...a.stats, ms: 0 } });
}

export async function runAB(sizes = [200, 1000, 5000, 20000]) {
  rmSync(AB, { recursive: true, force: true });
  cpSync(path.join(ROOT, 'src'), path.join(AB, 'src'), { recursive: true });
  // no proposals pending: the A/B compares the engine with itself (a noise check)
  const overlaid = (existsSync(PROPOSALS) ? files(PROPOSALS) : []).map((f) => {
    const rel = path.relative(PROPOSALS, f);
    cpSync(f, path.join(AB, 'src', rel));
    return `src/${rel}`;
  });
  // lets the engine's own unit tests run against the patched copy (see bench/README.md)
  writeFileSync(
    path.join(AB, 'vitest.ab.config.ts'),
    "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { include: ['bench/out/ab/src/engine/**/*.test.ts'], environment: 'node', testTimeout: 60_000 } });\n",
  );
  const A: Engine = await import(pathToFileURL(path.join(ROOT, 'src/engine/index.ts')).href);
  const B: Engine = await import(pathToFileURL(path.join(AB, 'src/engine/index.ts')).href);

  const holdoutDir = path.join(ROOT, 'test/fixtures/holdout/notes');
  const holdout = existsSync(holdoutDir) ? readdirSync(holdoutDir).map((f) => readFileSync(path.join(holdoutDir, f), 'utf8')) : [];
  const corpus = [...fixtureNotes(), ...holdout, ...sizes.map((w) => generateNote(w))];
  const mismatches = corpus.filter((t) => strip(A.analyze(t)) !== strip(B.analyze(t))).length;

  const rows = sizes.map((words) => {
    const text = generateNote(words);
    const runs = words <= 200 ? 80 : words <= 1000 ? 40 : words <= 5000 ? 15 : 7;
    for (let i = 0; i < 3; i++) {
      A.analyze(text);
      B.analyze(text);
    }
    const a: number[] = [];
    const b: number[] = [];
    for (let r = 0; r < runs; r++) {
      const order = r % 2 ? [A, B] : [B, A];
      for (const E of order) {
        const t0 = performance.now();
        E.analyze(text);
        (E === A ? a : b).push(performance.now() - t0);
      }
    }
    const sa = stats(a);
    const sb = stats(b);
    return { words, currentMs: sa.median, proposedMs: sb.median, currentP95: sa.p95, proposedP95: sb.p95, speedup: round(sa.median / sb.median) };
  });
  return { overlaid, notesCompared: corpus.length, mismatches, rows };
}

const self = process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!);
if (self) {
  const r = await runAB();
  console.log(`overlaid: ${r.overlaid.join(', ')}`);
  console.log(`identical output on ${r.notesCompared - r.mismatches}/${r.notesCompared} notes`);
  console.table(r.rows);
}
