/**
 * npm run -s audit -- [--json] FILE.csv      ("-" reads stdin)
 *
 * Reads operative notes from a CSV (one note per row; optional id and billed-code columns,
 * found by header name: note/text, id, billed/codes/cpt — see detectColumns), analyses each
 * note, checks the billed codes against what the note supports, and prints a table plus a
 * summary. With --json: one object per row ({row, id, ..., verdict} or {row, id, error}), in
 * input order, then a final {"summary": {...}} object.
 *
 * The file is streamed (papaparse `step` over a file stream): memory stays flat whatever the
 * number of rows. A bad row (wrong number of fields, broken quotes, empty note, unreadable
 * billed codes) is reported on stderr and as an error object, and skipped.
 *
 * Exit status: 0 all rows read; 1 one or more bad rows were skipped; 2 usage error or the
 * input cannot be read at all (missing file, no note column, no rows).
 */
import { createReadStream, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { analyze } from '../engine/index';
import { BatchSummarizer, VERDICT_LABEL, formatLine, type BatchOutcome, type BatchSummary } from '../engine/audit/index';
import { rowJson, streamAudit } from './audit-stream';


const USAGE = 'usage: npm run -s audit -- [--json] FILE.csv   (- reads stdin)\n';

const pad = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n));
const HEAD = `${pad('ROW', 6)} ${pad('ID', 18)} ${pad('VERDICT', 22)} ${pad('CONF', 6)} ${pad('SUGGESTED', 30)} BILLED`;

function tableLine(o: BatchOutcome): string {
  if (!o.ok) return `${pad(String(o.error.index + 1), 6)} ${pad(o.error.id, 18)} ${pad('ERROR', 22)} ${o.error.error}`;
  const r = o.row;
  const flag = r.audit?.flag ? ` (${r.audit.flag === 'likely-error' ? 'likely error' : 'check'})` : '';
  const verdict = r.audit ? `${VERDICT_LABEL[r.audit.verdict]}${flag}` : r.billed === null ? '(not billed)' : '';
  const sugg = r.inScope ? r.lines.map(formatLine).join('; ') || '(none)' : '(out of scope)';
  const out = [`${pad(String(r.index + 1), 6)} ${pad(r.id, 18)} ${pad(verdict, 22)} ${pad(r.confidence ?? '-', 6)} ${pad(sugg, 30)} ${r.billed ?? ''}`];
  if (r.audit && r.audit.verdict !== 'agrees') for (const d of r.audit.reasons.slice(r.audit.verdict === 'differs' ? 1 : 0)) out.push(`${' '.repeat(8)}- ${d}`);
  return out.join('\n');
}

export function summaryText(s: BatchSummary, ms: number): string {
  const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '-');
  const out = [
    '',
    '== Summary',
    `  rows ${s.rows}   analysed ${s.analysed}   bad rows skipped ${s.errors}   in scope ${s.inScope}   out of scope ${s.outOfScope}`,
    `  audited (billed codes given) ${s.audited}: agrees ${s.verdicts.agrees}, differs ${s.verdicts.differs}, missing documentation ${s.verdicts['missing-documentation']}`,
    `  agreement rate ${s.agreementRate === null ? '-' : pct(s.verdicts.agrees, s.audited)}`,
    `  confidence: high ${s.confidence.high}, medium ${s.confidence.medium}, low ${s.confidence.low}, no line ${s.confidence.none}`,
    '  codes suggested (notes / units):',
    ...s.codes.slice(0, 15).map((c) => `    ${c.code}  ${String(c.notes).padStart(5)} / ${c.units}`),
  ];
  if (s.gaps.length) out.push('  most common documentation gaps:', ...s.gaps.map((g) => `    ${String(g.notes).padStart(5)}  ${g.gap}`));
  out.push(`  ${s.analysed} notes in ${(ms / 1000).toFixed(1)} s (${ms ? ((1000 * s.analysed) / ms).toFixed(0) : '-'} notes/s)`);
  return out.join('\n');
}

function inputError(file: string): string | null {
  if (file === '-') return null;
  try {
    const st = statSync(file);
    if (st.isDirectory()) return 'is a directory, not a file';
    return null;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return 'file not found';
    if (err.code === 'EACCES') return 'permission denied';
    return `cannot read file: ${err.message}`;
  }
}

async function main(argv: string[]): Promise<number> {
  const unknown = argv.find((a) => a.startsWith('-') && a !== '-' && !['--json', '--help', '-h'].includes(a));
  if (unknown) {
    process.stderr.write(`audit: unknown option ${unknown}\n${USAGE}`);
    return 2;
  }
  const json = argv.includes('--json');
  const help = argv.includes('--help') || argv.includes('-h');
  const files = argv.filter((a) => a === '-' || !a.startsWith('-'));
  if (help || files.length !== 1) {
    process.stderr.write(USAGE);
    return help ? 0 : 2;
  }
  const file = files[0];
  const fail = (error: string) => {
    process.stderr.write(`${file}: ${error}\n`);
    if (json) process.stdout.write(`${JSON.stringify({ file, error })}\n`);
    return 2;
  };
  const bad = inputError(file);
  if (bad) return fail(bad);

  const t0 = performance.now();
  const summary = new BatchSummarizer();
  const emit = (o: BatchOutcome) => {
    summary.add(o);
    if (!o.ok) process.stderr.write(`row ${o.error.index + 1} (${o.error.id}): ${o.error.error}; skipped\n`);
    if (json) process.stdout.write(`${JSON.stringify(o.ok ? rowJson(o.row) : { row: o.error.index + 1, id: o.error.id, error: o.error.error })}\n`);
    else process.stdout.write(`${tableLine(o)}\n`);
  };

  const raw: Readable = file === '-' ? process.stdin : createReadStream(file);
  const { fatal, columns } = await streamAudit(raw, analyze, {
    onColumns: () => {
      if (!json) process.stdout.write(`${HEAD}\n`);
    },
    emit,
  });
  if (fatal) return fail(fatal);
  if (!columns) return fail('no rows: the file is empty');
  const s = summary.result();
  const ms = performance.now() - t0;
  if (json) process.stdout.write(`${JSON.stringify({ summary: { ...s, ms: Math.round(ms), notesPerSecond: ms ? Math.round((1000 * s.analysed) / ms) : null } })}\n`);
  else process.stdout.write(`${summaryText(s, ms)}\n`);
  return s.errors ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: Error) => {
    process.stderr.write(`audit failed: ${e.stack ?? e.message}\n`);
    process.exitCode = 2;
  },
);
