import type { ConceptMatch, Doc, FactKind } from '../types';
import type { Concept } from '../../kb/concept-schema';
import { CONCEPTS } from '../../kb/concepts';
import { compilePattern, matchAt, tokenMatches, type CompiledPattern } from './pattern';

interface Entry {
  concept: Concept;
  pattern: CompiledPattern;
}

export interface Matcher {
  /** Patterns indexed by the literal words their first element accepts. */
  byWord: Map<string, Entry[]>;
  /** Patterns whose first element is a prefix or regex (tested at every token). */
  scanAll: Entry[];
  concepts: Concept[];
}

/** Compile a concept list once; the result is reused for every note. */
export function buildMatcher(concepts: Concept[]): Matcher {
  const byWord = new Map<string, Entry[]>();
  const scanAll: Entry[] = [];
  for (const concept of concepts) {
    for (const src of concept.patterns) {
      const pattern = compilePattern(src);
      const first = pattern.elements[0];
      const entry = { concept, pattern };
      if (first.type !== 'token') continue;
      if (first.prefixes.length || first.regex) scanAll.push(entry);
      for (const w of first.words) {
        const list = byWord.get(w);
        if (list) list.push(entry);
        else byWord.set(w, [entry]);
      }
    }
  }
  return { byWord, scanAll, concepts };
}

let defaultMatcher: Matcher | null = null;
export function getMatcher(): Matcher {
  if (!defaultMatcher) defaultMatcher = buildMatcher(CONCEPTS);
  return defaultMatcher;
}

/**
 * Find every concept hit in the document. Within one kind, a hit lying inside a longer hit is
 * dropped ("pulse generator" absorbs "generator"; "left and right" absorbs "left").
 * Assertion is set to 'affirmed' here; the context stage decides it afterwards.
 */
export function findConcepts(doc: Doc, matcher: Matcher = getMatcher()): ConceptMatch[] {
  const { tokens, sentences, text } = doc;
  const norms = tokens.map((t) => t.norm);
  const raw: ConceptMatch[] = [];
  for (const s of sentences) {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const cands = matcher.byWord.get(norms[i]);
      const tried = new Set<Entry>();
      const tryEntry = (e: Entry) => {
        if (tried.has(e)) return;
        tried.add(e);
        const end = matchAt(e.pattern, norms, i, s.tokenEnd);
        if (end > i) {
          const start = tokens[i].start;
          const stop = tokens[end - 1].end;
          raw.push({
            id: '',
            concept: e.concept.id,
            kind: e.concept.kind as FactKind,
            value: e.concept.value,
            start,
            end: stop,
            text: text.slice(start, stop),
            sentence: s.index,
            section: s.section,
            tokenStart: i,
            tokenEnd: end,
            assertion: 'affirmed',
          });
        }
      };
      if (cands) cands.forEach(tryEntry);
      for (const e of matcher.scanAll) {
        const first = e.pattern.elements[0];
        if (first.type === 'token' && tokenMatches(first, norms[i])) tryEntry(e);
      }
    }
  }
  return prune(raw);
}

function prune(raw: ConceptMatch[]): ConceptMatch[] {
  // longest first within each kind; drop hits contained in a kept hit of the same kind
  const byKind = new Map<string, ConceptMatch[]>();
  for (const m of raw) {
    const list = byKind.get(m.kind);
    if (list) list.push(m);
    else byKind.set(m.kind, [m]);
  }
  const kept: ConceptMatch[] = [];
  for (const list of byKind.values()) {
    list.sort((a, b) => b.tokenEnd - b.tokenStart - (a.tokenEnd - a.tokenStart) || a.tokenStart - b.tokenStart);
    const taken: ConceptMatch[] = [];
    for (const m of list) {
      const inside = taken.some((t) => t.tokenStart <= m.tokenStart && m.tokenEnd <= t.tokenEnd && t.sentence === m.sentence);
      if (!inside) taken.push(m);
    }
    kept.push(...taken);
  }
  kept.sort((a, b) => a.start - b.start || a.end - b.end);
  kept.forEach((m, i) => (m.id = `m${i}`));
  return kept;
}
