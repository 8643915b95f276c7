import { routeHref } from '../../lib/route';

/** Questions worth asking about a suggested code: why not each alternative, documentation, modifiers. */
export function suggestedQuestions(code: string, alternatives: { code: string }[], max = 4): string[] {
  const qs = [...new Set(alternatives.map((a) => a.code).filter((c) => c && c !== code))].slice(0, 2).map((alt) => `Why ${code} and not ${alt}?`);
  qs.push(`What must the note show for ${code}?`, `Which modifiers can apply to ${code}?`);
  return qs.slice(0, max);
}

/** Links under a suggestion that open the Ask view with a question about its code. */
export function SuggestedQuestions({ code, alternatives }: { code: string; alternatives: { code: string }[] }) {
  const qs = suggestedQuestions(code, alternatives);
  return (
    <div className="mt-2" data-testid="suggested-questions">
      <p className="text-xs font-medium text-slate-500 dark:text-slate-400">Ask about {code}</p>
      <ul className="mt-0.5 flex flex-wrap gap-1" aria-label={`Questions about ${code}`}>
        {qs.map((q) => (
          <li key={q}>
            <a
              href={routeHref('ask', q)}
              className="inline-block rounded-full border border-slate-200 px-2 py-0.5 text-xs text-sky-800 hover:bg-sky-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 dark:border-slate-700 dark:text-sky-300 dark:hover:bg-slate-800"
            >
              {q}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
