import type { ReactNode } from 'react';
import type { Span } from '../../../engine/types';
import { useWorkspace } from '../../lib/store';
import { overlaps } from '../../lib/highlights';

/**
 * One reason (or why-not line). Hover or focus lights up its evidence in the note;
 * a click (or Enter) pins it so it stays lit.
 */
export function ReasonItem({ id, evidence, children }: { id: string; evidence: Span[]; children: ReactNode }) {
  const setHovered = useWorkspace((s) => s.setHovered);
  const togglePinned = useWorkspace((s) => s.togglePinned);
  const pinned = useWorkspace((s) => s.pinned?.id === id);
  const selected = useWorkspace((s) => s.selectedSpan);
  const usesSelected = !!selected && evidence.some((e) => overlaps(e, selected));
  const quotes = [...new Set(evidence.map((e) => e.text.trim()).filter(Boolean))];
  const hasEvidence = evidence.length > 0;
  return (
    <button
      type="button"
      data-reason-id={id}
      data-uses-selected={usesSelected ? 'true' : undefined}
      aria-pressed={pinned}
      aria-description={hasEvidence ? 'Highlights its evidence in the note' : undefined}
      className={`group w-full rounded-md px-2 py-1 text-left text-sm hover:bg-amber-50 focus-visible:bg-amber-50 dark:hover:bg-amber-950/40 dark:focus-visible:bg-amber-950/40 ${pinned ? 'bg-amber-100 dark:bg-amber-900/50' : ''} ${usesSelected ? 'ring-2 ring-teal-600 dark:ring-teal-400' : ''}`}
      onMouseEnter={() => setHovered({ id, spans: evidence })}
      onMouseLeave={() => setHovered(null)}
      onFocus={() => setHovered({ id, spans: evidence })}
      onBlur={() => setHovered(null)}
      onClick={() => togglePinned({ id, spans: evidence })}
    >
      <span>{children}</span>
      {quotes.length > 0 && (
        <span className="mt-0.5 block text-xs text-slate-500 dark:text-slate-400">
          {quotes.slice(0, 4).map((q, i) => (
            <q key={i} className="mr-2 italic">
              {q.length > 60 ? `${q.slice(0, 57)}…` : q}
            </q>
          ))}
          {quotes.length > 4 && <span>+{quotes.length - 4} more</span>}
        </span>
      )}
    </button>
  );
}
