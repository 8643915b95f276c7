/**
 * Scores the assertion-context stage on the public negation / ConText sets kept in
 * /work/shared/eval/negation (override with NEGATION_EVAL_DIR). One command:
 *
 *   npm run -s eval:negation [-- --errors N] [--out DIR] [--markdown] [--gate]
 *
 * For each set it writes the rows as the assert CLI's TSV (id, sentence, concept, start), runs
 * the CLI itself (`tsx src/cli/assert.ts --tsv FILE`, the same as `npm run -s assert -- --tsv`, and
 * `--axes` for the per-axis reading), and scores the output with the shared scorer's own functions
 * (score.mjs, imported). The Chapman set is also scored on its two fixed halves (negation-split.ts:
 * FNV-1a of the sentence text; even = tuning, odd = reporting), Chia as a whole.
 *
 *   --errors N   list up to N wrong rows per axis, from the TUNING half only (rules are chosen from
 *                these; the reporting half's errors are never printed)
 *   --markdown   also print the README table
 *   --gate       exit 1 unless: Chapman negated F1 >= 0.98, historical >= 0.80, hypothetical >= 0.85
 *                (single label, all rows), each reporting-half F1 within 0.02 of the tuning half's,
 *                and Chia negated F1 >= CHIA_FLOOR
 */
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { halfOf, type Half } from './negation-split';

interface Row { id: string; concept: string; sentence: string; conceptStart: number }
interface Dataset { name: string; tasks: string[]; rows: Row[] }
interface ClassFigures { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number; support: number }
interface Wrong { row: Row; gold: string; pred: string }
interface Score { accuracy: number; correct: number; total: number; perClass: Record<string, ClassFigures>; wrong: Wrong[] }
interface Scorer {
  loadDataset(path: string): Dataset;
  readPredictions(path: string): Map<string, string>;
  score(d: Dataset, p: Map<string, string>, task: string): Score;
}

/** Chia negated F1 on main before this change (0.6243); it must not fall. */
const CHIA_FLOOR = 982 / 1573; // tp 491, fp 25, fn 566
const TARGETS = { negated: 0.98, historical: 0.8, hypothetical: 0.85 } as const;
type Cat = keyof typeof TARGETS;
const CATS: Cat[] = ['negated', 'historical', 'hypothetical'];

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const evalDir = resolve(process.env.NEGATION_EVAL_DIR ?? join(root, '..', 'shared', 'eval', 'negation'));

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const showErrors = Number(opt('--errors') ?? 0);
const outDir = resolve(opt('--out') ?? join(tmpdir(), 'opnote-eval-negation'));
const markdown = args.includes('--markdown');
const gate = args.includes('--gate');

const f = (x: number): string => x.toFixed(3);
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where the annotated concept starts. The Chapman sentences write the annotated mention in upper
 * case; score.mjs means to prefer that mention, but upper-cases its own `\s+` into `\S+`, so a
 * concept of several words falls back to the first case-insensitive match (rows 125 and 272 then
 * point at an earlier "BK Virus" than the annotated "BK VIRUS"). The upper-case mention is looked
 * for here first; otherwise the scorer's offset is kept.
 */
function conceptStart(r: Row): number {
  const words = r.concept.trim().split(/\s+/).filter(Boolean);
  if (words.length) {
    const re = new RegExp(words.map((w) => escapeRe(w.toUpperCase())).join('\\s+'), 'g');
    for (let m = re.exec(r.sentence); m; m = re.exec(r.sentence)) if (/[A-Z]/.test(m[0])) return m.index;
  }
  return r.conceptStart;
}
const clean = (s: string): string => s.replace(/[\t\r\n]/g, ' ');

/** Run the assert CLI on a TSV file; returns the path of its output. */
function runCli(tsvPath: string, extra: string[], outPath: string): string {
  const r = spawnSync('npx', ['tsx', join(root, 'src', 'cli', 'assert.ts'), '--tsv', tsvPath, ...extra], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`assert CLI failed (${r.status}): ${r.stderr.trim().split('\n')[0] ?? ''}`);
  writeFileSync(outPath, r.stdout);
  return outPath;
}

/** Predictions for one axis from the `--axes` output (`id<TAB>negation<TAB>temporality`). */
function axisFile(axesPath: string, column: 1 | 2, outPath: string, read: (p: string) => Map<string, string>): string {
  const lines = [...read(axesPath)].map(([id, rest]) => `${id}\t${rest.split('\t')[column - 1]}`);
  writeFileSync(outPath, lines.join('\n') + '\n');
  return outPath;
}

