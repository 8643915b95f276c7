import { useEngineStatus } from '../../lib/use-analysis';
import { useWorkspace } from '../../lib/store';

const LABEL = {
  starting: 'Starting the engine…',
  'loading-model': 'Loading the language model…',
  ready: 'Engine ready',
  error: 'Engine failed to start',
} as const;

/** Start-up progress of the engine; the page is usable while it loads. */
export function EngineStatus() {
  const { stage, loadMs, error } = useEngineStatus();
  const dev = useWorkspace((s) => s.devDetails);
  const step = stage === 'starting' ? 1 : stage === 'loading-model' ? 2 : 3;
  return (
    <div className="flex items-center gap-2 md:mr-2 text-xs text-slate-500 dark:text-slate-400" data-testid="engine-status" data-stage={stage}>
      {stage === 'ready' ? (
        <span title={dev && loadMs !== undefined ? `Language model loaded in ${loadMs} ms` : 'The analysis engine runs on this device'}>
          <span aria-hidden="true" className="text-emerald-600 dark:text-emerald-400">
            ●{' '}
          </span>
          <span className="sm:hidden">Ready</span>
          <span className="hidden sm:inline">{LABEL.ready}</span>
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
