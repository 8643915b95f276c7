import { KIND_CLASS, KIND_LABEL, type HighlightKind } from '../../lib/kinds';

/** The colour key for the evidence view, plus the "does not count" style. */
export function Legend({ kinds }: { kinds: readonly HighlightKind[] }) {
  return (
    <ul
      aria-label="Highlight legend"
      className="flex flex-wrap gap-x-3 gap-y-1 border-b border-slate-200 px-3 py-2 text-xs dark:border-slate-700"
      data-testid="legend"
    >
      {kinds.map((k) => (
        <li key={k} className="flex items-center gap-1">
          <mark className={`ev ${KIND_CLASS[k]} cursor-default`} aria-hidden="true">
            Ab
          </mark>
          <span>{KIND_LABEL[k]}</span>
        </li>
      ))}
      <li className="flex items-center gap-1">
        <mark className={`ev ${KIND_CLASS.other} cursor-default`} aria-hidden="true">
          Ab
        </mark>
        <span>{KIND_LABEL.other}</span>
      </li>
      <li className="flex items-center gap-1">
        <mark className="ev border-slate-500 cursor-default" data-counts="false" aria-hidden="true">
          Ab
        </mark>
        <span>Does not count (negated, earlier or planned)</span>
      </li>
    </ul>
  );
}
