import { useEffect, useRef } from 'react';
import { useAnalysis } from '../../lib/use-analysis';
import { useWorkspace, useWorkspaceStore } from '../../lib/store';
import { NoteInput } from '../note-input/note-input';
import { EvidenceView } from '../evidence/evidence-view';
import { ClaimsPanel } from '../suggestions/claims-panel';
import { HelpDialog } from '../help/help-dialog';
import { matchShortcut } from '../help/shortcuts';
import { ThemeToggle } from '../theme/theme-sync';
import { EngineStatus } from '../status/engine-status';
import { PrintSummary } from '../print/print-summary';
import { useCopyActions } from '../copy/use-copy';

function isEditable(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'TEXTAREA' || tag === 'INPUT' || tag === 'SELECT' || (el as HTMLElement).isContentEditable;
}

/** The main screen: note on the left, evidence in the middle, claim lines on the right. */
export function Workspace() {
  const { data, error, updating, empty } = useAnalysis();
  const store = useWorkspaceStore();
  const setHelpOpen = useWorkspace((s) => s.setHelpOpen);
  const copy = useCopyActions(data?.analysis);
  const copyRef = useRef(copy);
  copyRef.current = copy;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = matchShortcut(e, isEditable(document.activeElement));
      if (!action) return;
      const s = store.getState();
      if (s.helpOpen && action !== 'help') return; // the dialog handles its own keys
      e.preventDefault();
      switch (action) {
        case 'help':
          s.setHelpOpen(true);
          break;
        case 'copy-lines':
          void copyRef.current.copyLines();
          break;
        case 'copy-json':
          void copyRef.current.copyJson();
          break;
        case 'theme':
          s.cycleTheme();
          break;
        case 'focus-note':
          document.getElementById('note-text')?.focus();
          break;
        case 'focus-evidence':
          (document.querySelector<HTMLElement>('#evidence-body mark[tabindex="0"]') ??
            document.getElementById('evidence-body'))?.focus();
          break;
        case 'focus-claims':
          document.getElementById('claims-heading')?.focus();
          break;
        case 'escape':
          s.selectSpan(null);
          if (s.pinned) s.togglePinned(s.pinned);
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  return (
    <div className="min-h-screen bg-slate-100 text-slate-900 print:bg-white dark:bg-slate-950 dark:text-slate-100">
      <a
        href="#claims-heading"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:p-2 dark:focus:bg-slate-800"
      >
        Skip to claim lines
      </a>
      <header className="border-b border-slate-200 bg-white print:hidden dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex max-w-[1800px] flex-wrap items-center gap-3 px-4 py-2">
          <div className="flex items-center gap-2">
            <img src="/favicon.svg" alt="" className="h-7 w-7" />
            <div>
              <h1 className="text-base leading-tight font-semibold">OpNote Coder</h1>
              <p className="text-xs text-slate-500 dark:text-slate-400">
                Neurostimulator CPT coding from the operative note · runs on this device, nothing is sent
              </p>
            </div>
          </div>
          <div className="ml-auto flex items-center gap-1">
            <EngineStatus />
            <button type="button" className="btn-ghost" onClick={() => window.print()} title="Print a one-page summary (Ctrl+P)">
              <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.6">
                <path d="M5 7V3h10v4M5 15H3V8h14v7h-2M6 12h8v5H6z" strokeLinejoin="round" />
              </svg>
              Print
            </button>
            <ThemeToggle />
            <button
              type="button"
              className="btn-ghost"
              onClick={() => setHelpOpen(true)}
              aria-keyshortcuts="?"
              title="Keyboard shortcuts (?)"
            >
              <span aria-hidden="true" className="kbd">
                ?
              </span>
              Help
            </button>
          </div>
        </div>
      </header>

      <main className="mx-auto grid max-w-[1800px] gap-4 p-4 print:hidden lg:grid-cols-2 xl:grid-cols-[minmax(0,1fr)_minmax(0,1.1fr)_minmax(0,1fr)]">
        <NoteInput />
        <EvidenceView result={data} updating={updating} empty={empty} />
        <div className="lg:col-span-2 xl:col-span-1">
          <ClaimsPanel result={data} updating={updating} empty={empty} error={error} copy={copy} />
        </div>
      </main>

      <PrintSummary result={data} />
      <HelpDialog />
    </div>
  );
}
