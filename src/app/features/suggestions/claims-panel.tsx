import type { AnalysedNote } from '../../lib/use-analysis';
import { formatCount } from '../../lib/format';
import type { CopyActions } from '../copy/use-copy';
import { CopyBar } from '../copy/copy-bar';
import { SuggestionCard } from './suggestion-card';
import { OutOfScopePanel } from './out-of-scope-panel';
import { ReasonItem } from './reason-item';
import { AbstainPanel } from './abstain-panel';
import { DeviceInfo } from './device-info';
import { ReviewSummary } from './review-summary';
import { plainReason } from '../../lib/plain-labels';
import { SHORTCUT_KEYS } from '../help/shortcuts';
import { useWorkspace } from '../../lib/store';

/** Ranked claim lines, copy actions, and the note-level warnings and questions. */
export function ClaimsPanel({
  result,
  updating,
  empty,
  error,
  copy,
}: {
  result: AnalysedNote | undefined;
  updating: boolean;
  empty: boolean;
  error: Error | null;
  copy: CopyActions;
}) {
  const a = result?.analysis;
  const dev = useWorkspace((s) => s.devDetails);
  // device (HCPCS) hints are information, not checks: they get their own collapsed section
  const checks = a ? a.warnings.filter((w) => w.kind !== 'device') : [];
  return (
    <section
      aria-labelledby="claims-heading"
      className="flex flex-col gap-3"
      data-testid="claims-panel"
      data-updating={updating ? 'true' : 'false'}
      aria-busy={updating}
    >
      <div className="card flex flex-col gap-2 px-3 py-2">
        <div className="flex items-center gap-2">
          <h2 id="claims-heading" tabIndex={-1} className="card-title mr-auto" aria-keyshortcuts={SHORTCUT_KEYS.focusClaims}>
            Claim lines
          </h2>
          {updating && a && (
            <span className="text-xs text-amber-700 dark:text-amber-300" role="status">
              Updating…
            </span>
          )}
          {a && !updating && dev && (
            <span className="text-xs text-slate-500 tabular-nums dark:text-slate-400" data-testid="stats">
              {formatCount(a.stats.tokens)} tokens · {Math.max(1, Math.round(a.stats.ms))} ms
            </span>
          )}
        </div>
        <CopyBar copy={copy} />
      </div>

      {error && (
        <div role="alert" className="card border-rose-300 bg-rose-50 p-3 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100">
          The note could not be analysed: {error.message}
        </div>
      )}

      {empty ? (
        <p className="card p-4 text-sm text-slate-500 dark:text-slate-400">
          Paste an operative note, drop a text file, or choose a sample. Suggested codes, units and modifiers appear
          here with the words in the note that support them.
        </p>
      ) : !a ? (
        <p className="card p-4 text-sm text-slate-500 dark:text-slate-400" role="status">
          Reading the note…
        </p>
      ) : (
        <>
          {a.abstain && a.suggestions.length === 0 ? (
            <AbstainPanel abstain={a.abstain} />
          ) : !a.inScope ? (
            <OutOfScopePanel reason={a.outOfScopeReason} />
          ) : a.suggestions.length === 0 ? (
            <p className="card p-4 text-sm" role="status">
              The note is about a neurostimulator, but it does not document enough to support a code.
            </p>
          ) : (
            <>
            {a.abstain && <AbstainPanel abstain={a.abstain} />}
            <ReviewSummary a={a} />
            <ol className={`flex flex-col gap-3 ${updating ? 'opacity-70' : ''}`} aria-label="Suggested claim lines" data-testid="suggestions">
              {a.suggestions.map((s, i) => (
                <SuggestionCard key={`${s.code}-${i}`} s={s} index={i} facts={a.facts} events={a.events} />
              ))}
            </ol>
            </>
          )}

          {(checks.length > 0 || a.questions.length > 0) && (
            <div className="card p-3" data-testid="checks">
              <h3 className="text-xs font-semibold text-slate-500 uppercase dark:text-slate-400">Check before you submit</h3>
              <ul className="mt-1 space-y-0.5">
                {checks.map((w, i) => (
                  <li key={`w${i}`}>
                    <ReasonItem id={`w${i}`} evidence={w.evidence ?? []}>
                      <span aria-hidden="true" className="text-amber-600 dark:text-amber-400">
                        ⚠{' '}
                      </span>
                      <span className="sr-only">Warning: </span>
                      {plainReason(w.message)}
                    </ReasonItem>
                  </li>
                ))}
                {a.questions.map((q, i) => (
                  <li key={`q${i}`}>
                    <ReasonItem id={`q${i}`} evidence={q.evidence ?? []}>
                      <span aria-hidden="true" className="text-sky-600 dark:text-sky-400">
                        ?{' '}
                      </span>
                      <span className="sr-only">Question: </span>
                      {q.modifier && <span className="font-mono font-semibold">{q.modifier} </span>}
                      {plainReason(q.text)}
                    </ReasonItem>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <DeviceInfo warnings={a.warnings} />
        </>
      )}
    </section>
  );
}
