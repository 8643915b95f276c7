import { useMemo, useRef, useState, type ChangeEvent } from 'react';
import { useStore } from 'zustand';
import { FLAG_LABEL, VERDICT_LABEL, formatLine, noLineReason, summarize, type AuditFlag, type BatchLine, type BatchOutcome, type Verdict } from '../../../engine/audit/index';
import type { Confidence } from '../../../engine/types';
import { useAnalyzer } from '../../lib/analyzer-context';
import { useWorkspace, useWorkspaceStore } from '../../lib/store';
import { navigate } from '../../lib/route';
import { batchStore, cancelBatch, runBatch } from './batch-store';
import { loadFiles, type LoadedBatch } from './load';
import { SummaryCharts } from './charts';
import { download, templateCsv, toCsv, toJson, toNoteCsv } from './export';

export const PAGE_SIZE = 50;

type Filter = 'all' | 'disagreements' | Verdict | 'not-audited' | 'out-of-scope' | 'low-confidence' | 'needs-review' | 'band-high' | 'band-medium' | 'band-low' | 'likely-error' | 'check' | 'errors';
const FILTERS: { id: Filter; label: string }[] = [
  { id: 'all', label: 'All notes' },
  { id: 'disagreements', label: 'Disagreements (differs or missing documentation)' },
  { id: 'differs', label: 'Differs' },
  { id: 'missing-documentation', label: 'Missing documentation' },
  { id: 'agrees', label: 'Agrees' },
  { id: 'not-audited', label: 'No billed codes' },
  { id: 'out-of-scope', label: 'Out of scope' },
  { id: 'likely-error', label: 'Audit: likely error (against a high-confidence line)' },
  { id: 'check', label: 'Audit: check (against a medium or low line)' },
  { id: 'needs-review', label: 'Needs review' },
  { id: 'band-high', label: 'Confidence: high' },
  { id: 'band-medium', label: 'Confidence: medium' },
  { id: 'band-low', label: 'Confidence: low' },
  { id: 'low-confidence', label: 'Low or medium confidence' },
  { id: 'errors', label: 'Bad rows' },
];

type SortKey = 'row' | 'id' | 'verdict' | 'confidence';

/** A row needs review when a line is under review, the engine abstained, or the row predates the status and is not high. */
const needsReview = (r: { review?: boolean; lines: BatchLine[]; abstain?: unknown }) => !!r.review || !!r.abstain || r.lines.some((l) => l.status === 'review');
const VERDICT_RANK: Record<string, number> = { 'missing-documentation': 0, differs: 1, agrees: 2, '': 3, error: 4 };
const CONF_RANK: Record<Confidence | 'none', number> = { low: 0, medium: 1, high: 2, none: 3 };

function matches(o: BatchOutcome, f: Filter): boolean {
  if (f === 'all') return true;
  if (f === 'errors') return !o.ok;
  if (!o.ok) return false;
  const v = o.row.audit?.verdict;
  switch (f) {
    case 'disagreements':
      return v === 'differs' || v === 'missing-documentation';
    case 'not-audited':
      return !o.row.audit;
    case 'out-of-scope':
      return !o.row.inScope;
    case 'low-confidence':
      return o.row.confidence === 'low' || o.row.confidence === 'medium';
    case 'needs-review':
      return needsReview(o.row);
    case 'band-high':
    case 'band-medium':
    case 'band-low':
      return o.row.confidence === f.slice(5);
    case 'likely-error':
    case 'check':
      return o.row.audit?.flag === f;
    default:
      return v === f;
  }
}

function sortValue(o: BatchOutcome, k: SortKey): number | string {
  switch (k) {
    case 'row':
      return o.ok ? o.row.index : o.error.index;
    case 'id':
      return o.ok ? o.row.id : o.error.id;
    case 'verdict':
      return VERDICT_RANK[o.ok ? (o.row.audit?.verdict ?? '') : 'error'];
    case 'confidence':
      return o.ok ? CONF_RANK[o.row.confidence ?? 'none'] : 9;
  }
}

const fmtSecs = (ms: number) => (ms < 60_000 ? `${Math.max(0, Math.round(ms / 1000))} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`);

const VERDICT_CLASS: Record<Verdict, string> = {
  agrees: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100',
  differs: 'bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100',
  'missing-documentation': 'bg-rose-100 text-rose-900 dark:bg-rose-900/50 dark:text-rose-100',
};

