import type { Abstention } from '../../../engine/types';
import { FACT_WORDS } from '../../lib/claim-lines';
import { ReasonItem } from './reason-item';

/**
 * The engine found device work but not the fact that decides the code: which fact is missing,
 * the candidate codes side by side with what selects each, and the question for the surgeon.
 */
export function AbstainPanel({ abstain }: { abstain: Abstention }) {
  return (
    <div
      role="status"
      aria-labelledby="abstain-heading"
      className="card border-amber-300 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950/40"
      data-testid="abstain"
      data-fact={abstain.fact}
    >
      <h3 id="abstain-heading" className="text-base font-semibold">
        No code chosen: the note does not say {FACT_WORDS[abstain.fact]}
      </h3>
      <div className="mt-1 text-sm text-slate-800 dark:text-slate-100" data-testid="abstain-message">
        <ReasonItem id="abstain-evidence" evidence={abstain.evidence}>
          {abstain.message}
        </ReasonItem>
      </div>
      {abstain.candidates.length > 0 && (
        <>
          <h4 className="mt-2 text-xs font-semibold text-slate-600 uppercase dark:text-slate-300">Candidate codes</h4>
          <ul className="mt-1 grid gap-2 sm:grid-cols-2" aria-label="Candidate codes" data-testid="abstain-candidates">
            {abstain.candidates.map((c) => (
              <li key={c.code} className="rounded-md border border-amber-200 bg-white px-2 py-1 text-sm dark:border-amber-800 dark:bg-slate-900" data-code={c.code}>
                <span className="font-mono font-semibold">{c.code}</span>
                <span className="block text-slate-700 dark:text-slate-200">{c.when}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="mt-2 text-sm" data-testid="abstain-question">
        <span className="font-semibold">Ask the surgeon: </span>
        {abstain.question}
      </p>
    </div>
  );
}
