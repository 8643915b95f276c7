/**
 * Exports of the batch results, built in the page and downloaded through a Blob URL:
 * nothing is uploaded.
 */
import Papa from 'papaparse';
import {
  CLAIM_COLUMNS,
  FLAT_COLUMNS,
  TEMPLATE_COLUMNS,
  TEMPLATE_EXAMPLE,
  claimRecords,
  flatRow,
  formatLine,
  type BatchOutcome,
  type BatchSummary,
} from '../../../engine/audit/index';

export const EXPORT_COLUMNS = ['row', ...FLAT_COLUMNS, 'error'] as const;
export type ExportRecord = Record<(typeof EXPORT_COLUMNS)[number], string>;

export function exportRecords(outcomes: readonly BatchOutcome[]): ExportRecord[] {
  return outcomes.map((o) => {
    if (!o.ok) {
      const blank = Object.fromEntries(FLAT_COLUMNS.map((c) => [c, ''])) as Record<(typeof FLAT_COLUMNS)[number], string>;
      return { row: String(o.error.index + 1), ...blank, id: o.error.id, verdict: 'error', error: o.error.error };
    }
    return { row: String(o.row.index + 1), ...flatRow(o.row), error: '' };
  });
}

/** One row per note (all its lines in one cell), for a summary sheet. */
export function toNoteCsv(outcomes: readonly BatchOutcome[]): string {
  return Papa.unparse(exportRecords(outcomes), { columns: [...EXPORT_COLUMNS], newline: '\r\n' });
}

/** One row per claim line in billing-system shape (CPT, Mod1–Mod4, Units), then status and reasons; a row for each note with no line. */
export function toCsv(outcomes: readonly BatchOutcome[]): string {
  return Papa.unparse(outcomes.flatMap(claimRecords), { columns: [...CLAIM_COLUMNS], newline: '\r\n' });
}

/** The columns the batch input reads, with one example row. */
export function templateCsv(): string {
  return Papa.unparse([TEMPLATE_EXAMPLE], { columns: [...TEMPLATE_COLUMNS], newline: '\r\n' });
}

export function toJson(outcomes: readonly BatchOutcome[], summary: BatchSummary): string {
  return JSON.stringify(
    {
      summary,
      rows: outcomes.map((o) =>
        o.ok
          ? {
              row: o.row.index + 1,
              id: o.row.id,
              inScope: o.row.inScope,
              ...(o.row.outOfScopeReason ? { outOfScopeReason: o.row.outOfScopeReason } : {}),
              lines: o.row.lines.map(formatLine),
              suggestions: o.row.lines,
              confidence: o.row.confidence,
              review: o.row.review ?? false,
              ...(o.row.abstain ? { abstain: o.row.abstain } : {}),
              billed: o.row.billed,
              verdict: o.row.audit?.verdict ?? null,
              auditFlag: o.row.audit?.flag ?? null,
              differences: o.row.audit?.differences ?? [],
              reasons: o.row.audit?.reasons ?? [],
              gaps: o.row.gaps,
            }
          : { row: o.error.index + 1, id: o.error.id, error: o.error.error },
      ),
    },
    null,
    2,
  );
}

/** Start a download of `text` as `name`. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
