import { useWorkspace } from '../../lib/store';
import type { CopyActions } from './use-copy';
import { SHORTCUT_KEYS } from '../help/shortcuts';

/** What the status line says after a copy: the lines as "CPT-mods xUnits", and how many need review. */
export function copiedText(kind: 'lines' | 'json', text: string): string {
  if (kind === 'json') return 'Copied JSON';
  if (text.startsWith('No code chosen')) return 'Copied: no code chosen, with the missing fact and the question for the surgeon';
  const rows = text.split('\n').map((r) => r.split('\t'));
  const shown = rows.map((c) => `${[c[0], ...c.slice(1, 5).filter(Boolean)].join('-')} x${c[5]}`);
  const review = rows.filter((c) => (c[6] ?? '').startsWith('review')).length;
  return `Copied ${rows.length} line${rows.length === 1 ? '' : 's'} (tab-separated): ${shown.join(', ')}${review ? ` — ${review} to review` : ''}`;
}

/** The copy buttons and what was last copied. */
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
      <button type="button" className="btn" disabled={!copy.canCopy} onClick={() => copy.downloadCsv()} title="Download the claim lines as CSV, with status and what to check">
        Download CSV
      </button>
      <output className="min-w-0 flex-1 truncate text-xs text-slate-500 dark:text-slate-400" aria-live="polite" data-testid="copy-status">
        {last ? (last.ok ? copiedText(last.kind, last.text) : 'Could not reach the clipboard; select and copy the lines by hand.') : ''}
      </output>
    </div>
  );
}
