import { useState } from 'react';
import { useWorkspace } from '../../lib/store';
import { usePrivacy } from './privacy-store';
import { deleteEverything, removeEntry, startNewEntry, useHistoryList } from './history';
import { navigate, routeHref } from '../../lib/route';

const when = (ms: number) =>
  new Date(ms).toLocaleString('en-US', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

function firstLine(text: string): string {
  const line = text.slice(0, 400).split('\n').find((l) => l.trim()) ?? '';
  return line.length > 80 ? `${line.slice(0, 80)}…` : line;
}

function historyIndicator(keep: boolean, saved: number): string {
  if (keep) return `History on: ${saved} note${saved === 1 ? '' : 's'} saved on this device`;
  if (saved > 0) return `History off: ${saved} earlier note${saved === 1 ? '' : 's'} still saved on this device`;
  return 'Nothing is stored: the note stays in this tab’s memory';
}

/** One line for the workspace: what is stored, and a link to the Privacy view. */
export function PrivacyStatus() {
  const keep = usePrivacy((s) => s.keepHistory);
  const redactOn = usePrivacy((s) => s.redact);
  const saved = useHistoryList((s) => s.entries.length);
  return (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-300" data-testid="privacy-status" data-state={keep ? 'on' : 'off'}>
      <span className={`rounded px-2 py-0.5 font-medium ${keep ? 'bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-100' : 'bg-white text-slate-700 dark:bg-slate-800 dark:text-slate-200'}`}>
        <span aria-hidden="true">{keep ? '● ' : '○ '}</span>
        {historyIndicator(keep, saved)}
        {redactOn ? ' · identifiers masked in copies' : ''}
      </span>
      <a href={routeHref('privacy')} className="text-sky-800 underline hover:text-sky-600 dark:text-sky-300">
        Privacy settings
      </a>
    </p>
  );
}

/**
 * Privacy controls: whether anything is kept on this device (off by default), redaction of
 * identifiers in copies and exports, the saved notes, and "delete everything".
 */
export function PrivacyPanel() {
  const keep = usePrivacy((s) => s.keepHistory);
  const setKeep = usePrivacy((s) => s.setKeepHistory);
  const redactOn = usePrivacy((s) => s.redact);
  const setRedact = usePrivacy((s) => s.setRedact);
  const entries = useHistoryList((s) => s.entries);
  const stored = useHistoryList((s) => s.stored);
  const error = useHistoryList((s) => s.error);
  const setText = useWorkspace((s) => s.setText);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');

  const anythingStored = keep || redactOn || stored || entries.length > 0;
  const indicator = historyIndicator(keep, entries.length);

  return (
    <section aria-labelledby="privacy-heading" className="card flex flex-col gap-2 px-3 py-2 text-sm" data-testid="privacy-panel">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <h2 id="privacy-heading" className="card-title">
          Privacy
        </h2>
        <p
          role="status"
          data-testid="history-indicator"
          data-state={keep ? 'on' : 'off'}
          className={`flex items-center gap-1.5 rounded px-2 py-0.5 text-xs font-medium ${
            keep
              ? 'bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-100'
              : 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200'
          }`}
        >
          <span aria-hidden="true">{keep ? '●' : '○'}</span>
          {indicator}
        </p>
        <label className="flex items-center gap-1.5">
          <input
            type="checkbox"
            checked={keep}
            onChange={(e) => {
              setKeep(e.target.checked);
              setMessage(e.target.checked ? 'History is on: notes and results are saved in this browser until you delete them.' : 'History is off: new notes are no longer saved.');
            }}
            data-testid="keep-history"
          />
          Keep history on this device
        </label>
        <label className="flex items-center gap-1.5">
          <input type="checkbox" checked={redactOn} onChange={(e) => setRedact(e.target.checked)} data-testid="redact-toggle" />
          Redact names, record numbers, dates and phone numbers when copying or exporting
        </label>
        <div className="ml-auto flex items-center gap-2">
          {confirming ? (
            <>
              <span id="confirm-delete">Delete all saved notes, results and settings?</span>
              <button
                type="button"
                className="btn border-rose-400 text-rose-800 dark:text-rose-200"
                aria-describedby="confirm-delete"
                onClick={() => {
                  setConfirming(false);
                  void deleteEverything().then(() =>
                    setMessage('Deleted everything this app stored on this device. The note on screen stays until you close the tab.'),
                  );
                }}
              >
                Yes, delete everything
              </button>
              <button type="button" className="btn" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </>
          ) : (
            <button type="button" className="btn" disabled={!anythingStored} onClick={() => setConfirming(true)} data-testid="delete-everything">
              Delete everything
            </button>
          )}
        </div>
      </div>
      {(message || error) && (
        <p className={`text-xs ${error ? 'text-rose-800 dark:text-rose-200' : 'text-slate-600 dark:text-slate-300'}`} aria-live="polite">
          {error ?? message}
        </p>
      )}
      {entries.length > 0 && (
        <details data-testid="history-list">
          <summary className="cursor-pointer text-xs font-medium text-slate-700 dark:text-slate-200">
            Saved notes ({entries.length})
          </summary>
          <ul className="mt-2 flex max-h-64 flex-col gap-1 overflow-auto">
            {entries.map((e) => (
              <li key={e.id} className="flex flex-wrap items-center gap-2 rounded border border-slate-200 px-2 py-1 dark:border-slate-700" data-testid="history-entry">
                <span className="text-xs text-slate-600 tabular-nums dark:text-slate-300">{when(e.updatedAt)}</span>
                <span className="min-w-0 flex-1 truncate font-mono text-xs">{firstLine(e.text)}</span>
                <span className="text-xs text-slate-700 dark:text-slate-200">{e.lines.length ? e.lines.join(', ') : e.missingFact ? `no code: the note does not say ${e.missingFact}` : e.inScope ? 'no lines' : 'out of scope'}</span>
                <button
                  type="button"
                  className="btn-ghost text-xs"
                  aria-label={`Open the note saved ${when(e.updatedAt)}`}
                  onClick={() => {
                    setText(e.text);
                    startNewEntry(e.id, e.createdAt);
                    navigate('workspace');
                  }}
                >
                  Open
                </button>
                <button
                  type="button"
                  className="btn-ghost text-xs"
                  aria-label={`Delete the note saved ${when(e.updatedAt)}`}
                  onClick={() => e.id !== undefined && void removeEntry(e.id)}
                >
                  Delete
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
