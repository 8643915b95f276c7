/**
 * Turning picked files into batch inputs: each .txt file is one note (id = its path); a .csv
 * holds one note per row with optional id and billed-code columns (papaparse: quoted,
 * multi-line notes are fine). Bad CSV rows become error outcomes with their row number.
 */
import Papa from 'papaparse';
import { columnsWithNote, detectColumns, inputFromRecord, type BatchError, type BatchInput } from '../../../engine/audit/index';
import { fileToText } from '../../lib/plain-text';

export interface LoadedBatch {
  inputs: BatchInput[];
  errors: BatchError[];
  /** Whether any input carries a billed-code column (so the audit columns are shown). */
  hasBilled: boolean;
  /** Files skipped (not .txt / .csv), by name. */
  skipped: string[];
  /** "3 files" / "notes.csv" */
  source: string;
  /** A CSV whose note column was not recognised: its name, the columns found and the error; the batch waits for a choice. */
  columnProblem?: { file: string; columns: string[]; error: string };
}

/** The note column chosen by the user, by CSV file (path). */
export type NoteColumnChoice = Record<string, number>;

const NOTE_EXT = /\.(txt|text|rtf|html?)$/i;
const CSV_EXT = /\.(csv|tsv)$/i;
export const MAX_NOTE_BYTES = 2 * 1024 * 1024;

const pathOf = (f: File) => (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;

/** Parse CSV text into inputs and bad rows. `start` offsets the indices (several files in one batch). */
export function parseCsv(
  text: string,
  start = 0,
  label = '',
  noteColumn?: number,
): { inputs: BatchInput[]; errors: BatchError[]; hasBilled: boolean; fatal?: string; columns?: string[] } {
  const inputs: BatchInput[] = [];
  const errors: BatchError[] = [];
  const res = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { header: false, skipEmptyLines: 'greedy' });
  const rows = res.data;
  if (!rows.length) return { inputs, errors, hasBilled: false, fatal: `${label || 'CSV'}: no rows` };
  const cols = noteColumn !== undefined && noteColumn >= 0 && noteColumn < rows[0].length ? columnsWithNote(rows[0], noteColumn) : detectColumns(rows[0]);
  if ('error' in cols) return { inputs, errors, hasBilled: false, fatal: `${label || 'CSV'}: ${cols.error}`, ...(cols.columns ? { columns: cols.columns } : {}) };
  const rowErrors = new Map<number, string>();
  for (const e of res.errors) if (e.type !== 'Delimiter' && e.row !== undefined && !rowErrors.has(e.row)) rowErrors.set(e.row, `CSV: ${e.message} (${e.code})${e.type === 'Quotes' ? '; a broken quote can swallow the lines after it' : ''}`);
  const first = cols.header ? 1 : 0;
  for (let r = first; r < rows.length; r++) {
    const index = start + r - first;
    const prefix = label ? `${label}:` : '';
    const rec = inputFromRecord(rows[r], cols, index);
    const bad = rowErrors.get(r);
    if (bad) errors.push({ index, id: rec.ok ? rec.input.id : rec.error.id, error: bad });
    else if (!rec.ok) errors.push(rec.error);
    else inputs.push({ ...rec.input, id: prefix && cols.id === null ? `${prefix}${rec.input.id}` : rec.input.id, text: fileToText('note.txt', rec.input.text) });
  }
  return { inputs, errors, hasBilled: cols.billed !== null };
}

/** Read the picked files (a multi-select or a folder). CSVs and notes may be mixed. */
export async function loadFiles(files: readonly File[], noteColumns: NoteColumnChoice = {}): Promise<LoadedBatch> {
  const sorted = [...files].sort((a, b) => pathOf(a).localeCompare(pathOf(b), undefined, { numeric: true }));
  const inputs: BatchInput[] = [];
  const errors: BatchError[] = [];
  const skipped: string[] = [];
  let hasBilled = false;
  let next = 0;
  let columnProblem: LoadedBatch['columnProblem'];
  const used = sorted.filter((f) => CSV_EXT.test(f.name) || NOTE_EXT.test(f.name));
  for (const f of sorted) {
    const path = pathOf(f);
    if (CSV_EXT.test(f.name)) {
      const text = await f.text();
      const p = parseCsv(text, next, used.length > 1 ? path : '', noteColumns[path]);
      if (p.fatal && p.columns && !columnProblem) columnProblem = { file: path, columns: p.columns, error: p.fatal };
      if (p.fatal) {
        errors.push({ index: next++, id: path, error: p.fatal });
        continue;
      }
      inputs.push(...p.inputs);
      errors.push(...p.errors);
      hasBilled ||= p.hasBilled;
      next += p.inputs.length + p.errors.length;
    } else if (NOTE_EXT.test(f.name)) {
      const index = next++;
      if (f.size > MAX_NOTE_BYTES) {
        errors.push({ index, id: path, error: `file is ${f.size} bytes; the limit is 2 MB` });
        continue;
      }
      inputs.push({ index, id: path, text: fileToText(f.name, await f.text()), billed: null });
    } else {
      skipped.push(path);
    }
  }
  const source = used.length === 1 ? pathOf(used[0]) : `${used.length} files`;
  return { inputs, errors, hasBilled, skipped, source, ...(columnProblem ? { columnProblem } : {}) };
}
