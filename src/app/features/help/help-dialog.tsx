import { useEffect, useRef } from 'react';
import { useWorkspace } from '../../lib/store';
import { SHORTCUT_DOCS } from './shortcuts';

/** Modal help: keyboard shortcuts and how to read the screen. Esc or the button closes it. */
export function HelpDialog() {
  const open = useWorkspace((s) => s.helpOpen);
  const setOpen = useWorkspace((s) => s.setHelpOpen);
  const devDetails = useWorkspace((s) => s.devDetails);
  const setDevDetails = useWorkspace((s) => s.setDevDetails);
  const panelRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (!open) return;
    returnTo.current = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    return () => {
      returnTo.current?.focus?.();
    };
  }, [open]);

  if (!open) return null;

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
      return;
    }
    if (e.key === 'Tab') {
      // Keep focus inside the dialog.
      const items = panelRef.current?.querySelectorAll<HTMLElement>('button, input, [href], [tabindex]:not([tabindex="-1"])');
      if (!items || !items.length) return;
      const first = items[0];
      const last = items[items.length - 1];
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    }
  };

  return (
    <div
      className="fixed inset-0 z-50 flex items-start justify-center overflow-auto bg-slate-900/50 p-4 print:hidden"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) setOpen(false);
      }}
    >
      <div
        ref={panelRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        onKeyDown={onKeyDown}
        className="card mt-[4vh] w-full max-w-xl p-4 sm:mt-[8vh] sm:p-5"
      >
        <div className="flex items-center">
          <h2 id="help-title" className="mr-auto text-lg font-semibold">
            Keyboard shortcuts and help
          </h2>
          <button ref={closeRef} type="button" className="btn" onClick={() => setOpen(false)}>
            Close <span className="kbd">Esc</span>
          </button>
        </div>
        <table className="mt-3 w-full text-sm">
          <caption className="sr-only">Keyboard shortcuts</caption>
          <tbody>
            {SHORTCUT_DOCS.map((s) => (
              <tr key={s.label} className="border-t border-slate-200 dark:border-slate-700">
                <th scope="row" className="py-1.5 pr-3 text-left font-normal whitespace-nowrap">
                  {s.keys.map((k, i) => (
                    <span key={i}>
                      {i > 0 && <span className="px-0.5 text-slate-400">+</span>}
                      <kbd className="kbd">{k}</kbd>
                    </span>
                  ))}
                </th>
                <td className="py-1.5">{s.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3 className="mt-4 text-sm font-semibold">Reading the screen</h3>
        <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-700 dark:text-slate-200">
          <li>Each claim line lists the reasons behind it. Hover or focus a reason to light up its words in the note; click it to keep them lit.</li>
          <li>Click a highlight in the note to see which reasons use it.</li>
          <li>Struck-through, faded words were found but do not count (negated, done earlier, or only planned); hover them to see why.</li>
          <li>“Why not other codes?” lists the codes considered and what ruled each out.</li>
          <li>
            Mac: <kbd className="kbd">Alt</kbd> is <kbd className="kbd">⌥ Option</kbd>, <kbd className="kbd">Ctrl</kbd> is <kbd className="kbd">⌘</kbd>. The Alt+Shift shortcuts also work while you type in the note.
          </li>
        </ul>
        <h3 className="mt-4 text-sm font-semibold">The other views</h3>
        <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-700 dark:text-slate-200" data-testid="help-views">
          <li><strong>Batch</strong>: drop a CSV of notes (optionally with the billed codes) to code or audit many notes at once; export the results.</li>
          <li><strong>Ask</strong>: questions about codes, modifiers and bundling (“Why 64590 and not 64595?”), answered from the built-in reference with sources.</li>
          <li><strong>Documentation check</strong>: for a surgeon before signing — what the note still needs for the code it aims at.</li>
          <li><strong>Code reference</strong> and <strong>Compare codes</strong>: plain-language pages per code, with modifiers, payers and sources.</li>
          <li><strong>Trainer</strong>: cases where one documented fact moves a note from one code to another.</li>
          <li><strong>Privacy</strong>: whether analysed notes are kept on this device (off unless you turn it on), masking names in copies, and deleting everything.</li>
          <li>Everything runs on this device; nothing is sent anywhere. Saving history is off unless you turn it on.</li>
        </ul>
        <h3 className="mt-4 text-sm font-semibold">Display</h3>
        <label className="mt-1 flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-1" checked={devDetails} onChange={(e) => setDevDetails(e.target.checked)} data-testid="dev-details" />
          <span>
            Show developer details: token counts, timings, throughput and the engine’s internal names next to the plain wording.
          </span>
        </label>
      </div>
    </div>
  );
}
