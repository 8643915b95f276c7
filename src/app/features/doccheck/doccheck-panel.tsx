import { useId, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { questionsText } from '../../../engine/doccheck/questions';
import type { DocCheck, DocCheckItem, DocStatus, Tally } from '../../../engine/doccheck';
import type { Analysis } from '../../../engine/types';
import { useAnalyzer } from '../../lib/analyzer-context';
import { DOC_REQUIREMENTS } from '../../../kb/doc-requirements';
import { getCodeRef } from '../../../kb/reference';
import type { AnalysedNote } from '../../lib/use-analysis';
import { writeClipboard } from '../copy/use-copy';
import { ReasonItem } from '../suggestions/reason-item';
import { ReferenceLink } from '../reference/reference-link';

const STATUS: Record<DocStatus, { text: string; icon: string; cls: string }> = {
  documented: {
    text: 'Documented',
    icon: '✓',
    cls: 'bg-emerald-100 text-emerald-900 ring-emerald-600/30 dark:bg-emerald-900/50 dark:text-emerald-100',
  },
  ambiguous: {
    text: 'Ambiguous',
    icon: '?',
    cls: 'bg-amber-100 text-amber-900 ring-amber-600/30 dark:bg-amber-900/50 dark:text-amber-100',
  },
  missing: {
    text: 'Missing',
    icon: '✗',
    cls: 'bg-rose-100 text-rose-900 ring-rose-600/30 dark:bg-rose-900/50 dark:text-rose-100',
  },
};

/**
 * The documentation check of one analysed note, computed in the engine worker under the
 * watchdog's budget: its patterns run on the note text, which the UI thread never does (a
 * padded "Model:" field once froze the tab here, issue 19). `against` adds a code of the
 * family the user picked, so a note is not only checked against the code it led to.
 */
export function useDocCheck(result: AnalysedNote | undefined, against?: string | null): DocCheck | undefined {
  const analyzer = useAnalyzer();
  const text = result?.text;
  const query = useQuery({
    queryKey: ['doccheck', text, against ?? null],
    queryFn: () => (against ? analyzer.checkDocumentation!(text!, against) : analyzer.checkDocumentation!(text!)),
    enabled: text !== undefined && typeof analyzer.checkDocumentation === 'function',
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
  });
  return result ? query.data : undefined;
}

/** The codes a note can be checked against: its own (suggested, or the candidates of an open question), then the rest of the family. */
export interface PickerCodes {
  own: string[];
  ownLabel: string;
  /** The code checked when the user picks none (null when only candidates are known). */
  default: string | null;
  sameSystem: string[];
  others: string[];
}

/** Every code the documentation requirements cover, in the order of their groups. */
const CHECKABLE = [...new Set(DOC_REQUIREMENTS.groups.flatMap((g) => g.codes))];

/** The note's own codes as the engine checks them: suggested, else named in the header, else the candidates of an open question. */
function ownCodes(analysis: Analysis | undefined): { own: string[]; label: string; checked: boolean } {
  const keep = (xs: string[]) => [...new Set(xs.filter((c) => CHECKABLE.includes(c)))];
  const suggested = keep((analysis?.suggestions ?? []).map((s) => s.code));
  if (suggested.length) return { own: suggested, label: 'Suggested for this note', checked: true };
  const header = analysis?.inScope ? keep(analysis.headerCodes) : [];
  if (header.length) return { own: header, label: 'Named in the procedure header', checked: true };
  return { own: keep((analysis?.abstain?.candidates ?? []).map((c) => c.code)), label: 'Candidates for this note', checked: false };
}

export function pickerCodes(analysis: Analysis | undefined): PickerCodes {
  const { own, label, checked } = ownCodes(analysis);
  const groups = new Set(own.map((c) => getCodeRef(c)?.group).filter(Boolean));
  const rest = CHECKABLE.filter((c) => !own.includes(c));
  return {
    own,
    ownLabel: label,
    default: checked ? (own[0] ?? null) : null,
    sameSystem: rest.filter((c) => groups.has(getCodeRef(c)?.group)),
    others: rest.filter((c) => !groups.has(getCodeRef(c)?.group)),
  };
}

/** The part of a check that concerns one code: its items, questions and changes, and the split score. */
export interface CodeView {
  code: string;
  blocking: DocCheckItem[];
  practice: DocCheckItem[];
  questions: DocCheck['questions'];
  changes: DocCheck['whatWouldChange'];
}

const weightOf = (it: DocCheckItem) => it.weight;

/** Narrow a check to one of its codes, blocking items first. */
export function viewFor(check: DocCheck, code: string): CodeView {
  const items = check.items.filter((i) => i.codes.includes(code));
  const blocking = items.filter((i) => weightOf(i) === 'blocking');
  const practice = items.filter((i) => weightOf(i) !== 'blocking');
  const keys = new Set([...blocking, ...practice].map((i) => i.key));
  const rank = new Map([...blocking, ...practice].map((i, n) => [i.key, n]));
  const questions = check.questions.filter((q) => keys.has(q.key)).sort((a, b) => rank.get(a.key)! - rank.get(b.key)!);
  return { code, blocking, practice, questions, changes: check.whatWouldChange.filter((w) => w.from === code) };
}

function tally(items: DocCheckItem[]): Tally {
  const documented = items.filter((i) => i.status === 'documented').length;
  return { documented, total: items.length, percent: items.length ? Math.round((100 * documented) / items.length) : 100 };
}

function ScoreLine({ label, items, testid, tone }: { label: string; items: DocCheckItem[]; testid: string; tone: 'block' | 'practice' }) {
  const t = tally(items);
  const open = t.total - t.documented;
  return (
    <div className="min-w-0 flex-1" data-testid={testid} data-documented={t.documented} data-total={t.total} data-percent={t.percent}>
      <p className="text-sm">
        <span className="font-semibold">{label}</span>{' '}
        <span className="tabular-nums">
          {t.documented} of {t.total}
        </span>{' '}
        <span className="text-slate-600 dark:text-slate-300">
          {t.total === 0 ? '(none for this code)' : open === 0 ? 'documented' : `documented · ${open} to add`}
        </span>
      </p>
      <div className="mt-1 h-1.5 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-700" aria-hidden="true">
        <div className={`h-full ${tone === 'block' ? 'bg-teal-600 dark:bg-teal-400' : 'bg-slate-500 dark:bg-slate-400'}`} style={{ width: `${t.percent}%` }} />
      </div>
    </div>
  );
}

function ItemRow({ it, code, compact }: { it: DocCheckItem; code: string; compact: boolean }) {
  const st = STATUS[it.status];
  // one code is shown at a time: a per-code item needs no "(63650)" after its name
  const name = it.label.endsWith(` (${code})`) ? it.label.slice(0, -(code.length + 3)) : it.label;
  return (
    <li className="rounded-md border border-slate-200 p-2 dark:border-slate-700" data-testid="doc-item" data-item={it.id} data-status={it.status} data-weight={weightOf(it)}>
      <div className="flex flex-wrap items-baseline gap-2">
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${st.cls}`}>
          <span aria-hidden="true">{st.icon} </span>
          {st.text}
        </span>
        <span className="font-medium">{name}</span>
      </div>
      {it.evidence.length > 0 ? (
        <ReasonItem id={`doc-${it.key}`} evidence={it.evidence}>
          {it.detail}
        </ReasonItem>
      ) : (
        <p className="px-2 py-1 text-sm">{it.detail}</p>
      )}
      {!compact && it.status !== 'documented' && (
        <p className="px-2 text-xs text-slate-600 dark:text-slate-300">
          {it.help}
          <span className="block text-slate-500 dark:text-slate-400">Basis: {it.basis}.</span>
        </p>
      )}
    </li>
  );
}

function ItemGroup({ title, hint, items, code, compact, testid }: { title: string; hint: string; items: DocCheckItem[]; code: string; compact: boolean; testid: string }) {
  if (!items.length) return null;
  return (
    <div data-testid={testid}>
      <h3 className="text-sm font-semibold">{title}</h3>
      <p className="text-xs text-slate-600 dark:text-slate-300">{hint}</p>
      <ul className="mt-1 space-y-2" aria-label={title}>
        {items.map((it) => (
          <ItemRow key={it.key} it={it} code={code} compact={compact} />
        ))}
      </ul>
    </div>
  );
}

function CodeOption({ code, note }: { code: string; note?: string }) {
  const ref = getCodeRef(code);
  return (
    <option value={code}>
      {code}
      {ref ? ` · ${ref.short}` : ''}
      {note ? ` (${note})` : ''}
    </option>
  );
}

/** "Check against: [code ▾]": the note's own codes first, then the same system's, then the rest of the family. */
function CodePicker({ codes, value, onChange }: { codes: PickerCodes; value: string | null; onChange: (c: string) => void }) {
  const id = useId();
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-2" data-testid="check-against" data-code={value ?? ''}>
      <label htmlFor={id} className="text-sm font-semibold">
        Check against:
      </label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(e) => e.target.value && onChange(e.target.value)}
        className="w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm sm:w-auto sm:max-w-[28rem] dark:border-slate-600 dark:bg-slate-800"
        data-testid="check-against-select"
      >
        {value === null && <option value="">Choose a code…</option>}
        {codes.own.length > 0 && (
          <optgroup label={codes.ownLabel}>
            {codes.own.map((c, i) => (
              <CodeOption key={c} code={c} note={i === 0 && codes.ownLabel.startsWith('Suggested') ? 'top suggestion' : undefined} />
            ))}
          </optgroup>
        )}
        {codes.sameSystem.length > 0 && (
          <optgroup label="Same system">
            {codes.sameSystem.map((c) => (
              <CodeOption key={c} code={c} />
            ))}
          </optgroup>
        )}
        <optgroup label="Other neurostimulator codes">
          {codes.others.map((c) => (
            <CodeOption key={c} code={c} />
          ))}
        </optgroup>
      </select>
      {value && <ReferenceLink code={value} />}
    </div>
  );
}

/**
 * Checklist for the surgeon, for one code at a time ("Check against", the top suggestion
 * unless the user picks another): what the code needs, split into what blocks the code and
 * what is good practice, whether the note documents it (with the words), a neutral question per
 * gap with one-click copy, and what would change the code. `compact` drops the help text.
 */
export function DocCheckPanel({ result, updating = false, compact = false }: { result: AnalysedNote | undefined; updating?: boolean; compact?: boolean }) {
  const [copied, setCopied] = useState<string>('');
  const [picked, setPicked] = useState<{ code: string; base: string | null } | null>(null);
  const codes = pickerCodes(result?.analysis);
  // the pick survives edits while the note still leads to the same code; else the top suggestion
  const code = picked && picked.base === codes.default ? picked.code : codes.default;
  // the engine checks the note's own codes anyway; any other pick is sent along
  const check = useDocCheck(result, code && !(codes.default && codes.own.includes(code)) ? code : null);
  if (!result || !check) {
    return (
      <section className="card p-4 text-sm text-slate-500 dark:text-slate-400" aria-label="Documentation check" data-testid="doccheck-panel">
        The checklist appears once there is a note to read.
      </section>
    );
  }
  const pending = code !== null && !check.codes.includes(code);
  const v = code && !pending ? viewFor(check, code) : null;
  const canPick = result.analysis.inScope || !!result.analysis.abstain;
  const copyQuestions = async () => {
    if (!v) return;
    const ok = await writeClipboard(questionsText({ ...check, questions: v.questions }));
    setCopied(ok ? `Copied ${v.questions.length} question${v.questions.length === 1 ? '' : 's'}.` : 'Could not reach the clipboard; select the questions and copy them by hand.');
  };
  return (
    <section
      aria-labelledby="doccheck-heading"
      className="flex flex-col gap-3"
      data-testid="doccheck-panel"
      data-updating={updating || pending ? 'true' : 'false'}
      aria-busy={updating || pending}
    >
      <div className="card flex flex-col gap-2 px-3 py-2">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <h2 id="doccheck-heading" tabIndex={-1} className="card-title mr-auto">
            Documentation check
          </h2>
          {(updating || pending) && (
            <span className="text-xs text-amber-700 dark:text-amber-300" role="status">
              Updating…
            </span>
          )}
        </div>
        {canPick && <CodePicker codes={codes} value={code} onChange={(c) => setPicked({ code: c, base: codes.default })} />}
        {v && (
          <div className="flex flex-col gap-2 sm:flex-row sm:gap-4" data-testid="doc-score" data-percent={tally([...v.blocking, ...v.practice]).percent} data-code={v.code}>
            <ScoreLine label="Blocks the code:" items={v.blocking} testid="doc-score-blocking" tone="block" />
            <ScoreLine label="Good practice:" items={v.practice} testid="doc-score-practice" tone="practice" />
          </div>
        )}
      </div>

      {!v ? (
        !pending && (
          <p className="card p-4 text-sm text-slate-600 dark:text-slate-300" data-testid="doccheck-empty">
            {check.message ?? result.analysis.abstain?.message}
            {result.analysis.abstain && !code && ' Choose one of the candidate codes above to see what its documentation needs.'}
          </p>
        )
      ) : (
        <>
          <div className="card flex flex-col gap-3 p-3" data-testid="doc-items">
            <ItemGroup
              title="Blocks the code"
              hint={`Without these the note does not support ${v.code} (or its units or side).`}
              items={v.blocking}
              code={v.code}
              compact={compact}
              testid="doc-group-blocking"
            />
            <ItemGroup
              title="Good practice"
              hint={`A complete report, the diagnosis and the payer need these; ${v.code} itself does not depend on them.`}
              items={v.practice}
              code={v.code}
              compact={compact}
              testid="doc-group-practice"
            />
          </div>

          <div className="card p-3" data-testid="doc-questions">
            <div className="flex flex-wrap items-center gap-2">
              <h3 className="mr-auto text-sm font-semibold">Clarification questions</h3>
              <button type="button" className="btn" disabled={v.questions.length === 0} onClick={() => void copyQuestions()}>
                Copy all questions
              </button>
            </div>
            <output className="block text-xs text-slate-500 dark:text-slate-400" aria-live="polite" data-testid="questions-copy-status">
              {copied}
            </output>
            {v.questions.length === 0 ? (
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">Nothing to ask: every item is documented.</p>
            ) : (
              <ol className="mt-1 list-decimal space-y-1 pl-5 text-sm" aria-label="Clarification questions">
                {v.questions.map((q) => (
                  <li key={q.key} data-item={q.item}>
                    <span className="sr-only">{q.label}: </span>
                    {q.text}
                  </li>
                ))}
              </ol>
            )}
            {!compact && (
              <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
                Questions are worded neutrally (no codes, no expected answer), in the manner of a compliant physician query.
              </p>
            )}
          </div>

          <div className="card p-3" data-testid="what-would-change">
            <h3 className="text-sm font-semibold">What would change the code</h3>
            {v.changes.length === 0 ? (
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">No close alternative.</p>
            ) : (
              <ul className="mt-1 space-y-1 text-sm" aria-label="What would change the code">
                {v.changes.map((w, i) => (
                  <li key={i} data-from={w.from} data-to={w.to ?? ''} data-relation={w.relation}>
                    If {w.condition} →{' '}
                    {w.to ? (
                      <>
                        <ReferenceLink code={w.to} /> {w.relation === 'add' ? 'in addition to' : 'instead of'} <ReferenceLink code={w.from} />
                      </>
                    ) : (
                      <>
                        <ReferenceLink code={w.from} /> is not supported
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </>
      )}
    </section>
  );
}
