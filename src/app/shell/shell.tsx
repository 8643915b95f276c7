import { Suspense, useEffect } from 'react';
import { VIEWS } from '../views';
import { routeHref, useRoute } from '../lib/route';
import { useWorkspace, useWorkspaceStore } from '../lib/store';
import { isEditable, matchShortcut } from '../features/help/shortcuts';
import { ThemeToggle } from '../features/theme/theme-sync';
import { EngineStatus } from '../features/status/engine-status';
import { ErrorBoundary } from './error-boundary';
import { HelpDialog } from '../features/help/help-dialog';

/** Header with the view tabs, engine status, theme and help; below it, the active view. */
export function Shell() {
  const route = useRoute();
  const setHelpOpen = useWorkspace((s) => s.setHelpOpen);
  const view = VIEWS.find((v) => v.id === route.view) ?? VIEWS[0];
  const View = view.component;
  const store = useWorkspaceStore();
  // shortcuts that work in every view: ? opens the help, Alt+T switches the theme
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = matchShortcut(e, isEditable(document.activeElement));
      const s = store.getState();
      if (action === 'help') {
        e.preventDefault();
        s.setHelpOpen(true);
      } else if (action === 'theme' && !s.helpOpen) {
        e.preventDefault();
        s.cycleTheme();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
  return (
    <div className="min-h-screen bg-slate-100 text-slate-900 print:bg-white dark:bg-slate-950 dark:text-slate-100">
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
          {VIEWS.length > 1 && (
            <nav aria-label="Views" className="flex flex-wrap gap-1">
              {VIEWS.map((v) => (
                <a
                  key={v.id}
                  href={routeHref(v.id)}
                  aria-current={v.id === view.id ? 'page' : undefined}
                  className={`rounded px-2.5 py-1 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 ${
                    v.id === view.id
                      ? 'bg-sky-100 text-sky-900 dark:bg-sky-900/50 dark:text-sky-100'
                      : 'text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
                  }`}
                >
                  {v.label}
                </a>
              ))}
            </nav>
          )}
          <div className="ml-auto flex items-center gap-1">
            <EngineStatus />
            {view.id === 'workspace' && (
              <button type="button" className="btn-ghost" onClick={() => window.print()} title="Print a one-page summary (Ctrl+P)">
                <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.6">
                  <path d="M5 7V3h10v4M5 15H3V8h14v7h-2M6 12h8v5H6z" strokeLinejoin="round" />
                </svg>
                Print
              </button>
            )}
            <ThemeToggle />
            <button type="button" className="btn-ghost" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?" title="Keyboard shortcuts (?)">
              <span aria-hidden="true" className="kbd">
                ?
              </span>
              Help
            </button>
          </div>
        </div>
      </header>
      <ErrorBoundary name={view.label} key={view.id}>
        <Suspense fallback={<p className="p-6 text-sm text-slate-500">Loading…</p>}>
          <View param={route.param} />
        </Suspense>
      </ErrorBoundary>
      <HelpDialog />
    </div>
  );
}
