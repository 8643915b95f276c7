import type { Confidence, Fact, ProcedureEvent, Suggestion } from '../../../engine/types';
import { claimLine, lineStatus, noSideNote } from '../../lib/claim-lines';
import { ReasonItem } from './reason-item';
import { WhyNot } from './why-not';
import { plainReason } from '../../lib/plain-labels';
import { ReferenceLink } from '../reference/reference-link';
import { SuggestedQuestions } from '../ask/suggested-questions';

const CONF_CLASS: Record<Confidence, string> = {
  high: 'bg-emerald-100 text-emerald-900 ring-emerald-600/30 dark:bg-emerald-900/50 dark:text-emerald-100',
  medium: 'bg-amber-100 text-amber-900 ring-amber-600/30 dark:bg-amber-900/50 dark:text-amber-100',
  low: 'bg-rose-100 text-rose-900 ring-rose-600/30 dark:bg-rose-900/50 dark:text-rose-100',
};

/** One ranked claim line: code, units, modifiers, description, confidence, reasons, why-not. */
export function SuggestionCard({ s, index, facts = [], events = [] }: { s: Suggestion; index: number; facts?: Fact[]; events?: ProcedureEvent[] }) {
  const id = `s${index}`;
  const line = claimLine(s);
  const status = lineStatus(s);
  const review = s.reviewReasons ?? [];
  const noSide = noSideNote({ facts, events }, s);
  return (
    <li
      className={`card p-3 ${status === 'review' ? 'border-l-4 border-l-amber-500 dark:border-l-amber-400' : ''}`}
      aria-labelledby={`${id}-title`}
      data-testid="suggestion"
      data-code={s.code}
      data-line={line}
      data-status={status}
    >
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="text-xs text-slate-400 tabular-nums" aria-hidden="true">
          {index + 1}
        </span>
        <h3 id={`${id}-title`} className="font-mono text-lg font-semibold" data-testid="claim-line">
          <span className="sr-only">Claim line {index + 1}: </span>
          {line}
        </h3>
        <span
          className={`ml-auto rounded-full px-2 py-0.5 text-xs font-semibold ${status === 'ready' ? 'bg-emerald-700 text-white dark:bg-emerald-300 dark:text-emerald-950' : 'bg-amber-700 text-white dark:bg-amber-300 dark:text-amber-950'}`}
          data-testid="line-status"
          title={status === 'ready' ? 'High confidence and nothing to check' : 'Read what to check before you code this line'}
        >
          {status === 'ready' ? 'Ready' : `Review${review.length ? ` · ${review.length}` : ''}`}
        </span>
        <span
          className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${CONF_CLASS[s.confidence]}`}
          title="How sure OpNote Coder is that the note supports this line"
        >
          {s.confidence} confidence
        </span>
      </div>
      <p className="mt-0.5 text-sm text-slate-700 dark:text-slate-200">
        {s.description}{' '}
        <ReferenceLink code={s.code} className="text-xs whitespace-nowrap text-sky-800 underline underline-offset-2 hover:text-sky-950 dark:text-sky-300 dark:hover:text-sky-100">
          reference for {s.code}
        </ReferenceLink>
      </p>
      <dl className="mt-1 flex flex-wrap gap-x-4 text-xs text-slate-500 dark:text-slate-400">
        <div className="flex gap-1">
          <dt>Units</dt>
          <dd className="font-medium text-slate-700 dark:text-slate-200">{s.units}</dd>
        </div>
        <div className="flex gap-1">
          <dt>Modifiers</dt>
          <dd className="font-medium text-slate-700 dark:text-slate-200">
            {s.modifiers.length ? s.modifiers.map((m) => m.code).join(', ') : 'none'}
          </dd>
        </div>
      </dl>

      {review.length > 0 && (
        <>
          <h4 className="mt-2 text-xs font-semibold text-amber-800 uppercase dark:text-amber-300">To check</h4>
          <ul className="space-y-0.5" aria-label={`To check for ${s.code}`} data-testid="line-review">
            {review.map((r, j) => (
              <li key={j}>
                <ReasonItem id={`${id}-c${j}`} evidence={r.evidence}>
                  {plainReason(r.text)}
                  {r.question && <span className="block text-xs text-slate-600 dark:text-slate-300">Ask: {r.question}</span>}
                </ReasonItem>
              </li>
            ))}
          </ul>
        </>
      )}

      {noSide && (
        <div className="mt-1 text-xs" data-testid="no-side">
          <ReasonItem id={`${id}-side`} evidence={noSide.evidence}>
            {noSide.text}
          </ReasonItem>
        </div>
      )}

      <h4 className="mt-2 text-xs font-semibold text-slate-500 uppercase dark:text-slate-400">Why this code</h4>
      <ul className="space-y-0.5" aria-label={`Reasons for ${s.code}`}>
        {s.reasons.map((r, j) => (
          <li key={j}>
            <ReasonItem id={`${id}-r${j}`} evidence={r.evidence}>
              {plainReason(r.text)}
            </ReasonItem>
          </li>
        ))}
      </ul>

      {(s.unitReasons?.length ?? 0) > 0 && (
        <>
          <h4 className="mt-2 text-xs font-semibold text-slate-500 uppercase dark:text-slate-400">
            Why {s.units} unit{s.units === 1 ? '' : 's'}
          </h4>
          <ul className="space-y-0.5">
            {s.unitReasons!.map((r, j) => (
              <li key={j}>
                <ReasonItem id={`${id}-u${j}`} evidence={r.evidence}>
                  {plainReason(r.text)}
                </ReasonItem>
              </li>
            ))}
          </ul>
        </>
      )}

      {s.modifiers.map((m, k) => (
        <div key={m.code}>
          <h4 className="mt-2 text-xs font-semibold text-slate-500 uppercase dark:text-slate-400">
            Modifier <span className="font-mono">{m.code}</span>
          </h4>
          <ul className="space-y-0.5" aria-label={`Reasons for modifier ${m.code}`}>
            {m.reasons.map((r, j) => (
              <li key={j}>
                <ReasonItem id={`${id}-m${k}-r${j}`} evidence={r.evidence}>
                  {plainReason(r.text)}
                </ReasonItem>
              </li>
            ))}
          </ul>
        </div>
      ))}

      {(s.warnings?.length ?? 0) > 0 && (
        <ul className="mt-2 space-y-1" aria-label={`Warnings for ${s.code}`}>
          {s.warnings!.map((w, j) => (
            <li key={j} className="rounded-md bg-amber-50 px-2 py-1 text-sm text-amber-900 dark:bg-amber-950/50 dark:text-amber-100">
              <span aria-hidden="true">⚠ </span>
              {plainReason(w)}
            </li>
          ))}
        </ul>
      )}

      <WhyNot idPrefix={id} code={s.code} alternatives={s.alternatives} />
      <SuggestedQuestions code={s.code} alternatives={s.alternatives} />
    </li>
  );
}
