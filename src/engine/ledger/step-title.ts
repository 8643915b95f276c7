const STEP_TITLE = /^[ \t]*\d{1,2}[.)][ \t]+((?:[A-Z-]+[ \t]+){0,2}[A-Z-]+)\./i;

/**
 * The title of a numbered step on the line starting at `lineStart` ("1. Old lead.", "3. IPG."):
 * the offsets of its one to three words, the end of the title with its full stop, and whether
 * the line goes on after it on the same line ("2. New lead. The left S3 foramen ...").
 */
export function stepTitleAt(text: string, lineStart: number): { wordsStart: number; wordsEnd: number; end: number; runsOn: boolean } | null {
  const x = STEP_TITLE.exec(text.slice(lineStart, lineStart + 60));
  if (!x) return null;
  const wordsStart = lineStart + x[0].indexOf(x[1]);
  const wordsEnd = wordsStart + x[1].length;
  return { wordsStart, wordsEnd, end: wordsEnd + 1, runsOn: text[wordsEnd + 1] === ' ' || text[wordsEnd + 1] === '\t' };
}
