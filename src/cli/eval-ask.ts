/**
 * Evaluate the Ask feature on test/fixtures/questions.json (or a file given as the first
 * argument): retrieval top-1 / top-3 accuracy, question-type accuracy, answered/unanswered
 * accuracy, answer-fact coverage and time per question. Exits 1 when a question fails.
 *   npx tsx src/cli/eval-ask.ts [questions.json] [--verbose]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { warmAsk } from '../engine/ask/index';
import { evaluateAsk, type AskCase } from '../engine/ask/evaluate';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const file = args.find((a) => !a.startsWith('--')) ?? path.join(root, 'test/fixtures/questions.json');
const cases = (JSON.parse(readFileSync(file, 'utf8')) as { questions: AskCase[] }).questions;

const t0 = performance.now();
warmAsk();
const buildMs = Math.round(performance.now() - t0);
const r = evaluateAsk(cases);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

let failures = 0;
for (const c of r.cases) {
  const bad = !c.typeOk || !c.answeredOk || c.missing.length > 0 || (c.rank !== null && c.rank > 3);
  if (bad) failures++;
  if (bad || verbose) {
    const flags = [c.typeOk ? '' : 'type', c.answeredOk ? '' : 'answered', c.missing.length ? `missing ${JSON.stringify(c.missing)}` : ''].filter(Boolean).join(', ');
    console.log(`${bad ? 'FAIL' : 'ok  '} ${c.id.padEnd(24)} rank ${c.rank ?? '-'}  ${c.ms} ms  ${flags}`);
  }
}
console.log(`\nAsk evaluation: ${cases.length} questions (${path.relative(root, file)})`);
console.log(`  retrieval top-1        ${pct(r.top1)}`);
console.log(`  retrieval top-3        ${pct(r.top3)}`);
console.log(`  no named code (${r.retrievalOnly.n})     top-1 ${pct(r.retrievalOnly.top1)}, top-3 ${pct(r.retrievalOnly.top3)}`);
console.log(`  question type          ${pct(r.typeAccuracy)}`);
console.log(`  answered / not         ${pct(r.answeredAccuracy)}`);
console.log(`  answer-fact coverage   ${pct(r.factCoverage)}`);
console.log(`  time per question      mean ${r.meanMs} ms, max ${r.maxMs} ms (index build ${buildMs} ms)`);
process.exitCode = failures ? 1 : 0;
