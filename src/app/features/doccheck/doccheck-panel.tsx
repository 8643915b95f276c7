import { useMemo, useState } from 'react';
import { checkDocumentation, questionsText, type DocCheck, type DocStatus } from '../../../engine/doccheck';
import type { AnalysedNote } from '../../lib/use-analysis';
import { writeClipboard } from '../copy/use-copy';
import { ReasonItem } from '../suggestions/reason-item';
import { ReferenceLink } from '../reference/reference-link';

const STATUS: Record<DocStatus, { text: string; icon: string; cls: string }> = {
  documented: {
    text: 'Documented',
    icon: '✓',
    cls: 'bg-emerald-100 text-emerald-900 ring-emerald-600/30 dark:bg-emerald-900/50 dark:text-emerald-100',
  },
  ambiguous: {
    text: 'Ambiguous',
    icon: '?',
    cls: 'bg-amber-100 text-amber-900 ring-amber-600/30 dark:bg-amber-900/50 dark:text-amber-100',
  },
  missing: {
    text: 'Missing',
    icon: '✗',
    cls: 'bg-rose-100 text-rose-900 ring-rose-600/30 dark:bg-rose-900/50 dark:text-rose-100',
  },
};

/** The documentation check of one analysed note. */
export function useDocCheck(result: AnalysedNote | undefined): DocCheck | undefined {
  return useMemo(() => (result ? checkDocumentation(result.analysis, result.text) : undefined), [result]);
}

/**
 * Checklist for the surgeon: what the code(s) need, whether the note documents it (with the
 * words), a neutral question per gap with one-click copy, and what would change the code.
 * `compact` drops the help text, for use beside the workspace.
 */
export function DocCheckPanel({ result, updating = false, compact = false }: { result: AnalysedNote | undefined; updating?: boolean; compact?: boolean }) {
  const check = useDocCheck(result);
  const [copied, setCopied] = useState<string>('');
  if (!result || !check) {
    return (
      <section className="card p-4 text-sm text-slate-500 dark:text-slate-400" aria-label="Documentation check" data-testid="doccheck-panel">
        The checklist appears once there is a note to read.
      </section>
    );
  }
  const copyQuestions = async () => {
    const ok = await writeClipboard(questionsText(check));
    setCopied(ok ? `Copied ${check.questions.length} question${check.questions.length === 1 ? '' : 's'}.` : 'Could not reach the clipboard; select the questions and copy them by hand.');
  };
  return (
    <section
      aria-labelledby="doccheck-heading"
      className="flex flex-col gap-3"
      data-testid="doccheck-panel"
      data-updating={updating ? 'true' : 'false'}
      aria-busy={updating}
    >
      <div className="card flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
        <h2 id="doccheck-heading" tabIndex={-1} className="card-title mr-auto">
          Documentation check
        </h2>
        {updating && (
          <span className="text-xs text-amber-700 dark:text-amber-300" role="status">
            Updating…
          </span>
        )}
        {check.codes.length > 0 && (
          <p className="text-sm" data-testid="doc-score" data-percent={check.score.percent}>
            Score <span className="font-semibold tabular-nums">{check.score.percent}%</span>{' '}
            <span className="text-slate-500 dark:text-slate-400">
              ({check.score.documented} of {check.score.total} required items documented)
            </span>
          </p>
        )}
        {check.codes.length > 0 && (
          <div className="h-1.5 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-700" aria-hidden="true">
            <div className="h-full bg-teal-600 dark:bg-teal-400" style={{ width: `${check.score.percent}%` }} />
          </div>
        )}
      </div>

      {check.codes.length === 0 ? (
        <p className="card p-4 text-sm text-slate-600 dark:text-slate-300" data-testid="doccheck-empty">
          {check.message}
        </p>
      ) : (
        <>
          <div className="card p-3">
            <h3 className="text-sm font-semibold">
              Checked against{' '}
              {check.codes.map((c, i) => (
                <span key={c}>
                  {i > 0 && ', '}
                  <ReferenceLink code={c} />
                </span>
              ))}
            </h3>
            <ul className="mt-2 space-y-2" aria-label="Documentation items" data-testid="doc-items">
              {check.items.map((it) => {
                const st = STATUS[it.status];
                return (
                  <li key={it.key} className="rounded-md border border-slate-200 p-2 dark:border-slate-700" data-testid="doc-item" data-item={it.id} data-status={it.status}>
                    <div className="flex flex-wrap items-baseline gap-2">
                      <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${st.cls}`}>
                        <span aria-hidden="true">{st.icon} </span>
                        {st.text}
                      </span>
                      <span className="font-medium">{it.label}</span>
                      <span className="ml-auto font-mono text-xs text-slate-500 dark:text-slate-400">{it.codes.join(', ')}</span>
                    </div>
                    {it.evidence.length > 0 ? (
                      <ReasonItem id={`doc-${it.key}`} evidence={it.evidence}>
                        {it.detail}
                      </ReasonItem>
                    ) : (
                      <p className="px-2 py-1 text-sm">{it.detail}</p>
                    )}
                    {!compact && it.status !== 'documented' && <p className="px-2 text-xs text-slate-500 dark:text-slate-400">{it.help}</p>}
                  </li>
                );
              })}
            </ul>
          </div>

          <div className="card p-3" data-testid="doc-questions">
            <div className="flex flex-wrap items-center gap-2">
              <h3 className="mr-auto text-sm font-semibold">Clarification questions</h3>
              <button type="button" className="btn" disabled={check.questions.length === 0} onClick={() => void copyQuestions()}>
                Copy all questions
              </button>
            </div>
            <output className="block text-xs text-slate-500 dark:text-slate-400" aria-live="polite" data-testid="questions-copy-status">
              {copied}
            </output>
            {check.questions.length === 0 ? (
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">Nothing to ask: every required item is documented.</p>
            ) : (
              <ol className="mt-1 list-decimal space-y-1 pl-5 text-sm" aria-label="Clarification questions">
                {check.questions.map((q) => (
                  <li key={q.key} data-item={q.item}>
                    <span className="sr-only">{q.label}: </span>
                    {q.text}
                  </li>
                ))}
              </ol>
            )}
            {!compact && (
              <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
                Questions are worded neutrally (no codes, no expected answer), in the manner of a compliant physician query.
              </p>
            )}
          </div>

          <div className="card p-3" data-testid="what-would-change">
            <h3 className="text-sm font-semibold">What would change the code</h3>
            {check.whatWouldChange.length === 0 ? (
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">No close alternative.</p>
            ) : (
              <ul className="mt-1 space-y-1 text-sm" aria-label="What would change the code">
                {check.whatWouldChange.map((w, i) => (
                  <li key={i} data-from={w.from} data-to={w.to ?? ''} data-relation={w.relation}>
                    If {w.condition} →{' '}
                    {w.to ? (
                      <>
                        <ReferenceLink code={w.to} /> {w.relation === 'add' ? 'in addition to' : 'instead of'} <ReferenceLink code={w.from} />
                      </>
                    ) : (
                      <>
                        <ReferenceLink code={w.from} /> is not supported
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </>
      )}
    </section>
  );
}
