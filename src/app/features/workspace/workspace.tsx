import { useEffect, useRef } from 'react';
import { useAnalysis } from '../../lib/use-analysis';
import { useWorkspaceStore } from '../../lib/store';
import { NoteInput } from '../note-input/note-input';
import { EvidenceView } from '../evidence/evidence-view';
import { ClaimsPanel } from '../suggestions/claims-panel';
import { isEditable, matchShortcut } from '../help/shortcuts';
import { PrintSummary } from '../print/print-summary';
import { useCopyActions } from '../copy/use-copy';
import { ErrorBoundary } from '../../shell/error-boundary';
import { PrivacyStatus } from '../privacy/privacy-panel';

/** The main screen: note on the left, evidence in the middle, claim lines on the right. */
export function Workspace() {
  const { data, error, updating, empty } = useAnalysis();
  const store = useWorkspaceStore();
  const copy = useCopyActions(data?.analysis);
  const copyRef = useRef(copy);
  copyRef.current = copy;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = matchShortcut(e, isEditable(document.activeElement));
      // help and theme are global: the shell handles them in every view
      if (!action || action === 'help' || action === 'theme') return;
      const s = store.getState();
      if (s.helpOpen) return; // the dialog handles its own keys
      e.preventDefault();
      switch (action) {
        case 'copy-lines':
          void copyRef.current.copyLines();
          break;
        case 'copy-json':
          void copyRef.current.copyJson();
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

  // On a phone the claim lines come first once there is something to show (the note and its
  // evidence follow); from 1024 px the three panels sit side by side.
  const resultsFirst = !empty ? 'max-lg:order-first' : '';
  return (
    <div>
      {/*
        Each panel has its own error boundary: a failure in one never blanks the others, and
        the note itself lives in the store (memory), so it survives any panel failing.
      */}
      <main className="mx-auto grid max-w-[1800px] grid-cols-[minmax(0,1fr)] gap-3 p-3 print:hidden sm:gap-4 sm:p-4 lg:grid-cols-2 xl:grid-cols-[minmax(0,1fr)_minmax(0,1.1fr)_minmax(0,1fr)]">
        <div className="lg:col-span-2 xl:col-span-3">
          <ErrorBoundary name="Privacy status">
            <PrivacyStatus />
          </ErrorBoundary>
        </div>
        <ErrorBoundary name="The note editor">
          <NoteInput />
        </ErrorBoundary>
        <ErrorBoundary name="Evidence">
          <EvidenceView result={data} updating={updating} empty={empty} />
        </ErrorBoundary>
        <div className={`min-w-0 lg:col-span-2 xl:col-span-1 ${resultsFirst}`}>
          <ErrorBoundary name="Claim lines">
            <ClaimsPanel result={data} updating={updating} empty={empty} error={error} copy={copy} />
          </ErrorBoundary>
        </div>
      </main>

      <ErrorBoundary name="The print summary">
        <PrintSummary result={data} />
      </ErrorBoundary>
    </div>
  );
}
