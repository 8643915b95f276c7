import { useId, useMemo, useState } from 'react';
import { CODE_GROUP_LABELS } from '../../../kb/reference';
import { navigate, routeHref } from '../../lib/route';
import { searchReference } from './search';
import { CodePage } from './code-page';

/** Code reference: search on the left, the page of the chosen code on the right (#/reference/63685). */
export function ReferenceView({ param }: { param: string | null }) {
  const [query, setQuery] = useState('');
  const results = useMemo(() => searchReference(query), [query]);
  const inputId = useId();
  return (
    <main className="mx-auto grid max-w-[1800px] grid-cols-[minmax(0,1fr)] gap-3 p-3 sm:gap-4 sm:p-4 lg:grid-cols-[20rem_minmax(0,1fr)]" data-testid="reference-view">
      <nav aria-label="Code reference" className={`card flex flex-col gap-2 p-3 lg:max-h-[85vh] ${param ? 'max-h-[20rem]' : 'max-h-[60vh]'}`}>
        <h2 className="card-title">Code reference</h2>
        <form
          role="search"
          onSubmit={(e) => {
            // Enter opens the best match (the exact code when one is typed)
            e.preventDefault();
            const exact = results.find((r) => r.code === query.trim());
            const pick = exact ?? results[0];
            if (pick && query.trim()) navigate('reference', pick.code);
          }}
        >
          <label htmlFor={inputId} className="text-sm font-medium">
            Search by code, words or abbreviation
          </label>
          <input
            id={inputId}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="e.g. 6459, pocket, SCS"
            className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-800"
            data-testid="reference-search"
          />
        </form>
        <p className="text-xs text-slate-500 dark:text-slate-400" role="status" aria-live="polite">
          {results.length} code{results.length === 1 ? '' : 's'}
          {query.trim() && results.length > 0 ? ' · Enter opens the first' : ''}
        </p>
        <ul className="-mx-1 flex-1 overflow-auto" aria-label="Matching codes" data-testid="reference-results">
          {results.map((r) => (
            <li key={r.code}>
              <a
                href={routeHref('reference', r.code)}
                aria-current={r.code === param ? 'page' : undefined}
                className={`block rounded px-2 py-1 text-sm hover:bg-slate-100 dark:hover:bg-slate-800 ${
                  r.code === param ? 'bg-sky-100 text-sky-900 dark:bg-sky-900/50 dark:text-sky-100' : ''
                }`}
                data-code={r.code}
              >
                <span className="font-mono font-semibold">{r.code}</span> {r.short}
                <span className={`block text-xs ${r.code === param ? 'text-sky-900 dark:text-sky-100' : 'text-slate-500 dark:text-slate-400'}`}>{CODE_GROUP_LABELS[r.group]}</span>
              </a>
            </li>
          ))}
        </ul>
        <a href={routeHref('compare', param ? `${param},` : null)} className="btn justify-center">
          Compare two codes
        </a>
      </nav>
      <div className="min-w-0">
        {param ? (
          <CodePage code={param} />
        ) : (
          <div className="card p-4 text-sm text-slate-600 dark:text-slate-300" data-testid="reference-intro">
            <h2 className="text-lg font-semibold text-slate-900 dark:text-slate-100">Neurostimulator code reference</h2>
            <p className="mt-1">
              Choose a code for its plain-language description, what it requires and includes, setting, units, global period,
              confusable codes, modifiers, device codes, indications and payer notes.
            </p>
          </div>
        )}
      </div>
    </main>
  );
}
