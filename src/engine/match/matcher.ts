import type { ConceptMatch, Doc, FactKind } from '../types';
import type { Concept } from '../../kb/concept-schema';
import { CONCEPTS } from '../../kb/concepts';
import { compilePattern, matchAt, skippedDenial, tokenMatches, type CompiledPattern } from './pattern';
import { buildSpeller, correct, type Speller } from './spelling';

/** Concept kinds whose words are corrected for typos (nouns and adjectives, never actions). */
const SPELLED_KINDS = new Set(['component', 'target', 'approach', 'imaging']);

interface Entry {
  concept: Concept;
  pattern: CompiledPattern;
}

export interface Matcher {
  /** Patterns indexed by the literal words their first element accepts. */
  byWord: Map<string, Entry[]>;
  /** Patterns whose first element is a prefix or regex (tested at every token). */
  scanAll: Entry[];
  /** Typo tolerance for device, target and approach words. */
  speller: Speller;
  concepts: Concept[];
}

/** Compile a concept list once; the result is reused for every note. */
export function buildMatcher(concepts: Concept[]): Matcher {
  const byWord = new Map<string, Entry[]>();
  const scanAll: Entry[] = [];
  const spelled = new Set<string>();
  for (const concept of concepts) {
    for (const src of concept.patterns) {
      const pattern = compilePattern(src);
      for (const el of pattern.elements) if (el.type === 'token') for (const w of el.words) if (SPELLED_KINDS.has(concept.kind)) spelled.add(w);
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
  return { byWord, scanAll, concepts, speller: buildSpeller(spelled) };
}

let defaultMatcher: Matcher | null = null;
export function getMatcher(): Matcher {
  if (!defaultMatcher) defaultMatcher = buildMatcher(CONCEPTS);
  return defaultMatcher;
}

/** Distinct token norms whose candidate list is remembered per matcher (a note has a few hundred). */
const CANDIDATE_CACHE_MAX = 50_000;
const NONE: Entry[] = [];
const candidateCaches = new WeakMap<Matcher, Map<string, Entry[]>>();

function candidateCache(matcher: Matcher): Map<string, Entry[]> {
  let c = candidateCaches.get(matcher);
  if (!c) candidateCaches.set(matcher, (c = new Map()));
  return c;
}

/**
 * The patterns whose first element accepts `norm`, in the order they were always tried: the
 * literal-word list, then the prefix/regex patterns (each entry once).
 */
function candidatesFor(matcher: Matcher, norm: string): Entry[] {
  const listed = matcher.byWord.get(norm);
  let out: Entry[] | null = null;
  for (const e of matcher.scanAll) {
    const first = e.pattern.elements[0];
    if (first.type !== 'token' || first.words.has(norm) || !tokenMatches(first, norm)) continue;
    (out ??= listed ? [...listed] : []).push(e);
  }
  return out ?? listed ?? NONE;
}

/**
 * Find every concept hit in the document. Within one kind, a hit lying inside a longer hit is
 * dropped ("pulse generator" absorbs "generator"; "left and right" absorbs "left").
 * Assertion is set to 'affirmed' here; the context stage decides it afterwards.
 */
export function findConcepts(doc: Doc, matcher: Matcher = getMatcher()): ConceptMatch[] {
  const { tokens, sentences, text } = doc;
  // a word of the English lexicon is what it says, never a typo ("percent" is not "Percept")
  const norms = tokens.map((t) => (t.lexeme ? t.norm : correct(matcher.speller, t.norm)));
  const raw: ConceptMatch[] = [];
  const emit = (e: Entry, s: (typeof sentences)[number], i: number, end: number) => {
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
    const denied = skippedDenial(e.pattern, norms, i, end);
    if (denied >= 0) raw[raw.length - 1].deniedWithin = denied;
  };
  const candidates = candidateCache(matcher);
  for (const s of sentences) {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const norm = norms[i];
      let cands = candidates.get(norm);
      if (!cands) {
        cands = candidatesFor(matcher, norm);
        if (candidates.size >= CANDIDATE_CACHE_MAX) candidates.clear();
        candidates.set(norm, cands);
      }
      for (const e of cands) {
        const end = matchAt(e.pattern, norms, i, s.tokenEnd);
        if (end > i) emit(e, s, i, end);
      }
    }
  }
  return prune(raw);
}

/** Concepts of this kind are masks: a hit of any other kind inside one is dropped, and the mask itself is not a fact. */
export const MASK_KIND = 'mask';

function prune(all: ConceptMatch[]): ConceptMatch[] {
  // masks first: "system diagnostics" uses "system" to describe the check, not the device
  const masks = new Map<number, ConceptMatch[]>();
  for (const m of all) {
    if ((m.kind as string) !== MASK_KIND) continue;
    const list = masks.get(m.sentence);
    if (list) list.push(m);
    else masks.set(m.sentence, [m]);
  }
  const raw = masks.size
    ? all.filter((m) => (m.kind as string) !== MASK_KIND && !masks.get(m.sentence)?.some((k) => k.tokenStart <= m.tokenStart && m.tokenEnd <= k.tokenEnd))
    : all;
  // longest first within each kind; drop hits contained in a kept hit of the same kind
  // (containment is only possible within one sentence, so kept hits are indexed by sentence)
  const byKind = new Map<string, ConceptMatch[]>();
  for (const m of raw) {
    const list = byKind.get(m.kind);
    if (list) list.push(m);
    else byKind.set(m.kind, [m]);
  }
  const kept: ConceptMatch[] = [];
  for (const list of byKind.values()) {
    list.sort((a, b) => b.tokenEnd - b.tokenStart - (a.tokenEnd - a.tokenStart) || a.tokenStart - b.tokenStart);
    const taken = new Map<number, ConceptMatch[]>();
    for (const m of list) {
      const same = taken.get(m.sentence);
      if (same?.some((t) => t.tokenStart <= m.tokenStart && m.tokenEnd <= t.tokenEnd)) continue;
      if (same) same.push(m);
      else taken.set(m.sentence, [m]);
      kept.push(m);
    }
  }
  kept.sort((a, b) => a.start - b.start || a.end - b.end);
  kept.forEach((m, i) => (m.id = `m${i}`));
  return kept;
}
