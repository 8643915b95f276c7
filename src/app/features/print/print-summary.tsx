import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import type { AnalysedNote } from '../../lib/use-analysis';
import { claimLine, FACT_WORDS, lineStatus, reviewItems } from '../../lib/claim-lines';
import { deviceHintGroups } from '../suggestions/device-info';
import { plainReason } from '../../lib/plain-labels';
import type { Reason } from '../../../engine/types';
import { serviceDate } from '../../../engine/modifiers/dates';

function Quotes({ r }: { r: Reason }) {
  const qs = [...new Set(r.evidence.map((e) => e.text.trim()).filter(Boolean))];
  if (!qs.length) return null;
  return (
    <span className="text-gray-600">
      {' — '}
      {qs.map((q, i) => (
        <q key={i} className="mr-1 italic">
          {q}
        </q>
      ))}
    </span>
  );
}

/** A labelled field on paper: the value when the note states it, else a line to write on. */
function PrintField({ label, value }: { label: string; value?: string }) {
  return (
    <>
      <dt className="font-semibold">{label}:</dt>
      <dd className="min-w-[10rem] border-b border-black" data-field={label}>
        {value ?? '\u00a0'}
      </dd>
    </>
  );
}

/**
 * When the summary is printed, in the user's locale. Filled in after the first paint and again
 * just before printing: the first date formatting loads ICU data on the main thread (about 25 ms
 * in Chromium), which would otherwise land in the cold load's first render.
 */
function usePrintedAt(): string {
  const [at, setAt] = useState('');
  useEffect(() => {
    const now = () => new Date().toLocaleString();
    const t = setTimeout(() => setAt(now()), 0);
    const before = () => flushSync(() => setAt(now()));
    window.addEventListener('beforeprint', before);
    return () => {
      clearTimeout(t);
      window.removeEventListener('beforeprint', before);
    };
  }, []);
  return at;
}

/**
 * Print-only one-page summary: date of service (from the note when it states one), account and
 * reviewer fields to fill in, claim lines, reasons with quoted evidence, checks.
 */