interface Figures { rows: number; cls: Record<Cat, ClassFigures>; accNeg: number; accTemp: number }

function figures(scorer: Scorer, data: Dataset, negPred: string, tempPred: string): Figures {
  const neg = scorer.score(data, scorer.readPredictions(negPred), 'negation');
  const temp = data.tasks.includes('temporality') ? scorer.score(data, scorer.readPredictions(tempPred), 'temporality') : null;
  const none: ClassFigures = { precision: 0, recall: 0, f1: 0, tp: 0, fp: 0, fn: 0, support: 0 };
  return {
    rows: data.rows.length,
    cls: { negated: neg.perClass.negated, historical: temp?.perClass.historical ?? none, hypothetical: temp?.perClass.hypothetical ?? none },
    accNeg: neg.accuracy,
    accTemp: temp?.accuracy ?? NaN,
  };
}

const subset = (data: Dataset, half: Half): Dataset => ({ ...data, rows: data.rows.filter((r) => halfOf(r.sentence) === half) });

function printFigures(name: string, fig: Figures, cats: Cat[]): void {
  const parts = cats.map((c) => {
    const m = fig.cls[c];
    return `${c} P ${f(m.precision)} R ${f(m.recall)} F1 ${f(m.f1)} (tp ${m.tp} fp ${m.fp} fn ${m.fn})`;
  });
  console.log(`  ${name.padEnd(26)} ${String(fig.rows).padStart(5)} rows  ${parts.join('  |  ')}`);
}

function printErrors(scorer: Scorer, tuning: Dataset, negPred: string, tempPred: string): void {
  for (const [task, file] of [['negation', negPred], ['temporality', tempPred]] as const) {
    const s = scorer.score(tuning, scorer.readPredictions(file), task);
    console.log(`  tuning-half errors, ${task} (${s.wrong.length}):`);
    for (const w of s.wrong.slice(0, showErrors)) {
      console.log(`    ${w.row.id}: gold ${w.gold}, got ${w.pred} | ${w.row.concept.trim()} | ${w.row.sentence.replace(/\s+/g, ' ').trim().slice(0, 200)}`);
    }
  }
}

interface SetResult { all: Figures; tuning?: Figures; reporting?: Figures; axesAll: Figures; axesTuning?: Figures; axesReporting?: Figures }

function evaluateSet(scorer: Scorer, key: string, file: string): SetResult {
  const data = scorer.loadDataset(file);
  const tsv = data.rows.map((r) => {
    const start = data.name === 'chapman-context' ? conceptStart(r) : r.conceptStart;
    return `${r.id}\t${clean(r.sentence)}\t${clean(r.concept)}\t${start >= 0 ? start : ''}`;
  }).join('\n') + '\n';
  const tsvPath = join(outDir, `${key}.tsv`);
  writeFileSync(tsvPath, tsv);
  const single = runCli(tsvPath, [], join(outDir, `${key}.pred.tsv`));
  const axes = runCli(tsvPath, ['--axes'], join(outDir, `${key}.axes.tsv`));
  const negAxis = axisFile(axes, 1, join(outDir, `${key}.negation.tsv`), scorer.readPredictions);
  const tempAxis = axisFile(axes, 2, join(outDir, `${key}.temporality.tsv`), scorer.readPredictions);
  const cats = data.tasks.includes('temporality') ? CATS : (['negated'] as Cat[]);
  console.log(`\n== ${data.name}: ${data.rows.length} rows; files in ${outDir}`);
  console.log(`  reproduce: npm run -s assert -- --tsv ${tsvPath} > p.tsv && node ${join(evalDir, 'score.mjs')} ${file} p.tsv [--task temporality]`);
  const res: SetResult = { all: figures(scorer, data, single, single), axesAll: figures(scorer, data, negAxis, tempAxis) };
  console.log('  single label (assert --tsv):');
  printFigures('all', res.all, cats);
  if (data.name === 'chapman-context') {
    const tuning = subset(data, 'tuning');
    res.tuning = figures(scorer, tuning, single, single);
    res.reporting = figures(scorer, subset(data, 'reporting'), single, single);
    printFigures('tuning half', res.tuning, cats);
    printFigures('reporting half', res.reporting, cats);
    console.log(`  ${'reporting - tuning F1'.padEnd(26)} ${cats.map((c) => `${c} ${(res.reporting!.cls[c].f1 - res.tuning!.cls[c].f1).toFixed(3)}`).join('  ')}`);
    if (showErrors > 0) printErrors(scorer, tuning, single, single);
  }
  console.log('  per axis (assert --tsv --axes):');
  printFigures('all', res.axesAll, cats);
  if (data.name === 'chapman-context') {
    res.axesTuning = figures(scorer, subset(data, 'tuning'), negAxis, tempAxis);
    res.axesReporting = figures(scorer, subset(data, 'reporting'), negAxis, tempAxis);
    printFigures('tuning half', res.axesTuning, cats);
    printFigures('reporting half', res.axesReporting, cats);
  }
  printBaselines(scorer, data, cats);
  return res;
}

