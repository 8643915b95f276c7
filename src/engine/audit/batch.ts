/**
 * Batch audit rows and their summary, shared by the CLI and the browser's batch view.
 * A row is compact (no spans, no matches) so a thousand of them cross a worker boundary
 * and sit in memory cheaply; the full analysis is recomputed when a note is opened.
 */
import type { Analysis, Confidence } from '../types';
import { auditNote, documentationGaps, type AuditResult, type Verdict } from './audit';
import { formatLine, parseBilled, type ClaimLineSpec } from './billed';

/** One note to analyse (and audit, when billed codes are given). */
export interface BatchInput {
  /** Position in the input (0-based), so results can be put back in order. */
  index: number;
  id: string;
  text: string;
  /** The billed code string as given; null or absent when the input has no billed codes. */
  billed?: string | null;
}

export interface BatchLine extends ClaimLineSpec {
  confidence: Confidence;
  description: string;
  /** `ready` or `review` (see Suggestion.status); absent from rows built before the status existed. */
  status?: 'ready' | 'review';
  /** Why the line needs a look, in plain words (with the question to ask, where there is one). */
  reviewReasons?: string[];
  /** Why the note supports the line, in plain words. */
  reason?: string;
}

/** Device work found but the deciding fact missing (Analysis.abstain without its spans). */
export interface BatchAbstain {
  fact: string;
  message: string;
  question: string;
  candidates: { code: string; when: string }[];
}

export interface BatchRow {
  index: number;
  id: string;
  inScope: boolean;
  outOfScopeReason?: string;
  lines: BatchLine[];
  /** The engine declined to pick a code: which fact is missing, the candidates and the question. */
  abstain?: BatchAbstain;
  /** Whether any line needs review (or the engine abstained). */
  review?: boolean;
  /** The lowest confidence among the lines; null when there are none. */
  confidence: Confidence | null;
  /** The billed string as given, or null when none was given. */
  billed: string | null;
  billedLines: ClaimLineSpec[];
  audit: AuditResult | null;
  /** Documentation gaps the engine flags (normalised, see `gapKey`). */
  gaps: string[];
  chars: number;
  ms: number;
}

export interface BatchError {
  index: number;
  id: string;
  error: string;
}

export type BatchOutcome = { ok: true; row: BatchRow } | { ok: false; error: BatchError };

const RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

/**
 * A gap message without the code prefix, details in parentheses or the note's own day count, so
 * equal gaps group together. The key is shown to people (summary, CSV): it reads as a sentence,
 * with no placeholder; a clause that only gives this note's day count is dropped.
 */
export function gapKey(message: string): string {
  return message
    .replace(/^\s*[A-Z0-9]{5}:\s*/, '')
    .replace(/(?<!\s)\s*\([^()]*\)(?=\s*(?:\.\s*)?$)/, '')
    .replace(/ ?\(\d+ days? later[^()]*\)/g, '')
    .replace(/[;,][^;,.()]*\b\d+ days? later\b/g, '')
    .replace(/\b\d+ days? later\b/g, 'later')
    .replace(/\b\d+ days? (after|before)\b/g, '$1')
    .trim();
}

/**
 * Check an input row before analysis: a note is required; billed codes, when given, must all be
 * readable. Returns the parsed billed lines, or the error that makes this a bad row.
 */
export function checkInput(input: BatchInput): { ok: true; billed: ClaimLineSpec[] | null } | { ok: false; error: string } {
  if (!input.text || !input.text.trim()) return { ok: false, error: 'empty note: there is nothing to analyse' };
  if (input.billed == null || !input.billed.trim()) return { ok: true, billed: null };
  const p = parseBilled(input.billed);
  if (p.errors.length) return { ok: false, error: `billed codes: ${p.errors.join('; ')}` };
  return { ok: true, billed: p.lines };
}

