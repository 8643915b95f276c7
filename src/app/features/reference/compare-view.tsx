import { useId, type ReactNode } from 'react';
import { CODE_GROUP_LABELS, getCodeRef, listCodeRefs, type CodeRef } from '../../../kb/reference';
import { navigate } from '../../lib/route';
import { GLOBAL_MEANING, shownModifiers } from './code-page';
import { ReferenceLink } from './reference-link';
import { ACTION_WORDS, APPROACH_WORDS, COMPONENT_WORDS, TARGET_WORDS } from '../../lib/plain-labels';

/** Parse "64590,63685" into two codes (either may be empty). */
export function parsePair(param: string | null): [string, string] {
  const [a = '', b = ''] = (param ?? '').split(',').map((s) => s.trim());
  return [a, b];
}

interface Row {
  label: string;
  value: (r: CodeRef) => ReactNode;
}

const list = (xs: string[]) => (xs.length ? xs.join('; ') : '—');

const ROWS: Row[] = [
  { label: 'Description', value: (r) => r.description },
  { label: 'Group', value: (r) => CODE_GROUP_LABELS[r.group] },
  { label: 'Target', value: (r) => r.target.map((t) => TARGET_WORDS[t]).join(', ') },
  { label: 'Component', value: (r) => COMPONENT_WORDS[r.component] },
  { label: 'Approach', value: (r) => APPROACH_WORDS[r.approach] },
  { label: 'Action', value: (r) => ACTION_WORDS[r.action] },
  { label: 'Requires', value: (r) => list(r.requires) },
  { label: 'Includes', value: (r) => list(r.includes) },
  { label: 'Units', value: (r) => r.unitRule.text },
  { label: 'Global period', value: (r) => `${r.globalDays} — ${GLOBAL_MEANING[r.globalDays]}` },
  { label: 'Typical setting', value: (r) => r.typicalSetting },
  { label: 'Common modifiers', value: (r) => list(shownModifiers(r).map((m) => `${m.modifier}: ${m.when}`)) },
  { label: 'Device codes', value: (r) => list(r.deviceCodes.map((d) => `${d.code} (${d.setting})`)) },
];

function Picker({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <div className="flex min-w-0 flex-col">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="mt-1 w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm sm:w-auto sm:max-w-[22rem] dark:border-slate-600 dark:bg-slate-800"
      >
        <option value="">Choose a code…</option>
        {listCodeRefs().map((r) => (
          <option key={r.code} value={r.code}>
            {r.code} · {r.short}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Side-by-side comparison of two codes (#/compare/64590,63685). */
export function CompareView({ param }: { param: string | null }) {
  const [a, b] = parsePair(param);
  const ra = getCodeRef(a);
  const rb = getCodeRef(b);
  const set = (x: string, y: string) => navigate('compare', `${x},${y}`);
  const diffAB = ra && rb ? ra.confusableWith.find((c) => c.code === rb.code) : undefined;
  const diffBA = ra && rb ? rb.confusableWith.find((c) => c.code === ra.code) : undefined;
  return (
    <main className="mx-auto flex max-w-[1400px] flex-col gap-3 p-3 sm:gap-4 sm:p-4" data-testid="compare-view">
      <div className="card flex flex-col gap-3 p-3 sm:flex-row sm:flex-wrap sm:items-end sm:gap-4">
        <h2 className="card-title mr-auto self-center">Compare two codes</h2>
        <Picker label="First code" value={ra ? a : ''} onChange={(v) => set(v, b)} />
        <Picker label="Second code" value={rb ? b : ''} onChange={(v) => set(a, v)} />
      </div>
      {ra && rb ? (
        <div className="card p-3 sm:overflow-x-auto">
          {(diffAB || diffBA) && (
            <div className="mb-3 rounded-md bg-sky-50 p-2 text-sm text-sky-950 dark:bg-sky-950/50 dark:text-sky-100" data-testid="compare-difference">
              <h3 className="font-semibold">The difference</h3>
              {diffAB && <p>{diffAB.difference}</p>}
              {diffBA && diffBA.difference !== diffAB?.difference && <p>{diffBA.difference}</p>}
            </div>
          )}
          <table className="table-stack w-full min-w-[40rem] border-collapse text-left text-sm" data-testid="compare-table">
            <caption className="sr-only">
              {ra.code} compared with {rb.code}
            </caption>
            <thead>
              <tr className="border-b border-slate-200 dark:border-slate-700">
                <th scope="col" className="w-40 py-1 pr-2 text-xs font-medium text-slate-500 dark:text-slate-400">
                  Attribute
                </th>
                {[ra, rb].map((r) => (
                  <th key={r.code} scope="col" className="py-1 pr-2">
                    <ReferenceLink code={r.code}>
                      <span className="font-mono">{r.code}</span>
                    </ReferenceLink>{' '}
                    <span className="font-normal">{r.short}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ROWS.map((row) => {
                const va = row.value(ra);
                const vb = row.value(rb);
                const same = typeof va === 'string' && va === vb;
                return (
                  <tr key={row.label} className="border-b border-slate-100 align-top dark:border-slate-800" data-same={same ? 'true' : 'false'}>
                    <th scope="row" className="py-1 pr-2 text-xs font-medium text-slate-500 dark:text-slate-400">
                      {row.label}
                    </th>
                    <td className={`py-1 pr-2 ${same ? 'text-slate-500 dark:text-slate-400' : ''}`} data-label={ra.code}>
                      {va}
                    </td>
                    <td className={`py-1 pr-2 ${same ? 'text-slate-500 dark:text-slate-400' : ''}`} data-label={rb.code}>
                      {vb}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="card p-4 text-sm text-slate-600 dark:text-slate-300">
          Choose two codes to see them side by side{a && !ra ? ` (no entry for “${a}”)` : ''}
          {b && !rb ? ` (no entry for “${b}”)` : ''}.
        </p>
      )}
    </main>
  );
}
