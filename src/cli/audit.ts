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
import { Transform, type Readable } from 'node:stream';
import { binaryReason } from './read-input';
import Papa from 'papaparse';
import { analyze } from '../engine/index';
import {
  BatchSummarizer,
  VERDICT_LABEL,
  detectColumns,
  formatLine,
  inputFromRecord,
  processInput,
  type BatchOutcome,
  type BatchRow,
  type BatchSummary,
  type CsvColumns,
} from '../engine/audit/index';

const USAGE = 'usage: npm run -s audit -- [--json] FILE.csv   (- reads stdin)\n';

/** The JSON object for one row. A contract: fields may be added, never removed or renamed. */
export function rowJson(r: BatchRow): Record<string, unknown> {
  return {
    row: r.index + 1,
    id: r.id,
    inScope: r.inScope,
    ...(r.outOfScopeReason ? { outOfScopeReason: r.outOfScopeReason } : {}),
    lines: r.lines.map(formatLine),
    suggestions: r.lines.map((l) => ({ code: l.code, units: l.units, modifiers: l.modifiers, confidence: l.confidence, description: l.description, status: l.status, reviewReasons: l.reviewReasons ?? [] })),
    confidence: r.confidence,
    review: r.review ?? false,
    ...(r.abstain ? { abstain: r.abstain } : {}),
    billed: r.billed,
    billedLines: r.billed === null ? null : r.billedLines.map(formatLine),
    verdict: r.audit?.verdict ?? null,
    /** `likely-error` (disagrees with a high, ready line), `check` (with a medium/low or review line), null. */
    auditFlag: r.audit?.flag ?? null,
    differences: r.audit?.differences ?? [],
    reasons: r.audit?.reasons ?? [],
    gaps: r.gaps,
    ms: r.ms,
  };
}

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

/**
 * Holds back the first 64 KB and refuses the input when it is binary (NUL bytes, many control
 * characters), as `analyze` does: 214 rows of /bin/ls used to be read as notes.
 */
function binaryGate(): Transform & { binary: string | null } {
  const SAMPLE = 65536;
  const held: Buffer[] = [];
  let seen = 0;
  let open = false;
  const gate = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      if (open) return cb(null, chunk);
      held.push(chunk);
      seen += chunk.length;
      if (seen < SAMPLE) return cb();
      release(cb);
    },
    flush(cb) {
      if (!open) release(cb);
      else cb();
    },
  }) as Transform & { binary: string | null };
  gate.binary = null;
  function release(cb: (e?: Error | null, data?: Buffer) => void) {
    open = true;
    const all = Buffer.concat(held);
    held.length = 0;
    const why = binaryReason(all.subarray(0, SAMPLE));
    if (why) {
      gate.binary = why;
      return cb(new Error(why));
    }
    cb(null, all);
  }
  return gate;
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
  let cols: CsvColumns | null = null;
  let index = 0;
  let fatal: string | null = null;
  const emit = (o: BatchOutcome) => {
    summary.add(o);
    if (!o.ok) process.stderr.write(`row ${o.error.index + 1} (${o.error.id}): ${o.error.error}; skipped\n`);
    if (json) process.stdout.write(`${JSON.stringify(o.ok ? rowJson(o.row) : { row: o.error.index + 1, id: o.error.id, error: o.error.error })}\n`);
    else process.stdout.write(`${tableLine(o)}\n`);
  };

  const raw: Readable = file === '-' ? process.stdin : createReadStream(file);
  const gate = binaryGate();
  raw.on('error', (e) => gate.destroy(e));
  gate.on('error', () => raw.destroy());
  const stream = raw.pipe(gate).setEncoding('utf8');
  await new Promise<void>((resolve) => {
    Papa.parse<string[]>(stream, {
      header: false,
      skipEmptyLines: 'greedy',
      step(results, parser) {
        const fields = results.data;
        if (!cols) {
          const c = detectColumns(fields);
          if ('error' in c) {
            fatal = c.error;
            parser.abort();
            return;
          }
          cols = c;
          if (!json) process.stdout.write(`${HEAD}\n`);
          if (c.header) return;
        }
        const i = index++;
        // A guessed delimiter is not a row problem; broken quotes are.
        const errors = results.errors.filter((e) => e.type !== 'Delimiter');
        if (errors.length) {
          const e = errors[0];
          const id = (cols.id !== null ? fields[cols.id]?.trim() : '') || `row ${i + 1}`;
          emit({ ok: false, error: { index: i, id: id.slice(0, 80), error: `CSV: ${e.message} (${e.code})${e.type === 'Quotes' ? '; a broken quote can swallow the lines after it' : ''}` } });
          return;
        }
        const rec = inputFromRecord(fields, cols, i);
        emit(rec.ok ? processInput(rec.input, analyze) : { ok: false, error: rec.error });
      },
      complete: () => resolve(),
      error: (err: Error) => {
        fatal = gate.binary ?? `cannot read file: ${err.message}`;
        resolve();
      },
    });
  });
  if (fatal) return fail(fatal);
  if (!cols) return fail('no rows: the file is empty');
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