/** Build the row for one analysed note. */
export function toBatchRow(input: BatchInput, a: Analysis, billed: ClaimLineSpec[] | null): BatchRow {
  const lines: BatchLine[] = a.suggestions.map((s) => ({
    code: s.code,
    units: s.units,
    modifiers: s.modifiers.map((m) => m.code),
    confidence: s.confidence,
    description: s.description,
    status: s.status ?? (s.confidence === 'high' && !(s.reviewReasons ?? []).length ? 'ready' : 'review'),
    reviewReasons: (s.reviewReasons ?? []).map((r) => (r.question ? `${r.text} Ask: ${r.question}` : r.text)),
    reason: s.reasons.map((r) => r.text).join(' '),
  }));
  const abstain = a.abstain ? { fact: a.abstain.fact, message: a.abstain.message, question: a.abstain.question, candidates: a.abstain.candidates.map((c) => ({ ...c })) } : undefined;
  const confidence = lines.length ? lines.reduce<Confidence>((lo, l) => (RANK[l.confidence] < RANK[lo] ? l.confidence : lo), 'high') : null;
  return {
    index: input.index,
    id: input.id,
    inScope: a.inScope,
    ...(a.outOfScopeReason ? { outOfScopeReason: a.outOfScopeReason } : {}),
    lines,
    ...(abstain ? { abstain } : {}),
    review: !!abstain || lines.some((l) => l.status === 'review'),
    confidence,
    billed: billed ? (input.billed ?? '').trim() : null,
    billedLines: billed ?? [],
    audit: billed ? auditNote(a, billed) : null,
    gaps: [...new Set(documentationGaps(a).map(gapKey))],
    chars: a.stats.chars,
    ms: a.stats.ms,
  };
}

/** Check, analyse and audit one input; never throws. */
export function processInput(input: BatchInput, analyze: (text: string) => Analysis): BatchOutcome {
  const checked = checkInput(input);
  if (!checked.ok) return { ok: false, error: { index: input.index, id: input.id, error: checked.error } };
  try {
    return { ok: true, row: toBatchRow(input, analyze(input.text), checked.billed) };
  } catch (e) {
    return { ok: false, error: { index: input.index, id: input.id, error: `analysis failed: ${(e as Error).message}` } };
  }
}

export interface BatchSummary {
  /** Rows read (analysed + errors). */
  rows: number;
  analysed: number;
  errors: number;
  inScope: number;
  outOfScope: number;
  /** Rows with billed codes. */
  audited: number;
  verdicts: Record<Verdict, number>;
  /** agrees / audited, or null when nothing was audited. */
  agreementRate: number | null;
  confidence: Record<Confidence | 'none', number>;
  /** Suggested codes: how many notes and units, most frequent first. */
  codes: { code: string; notes: number; units: number }[];
  /** Most common documentation gaps, most frequent first (at most 10). */
  gaps: { gap: string; notes: number }[];
}

/** Running totals; memory grows with distinct codes and gaps, not with rows. */
export class BatchSummarizer {
  private s = { rows: 0, analysed: 0, errors: 0, inScope: 0, audited: 0 };
  private verdicts: Record<Verdict, number> = { agrees: 0, differs: 0, 'missing-documentation': 0 };
  private conf: Record<Confidence | 'none', number> = { high: 0, medium: 0, low: 0, none: 0 };
  private codes = new Map<string, { notes: number; units: number }>();
  private gaps = new Map<string, number>();

  add(o: BatchOutcome): void {
    this.s.rows++;
    if (!o.ok) {
      this.s.errors++;
      return;
    }
    const r = o.row;
    this.s.analysed++;
    if (r.inScope) this.s.inScope++;
    this.conf[r.confidence ?? 'none']++;
    if (r.audit) {
      this.s.audited++;
      this.verdicts[r.audit.verdict]++;
    }
    const seen = new Set<string>();
    for (const l of r.lines) {
      const c = this.codes.get(l.code) ?? { notes: 0, units: 0 };
      if (!seen.has(l.code)) c.notes++;
      seen.add(l.code);
      c.units += l.units;
      this.codes.set(l.code, c);
    }
    for (const g of r.gaps) this.gaps.set(g, (this.gaps.get(g) ?? 0) + 1);
  }

  result(): BatchSummary {
    const { rows, analysed, errors, inScope, audited } = this.s;
    return {
      rows,
      analysed,
      errors,
      inScope,
      outOfScope: analysed - inScope,
      audited,
      verdicts: { ...this.verdicts },
      agreementRate: audited ? this.verdicts.agrees / audited : null,
      confidence: { ...this.conf },
      codes: [...this.codes].map(([code, v]) => ({ code, ...v })).sort((a, b) => b.notes - a.notes || b.units - a.units || a.code.localeCompare(b.code)),
      gaps: [...this.gaps].map(([gap, notes]) => ({ gap, notes })).sort((a, b) => b.notes - a.notes || a.gap.localeCompare(b.gap)).slice(0, 10),
    };
  }
}

export function summarize(outcomes: Iterable<BatchOutcome>): BatchSummary {
  const s = new BatchSummarizer();
  for (const o of outcomes) s.add(o);
  return s.result();
}

