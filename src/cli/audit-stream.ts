/**
 * The streaming core of `audit`: a CSV stream in (refused if binary), one outcome per row out,
 * in input order, with flat memory whatever the number of rows. Shared by the CLI
 * (src/cli/audit.ts) and the 100,000-note memory run (scripts/memory-100k.ts), so the run
 * measures the path the CLI takes.
 *
 * The wink instance under `analyze` is recycled by the engine itself (NlpHolder in
 * src/engine/nlp/nlp.ts) after a bounded number of notes or new words, so a long run does not
 * accumulate wink's run-time vocabulary.
 */
import { Transform, type Readable } from 'node:stream';
import Papa from 'papaparse';
import type { Analysis } from '../engine/types';
import { binaryReason } from './read-input';
import { detectColumns, formatLine, inputFromRecord, processInput, type BatchOutcome, type BatchRow, type CsvColumns } from '../engine/audit/index';

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

export interface AuditStreamResult {
  /** a reason the input cannot be read at all (binary, no note column, unreadable), or null */
  fatal: string | null;
  /** the columns found, or null when the input had no row at all */
  columns: CsvColumns | null;
}

/** Read a CSV stream row by row and emit each row's outcome (analysed with `analyze`). */
export async function streamAudit(
  raw: Readable,
  analyze: (text: string) => Analysis,
  on: { onColumns?: (c: CsvColumns) => void; emit: (o: BatchOutcome) => void },
): Promise<AuditStreamResult> {
  const { emit } = on;
  let cols: CsvColumns | null = null;
  let index = 0;
  let fatal: string | null = null;
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
          on.onColumns?.(c);
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
  return { fatal, columns: cols };
}
