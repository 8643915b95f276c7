/**
 * Issue 19: memory over 100,000 notes of varied text through the `audit` path. Streams a
 * generated CSV (test/varied-notes.ts: fixture notes with ~20 words no earlier note had, so wink
 * meets new words in every note) through the CLI's streaming core (src/cli/audit-stream.ts) with
 * the CLI's summary and JSON row output (written nowhere), and prints heap after a full GC and
 * RSS every 10,000 notes, with the engine's recycling (NlpHolder) or without it.
 *
 *   node --expose-gc --import tsx scripts/memory-100k.ts [notes=100000] [--no-recycle]
 */
import { Readable } from 'node:stream';
import { cpus, loadavg, totalmem } from 'node:os';
import { analyze } from '../src/engine/index';
import { nlpStats, setRecycleBounds } from '../src/engine/nlp/nlp';
import { BatchSummarizer } from '../src/engine/audit/index';
import { rowJson, streamAudit } from '../src/cli/audit-stream';
import { csvField, variedNote } from '../test/varied-notes';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  console.error('run with node --expose-gc --import tsx scripts/memory-100k.ts');
  process.exit(2);
}
const args = process.argv.slice(2);
const recycle = !args.includes('--no-recycle');
const total = Number(args.find((a) => /^\d+$/.test(a)) ?? 100_000);
const EVERY = 10_000;
if (!recycle) setRecycleBounds({ newLexemes: Infinity, notes: Infinity });

const mb = (n: number) => (n / 1e6).toFixed(1);
function sample() {
  gc!();
  gc!();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, rss: m.rss };
}

console.log(`# ${new Date().toISOString()} ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${mb(totalmem() / 1000)} GB, node ${process.version}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(`# ${total.toLocaleString('en-US')} notes, recycling ${recycle ? `on (${JSON.stringify({ newLexemes: nlpStats().limit, notes: nlpStats().noteLimit })})` : 'off'}`);
analyze('PROCEDURE: Two leads were placed at T8 and connected to a generator in a new pocket.');
const start = sample();
console.log(`notes        heap MB   rss MB   new lexemes  recycles  notes/s   load`);
const line = (n: number, s: { heap: number; rss: number }, rate: string) =>
  console.log(`${n.toLocaleString('en-US').padStart(7)}   ${mb(s.heap).padStart(9)} ${mb(s.rss).padStart(8)} ${String(nlpStats().newLexemes).padStart(12)} ${String(nlpStats().recycles).padStart(9)} ${rate.padStart(9)}   ${loadavg()[0].toFixed(1)}`);
line(0, start, '-');

async function* csv() {
  yield 'id,note\n';
  for (let i = 0; i < total; i++) yield `n${i},${csvField(variedNote(i))}\n`;
}

const summary = new BatchSummarizer();
let n = 0;
let bytes = 0;
let peak = start;
const samples: { heap: number; rss: number }[] = [];
let t = performance.now();
const { fatal } = await streamAudit(Readable.from(csv()), analyze, {
  emit(o) {
    summary.add(o);
    // the CLI's --json row, built and dropped
    bytes += JSON.stringify(o.ok ? rowJson(o.row) : o.error).length;
    n++;
    if (n % EVERY === 0) {
      const rate = ((1000 * EVERY) / (performance.now() - t)).toFixed(0);
      const s = sample();
      samples.push(s);
      peak = { heap: Math.max(peak.heap, s.heap), rss: Math.max(peak.rss, s.rss) };
      line(n, s, rate);
      t = performance.now();
    }
  },
});
if (fatal) throw new Error(fatal);
const end = sample();
const r = summary.result();
console.log(
  `# end: heap ${mb(end.heap)} MB (start ${mb(start.heap)}, +${mb(end.heap - start.heap)}; peak ${mb(peak.heap)}), rss ${mb(end.rss)} MB (start ${mb(start.rss)}, peak ${mb(peak.rss)}); ` +
    `${r.analysed} analysed, ${r.errors} errors, ${(bytes / 1e6).toFixed(0)} MB of JSON rows; recycles ${nlpStats().recycles}`,
);
if (samples.length >= 2) {
  const first = samples[0];
  const last = samples[samples.length - 1];
  const per = (last.heap - first.heap) / ((samples.length - 1) * EVERY);
  console.log(`# heap growth from ${EVERY.toLocaleString('en-US')} notes to the end: ${mb(last.heap - first.heap)} MB (${per.toFixed(0)} bytes a note)`);
}