export const FLAT_COLUMNS = ['id', 'suggested', 'confidence', 'in_scope', 'out_of_scope_reason', 'billed', 'verdict', 'differences', 'gaps', 'review', 'audit_flag'] as const;
export type FlatColumn = (typeof FLAT_COLUMNS)[number];

/** The flat record of a row for CSV export. `FLAT_COLUMNS` gives the column order. */
export function flatRow(r: BatchRow): Record<FlatColumn, string> {
  return {
    id: r.id,
    suggested: r.lines.map(formatLine).join('; '),
    confidence: r.confidence ?? '',
    in_scope: r.inScope ? 'yes' : 'no',
    out_of_scope_reason: r.outOfScopeReason ?? '',
    billed: r.billed ?? '',
    verdict: r.audit?.verdict ?? '',
    differences: r.audit ? r.audit.differences.map((d) => d.message).join(' | ') : '',
    gaps: r.gaps.join(' | '),
    review: r.review ? 'yes' : 'no',
    audit_flag: r.audit?.flag ?? '',
  };
}


// ---- CSV columns ----------------------------------------------------------------------------------------------

export interface CsvColumns {
  /** Whether the first row is a header (and so not a note). */
  header: boolean;
  note: number;
  id: number | null;
  billed: number | null;
  /** Number of fields every row should have (the header's, or the first row's). */
  width: number;
}

const NOTE_NAMES = ['note', 'notes', 'text', 'note_text', 'notetext', 'opnote', 'op_note', 'operative_note', 'body', 'report', 'dictation'];
const ID_NAMES = ['id', 'note_id', 'noteid', 'case', 'case_id', 'caseid', 'encounter', 'encounter_id', 'file', 'name', 'accession'];
const BILLED_NAMES = ['billed', 'billed_codes', 'billedcodes', 'codes', 'billed_cpt', 'cpt', 'cpt_codes', 'claim', 'claim_lines', 'billing'];

