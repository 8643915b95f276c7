import { useId, useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useAnalyzer } from '../../lib/analyzer-context';
import { ANALYSIS_DEBOUNCE_MS, useDebouncedValue, type AnalysedNote } from '../../lib/use-analysis';
import { claimLine } from '../../lib/claim-lines';
import { EvidenceView } from '../evidence/evidence-view';
import { SuggestionCard } from '../suggestions/suggestion-card';
import { ReferenceLink } from '../reference/reference-link';
import { CASES, type CaseLine, type FactFlip, type TeachingCase } from './cases';
import { parseModifiers, scoreCase, sessionTotals, trainerSession, useTrainerSession, type CaseResult, type Pick } from './session';

/** The engine's reading of a text (through the same analyzer as the workspace, own cache key). */
function useTextAnalysis(text: string) {
  const analyzer = useAnalyzer();
  const debounced = useDebouncedValue(text, ANALYSIS_DEBOUNCE_MS);
  const q = useQuery({
    queryKey: ['trainer-analysis', debounced],
    queryFn: async (): Promise<AnalysedNote> => ({ text: debounced, analysis: await analyzer.analyze(debounced) }),
    enabled: debounced.trim().length > 0,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  });
  const data = q.data;
  return { data, updating: text !== debounced || q.isFetching || data?.text !== debounced };
}

const lineText = (l: CaseLine) => `${l.code}${l.modifiers.length ? `-${l.modifiers.join('-')}` : ''} x${l.units}`;

function Mark({ ok }: { ok: boolean }) {
  return ok ? (
    <span className="font-medium text-emerald-700 dark:text-emerald-300">
      <span aria-hidden="true">✓ </span>right
    </span>
  ) : (
    <span className="font-medium text-rose-700 dark:text-rose-300">
      <span aria-hidden="true">✗ </span>wrong
    </span>
  );
}

interface Draft {
  on: boolean;
  units: string;
  modifiers: string;
}

