import type { BatchSummary } from '../../../engine/audit/index';

/** Plain CSS bars: each bar is a labelled list item, the bar itself is decoration. */
function Bars({ items, label, testId }: { items: { key: string; label: string; value: number; title?: string }[]; label: string; testId: string }) {
  const max = Math.max(1, ...items.map((i) => i.value));
  if (!items.length) return <p className="text-sm text-slate-500 dark:text-slate-400">None.</p>;
  return (
    <ul aria-label={label} data-testid={testId} className="space-y-1">
      {items.map((i) => (
        <li key={i.key} className="grid grid-cols-[minmax(0,9rem)_1fr_3rem] items-center gap-2 text-xs" title={i.title ?? i.label} data-key={i.key} data-value={i.value}>
          <span className="truncate font-mono">{i.label}</span>
          <span aria-hidden="true" className="h-3 rounded-sm bg-slate-100 dark:bg-slate-800">
            <span className="block h-3 rounded-sm bg-teal-600 dark:bg-teal-400" style={{ width: `${(100 * i.value) / max}%` }} />
          </span>
          <span className="text-right tabular-nums">{i.value}</span>
        </li>
      ))}
    </ul>
  );
}

const SEG = [
  { key: 'agrees', label: 'Agrees', cls: 'bg-emerald-600 dark:bg-emerald-400' },
  { key: 'differs', label: 'Differs', cls: 'bg-amber-500 dark:bg-amber-400' },
  { key: 'missing-documentation', label: 'Missing documentation', cls: 'bg-rose-600 dark:bg-rose-400' },
] as const;

export function SummaryCharts({ summary }: { summary: BatchSummary }) {
  const s = summary;
  const rate = s.agreementRate === null ? null : Math.round(1000 * s.agreementRate) / 10;
  return (
    <section
      aria-labelledby="batch-summary-heading"
      className="card grid gap-4 p-4 md:grid-cols-3"
      data-testid="batch-summary"
      data-rows={s.rows}
      data-analysed={s.analysed}
      data-errors={s.errors}
      data-audited={s.audited}
      data-agrees={s.verdicts.agrees}
      data-differs={s.verdicts.differs}
      data-missing={s.verdicts['missing-documentation']}
      data-agreement={rate ?? ''}
    >
      <h2 id="batch-summary-heading" className="sr-only">
        Summary
      </h2>
      <div>
        <h3 className="card-title mb-2">Agreement</h3>
        <p className="mb-2 text-sm">
          {s.audited ? (
            <>
              <span className="text-2xl font-semibold tabular-nums" data-testid="agreement-rate">
                {rate}%
              </span>{' '}
              of {s.audited} audited note{s.audited === 1 ? '' : 's'} agree
            </>
          ) : (
            'No billed codes were given, so nothing was audited.'
          )}
        </p>
        {s.audited > 0 && (
          <>
            <div aria-hidden="true" className="flex h-4 overflow-hidden rounded bg-slate-100 dark:bg-slate-800">
              {SEG.map((g) => (
                <span key={g.key} className={g.cls} style={{ width: `${(100 * s.verdicts[g.key]) / s.audited}%` }} />
              ))}
            </div>
            <ul className="mt-2 space-y-0.5 text-xs">
              {SEG.map((g) => (
                <li key={g.key} className="flex items-center gap-1.5">
                  <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-sm ${g.cls}`} />
                  {g.label}: <span className="tabular-nums">{s.verdicts[g.key]}</span>
                </li>
              ))}
            </ul>
          </>
        )}
        <p className="mt-3 text-xs text-slate-600 dark:text-slate-400">
          {s.analysed} analysed · {s.inScope} in scope · {s.outOfScope} out of scope · {s.errors} bad row{s.errors === 1 ? '' : 's'}
        </p>
      </div>
      <div>
        <h3 className="card-title mb-2">Codes suggested (notes)</h3>
        <Bars
          testId="code-chart"
          label="Codes suggested, by number of notes"
          items={s.codes.slice(0, 12).map((c) => ({ key: c.code, label: c.code, value: c.notes, title: `${c.code}: ${c.notes} notes, ${c.units} units` }))}
        />
      </div>
      <div>
        <h3 className="card-title mb-2">Most common documentation gaps</h3>
        <Bars testId="gap-chart" label="Most common documentation gaps" items={s.gaps.slice(0, 8).map((g) => ({ key: g.gap, label: g.gap, value: g.notes }))} />
      </div>
    </section>
  );
}