function printBaselines(scorer: Scorer, data: Dataset, cats: Cat[]): void {
  const base = (name: string): string => join(evalDir, 'baseline', name);
  const sets: Array<[string, string, string]> = [['trivial baseline', base(`trivial.${data.name}.negation.tsv`), base(`trivial.${data.name}.temporality.tsv`)]];
  if (data.name === 'chapman-context') sets.push(['genConText (published)', base('gencontext-published.negation.tsv'), base('gencontext-published.temporality.tsv')]);
  console.log('  baselines:');
  for (const [name, neg, temp] of sets) {
    if (!existsSync(neg)) continue;
    const t = existsSync(temp) ? temp : neg;
    printFigures(name, figures(scorer, data, neg, t), cats);
    if (data.name !== 'chapman-context') continue;
    printFigures(`  tuning half`, figures(scorer, subset(data, 'tuning'), neg, t), cats);
    printFigures(`  reporting half`, figures(scorer, subset(data, 'reporting'), neg, t), cats);
  }
}

function cell(m: ClassFigures): string {
  return `${f(m.precision)} / ${f(m.recall)} / **${f(m.f1)}**`;
}

function printMarkdown(chapman: SetResult, chia: SetResult): void {
  console.log('\n| set | rows | negated P / R / F1 | historical P / R / F1 | hypothetical P / R / F1 |');
  console.log('|---|---:|---|---|---|');
  const rows: Array<[string, Figures | undefined]> = [
    ['Chapman, all', chapman.all],
    ['Chapman, tuning half', chapman.tuning],
    ['Chapman, reporting half', chapman.reporting],
    ['Chapman, all (per axis, `--axes`)', chapman.axesAll],
    ['Chapman, tuning half (per axis)', chapman.axesTuning],
    ['Chapman, reporting half (per axis)', chapman.axesReporting],
  ];
  for (const [name, fig] of rows) if (fig) console.log(`| ${name} | ${fig.rows} | ${CATS.map((c) => cell(fig.cls[c])).join(' | ')} |`);
  console.log(`| Chia (out of domain, negation only) | ${chia.all.rows} | ${cell(chia.all.cls.negated)} | — | — |`);
}

function checkGate(chapman: SetResult, chia: SetResult): string[] {
  const failures: string[] = [];
  for (const c of CATS) {
    if (chapman.all.cls[c].f1 < TARGETS[c]) failures.push(`${c} F1 ${f(chapman.all.cls[c].f1)} < ${TARGETS[c]}`);
    const d = Math.abs(chapman.reporting!.cls[c].f1 - chapman.tuning!.cls[c].f1);
    if (d > 0.02) failures.push(`${c}: reporting half F1 is ${d.toFixed(3)} from the tuning half's (> 0.02)`);
  }
  if (chia.all.cls.negated.f1 < CHIA_FLOOR) failures.push(`Chia negated F1 ${f(chia.all.cls.negated.f1)} < ${CHIA_FLOOR}`);
  return failures;
}

async function main(): Promise<void> {
  if (!existsSync(join(evalDir, 'score.mjs'))) throw new Error(`no score.mjs in ${evalDir} (set NEGATION_EVAL_DIR)`);
  const scorer = (await import(pathToFileURL(join(evalDir, 'score.mjs')).href)) as Scorer;
  mkdirSync(outDir, { recursive: true });
  const chapman = evaluateSet(scorer, 'chapman-context', join(evalDir, 'chapman-context', 'rsAnnotations-1-120-random.txt'));
  const chia = evaluateSet(scorer, 'chia-negation', join(evalDir, 'chia-negation', 'chia_without_scope_balanced.csv'));
  if (markdown) printMarkdown(chapman, chia);
  if (gate) {
    const failures = checkGate(chapman, chia);
    console.log(failures.length ? `\ngate: FAILED\n  ${failures.join('\n  ')}` : '\ngate: passed');
    if (failures.length) process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
