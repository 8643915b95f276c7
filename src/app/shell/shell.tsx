import { Suspense, useEffect, useState, type MouseEvent } from 'react';
import { VIEWS } from '../views';
import { routeHref, useRoute } from '../lib/route';
import { useWorkspace, useWorkspaceStore } from '../lib/store';
import { isEditable, matchShortcut } from '../features/help/shortcuts';
import { ThemeToggle } from '../features/theme/theme-sync';
import { EngineStatus } from '../features/status/engine-status';
import { ErrorBoundary } from './error-boundary';
import { HelpDialog } from '../features/help/help-dialog';
import { HistoryRecorder } from '../features/privacy/history-recorder';

/** Where the skip link goes: the claim lines in the workspace, the view's content elsewhere. */
function skipTarget(view: string): { id: string; label: string } {
  return view === 'workspace' ? { id: 'claims-heading', label: 'Skip to claim lines' } : { id: 'view-content', label: 'Skip to main content' };
}

/**
 * Header: the name and engine status on the first row; the view tabs, print, theme and help on
 * a row of their own (a collapsible menu below 768 px); below it, the active view. The skip link is the first Tab stop of every view.
 */
export function Shell() {
  const route = useRoute();
  const setHelpOpen = useWorkspace((s) => s.setHelpOpen);
  const view = VIEWS.find((v) => v.id === route.view) ?? VIEWS[0];
  const View = view.component;
  const store = useWorkspaceStore();
  const [menuOpen, setMenuOpen] = useState(false);
  const skip = skipTarget(view.id);

  // a new view closes the phone menu
  useEffect(() => setMenuOpen(false), [route.view, route.param]);

  // shortcuts that work in every view: ? opens the help, Alt+Shift+T switches the theme
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

  // the hash is the route: a skip link must move focus without changing it
  const onSkip = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    const el = document.getElementById(skip.id);
    el?.focus();
    el?.scrollIntoView({ block: 'start' });
  };

  return (
    <div className="min-h-screen bg-slate-100 text-slate-900 print:bg-white dark:bg-slate-950 dark:text-slate-100">
      <a
        href={`#${skip.id}`}
        onClick={onSkip}
        data-testid="skip-link"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:p-2 focus:shadow dark:focus:bg-slate-800"
      >
        {skip.label}
      </a>
      <header className="border-b border-slate-200 bg-white print:hidden dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex max-w-[1800px] flex-wrap items-center gap-x-3 gap-y-2 px-3 py-2 sm:px-4">
          <div className="order-1 flex min-w-0 items-center gap-2">
            <img src="/favicon.svg" alt="" className="h-7 w-7" />
            <div className="min-w-0">
              <h1 className="text-base leading-tight font-semibold">OpNote Coder</h1>
              <p className="hidden text-xs text-slate-500 sm:block dark:text-slate-400">
                Neurostimulator CPT coding from the operative note · runs on this device, nothing is sent
              </p>
            </div>
          </div>
          <div className="order-2 ml-auto">
            <EngineStatus />
          </div>
          <button
            type="button"
            className="btn order-3 md:hidden"
            aria-expanded={menuOpen}
            aria-controls="app-menu"
            onClick={() => setMenuOpen((o) => !o)}
            data-testid="menu-button"
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.8">
              {menuOpen ? <path d="M5 5l10 10M15 5L5 15" strokeLinecap="round" /> : <path d="M3 5h14M3 10h14M3 15h14" strokeLinecap="round" />}
            </svg>
            Menu
            <span className="sr-only"> ({view.label})</span>
          </button>
          <div
            id="app-menu"
            className={`${menuOpen ? 'flex' : 'hidden'} order-4 w-full flex-col gap-2 md:flex md:flex-row md:flex-wrap md:items-center`}
            data-testid="app-menu"
          >
            {VIEWS.length > 1 && (
              <nav aria-label="Views" className="grid grid-cols-2 gap-1 md:flex md:flex-wrap">
                {VIEWS.map((v) => (
                  <a
                    key={v.id}
                    href={routeHref(v.id)}
                    aria-current={v.id === view.id ? 'page' : undefined}
                    className={`rounded px-2.5 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 md:py-1 ${
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
            <div className="flex flex-wrap items-center gap-1 border-t border-slate-200 pt-2 md:ml-auto md:border-0 md:pt-0 dark:border-slate-700">
              {view.id === 'workspace' && (
                <button type="button" className="btn-ghost" onClick={() => window.print()} title="Print a one-page summary (Ctrl+P)">
                  <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.6">
                    <path d="M5 7V3h10v4M5 15H3V8h14v7h-2M6 12h8v5H6z" strokeLinejoin="round" />
                  </svg>
                  Print
                </button>
              )}
              <ThemeToggle />
              <button type="button" className="btn-ghost" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?" title="Keyboard shortcuts and help (?)">
                <span aria-hidden="true" className="kbd">
                  ?
                </span>
                Help
              </button>
            </div>
          </div>
        </div>
      </header>
      <div id="view-content" tabIndex={-1} className="outline-none">
        <ErrorBoundary name={view.label} key={view.id}>
          <Suspense fallback={<p className="p-6 text-sm text-slate-500">Loading…</p>}>
            <View param={route.param} />
          </Suspense>
        </ErrorBoundary>
      </div>
      <HelpDialog />
      <ErrorBoundary name="History">
        <HistoryRecorder />
      </ErrorBoundary>
    </div>
  );
}