function AnswerForm({ c, onSubmit }: { c: TeachingCase; onSubmit: (picks: Pick[]) => void }) {
  const options = useMemo(() => [...new Set([...c.answer.map((a) => a.code), ...c.distractors])].sort(), [c]);
  const [draft, setDraft] = useState<Record<string, Draft>>({});
  const baseId = useId();
  const get = (code: string): Draft => draft[code] ?? { on: false, units: '1', modifiers: '' };
  const update = (code: string, patch: Partial<Draft>) => setDraft((d) => ({ ...d, [code]: { ...get(code), ...patch } }));
  const picks: Pick[] = options
    .filter((code) => get(code).on)
    .map((code) => ({ code, units: Math.max(0, Number.parseInt(get(code).units, 10) || 0), modifiers: parseModifiers(get(code).modifiers) }));
  return (
    <form
      className="flex flex-col gap-2"
      data-testid="answer-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(picks);
      }}
    >
      <fieldset className="rounded-md border border-slate-200 p-2 dark:border-slate-700">
        <legend className="px-1 text-sm font-semibold">Your codes, units and modifiers</legend>
        <ul className="space-y-1.5">
          {options.map((code) => {
            const d = get(code);
            const id = `${baseId}-${code}`;
            return (
              <li key={code} className="flex flex-wrap items-center gap-2">
                <label htmlFor={id} className="flex items-center gap-1.5 text-sm">
                  <input id={id} type="checkbox" checked={d.on} onChange={(e) => update(code, { on: e.target.checked })} className="h-4 w-4 accent-teal-700" />
                  <span className="font-mono font-semibold">{code}</span>
                </label>
                {d.on && (
                  <>
                    <label className="flex items-center gap-1 text-xs">
                      Units
                      <input
                        type="number"
                        min={0}
                        max={20}
                        value={d.units}
                        onChange={(e) => update(code, { units: e.target.value })}
                        aria-label={`Units for ${code}`}
                        className="w-16 rounded border border-slate-300 bg-white px-1.5 py-0.5 text-sm dark:border-slate-600 dark:bg-slate-800"
                      />
                    </label>
                    <label className="flex items-center gap-1 text-xs">
                      Modifiers
                      <input
                        type="text"
                        value={d.modifiers}
                        onChange={(e) => update(code, { modifiers: e.target.value })}
                        aria-label={`Modifiers for ${code}`}
                        placeholder="e.g. RT"
                        className="w-28 rounded border border-slate-300 bg-white px-1.5 py-0.5 font-mono text-sm dark:border-slate-600 dark:bg-slate-800"
                      />
                    </label>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      </fieldset>
      <div>
        <button type="submit" className="btn-primary">
          Check my answer
        </button>
      </div>
    </form>
  );
}

function ResultPanel({ c, r }: { c: TeachingCase; r: CaseResult }) {
  return (
    <div className="rounded-md border border-slate-200 p-3 dark:border-slate-700" data-testid="case-result" data-points={r.points} data-max={r.max} role="status">
      <h4 className="font-semibold">
        You scored {r.points} of {r.max}
      </h4>
      <table className="mt-1 w-full text-left text-sm">
        <caption className="sr-only">Your answer against the right answer</caption>
        <thead>
          <tr className="text-xs text-slate-500 dark:text-slate-400">
            <th scope="col" className="pr-2 font-medium">Right answer</th>
            <th scope="col" className="pr-2 font-medium">Code</th>
            <th scope="col" className="pr-2 font-medium">Units</th>
            <th scope="col" className="font-medium">Modifiers</th>
          </tr>
        </thead>
        <tbody>
          {r.lines.map((l) => (
            <tr key={l.code}>
              <th scope="row" className="pr-2 font-mono font-semibold">
                {lineText(l.expected)}
              </th>
              <td className="pr-2">
                <Mark ok={l.picked} />
              </td>
              <td className="pr-2">{l.picked ? <Mark ok={l.unitsOk} /> : '—'}</td>
              <td>{l.picked ? <Mark ok={l.modifiersOk} /> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.extra.length > 0 && <p className="mt-1 text-sm text-rose-800 dark:text-rose-200">Not supported by this note: {r.extra.join(', ')} (−1 each).</p>}
      <p className="mt-2 text-sm" data-testid="case-explanation">
        {c.explanation}
      </p>
      <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
        Reference:{' '}
        {c.answer.map((a, i) => (
          <span key={a.code}>
            {i > 0 && ', '}
            <ReferenceLink code={a.code} />
          </span>
        ))}
      </p>
    </div>
  );
}

function EngineLines({ result, updating, label }: { result: AnalysedNote | undefined; updating: boolean; label: string }) {
  if (!result) return <p className="text-sm text-slate-500 dark:text-slate-400">Reading the note…</p>;
  const a = result.analysis;
  return (
    <section aria-label={label} data-testid="engine-lines" data-updating={updating ? 'true' : 'false'} data-lines={a.suggestions.map(claimLine).join(' | ')}>
      {a.suggestions.length === 0 ? (
        <p className="card p-3 text-sm">The engine suggests no code for this text.</p>
      ) : (
        <ol className="flex flex-col gap-2">
          {a.suggestions.map((s, i) => (
            <SuggestionCard key={`${s.code}-${i}`} s={s} index={i} />
          ))}
        </ol>
      )}
    </section>
  );
}

function Practice({ c }: { c: TeachingCase }) {
  const result = useTrainerSession((s) => s.results[c.id]);
  const [revealed, setRevealed] = useState(false);
  const { data, updating } = useTextAnalysis(c.note);
  const show = revealed && !!result;
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-4 xl:grid-cols-2">
      <div className="flex min-w-0 flex-col gap-3">
        {show ? (
          <EvidenceView result={data} updating={updating} empty={false} />
        ) : (
          <section className="card p-3" aria-labelledby="case-note-heading">
            <h3 id="case-note-heading" className="card-title">
              The note
            </h3>
            <pre className="mt-2 max-h-[60vh] overflow-auto font-mono text-[13px] leading-relaxed break-words whitespace-pre-wrap" data-testid="case-note" tabIndex={0}>
              {c.note}
            </pre>
          </section>
        )}
      </div>
      <div className="flex min-w-0 flex-col gap-3">
        <div className="card p-3">
          {!show ? (
            <AnswerForm
              key={c.id}
              c={c}
              onSubmit={(picks) => {
                trainerSession.getState().record(scoreCase(c, picks));
                setRevealed(true);
              }}
            />
          ) : (
            <>
              <ResultPanel c={c} r={result} />
              <button type="button" className="btn mt-2" onClick={() => setRevealed(false)}>
                Try this case again
              </button>
            </>
          )}
        </div>
        {show && (
          <>
            <h3 className="card-title">The engine’s reasons and evidence</h3>
            <p className="text-xs text-slate-500 dark:text-slate-400">Hover or focus a reason to light up its words in the note.</p>
            <EngineLines result={data} updating={updating} label="Engine suggestions for this case" />
          </>
        )}
      </div>
    </div>
  );
}

function FlipDemo({ c }: { c: TeachingCase }) {
  const [text, setText] = useState(c.note);
  const [active, setActive] = useState<FactFlip | null>(null);
  const original = useTextAnalysis(c.note);
  const { data, updating } = useTextAnalysis(text);
  const areaId = useId();
  const apply = (f: FactFlip) => {
    if (active?.id === f.id) {
      setText(c.note);
      setActive(null);
    } else {
      setText(c.note.replace(f.from, f.to));
      setActive(f);
    }
  };
  const before = original.data?.analysis.suggestions.map(claimLine).join(', ') ?? '…';
  const after = data?.analysis.suggestions.map(claimLine).join(', ') ?? '…';
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-4 xl:grid-cols-2">
      <div className="flex min-w-0 flex-col gap-3">
        <div className="card flex flex-col gap-2 p-3">
          <h3 className="card-title">Flip one fact</h3>
          {c.flips.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-300">This case has no prepared flip; edit the note below instead.</p>
          ) : (
            <div className="flex flex-wrap gap-2">
              {c.flips.map((f) => (
                <button key={f.id} type="button" className={`btn ${active?.id === f.id ? 'ring-2 ring-teal-600 dark:ring-teal-400' : ''}`} aria-pressed={active?.id === f.id} onClick={() => apply(f)} data-flip={f.id}>
                  {f.label}
                </button>
              ))}
            </div>
          )}
          {active && (
            <div className="rounded-md bg-slate-50 p-2 text-sm dark:bg-slate-800/60" data-testid="flip-diff">
              <p>
                <span className="text-xs font-semibold text-slate-500 uppercase dark:text-slate-400">Struck </span>
                <del className="text-rose-800 dark:text-rose-200">{active.from}</del>
              </p>
              <p className="mt-1">
                <span className="text-xs font-semibold text-slate-500 uppercase dark:text-slate-400">Now </span>
                <ins className="text-emerald-800 no-underline dark:text-emerald-200">{active.to}</ins>
              </p>
              <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">{active.expect}</p>
            </div>
          )}
          <label htmlFor={areaId} className="text-sm font-medium">
            Note for the demonstration (edit any phrase)
          </label>
          <textarea
            id={areaId}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setActive(null);
            }}
            rows={10}
            className="w-full rounded-md border border-slate-300 bg-white p-2 font-mono text-[13px] dark:border-slate-600 dark:bg-slate-800"
            data-testid="flip-text"
          />
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              className="btn-ghost"
              onClick={() => {
                setText(c.note);
                setActive(null);
              }}
            >
              Restore the original note
            </button>
          </div>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm" aria-live="polite" data-testid="flip-summary">
            <dt className="text-slate-500 dark:text-slate-400">Original</dt>
            <dd className="font-mono" data-testid="flip-before">
              {before || 'no code'}
            </dd>
            <dt className="text-slate-500 dark:text-slate-400">Now</dt>
            <dd className="font-mono font-semibold" data-testid="flip-after">
              {updating ? 'updating…' : after || 'no code'}
            </dd>
          </dl>
        </div>
        <EvidenceView result={data} updating={updating} empty={text.trim().length === 0} />
      </div>
      <div className="min-w-0">
        <EngineLines result={data} updating={updating} label="Engine suggestions for the edited note" />
      </div>
    </div>
  );
}

/** Trainer mode: teaching cases, a session score (memory only), and the flip-one-fact demonstration. */
export function TrainerView({ param }: { param: string | null }) {
  const results = useTrainerSession((s) => s.results);
  const totals = sessionTotals(results);
  const [caseId, setCaseId] = useState<string>(() => (param && CASES.some((c) => c.id === param) ? param : CASES[0].id));
  const [mode, setMode] = useState<'practice' | 'flip'>('practice');
  const c = CASES.find((x) => x.id === caseId) ?? CASES[0];
  return (
    <main className="mx-auto grid max-w-[1800px] grid-cols-[minmax(0,1fr)] gap-3 p-3 sm:gap-4 sm:p-4 lg:grid-cols-[18rem_minmax(0,1fr)]" data-testid="trainer-view">
      <nav aria-label="Teaching cases" className="card flex flex-col gap-2 p-3">
        <h2 className="card-title">Trainer</h2>
        <p className="text-sm" data-testid="trainer-score" data-points={totals.points} data-max={totals.max} data-answered={totals.answered}>
          Session score: <span className="font-semibold tabular-nums">{totals.points}</span> of {totals.max} ·{' '}
          {totals.answered} case{totals.answered === 1 ? '' : 's'} answered
        </p>
        <p className="text-xs text-slate-500 dark:text-slate-400">Kept in memory for this session only.</p>
        <ul className="flex flex-col gap-0.5" aria-label="Cases">
          {CASES.map((x, i) => {
            const r = results[x.id];
            return (
              <li key={x.id}>
                <button
                  type="button"
                  onClick={() => setCaseId(x.id)}
                  aria-current={x.id === c.id ? 'true' : undefined}
                  className={`w-full rounded px-2 py-1 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800 ${
                    x.id === c.id ? 'bg-sky-100 text-sky-900 dark:bg-sky-900/50 dark:text-sky-100' : ''
                  }`}
                  data-case={x.id}
                >
                  {i + 1}. {x.title}
                  <span className="block text-xs text-slate-600 dark:text-slate-300">
                    {x.family}
                    {r ? ` · ${r.points}/${r.max}` : ''}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
        <button type="button" className="btn-ghost text-xs" onClick={() => trainerSession.getState().reset()}>
          Reset session score
        </button>
      </nav>
      <section aria-labelledby="case-title" className="flex min-w-0 flex-col gap-3">
        <div className="card flex flex-wrap items-center gap-2 px-3 py-2">
          <h2 id="case-title" className="mr-auto text-lg font-semibold">
            {c.title}
          </h2>
          <div role="group" aria-label="Trainer mode" className="flex gap-1">
            <button type="button" className={`btn ${mode === 'practice' ? 'ring-2 ring-teal-600 dark:ring-teal-400' : ''}`} aria-pressed={mode === 'practice'} onClick={() => setMode('practice')}>
              Practice
            </button>
            <button type="button" className={`btn ${mode === 'flip' ? 'ring-2 ring-teal-600 dark:ring-teal-400' : ''}`} aria-pressed={mode === 'flip'} onClick={() => setMode('flip')}>
              Flip one fact
            </button>
          </div>
        </div>
        {mode === 'practice' ? <Practice key={c.id} c={c} /> : <FlipDemo key={c.id} c={c} />}
      </section>
    </main>
  );
}
