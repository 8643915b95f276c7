/**
 * Compiles the concept pattern language (see kb/concept-schema.ts) into matchers over tokens.
 * Matching is linear in the number of tokens: each element tests one token, and a gap `~N`
 * looks at most N tokens ahead.
 */

export type Element =
  | { type: 'token'; words: ReadonlySet<string>; prefixes: readonly string[]; regex: RegExp | null }
  | { type: 'gap'; max: number };

export interface CompiledPattern {
  source: string;
  elements: Element[];
}

const MAX_GAP = 8;

export function compilePattern(source: string): CompiledPattern {
  const elements: Element[] = [];
  for (const chunk of source.trim().split(/\s+/)) {
    const gap = /^~(\d{1,2})$/.exec(chunk);
    if (gap) {
      elements.push({ type: 'gap', max: Math.min(MAX_GAP, Number(gap[1])) });
      continue;
    }
    if (chunk.length > 2 && chunk.startsWith('/') && chunk.endsWith('/')) {
      elements.push({ type: 'token', words: new Set(), prefixes: [], regex: new RegExp(chunk.slice(1, -1)) });
      continue;
    }
    const words = new Set<string>();
    const prefixes: string[] = [];
    for (const alt of chunk.toLowerCase().split('|')) {
      if (!alt) continue;
      if (alt.endsWith('*') && alt.length > 1) prefixes.push(alt.slice(0, -1));
      else words.add(alt);
    }
    elements.push({ type: 'token', words, prefixes, regex: null });
  }
  if (elements.length === 0 || elements[0].type === 'gap' || elements[elements.length - 1].type === 'gap') {
    throw new Error(`pattern must start and end with a word: "${source}"`);
  }
  return { source, elements };
}

export function tokenMatches(el: Element & { type: 'token' }, norm: string): boolean {
  if (el.words.has(norm)) return true;
  for (const p of el.prefixes) if (norm.startsWith(p)) return true;
  return el.regex !== null && norm.length <= 24 && el.regex.test(norm);
}

/**
 * Try to match `pattern` with its first element at token `start`. Tokens are the norms of one
 * sentence (`limit` is the sentence end). Returns the index after the last matched token, or -1.
 */
export function matchAt(pattern: CompiledPattern, norms: readonly string[], start: number, limit: number): number {
  return step(pattern.elements, 0, norms, start, limit);
}

const CLAUSE_BREAK = new Set([';', '.', '?', '!']);
const GAP_DENIAL = new Set(['not', 'no', 'never', 'without', 'nor', 'neither', "n't"]);

/**
 * A denial word a gap of the pattern skipped over ("pocket was not revised or enlarged" for
 * "pocket ~4 enlarged"): its token index, or -1. A denial the pattern names itself does not count.
 */
export function skippedDenial(pattern: CompiledPattern, norms: readonly string[], start: number, end: number): number {
  for (let k = start + 1; k < end - 1; k++) {
    if (!GAP_DENIAL.has(norms[k])) continue;
    if (!pattern.elements.some((el) => el.type === 'token' && el.words.has(norms[k]))) return k;
  }
  return -1;
}

function step(els: Element[], k: number, norms: readonly string[], pos: number, limit: number): number {
  if (k === els.length) return pos;
  const el = els[k];
  if (el.type === 'gap') {
    // the element after a gap is always a token element
    for (let skip = 0; skip <= el.max && pos + skip < limit; skip++) {
      // a gap never skips over a clause break: "three recording tracks; the lead ..."
      if (skip > 0 && CLAUSE_BREAK.has(norms[pos + skip - 1])) break;
      const r = step(els, k + 1, norms, pos + skip, limit);
      if (r >= 0) return r;
    }
    return -1;
  }
  if (pos >= limit || !tokenMatches(el, norms[pos])) return -1;
  return step(els, k + 1, norms, pos + 1, limit);
}
