import type { Analysis } from '../../../engine/types';
import { claimLine, lineStatus, reviewItems, unexplainedReviewLines } from '../../lib/claim-lines';
import { ReasonItem } from './reason-item';
import { plainReason } from '../../lib/plain-labels';

/**
 * The panel's verdict: "Ready to code" when every line is ready, else "Check N things" with each
 * distinct reason (its words light up in the note), the lines it concerns and the question to ask.
 */
export function ReviewSummary({ a }: { a: Analysis }) {
  if (!a.suggestions.length) return null;
  const items = reviewItems(a);
  const unexplained = unexplainedReviewLines(a);
  const n = items.length + (unexplained.length ? 1 : 0);
  const ready = a.suggestions.every((s) => lineStatus(s) === 'ready');
  if (ready) {
    return (
      <div className="card border-emerald-300 bg-emerald-50 px-3 py-2 dark:border-emerald-800 dark:bg-emerald-950/40" data-testid="review-summary" data-status="ready" role="status">
        <p className="text-sm font-semibold text-emerald-900 dark:text-emerald-100">
          <span aria-hidden="true">✓ </span>Ready to code
        </p>
        <p className="text-xs text-emerald-900 dark:text-emerald-200">Every line is high confidence with nothing left to check.</p>
      </div>
    );
  }
  return (
    <div className="card border-amber-300 bg-amber-50 px-3 py-2 dark:border-amber-700 dark:bg-amber-950/40" data-testid="review-summary" data-status="review">
      <h3 className="text-sm font-semibold text-amber-950 dark:text-amber-100" data-testid="review-count">
        Check {n} {n === 1 ? 'thing' : 'things'}
      </h3>
      <ol className="mt-1 space-y-1" aria-label="Things to check">
        {items.map((r, i) => (
          <li key={r.key} data-check={r.id}>
            <ReasonItem id={`check${i}`} evidence={r.evidence}>
              <span className="font-medium">{plainReason(r.text)}</span>
              <span className="block text-xs text-slate-600 dark:text-slate-300">Line{r.lines.length === 1 ? '' : 's'} {r.lines.join(', ')}</span>
              {r.question && (
                <span className="block text-sm" data-testid="review-question">
                  <span className="font-semibold">Ask the surgeon: </span>
                  {r.question}
                </span>
              )}
            </ReasonItem>
          </li>
        ))}
        {unexplained.length > 0 && (
          <li className="px-2 py-1 text-sm">
            {unexplained.map(claimLine).join(', ')}: {unexplained[0].confidence} confidence — read the reasons below before you code
            {unexplained.length === 1 ? ' it' : ' them'}.
          </li>
        )}
      </ol>
    </div>
  );
}