export function PrintSummary({ result }: { result: AnalysedNote | undefined }) {
  const a = result?.analysis;
  const dos = result ? serviceDate(result.text)?.text : undefined;
  const printedAt = usePrintedAt();
  const checks = a ? a.warnings.filter((w) => w.kind !== 'device') : [];
  const devices = a ? deviceHintGroups(a.warnings) : [];
  const toCheck = a ? reviewItems(a) : [];
  return (
    <article className="hidden text-[10.5pt] leading-snug text-black print:block" data-testid="print-summary">
      <header className="mb-2 border-b border-black pb-1">
        <h1 className="text-lg font-bold">OpNote Coder — coding summary</h1>
        <p className="text-xs">
          Printed {printedAt} · suggestions to be checked by a certified coder · {result?.text.length ?? 0}{' '}
          characters analysed on this device
        </p>
        <dl className="mt-1 grid grid-cols-[auto_1fr_auto_1fr] gap-x-2 gap-y-1.5 text-[9.5pt]" data-testid="print-fields">
          <PrintField label="Date of service" value={dos} />
          <PrintField label="Account / encounter no." />
          <PrintField label="Reviewed by" />
          <PrintField label="Date reviewed" />
        </dl>
      </header>
      {a && a.abstain && (
        <section className="mb-2 break-inside-avoid border border-black p-1" data-testid="print-abstain">
          <p className="font-bold">No code chosen: the note does not say {FACT_WORDS[a.abstain.fact]}.</p>
          <p>{a.abstain.message}</p>
          <ul className="list-disc pl-5 text-[9.5pt]">
            {a.abstain.candidates.map((c) => (
              <li key={c.code}>
                <span className="font-mono font-bold">{c.code}</span> — {c.when}
              </li>
            ))}
          </ul>
          <p>
            <span className="font-semibold">Ask the surgeon:</span> {a.abstain.question}
          </p>
        </section>
      )}
      {a && a.suggestions.length > 0 && (
        <p className="mb-1 font-semibold" data-testid="print-verdict">
          {toCheck.length === 0 && a.suggestions.every((s) => lineStatus(s) === 'ready')
            ? 'Ready to code: every line is high confidence with nothing to check.'
            : `Check ${Math.max(1, toCheck.length)} thing${Math.max(1, toCheck.length) === 1 ? '' : 's'} before coding.`}
        </p>
      )}
      {!a ? (
        <p>No note analysed.</p>
      ) : a.abstain && a.suggestions.length === 0 ? null : !a.inScope ? (
        <p className="font-semibold">No neurostimulator code applies. {a.outOfScopeReason}</p>
      ) : (
        <ol className="space-y-2">
          {a.suggestions.map((s, i) => (
            <li key={i} className="break-inside-avoid">
              <p>
                <span className="font-mono font-bold">{claimLine(s)}</span> — {s.description}{' '}
                <span className="text-xs">({s.confidence} confidence)</span>{' '}
                <span className="font-semibold" data-status={lineStatus(s)}>
                  [{lineStatus(s) === 'ready' ? 'ready' : 'review'}]
                </span>
              </p>
              {(s.reviewReasons?.length ?? 0) > 0 && (
                <ul className="pl-5 text-[9.5pt]" aria-label={`To check for ${s.code}`}>
                  {s.reviewReasons!.map((r, j) => (
                    <li key={`c${j}`}>
                      ☐ Check: {plainReason(r.text)}
                      {r.question ? ` Ask the surgeon: ${r.question}` : ''}
                    </li>
                  ))}
                </ul>
              )}
              <ul className="list-disc pl-5 text-[9.5pt]">
                {s.reasons.map((r, j) => (
                  <li key={j}>
                    {plainReason(r.text)}
                    <Quotes r={r} />
                  </li>
                ))}
                {s.modifiers.flatMap((m) =>
                  m.reasons.map((r, j) => (
                    <li key={`${m.code}${j}`}>
                      Modifier {m.code}: {plainReason(r.text)}
                      <Quotes r={r} />
                    </li>
                  )),
                )}
                {s.alternatives.map((alt, j) => (
                  <li key={`a${j}`}>
                    Not {alt.code}
                    {alt.whyNot.startsWith(alt.code) ? ` — ${alt.whyNot.slice(alt.code.length).replace(/^\s*[:—-]?\s*/, '')}` : ` — ${alt.whyNot}`}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
      {a && (checks.length > 0 || a.questions.length > 0) && (
        <section className="mt-2 break-inside-avoid">
          <h2 className="font-bold">Check before submitting</h2>
          <ul className="list-disc pl-5 text-[9.5pt]">
            {checks.map((w, i) => (
              <li key={`w${i}`}>{plainReason(w.message)}</li>
            ))}
            {a.questions.map((q, i) => (
              <li key={`q${i}`}>{plainReason(q.text)}</li>
            ))}
          </ul>
        </section>
      )}
      {devices.length > 0 && (
        <section className="mt-2 break-inside-avoid text-[9pt]">
          <h2 className="font-bold">Device and facility codes (information, not the surgeon&apos;s claim)</h2>
          <ul className="list-disc pl-5">
            {devices.map((g) => (
              <li key={g.proc}>
                With {g.proc}: {g.hints.length ? g.hints.map((h) => `${h.code} (${h.setting})`).join(', ') : g.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      {a && (
        <section className="mt-2 break-inside-avoid text-[9pt]">
          <h2 className="font-bold">Mentions that do not count</h2>
          <ul className="list-disc pl-5">
            {a.matches
              .filter((m) => m.assertion !== 'affirmed')
              .slice(0, 12)
              .map((m) => (
                <li key={m.id}>
                  <q>{m.text}</q> — {m.assertion}
                  {m.cue ? ` by '${m.cue.text}'` : ''}
                </li>
              ))}
          </ul>
        </section>
      )}
    </article>
  );
}
