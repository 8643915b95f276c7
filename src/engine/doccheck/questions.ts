import type { DocCheck } from './doccheck';

/** All questions as one block of plain text, ready to paste into a query. */
export function questionsText(check: Pick<DocCheck, 'questions'>): string {
  if (check.questions.length === 0) return '';
  const lines = check.questions.map((q, i) => `${i + 1}. ${q.text}`);
  return ['Documentation clarification requested for this operative note:', ...lines].join('\n');
}
