/**
 * npm run reliability — the confidence reliability table: per band, notes, exact %, and coverage
 * of in-family notes, over the regression sets and, separately, over the blind sets. With
 * --write it replaces the table in README.md between the reliability markers.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { evaluateCorpus, type CorpusScore } from './eval-corpus';

const REGRESSION = ['test/fixtures', ...readdirSync('test/fixtures').filter((d) => /^holdout\d*$/.test(d)).sort().map((d) => `test/fixtures/${d}`)];
const BLIND = existsSync('test/blind') ? readdirSync('test/blind').filter((d) => existsSync(`test/blind/${d}/expected.json`)).sort().map((d) => `test/blind/${d}`) : [];

function merge(scores: CorpusScore[]): Record<string, { notes: number; exact: number; inFamily: number }> {
  const out: Record<string, { notes: number; exact: number; inFamily: number }> = {};
  for (const s of scores) for (const [band, b] of Object.entries(s.bands)) {
    const o = (out[band] ??= { notes: 0, exact: 0, inFamily: 0 });
    o.notes += b.notes;
    o.exact += b.exact;
    o.inFamily += b.inFamily;
  }
  return out;
}

function rows(label: string, sets: string[]): string[] {
  const scores = sets.map((d) => evaluateCorpus(`${d}/notes`, `${d}/expected.json`));
  const bands = merge(scores);
  const inFamily = Object.values(bands).reduce((n, b) => n + b.inFamily, 0);
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
  return ['high', 'medium', 'low', 'none']
    .filter((b) => bands[b])
    .map((b) => `| ${label} | ${b === 'none' ? 'no line (out of scope or no code)' : b} | ${bands[b].notes} | ${bands[b].exact} (${pct(bands[b].exact, bands[b].notes)}) | ${pct(bands[b].inFamily, inFamily)} |`);
}

interface FirstRun {
  engine: string;
  notes: number;
  exact: number;
  bands?: Record<string, { notes: number; exact: number }>;
}

/** First-run band figures recorded in test/blind/first-runs.json (scored once, before any change for the set). */
function firstRunRows(): string[] {
  const path = 'test/blind/first-runs.json';
  if (!existsSync(path)) return [];
  const runs = Object.entries(JSON.parse(readFileSync(path, 'utf8')) as Record<string, FirstRun | string>).filter((e): e is [string, FirstRun] => typeof e[1] === 'object' && !!e[1].bands);
  const out: string[] = [];
  for (const [name, r] of runs) {
    const bands = r.bands!;
    const noLine = (b: string) => b === 'outOfScope' || b === 'none';
    const inFamily = Object.entries(bands).filter(([b]) => !noLine(b)).reduce((n, [, b]) => n + b.notes, 0);
    const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
    for (const [band, b] of Object.entries(bands)) {
      const label = band === 'outOfScope' ? 'no line (out of scope)' : band === 'none' ? 'no line (out of scope or no code)' : band;
      out.push(`| blind ${name}, **first run** at \`${r.engine}\` | ${label} | ${b.notes} | ${b.exact} (${pct(b.exact, b.notes)}) | ${noLine(band) ? '—' : pct(b.notes, inFamily)} |`);
    }
  }
  return out;
}

const table = [
  '| sets | band | notes | exact | share of in-family notes |',
  '|---|---|---:|---:|---:|',
  ...firstRunRows(),
  ...rows(`regression (${REGRESSION.length} sets)`, REGRESSION),
  ...(BLIND.length ? rows(`blind (${BLIND.length} sets, current engine — calibrated on them, so not first-run)`, BLIND) : []),
].join('\n');

console.log(table);
if (process.argv.includes('--write')) {
  const readme = readFileSync('README.md', 'utf8');
  const start = '<!-- reliability:start -->';
  const end = '<!-- reliability:end -->';
  const a = readme.indexOf(start);
  const b = readme.indexOf(end);
  if (a < 0 || b < a) {
    console.error('README.md has no reliability markers');
    process.exit(1);
  }
  writeFileSync('README.md', `${readme.slice(0, a + start.length)}\n${table}\n${readme.slice(b)}`);
}