const FLAG_CLASS: Record<AuditFlag, string> = {
  'likely-error': 'bg-rose-100 text-rose-900 dark:bg-rose-900/50 dark:text-rose-100',
  check: 'bg-sky-100 text-sky-900 dark:bg-sky-900/50 dark:text-sky-100',
};

function Progress() {
  const dev = useWorkspace((w) => w.devDetails);
  const status = useStore(batchStore, (s) => s.status);
  const done = useStore(batchStore, (s) => s.done);
  const total = useStore(batchStore, (s) => s.total);
  const startedAt = useStore(batchStore, (s) => s.startedAt);
  const finishedAt = useStore(batchStore, (s) => s.finishedAt);
  const source = useStore(batchStore, (s) => s.source);
  if (status === 'idle') return null;
  const elapsed = (finishedAt ?? performance.now()) - startedAt;
  const rate = elapsed > 0 ? done / (elapsed / 1000) : 0;
  const eta = done > 0 ? (elapsed / done) * (total - done) : null;
  return (
    <div className="mt-3 space-y-1" data-testid="batch-progress" data-status={status} data-done={done} data-total={total}>
      <div className="flex flex-wrap items-center gap-3">
        <progress className="h-3 w-full max-w-md accent-teal-600" max={total || 1} value={done} aria-label="Batch progress" />
        {status === 'running' && (
          <button type="button" className="btn" onClick={cancelBatch}>
            Cancel
          </button>
        )}
      </div>
      <p className="text-sm" role="status" aria-live="polite">
        {source && <span className="font-medium">{source}: </span>}
        {status === 'running' && (
          <>
            {done} of {total} notes · {dev && rate ? `${rate.toFixed(1)} notes/s · ` : ''}
            {eta === null ? 'estimating time left…' : `about ${fmtSecs(eta)} left`}
          </>
        )}
        {status === 'done' && (
          <>
            Done: {done} of {total} notes in {fmtSecs(elapsed)}
            {dev && rate ? ` (${rate.toFixed(1)} notes/s)` : ''}.
          </>
        )}
        {status === 'cancelled' && (
          <>
            Cancelled after {done} of {total} notes. The results so far are kept.
          </>
        )}
      </p>
    </div>
  );
}

