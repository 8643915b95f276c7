import { useWorkspace } from '../../lib/store';
import type { CopyActions } from './use-copy';
import { SHORTCUT_KEYS } from '../help/shortcuts';

/** The two copy buttons and what was last copied. */
export function CopyBar({ copy }: { copy: CopyActions }) {
  const last = useWorkspace((s) => s.lastCopy);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        className="btn-primary"
        disabled={!copy.canCopy}
        onClick={() => void copy.copyLines()}
        aria-keyshortcuts={SHORTCUT_KEYS.copyLines}
        title={`Copy claim lines (${SHORTCUT_KEYS.copyLines})`}
      >
        Copy lines
      </button>
      <button
        type="button"
        className="btn"
        disabled={!copy.canCopy}
        onClick={() => void copy.copyJson()}
        aria-keyshortcuts={SHORTCUT_KEYS.copyJson}
        title={`Copy as JSON (${SHORTCUT_KEYS.copyJson})`}
      >
        Copy JSON
      </button>
      <output className="min-w-0 flex-1 truncate text-xs text-slate-500 dark:text-slate-400" aria-live="polite" data-testid="copy-status">
        {last
          ? last.ok
            ? `Copied ${last.kind === 'lines' ? `${last.text.split('\n').length} line${last.text.includes('\n') ? 's' : ''}: ${last.text.replace(/\n/g, ', ')}` : 'JSON'}`
            : 'Could not reach the clipboard; select and copy the lines by hand.'
          : ''}
      </output>
    </div>
  );
}
