/**
 * Issue 19: memory of the wink run-time vocabulary over many distinct notes. Feeds N new words
 * (never seen before, 1,000 a note) through analyze() in one process and prints the heap after a
 * full GC every 20,000 words, with nlpStats() (new lexemes held, recycles).
 *
 *   node --expose-gc --import tsx scripts/vocab-memory.ts [words=200000]
 */
import { analyze } from '../src/engine/index';
import { nlpStats } from '../src/engine/nlp/nlp';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  console.error('run with node --expose-gc');
  process.exit(2);
}
const total = Number(process.argv[2] ?? 200_000);
const PER_NOTE = 1_000;
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1e6;
};
analyze('PROCEDURE: Two leads were placed at T8 and connected to a generator in a new pocket.');
const start = heap();
console.log(`start: heap ${start.toFixed(1)} MB, ${JSON.stringify(nlpStats())}`);
let peak = start;
for (let w = 0; w < total; w += PER_NOTE) {
  const words = Array.from({ length: PER_NOTE }, (_, i) => `qz${(w + i).toString(36)}v`).join(' ');
  analyze(`PROCEDURE: Two leads were placed at T8. ${words}. The wound was closed.`);
  if ((w + PER_NOTE) % 20_000 === 0) {
    const h = heap();
    peak = Math.max(peak, h);
    console.log(`${(w + PER_NOTE).toLocaleString('en-US')} new words: heap ${h.toFixed(1)} MB, ${JSON.stringify(nlpStats())}`);
  }
}
const end = heap();
console.log(`end: heap ${end.toFixed(1)} MB (start ${start.toFixed(1)}, peak ${peak.toFixed(1)}, growth ${(end - start).toFixed(1)} MB over ${total.toLocaleString('en-US')} new words)`);
