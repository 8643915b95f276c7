import { useId, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Answer, AnswerSection } from '../../../engine/ask/types';
import { useAnalyzer } from '../../lib/analyzer-context';
import { navigate, routeHref } from '../../lib/route';
import { useWorkspace } from '../../lib/store';

export const EXAMPLE_QUESTIONS = [
  'What is the difference between 64590 and 63685?',
  'Which modifier for a left sacral lead?',
  'Is fluoroscopy billed with 64596?',
  'How many units of 63650 for two trial leads?',
  'What must the note show for 63685?',
  'Does Medicare cover hypoglossal nerve stimulation 64582?',
];

const CONFIDENCE_STYLE: Record<AnswerSection['confidence'], string> = {
  high: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-100',
  medium: 'bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-100',
  low: 'bg-rose-100 text-rose-900 dark:bg-rose-900/40 dark:text-rose-100',
};

function QuestionForm({ initial }: { initial: string }) {
  const [draft, setDraft] = useState(initial);
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = draft.trim();
    if (q) navigate('ask', q);
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-2 sm:flex-row sm:items-end" role="search" aria-label="Ask a coding question">
      <div className="flex-1">
        <label htmlFor={id} className="block text-sm font-medium">
          Your question
        </label>
        <input
          id={id}
          name="question"
          type="search"
          value={draft}
          maxLength={500}
          autoComplete="off"
          placeholder="e.g. Which modifier for a left sacral lead?"
          onChange={(e) => setDraft(e.target.value)}
          className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-sky-600 dark:border-slate-700 dark:bg-slate-900"
        />
      </div>
      <button type="submit" className="btn btn-primary" disabled={!draft.trim()}>
        Ask
      </button>
    </form>
  );
}

/**
 * One fact of the answer with its source. Only a fact our reference is less than sure of carries
 * a mark ("medium confidence — check"); a plain fact needs none, "not in our reference" never has
 * one, and neither has a fact whose text already says what to check (an NCCI pair to look up in
 * the current table, a payer policy to verify).
 */
function Section({ s, answered }: { s: AnswerSection; answered: boolean }) {
  const mark = answered && s.confidence !== 'high' && !s.statedInText;
  return (
    <li className="rounded-md border border-slate-200 p-2 dark:border-slate-700" data-testid="answer-section" data-confidence={s.confidence}>
      {(s.topic !== 'Not in our reference' || mark) && (
        <div className="flex flex-wrap items-center gap-2 text-xs">
          {s.topic !== 'Not in our reference' && <span className="font-semibold text-slate-700 dark:text-slate-200">{s.topic}</span>}
          {mark && (
            <span className={`rounded px-1.5 py-0.5 font-medium ${CONFIDENCE_STYLE[s.confidence]}`} data-testid="confidence-badge">
              {s.confidence} confidence — check before relying on it
            </span>
          )}
        </div>
      )}
      <p className="mt-1 text-sm">{s.text}</p>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
        Source:{' '}
        {s.url ? (
          <a href={s.url} target="_blank" rel="noreferrer noopener" className="underline hover:text-sky-700 dark:hover:text-sky-300">
            {s.source}
          </a>
        ) : (
          s.source
        )}
      </p>
    </li>
  );
}

function AnswerView({ answer }: { answer: Answer }) {
  const dev = useWorkspace((w) => w.devDetails);
  return (
    <article
      className="card space-y-3 p-4"
      data-testid="answer"
      data-answered={String(answer.answered)}
      data-type={answer.type}
      data-question={answer.question}
      aria-labelledby="answer-summary"
    >
      <header>
        <p className="text-xs tracking-wide text-slate-500 uppercase dark:text-slate-400">
          {answer.answered ? 'Answer' : 'Not in our reference'}
        </p>
        <h3 id="answer-summary" className="text-base font-semibold" data-testid="answer-summary">
          {answer.summary}
        </h3>
      </header>
      {answer.answerText.length > 0 && (
        <h4 className="text-sm font-medium">{answer.answered ? 'Why, with sources' : 'What our reference covers'}</h4>
      )}
      <ul className="space-y-2" data-testid="answer-sections">
        {answer.answerText.map((s, i) => (
          <Section key={i} s={s} answered={answer.answered} />
        ))}
      </ul>
      {answer.links.length > 0 && (
        <nav aria-label="Reference pages" data-testid="answer-links">
          <h4 className="text-sm font-medium">Reference pages</h4>
          <ul className="mt-1 flex flex-wrap gap-2">
            {answer.links.map((l) => (
              <li key={l.href}>
                <a href={l.href} data-kind={l.kind} className="text-sm text-sky-800 underline hover:text-sky-600 dark:text-sky-300">
                  {l.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {answer.closest.length > 0 && (
        <nav aria-label={answer.answered ? 'See also' : 'Closest pages'} data-testid="answer-closest">
          <h4 className="text-sm font-medium">{answer.answered ? 'See also' : 'Closest pages in our reference'}</h4>
          <ul className="mt-1 list-disc pl-5">
            {answer.closest.map((c) => (
              <li key={c.id}>
                {c.href ? (
                  <a href={c.href} className="text-sm text-sky-800 underline hover:text-sky-600 dark:text-sky-300">
                    {c.label}
                  </a>
                ) : (
                  <span className="text-sm">{c.label}</span>
                )}
              </li>
            ))}
          </ul>
        </nav>
      )}
      <p className="text-xs text-slate-500 dark:text-slate-400">
        Answered on this device from OpNote Coder’s built-in reference{dev ? ` in ${answer.ms} ms` : ''}. Check payer rules marked “verify” before you bill.
      </p>
    </article>
  );
}

/** The Ask view: a question box and an answer built from the knowledge base, in the worker. */
export function AskView({ param }: { param: string | null }) {
  const analyzer = useAnalyzer();
  const question = (param ?? '').trim();
  const canAsk = typeof analyzer.ask === 'function';
  const query = useQuery({
    queryKey: ['ask', question],
    queryFn: () => (analyzer.ask as (q: string) => Promise<Answer>)(question),
    enabled: canAsk && question.length > 0,
    staleTime: Infinity,
  });
  return (
    <main className="mx-auto max-w-3xl space-y-4 p-4" aria-labelledby="ask-heading">
      <div>
        <h2 id="ask-heading" className="text-lg font-semibold">
          Ask a coding question
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Plain words, a code, an abbreviation or a phrase from a note. Answers come only from our knowledge base, on this device.
        </p>
      </div>
      <QuestionForm key={question} initial={question} />
      <div aria-live="polite" aria-busy={query.isFetching}>
        {!canAsk && <p className="text-sm text-rose-700 dark:text-rose-300">Questions are not available in this build.</p>}
        {question && query.isPending && canAsk && (
          <p className="text-sm text-slate-500" data-testid="answer-loading">
            Looking it up…
          </p>
        )}
        {query.isError && (
          <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
            The question could not be answered: {(query.error as Error).message}
          </p>
        )}
        {query.data && <AnswerView answer={query.data} />}
      </div>
      {!question && (
        <section aria-labelledby="examples-heading">
          <h3 id="examples-heading" className="text-sm font-medium">
            Try
          </h3>
          <ul className="mt-1 list-disc pl-5">
            {EXAMPLE_QUESTIONS.map((q) => (
              <li key={q}>
                <a href={routeHref('ask', q)} className="text-sm text-sky-800 underline hover:text-sky-600 dark:text-sky-300">
                  {q}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
