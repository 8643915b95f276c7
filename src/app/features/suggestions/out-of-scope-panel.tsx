/** Shown when no neurostimulator code applies, with the engine's reason. */
export function OutOfScopePanel({ reason }: { reason?: string }) {
  const detail = (reason ?? '').replace(/^\s*no neurostimulator code applies\s*[:.—-]?\s*/i, '').trim();
  return (
    <div
      role="status"
      aria-labelledby="oos-heading"
      className="card border-slate-300 bg-slate-50 p-4 dark:border-slate-600 dark:bg-slate-800/60"
      data-testid="out-of-scope"
    >
      <h3 id="oos-heading" className="text-base font-semibold">
        No neurostimulator code applies
      </h3>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-200">
        {detail ? detail.charAt(0).toUpperCase() + detail.slice(1) : 'The note does not describe a neurostimulator procedure.'}
      </p>
      <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
        OpNote Coder covers neurostimulator electrodes, generators and receivers (spinal cord, peripheral, sacral,
        cranial and vagus nerve). Code other procedures by the usual route.
      </p>
    </div>
  );
}
