import { getCodeRef, listCodeRefs, referenceText, type CodeRef } from '../../../kb/reference';

/** Lower-case words of a query (codes, words, abbreviations). */
function tokens(q: string): string[] {
  return q
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0);
}

const TEXT = new Map<string, string>();
function textOf(ref: CodeRef): string {
  let t = TEXT.get(ref.code);
  if (t === undefined) {
    t = ` ${referenceText(ref.code).toLowerCase()} `;
    TEXT.set(ref.code, t);
  }
  return t;
}

/**
 * Search the code reference by code (or its start), words, or abbreviation (SCS, IPG, PNS ...).
 * Every word of the query must occur in the entry; codes, abbreviations and labels rank first.
 * An empty query lists every entry.
 */
export function searchReference(query: string): CodeRef[] {
  const words = tokens(query);
  const all = listCodeRefs();
  if (words.length === 0) return [...all];
  const exact = getCodeRef(query.trim());
  const scored: { ref: CodeRef; score: number }[] = [];
  for (const ref of all) {
    let score = 0;
    let everyWord = true;
    const label = `${ref.short} ${ref.description}`.toLowerCase();
    const abbr = ref.abbreviations.map((a) => a.toLowerCase());
    const keywords = ref.keywords.join(' ').toLowerCase();
    const text = textOf(ref);
    for (const w of words) {
      let s = 0;
      if (ref.code === w) s = 100;
      else if (/^\d+$/.test(w) && ref.code.startsWith(w)) s = 40;
      else if (abbr.includes(w)) s = 30;
      else if (label.includes(w)) s = 10;
      else if (keywords.includes(w)) s = 6;
      else if (text.includes(w)) s = 1;
      if (s === 0) everyWord = false;
      score += s;
    }
    if (everyWord) scored.push({ ref, score });
  }
  scored.sort((a, b) => b.score - a.score);
  const out = scored.map((s) => s.ref);
  if (exact && !out.includes(exact)) out.unshift(exact);
  return out;
}
