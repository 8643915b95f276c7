/**
 * Scores the assertion-context stage on the public negation / ConText sets kept in
 * /work/shared/eval/negation (override with NEGATION_EVAL_DIR).
 *
 *   npx tsx scripts/eval-negation.ts [--errors N] [--out DIR]
 *
 * For each set: converts the rows to the assert CLI's TSV (id, sentence, concept, start), runs the
 * CLI logic, writes the predictions, scores them with the shared scorer (score.mjs) and prints the
 * figures next to the trivial and published genConText baselines found in baseline/.
 * Two readings are scored: "single" (the CLI's one label per concept; for temporality a negated
 * concept counts as recent) and "axes" (each axis answered separately, as the sets are labelled).
 */
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { assertRows, type AssertRow } from '../src/cli/assert';

interface Row { id: string; concept: string; sentence: string; conceptStart: number }
interface Dataset { name: string; tasks: string[]; rows: Row[] }
interface ClassFigures { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number; support: number }
interface Score { accuracy: number; correct: number; total: number; perClass: Record<string, ClassFigures> }
interface Scorer {
  loadDataset(path: string): Dataset;
  readPredictions(path: string): Map<string, string>;
  score(d: Dataset, p: Map<string, string>, task: string): Score & { wrong: Array<{ row: Row; gold: string; pred: string }> };
}

const here = dirname(fileURLToPath(import.meta.url));
const evalDir = resolve(process.env.NEGATION_EVAL_DIR ?? join(here, '..', '..', 'shared', 'eval', 'negation'));

const args = process.argv.slice(2);
const errorsArg = args.indexOf('--errors');
const showErrors = errorsArg >= 0 ? Number(args[errorsArg + 1]) : 0;
const outArg = args.indexOf('--out');
const outDir = outArg >= 0 ? resolve(args[outArg + 1]) : join(tmpdir(), 'opnote-eval-negation');

const f = (x: number): string => x.toFixed(4);

function line(name: string, task: string, s: Score): string {
  if (task === 'negation') {
    const n = s.perClass.negated;
    return `${name.padEnd(28)} acc ${f(s.accuracy)}  negated P ${f(n.precision)} R ${f(n.recall)} F1 ${f(n.f1)}  (tp ${n.tp}, fp ${n.fp}, fn ${n.fn})`;
  }
  const classes = Object.keys(s.perClass);
  const macro = classes.reduce((t, c) => t + s.perClass[c].f1, 0) / classes.length;
  const per = classes.filter((c) => c !== 'recent' && c !== 'patient').map((c) => `${c} F1 ${f(s.perClass[c].f1)}`).join('  ');
  return `${name.padEnd(28)} acc ${f(s.accuracy)}  ${per}  macro F1 ${f(macro)}`;
}

async function main(): Promise<void> {
  if (!existsSync(join(evalDir, 'score.mjs'))) throw new Error(`no score.mjs in ${evalDir} (set NEGATION_EVAL_DIR)`);
  const scorer = (await import(pathToFileURL(join(evalDir, 'score.mjs')).href)) as Scorer;
  mkdirSync(outDir, { recursive: true });
  const sets = [
    { key: 'chapman-context', file: join(evalDir, 'chapman-context', 'rsAnnotations-1-120-random.txt') },
    { key: 'chia-negation', file: join(evalDir, 'chia-negation', 'chia_without_scope_balanced.csv') },
  ];
  for (const set of sets) {
    const data = scorer.loadDataset(set.file);
    // 1. the CLI's TSV (tabs and line breaks inside a sentence become spaces: offsets are kept)
    const clean = (s: string): string => s.replace(/[\t\r\n]/g, ' ');
    const tsv = data.rows.map((r) => `${r.id}\t${clean(r.sentence)}\t${clean(r.concept)}\t${r.conceptStart >= 0 ? r.conceptStart : ''}`).join('\n') + '\n';
    const tsvPath = join(outDir, `${set.key}.tsv`);
    writeFileSync(tsvPath, tsv);
    // 2. the CLI logic
    const rows: AssertRow[] = data.rows.map((r) => ({ id: r.id, sentence: clean(r.sentence), concept: clean(r.concept), ...(r.conceptStart >= 0 ? { start: r.conceptStart } : {}) }));
    const t0 = performance.now();
    const out = assertRows(rows);
    const ms = performance.now() - t0;
    const single = join(outDir, `${set.key}.pred.tsv`);
    writeFileSync(single, out.map((o) => `${o.id}\t${o.label}`).join('\n') + '\n');
    const negAxis = join(outDir, `${set.key}.negation.tsv`);
    writeFileSync(negAxis, out.map((o) => `${o.id}\t${o.negation}`).join('\n') + '\n');
    const tempAxis = join(outDir, `${set.key}.temporality.tsv`);
    writeFileSync(tempAxis, out.map((o) => `${o.id}\t${o.temporality}`).join('\n') + '\n');

    console.log(`\n== ${data.name}: ${data.rows.length} rows, ${ms.toFixed(0)} ms (${((ms * 1000) / data.rows.length).toFixed(0)} µs/row); files in ${outDir}`);
    for (const task of data.tasks.filter((t) => t !== 'experiencer')) {
      console.log(`-- ${task}`);
      const ours = scorer.score(data, scorer.readPredictions(single), task);
      console.log(line('opnote (single label)', task, ours));
      const axisFile = task === 'negation' ? negAxis : tempAxis;
      const axes = scorer.score(data, scorer.readPredictions(axisFile), task);
      console.log(line('opnote (per axis)', task, axes));
      for (const [name, file] of [
        ['trivial baseline', join(evalDir, 'baseline', `trivial.${data.name}.${task}.tsv`)],
        ['genConText (published)', join(evalDir, 'baseline', `gencontext-published.${task}.tsv`)],
      ] as const) {
        if (name.startsWith('genConText') && data.name !== 'chapman-context') continue;
        if (!existsSync(file)) continue;
        console.log(line(name, task, scorer.score(data, scorer.readPredictions(file), task)));
      }
      for (const w of axes.wrong.slice(0, showErrors)) {
        console.log(`   wrong ${w.row.id}: gold ${w.gold}, got ${w.pred} | ${w.row.concept.trim()} | ${w.row.sentence.replace(/\s+/g, ' ').trim().slice(0, 180)}`);
      }
    }
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
