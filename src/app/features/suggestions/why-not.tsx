import type { Alternative } from '../../../engine/types';
import { ReasonItem } from './reason-item';

/** The codes considered for this line and the fact that ruled each one out. */
export function WhyNot({ idPrefix, code, alternatives }: { idPrefix: string; code: string; alternatives: Alternative[] }) {
  if (!alternatives.length) return null;
  return (
    <details className="group/why mt-2 rounded-md border border-slate-200 dark:border-slate-700" data-testid="why-not">
      <summary className="cursor-pointer rounded-md px-2 py-1 text-sm font-medium text-slate-700 select-none hover:bg-slate-50 dark:text-slate-200 dark:hover:bg-slate-800">
        Why not other codes? <span className="text-slate-500 dark:text-slate-400">({alternatives.length})</span>
      </summary>
      <ul className="space-y-0.5 px-1 pb-1" aria-label={`Codes considered instead of ${code}`}>
        {alternatives.map((a, j) => (
          <li key={`${a.code}-${j}`}>
            <ReasonItem id={`${idPrefix}-a${j}`} evidence={a.evidence ?? []}>
              <span className="font-mono font-semibold">{a.code}</span>
              <span className="text-slate-500 dark:text-slate-400"> — not coded: </span>
              {a.whyNot}
            </ReasonItem>
          </li>
        ))}
      </ul>
    </details>
  );
}
