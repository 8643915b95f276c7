/** npm run eval — scores the engine on the fixture corpus (test/fixtures). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateCorpus } from './eval-corpus';
import { analyze } from '../engine/index';
import { deviceLine } from '../engine/ledger/summary';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const dir = process.argv[2] ?? 'test/fixtures/notes';
const expected = process.argv[3] ?? 'test/fixtures/expected.json';
const s = evaluateCorpus(dir, expected);
console.log(`== ${dir}`);
console.log('code     P       R       tp fp fn');
for (const c of s.perCode) console.log(`${c.code}  ${pct(c.precision).padStart(6)}  ${pct(c.recall).padStart(6)}  ${String(c.tp).padStart(3)} ${String(c.fp).padStart(2)} ${String(c.fn).padStart(2)}`);
if (s.failures.length) {
  console.log('\nmismatches:');
  for (const f of s.failures) {
    console.log(`  ${f.codesDiffer ? '*' : ' '} ${f.file}: expected ${f.expected} | got ${f.got}`);
    // the device ledger behind the miss
    for (const d of analyze(readFileSync(join(dir, f.file), 'utf8')).devices) console.log(`      ${deviceLine(d)}`);
  }
  console.log('  (* = codes or units differ, not only modifiers)');
}
console.log(`\nmodifiers: precision ${pct(s.modifiers.precision)}, recall ${pct(s.modifiers.recall)}, F1 ${s.modifiers.f1.toFixed(3)} (tp ${s.modifiers.tp}, fp ${s.modifiers.fp}, fn ${s.modifiers.fn})`);
console.log(`codes+units exact: ${s.codeExact}/${s.notes} (${pct(s.codeExactRate)})`);
console.log(`exact match (codes, units, modifiers, scope): ${s.exact}/${s.notes} (${pct(s.exactRate)})`);