function norm(h: string): string {
  return h.replace(/^\ufeff/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** A column name: a short word or two (letters first), not a sentence, a number or a date. */
const COLUMN_NAME = /^[a-z][\w #/()-]{0,39}$/i;

/**
 * A first row of two or more column names with no recognised note column ("a,b,c", "patient,date,dx"): every
 * field a short name, and the field that would be the note (a note has sentences) at most four
 * words. Read as data, such a row became a one-word "note" and a wrong audit line.
 */
function looksLikeHeader(first: readonly string[], noteAt: number): boolean {
  const fields = first.map((f) => f.replace(/^\ufeff/, '').trim());
  if (!fields.every((f) => COLUMN_NAME.test(f))) return false;
  return (fields[noteAt] ?? '').split(/\s+/).length <= 4;
}

/**
 * Find the note, id and billed-code columns from the first row. With a header, columns are
 * found by name (note/text, id, billed/codes/cpt). Without one: one column is the note; two are
 * id, note; three or more are id, note, billed.
 */
export function detectColumns(first: readonly string[]): CsvColumns | { error: string; columns?: string[] } {
  const names = first.map(norm);
  const find = (list: string[]) => {
    const i = names.findIndex((n) => list.includes(n));
    return i < 0 ? null : i;
  };
  const note = find(NOTE_NAMES);
  const id = find(ID_NAMES);
  const billed = find(BILLED_NAMES);
  if (note !== null) return { header: true, note, id, billed, width: first.length };
  const columns = first.map((f) => f.replace(/^\ufeff/, '').trim());
  const noNote = { error: `no note column found (columns: ${columns.join(', ')}); name one of ${NOTE_NAMES.slice(0, 3).join(', ')}`, columns };
  if (id !== null || billed !== null) return noNote;
  const w = first.length;
  if (w >= 2 && looksLikeHeader(first, 1)) return noNote;
  if (w === 1) return { header: false, note: 0, id: null, billed: null, width: w };
  if (w === 2) return { header: false, note: 1, id: 0, billed: null, width: w };
  return { header: false, note: 1, id: 0, billed: 2, width: w };
}

/** The columns of a header row when the user has chosen which one holds the note (id and billed still found by name). */
export function columnsWithNote(first: readonly string[], note: number): CsvColumns {
  const names = first.map(norm);
  const find = (list: string[]) => {
    const i = names.findIndex((n, k) => k !== note && list.includes(n));
    return i < 0 ? null : i;
  };
  return { header: true, note, id: find(ID_NAMES), billed: find(BILLED_NAMES), width: first.length };
}

/** The input for one CSV record, or why it is a bad row. `index` is the 0-based data row. */
export function inputFromRecord(fields: readonly string[], cols: CsvColumns, index: number): { ok: true; input: BatchInput } | { ok: false; error: BatchError } {
  const id = (cols.id !== null ? fields[cols.id]?.trim() : '') || `row ${index + 1}`;
  if (fields.length !== cols.width) {
    return { ok: false, error: { index, id, error: `row has ${fields.length} field${fields.length === 1 ? '' : 's'}, expected ${cols.width}` } };
  }
  return { ok: true, input: { index, id, text: fields[cols.note] ?? '', billed: cols.billed !== null ? (fields[cols.billed] ?? '') : null } };
}

// ---- claim-line export ------------------------------------------------------------------------------------------

/** Columns of the claim-line export: one row per claim line, in billing-system shape, then status and reasons. */
export const CLAIM_COLUMNS = ['row', 'note_id', 'line', 'CPT', 'Mod1', 'Mod2', 'Mod3', 'Mod4', 'Units', 'confidence', 'status', 'review_reasons', 'reason', 'billed', 'audit', 'audit_flag', 'audit_reasons', 'error'] as const;
export type ClaimColumn = (typeof CLAIM_COLUMNS)[number];

const blankClaim = (): Record<ClaimColumn, string> => Object.fromEntries(CLAIM_COLUMNS.map((c) => [c, ''])) as Record<ClaimColumn, string>;

/** Why a note has no claim line: the engine's abstention (fact, candidates, question) or the out-of-scope reason. */
export function noLineReason(r: Pick<BatchRow, 'abstain' | 'inScope' | 'outOfScopeReason'>): string {
  if (r.abstain) {
    const cands = r.abstain.candidates.map((c) => `${c.code} ${/^(if|when)\b/i.test(c.when) ? '' : 'if '}${c.when}`).join('; ');
    const ab = `${r.abstain.message}${cands ? ` Candidates: ${cands}.` : ''} Ask: ${r.abstain.question}`;
    return !r.inScope && r.outOfScopeReason ? `${r.outOfScopeReason} ${ab}` : ab;
  }
  if (!r.inScope) return r.outOfScopeReason ?? 'The note documents no neurostimulator procedure.';
  return 'The note supports no claim line.';
}

/**
 * The claim-line records of one outcome: a row per suggested line (CPT, Mod1–Mod4, Units, its
 * confidence, status and reasons); a note with no line gets one row that says why (abstention or
 * out of scope); a bad input row gets one row with its error. Audit columns repeat on each line of a note.
 */
export function claimRecords(o: BatchOutcome): Record<ClaimColumn, string>[] {
  if (!o.ok) return [{ ...blankClaim(), row: String(o.error.index + 1), note_id: o.error.id, status: 'error', error: o.error.error }];
  const r = o.row;
  const audit = {
    billed: r.billed ?? '',
    audit: r.audit?.verdict ?? '',
    audit_flag: r.audit?.flag ?? '',
    audit_reasons: r.audit ? (r.audit.verdict === 'agrees' ? '' : r.audit.reasons.join(' | ')) : '',
  };
  const base = { ...blankClaim(), row: String(r.index + 1), note_id: r.id, ...audit };
  if (!r.lines.length) return [{ ...base, status: r.abstain ? 'review' : 'no line', reason: noLineReason(r), review_reasons: r.abstain ? r.abstain.question : '' }];
  return r.lines.map((l, i) => ({
    ...base,
    line: String(i + 1),
    CPT: l.code,
    Mod1: l.modifiers[0] ?? '',
    Mod2: l.modifiers[1] ?? '',
    Mod3: l.modifiers[2] ?? '',
    Mod4: l.modifiers[3] ?? '',
    Units: String(l.units),
    confidence: l.confidence,
    status: l.status ?? '',
    review_reasons: (l.reviewReasons ?? []).join(' | '),
    reason: l.reason ?? '',
  }));
}

/** Columns the batch input reads (by header name), with one example row, for a downloadable template. */
export const TEMPLATE_COLUMNS = ['id', 'note', 'billed'] as const;
export const TEMPLATE_EXAMPLE: Record<(typeof TEMPLATE_COLUMNS)[number], string> = {
  id: 'case-001',
  note: 'PROCEDURE: Percutaneous placement of two spinal cord stimulator leads.\nUnder fluoroscopy two 8-contact leads were advanced into the dorsal epidural space to T8 and T9. The leads were connected to an external trial stimulator.',
  billed: '63650x2',
};
