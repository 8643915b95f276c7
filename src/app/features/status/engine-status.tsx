import { useEngineStatus } from '../../lib/use-analysis';

const LABEL = {
  starting: 'Starting the engine…',
  'loading-model': 'Loading the language model…',
  ready: 'Engine ready',
  error: 'Engine failed to start',
} as const;

/** Start-up progress of the engine; the page is usable while it loads. */
export function EngineStatus() {
  const { stage, loadMs, error } = useEngineStatus();
  const step = stage === 'starting' ? 1 : stage === 'loading-model' ? 2 : 3;
  return (
    <div className="mr-2 flex items-center gap-2 text-xs text-slate-500 dark:text-slate-400" data-testid="engine-status" data-stage={stage}>
      {stage === 'ready' ? (
        <span title={loadMs !== undefined ? `Language model loaded in ${loadMs} ms` : undefined}>
          <span aria-hidden="true" className="text-emerald-600 dark:text-emerald-400">
            ●{' '}
          </span>
          {LABEL.ready}
        </span>
      ) : stage === 'error' ? (
        <span role="alert" className="text-rose-700 dark:text-rose-300" title={error?.message}>
          {LABEL.error}
        </span>
      ) : (
        <>
          <progress max={3} value={step} className="h-1.5 w-20 accent-teal-600" aria-label={LABEL[stage]} />
          <span role="status">{LABEL[stage]}</span>
        </>
      )}
    </div>
  );
}