function Loader() {
  const analyzer = useAnalyzer();
  const status = useStore(batchStore, (s) => s.status);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ files: File[]; p: NonNullable<LoadedBatch['columnProblem']>; pick: number } | null>(null);
  const filesRef = useRef<HTMLInputElement>(null);
  const dirRef = useRef<HTMLInputElement>(null);

  async function onFiles(e: ChangeEvent<HTMLInputElement>) {
    const list = [...(e.target.files ?? [])];
    e.target.value = '';
    if (!list.length) return;
    setLoading(true);
    setError(null);
    setProblem(null);
    try {
      const loaded = await loadFiles(list);
      if (loaded.columnProblem) setProblem({ files: list, p: loaded.columnProblem, pick: guessNote(loaded.columnProblem.columns) });
      else runBatch(loaded, analyzer);
    } catch (err) {
      setError(`Could not read the files: ${(err as Error).message}`);
    } finally {
      setLoading(false);
    }
  }
  async function useColumn() {
    if (!problem) return;
    setLoading(true);
    try {
      const loaded = await loadFiles(problem.files, { [problem.p.file]: problem.pick });
      setProblem(null);
      runBatch(loaded, analyzer);
    } catch (err) {
      setError(`Could not read the files: ${(err as Error).message}`);
    } finally {
      setLoading(false);
    }
  }
  const busy = loading || status === 'running';
  return (
    <div>
      <div className="flex flex-wrap items-center gap-2">
        <input ref={filesRef} id="batch-files" type="file" multiple accept=".csv,.tsv,.txt,.text,text/plain,text/csv" className="sr-only" onChange={onFiles} data-testid="batch-files" />
        <input
          ref={(el) => {
            dirRef.current = el;
            el?.setAttribute('webkitdirectory', '');
          }}
          id="batch-folder"
          type="file"
          multiple
          className="sr-only"
          onChange={onFiles}
          data-testid="batch-folder"
        />
        <button type="button" className="btn-primary" disabled={busy} onClick={() => filesRef.current?.click()}>
          Choose notes or a CSV…
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => dirRef.current?.click()}>
          Choose a folder…
        </button>
        <button type="button" className="btn-ghost" onClick={() => download('batch-template.csv', templateCsv(), 'text/csv;charset=utf-8')}>
          Download a template CSV
        </button>
        <label htmlFor="batch-files" className="sr-only">
          Notes (.txt) or a CSV of notes
        </label>
        <label htmlFor="batch-folder" className="sr-only">
          A folder of notes
        </label>
      </div>
      <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
        Several .txt files (one note each), a folder, or a CSV with one note per row. A CSV header names the columns: <code>note</code> (or <code>text</code>), optional{' '}
        <code>id</code> and <code>billed</code> (or <code>codes</code>, <code>cpt</code>) with the billed lines, e.g. <code>63650x2;63685</code> or <code>64590-RT</code>. Notes are
        analysed on this device and never leave it.
      </p>
      {loading && <p className="mt-2 text-sm">Reading files…</p>}
      {problem && (
        <div role="alert" className="mt-3 rounded border border-rose-300 bg-rose-50 p-3 text-sm dark:border-rose-700 dark:bg-rose-950/40" data-testid="batch-column-problem">
          <p className="font-medium text-rose-800 dark:text-rose-200">
            {problem.p.file}: no note column was recognised. Columns found: {problem.p.columns.join(', ')}.
          </p>
          <p className="mt-1 text-slate-700 dark:text-slate-300">Choose the column that holds the operative note, or rename it to note or text.</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <label className="flex items-center gap-1.5">
              Note column
              <select
                className="rounded border border-slate-300 bg-white px-1.5 py-1 text-sm dark:border-slate-600 dark:bg-slate-800"
                value={problem.pick}
                onChange={(e) => setProblem({ ...problem, pick: Number(e.target.value) })}
                data-testid="batch-note-column"
              >
                {problem.p.columns.map((c, i) => (
                  <option key={i} value={i}>
                    {c || `column ${i + 1}`}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="btn-primary" disabled={busy} onClick={useColumn}>
              Analyse with this column
            </button>
          </div>
        </div>
      )}
      {error && (
        <p role="alert" className="mt-2 text-sm text-rose-700 dark:text-rose-300">
          {error}
        </p>
      )}
    </div>
  );
}

/** The column most likely to hold the note: the one after an id-like first column, else the last. */
function guessNote(columns: readonly string[]): number {
  return columns.length > 1 ? 1 : 0;
}

function ClaimLines({ lines }: { lines: BatchLine[] }) {
  if (!lines.length) return <span className="text-slate-500 dark:text-slate-400">—</span>;
  return (
    <ul className="space-y-0.5">
      {lines.map((l, i) => (
        <li key={i} className="text-xs" data-testid="batch-line" data-status={l.status ?? ''}>
          <span className="font-mono whitespace-nowrap">{formatLine(l)}</span>{' '}
          {l.status === 'review' ? (
            <span className="rounded bg-amber-100 px-1 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100" title={(l.reviewReasons ?? []).join(' ')}>
              review
            </span>
          ) : l.status === 'ready' ? (
            <span className="rounded bg-emerald-100 px-1 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100">ready</span>
          ) : null}
          {l.status === 'review' && (l.reviewReasons ?? []).length > 0 && (
            <ul className="mt-0.5 list-disc pl-4 text-slate-700 dark:text-slate-300">
              {(l.reviewReasons ?? []).slice(0, 3).map((t, k) => (
                <li key={k}>{t}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

function Lines({ lines }: { lines: string[] }) {
  if (!lines.length) return <span className="text-slate-500 dark:text-slate-400">—</span>;
  return (
    <ul className="space-y-0.5">
      {lines.map((l, i) => (
        <li key={i} className="font-mono text-xs whitespace-nowrap">
          {l}
        </li>
      ))}
    </ul>
  );
}

function ResultsTable({ outcomes, hasBilled }: { outcomes: BatchOutcome[]; hasBilled: boolean }) {
  const [filter, setFilter] = useState<Filter>('all');
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'row', dir: 1 });
  const [page, setPage] = useState(0);
  const workspace = useWorkspaceStore();

  const shown = useMemo(() => {
    const xs = outcomes.filter((o) => matches(o, filter));
    return xs.sort((a, b) => {
      const x = sortValue(a, sort.key);
      const y = sortValue(b, sort.key);
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), undefined, { numeric: true });
      return c * sort.dir || sortValue(a, 'row') as number - (sortValue(b, 'row') as number);
    });
  }, [outcomes, filter, sort]);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const rows = shown.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);

  function open(index: number) {
    const input = batchStore.getState().inputs[index];
    if (!input) return;
    workspace.getState().setText(input.text);
    navigate('workspace');
  }

  const th = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'} className="px-2 py-1.5 text-left">
      <button type="button" className="inline-flex min-h-6 min-w-6 items-center font-semibold hover:underline" onClick={() => setSort((s) => ({ key, dir: s.key === key ? ((-s.dir) as 1 | -1) : 1 }))}>
        {label}
        <span aria-hidden="true">{sort.key === key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );

  return (
    <section aria-labelledby="batch-results-heading" className="card p-4">
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <h2 id="batch-results-heading" className="card-title">
          Results
        </h2>
        <label className="flex min-w-0 max-w-full items-center gap-1.5 text-sm">
          Show
          <select
            className="min-w-0 max-w-full rounded border border-slate-300 bg-white px-1.5 py-1 text-sm dark:border-slate-600 dark:bg-slate-800"
            value={filter}
            onChange={(e) => {
              setFilter(e.target.value as Filter);
              setPage(0);
            }}
            data-testid="batch-filter"
          >
            {FILTERS.filter((f) => hasBilled || !['disagreements', 'differs', 'missing-documentation', 'agrees', 'not-audited'].includes(f.id)).map((f) => (
              <option key={f.id} value={f.id}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <span className="text-sm text-slate-600 dark:text-slate-400" data-testid="batch-shown">
          {shown.length} of {outcomes.length}
        </span>
        {pages > 1 && (
          <span className="ml-auto flex items-center gap-1 text-sm">
            <button type="button" className="btn-ghost" disabled={current === 0} onClick={() => setPage(current - 1)}>
              Previous
            </button>
            Page {current + 1} of {pages}
            <button type="button" className="btn-ghost" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
              Next
            </button>
          </span>
        )}
      </div>
      <div className="overflow-x-auto">
        <table className="table-stack w-full border-collapse text-sm" data-testid="batch-table">
          <thead className="border-b border-slate-200 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-300">
            <tr>
              {th('row', '#')}
              {th('id', 'Note')}
              <th scope="col" className="px-2 py-1.5 text-left">
                Suggested lines
              </th>
              {th('confidence', 'Confidence')}
              {hasBilled && (
                <th scope="col" className="px-2 py-1.5 text-left">
                  Billed
                </th>
              )}
              {hasBilled && th('verdict', 'Audit')}
              <th scope="col" className="px-2 py-1.5 text-left">
                <span className="sr-only">Open</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((o) => {
              if (!o.ok) {
                return (
                  <tr key={`e${o.error.index}`} data-testid="batch-row" data-row={o.error.index + 1} data-verdict="error" className="border-b border-slate-100 align-top dark:border-slate-800">
                    <td className="px-2 py-1.5 tabular-nums">{o.error.index + 1}</td>
                    <td className="px-2 py-1.5 font-mono text-xs break-all">{o.error.id}</td>
                    <td colSpan={hasBilled ? 5 : 3} className="px-2 py-1.5 text-rose-700 dark:text-rose-300">
                      Skipped: {o.error.error}
                    </td>
                  </tr>
                );
              }
              const r = o.row;
              const verdict = r.audit?.verdict;
              return (
                <tr key={r.index} data-testid="batch-row" data-row={r.index + 1} data-verdict={verdict ?? ''} className="border-b border-slate-100 align-top dark:border-slate-800">
                  <td className="px-2 py-1.5 tabular-nums" data-label="#">{r.index + 1}</td>
                  <td className="max-w-[14rem] px-2 py-1.5 font-mono text-xs break-all" data-label="Note">{r.id}</td>
                  <td className="px-2 py-1.5" data-testid="batch-lines" data-label="Suggested lines">
                    {r.abstain ? (
                      <span className="text-xs" data-testid="batch-abstain">
                        {!r.inScope && <span className="mr-1 rounded bg-slate-200 px-1.5 py-0.5 dark:bg-slate-700">Out of scope</span>}
                        <span className="rounded bg-amber-100 px-1.5 py-0.5 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100">No code yet</span> {noLineReason({ ...r, inScope: true })}
                      </span>
                    ) : r.inScope ? (
                      <ClaimLines lines={r.lines} />
                    ) : (
                      <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs dark:bg-slate-700" title={r.outOfScopeReason}>
                        Out of scope
                      </span>
                    )}
                  </td>
                  <td className="px-2 py-1.5 text-xs" data-label="Confidence" data-testid="batch-band" data-review={needsReview(r) ? 'yes' : 'no'}>
                    {r.confidence ?? '—'}
                    {r.lines.length > 0 || r.abstain ? (
                      <span className="block text-slate-600 dark:text-slate-400">{needsReview(r) ? 'needs review' : 'ready'}</span>
                    ) : null}
                  </td>
                  {hasBilled && (
                    <td className="px-2 py-1.5" data-label="Billed">
                      <Lines lines={r.billedLines.map(formatLine)} />
                    </td>
                  )}
                  {hasBilled && (
                    <td className="px-2 py-1.5" data-label="Audit">
                      {r.audit ? (
                        <>
                          <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${VERDICT_CLASS[r.audit.verdict]}`}>{VERDICT_LABEL[r.audit.verdict]}</span>
                          {r.audit.flag && (
                            <span
                              className={`ml-1 rounded px-1.5 py-0.5 text-xs font-semibold ${FLAG_CLASS[r.audit.flag]}`}
                              data-testid="batch-audit-flag"
                              title={r.audit.flag === 'likely-error' ? 'The note supports a different line at high confidence: the billed line is probably wrong.' : 'The line the note supports is medium or low confidence or needs review: the billed line may be right; read the note.'}
                            >
                              {FLAG_LABEL[r.audit.flag]}
                            </span>
                          )}
                          {r.audit.verdict !== 'agrees' && (
                            <ul className="mt-1 list-disc space-y-0.5 pl-4 text-xs">
                              {(r.audit.verdict === 'differs' ? r.audit.reasons.slice(1) : r.audit.reasons).map((d, i) => (
                                <li key={i}>{d}</li>
                              ))}
                            </ul>
                          )}
                        </>
                      ) : (
                        <span className="text-xs text-slate-500 dark:text-slate-400">not billed</span>
                      )}
                    </td>
                  )}
                  <td className="px-2 py-1.5">
                    <button type="button" className="btn-ghost text-xs" onClick={() => open(r.index)} aria-label={`Open note ${r.id} in the workspace`}>
                      Open
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {!rows.length && <p className="py-4 text-sm text-slate-500 dark:text-slate-400">No notes match this filter.</p>}
      </div>
    </section>
  );
}

/** Many notes at once: load, analyse in workers, audit billed codes, summarise, export. */
export function BatchView() {
  const status = useStore(batchStore, (s) => s.status);
  const outcomesRaw = useStore(batchStore, (s) => s.outcomes);
  const hasBilled = useStore(batchStore, (s) => s.hasBilled);
  const message = useStore(batchStore, (s) => s.message);
  const source = useStore(batchStore, (s) => s.source);
  const skipped = useStore(batchStore, (s) => s.skipped);
  const outcomes = useMemo(() => outcomesRaw.filter((o): o is BatchOutcome => o !== undefined), [outcomesRaw]);
  const summary = useMemo(() => summarize(outcomes), [outcomes]);
  const base = (source || 'batch').replace(/\.[^.]+$/, '').replace(/[^\w.-]+/g, '_');

  return (
    <main className="mx-auto max-w-[1800px] space-y-3 p-3 sm:space-y-4 sm:p-4" aria-labelledby="batch-heading">
      <section className="card p-4">
        <h2 id="batch-heading" className="mb-2 text-lg font-semibold">
          Batch and audit
        </h2>
        <Loader />
        <Progress />
        {message && <p className="mt-2 text-sm text-amber-800 dark:text-amber-200">{message}</p>}
        {skipped.length > 0 && (
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            Skipped {skipped.length} file{skipped.length === 1 ? '' : 's'} that are not notes or CSVs.
          </p>
        )}
        {outcomes.length > 0 && status !== 'running' && (
          <div className="mt-3 flex flex-wrap gap-2">
            <button type="button" className="btn" onClick={() => download(`${base}-results.csv`, toCsv(outcomes), 'text/csv;charset=utf-8')}>
              Export CSV
            </button>
            <button type="button" className="btn" onClick={() => download(`${base}-notes.csv`, toNoteCsv(outcomes), 'text/csv;charset=utf-8')}>
              Export note summary CSV
            </button>
            <button type="button" className="btn" onClick={() => download(`${base}-results.json`, toJson(outcomes, summary), 'application/json')}>
              Export JSON
            </button>
          </div>
        )}
      </section>
      {outcomes.length > 0 && <SummaryCharts summary={summary} />}
      {outcomes.length > 0 && <ResultsTable outcomes={outcomes} hasBilled={hasBilled} />}
    </main>
  );
}
