/**
 * Assertion context (ConText algorithm, medspaCy design): decides for each target mention
 * whether it is affirmed, negated, historical or hypothetical, from cue phrases in the same
 * sentence. The cue phrases are data (src/kb/context-rules.ts); this file only holds the
 * algorithm:
 *
 * 1. Rules are compiled once per process into a token trie (words, `|` alternatives, `*`
 *    prefixes, `<POS>` slots). Each sentence that holds a target is scanned once: at every token
 *    the trie is walked, so matching is linear in the sentence length times the (small, bounded)
 *    rule length.
 * 2. Overlapping matches are resolved longest first. A PSEUDO phrase ("without difficulty",
 *    "no change") is longer than the trigger it contains, wins, and does nothing.
 * 3. Each trigger gets a scope inside its sentence:
 *    - FORWARD: the tokens after the cue, up to `maxScope` word tokens (default 8);
 *      BACKWARD: the tokens before it; BIDIRECTIONAL: both.
 *    - Every scope ends at ";" or ":", and at a TERMINATE phrase ("but", "however", "which",
 *      ", the", "and was ...") that applies to its category. Backward scopes also end at ","
 *      and at a conjunction right after a verb ("... was placed and | fluoroscopy was not used").
 *    - Verb groups (an auxiliary inside the scope followed by a verb: "was needed", "were removed")
 *      end a clause. A negation scope ends after that verb ("No new pocket was needed" negates
 *      "pocket" and "needed" but not what follows). A historical scope ends before the auxiliary,
 *      so "The previously implanted generator was removed" makes "generator" historical while the
 *      action "removed" stays affirmed. Hypothetical scopes are not cut ("will be placed").
 * 4. A cue that overlaps the target itself does not apply to it. Rules marked `section` are matched
 *    against section headers only ("PAST MEDICAL HISTORY:") and reach every target in the body of
 *    that section, unless a terminator of their category stands before the target in its sentence;
 *    a cue inside the sentence is nearer and wins.
 * 5. Several categories can reach one target. The single assertion follows this priority:
 *    negated > hypothetical > historical > affirmed. Negation wins because for coding "not done"
 *    is the decisive fact whatever the time ("no previous pocket was used"); hypothetical beats
 *    historical because a planned event is not part of this session either way, and a planned
 *    event is the more specific reading ("will return for the previously discussed implant").
 *    `contextAxes` returns every axis separately for callers (and the evaluation) that need them.
 */
import type { Assertion, Cue, CueCategory, Doc, Token } from '../types';
import { CONTEXT_RULES, type ContextRule, type TriggerCategory } from '../../kb/context-rules';
import { getNlp } from '../nlp/nlp';

export interface ContextTarget {
  start: number;
  end: number;
  tokenStart: number;
  tokenEnd: number;
  sentence: number;
  /**
   * What the target is: one of the engine's fact kinds ("component", "action", ...) or
   * "condition" (a symptom, finding or disease). Rules with `allowedKinds` / `excludedKinds` use it.
   */
  kind?: string;
}

export interface ContextResult {
  assertion: Assertion;
  cue?: Cue;
}

/** Every axis for one target: the nearest cue of each category that reaches it. */
export interface ContextAxes {
  negated?: Cue;
  historical?: Cue;
  hypothetical?: Cue;
}

const DEFAULT_SCOPE = 8;
/** Check-box characters: an item runs to the next box. */
const BOX_CHARS = new Set(['☐', '□', '❏', '☒', '☑', '■']);
/** Device nouns the tagger sometimes reads as verbs ("no stimulator leads/VERB or electrodes were placed"). */
const NOUNISH = new Set(['lead', 'leads', 'wire', 'wires', 'paddle', 'paddles', 'battery', 'batteries', 'anchor', 'anchors', 'extension', 'extensions', 'stimulator', 'stimulators', 'cuff', 'cuffs']);
const BARRIERS = new Set([';', ':', '|']); // "|" separates the cells of a pipe table like a label colon
/** Parts of speech after which a verb starts a new phrase rather than continuing a list. */
const PHRASE_END = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);
/** A participle followed by one of these modifies it ("stress induced chest pain"). */
const ADJECTIVAL_NEXT = new Set(['NOUN', 'PROPN', 'ADJ']);

// ------------------------------------------------------------------ compiling the rules

type TokenTest =
  | { kind: 'exact'; value: string; pos?: string }
  | { kind: 'prefix'; value: string; pos?: string }
  | { kind: 'pos'; tags: Set<string> }
  | { kind: 'year' }
  | { kind: 'listnum' };

const YEAR = /^(19|20)\d\d$/;
const LISTNUM = /^\d{1,2}$/;

interface TrieNode {
  exact: Map<string, TrieNode>;
  other: Array<{ key: string; test: TokenTest; node: TrieNode }>;
  rules: ContextRule[];
}

const newNode = (): TrieNode => ({ exact: new Map(), other: [], rules: [] });

/** Lower-cased tokens of a literal fragment, split the way wink splits note text. */
function tokenizeFragment(text: string): string[] {
  if (/^[a-z0-9]+$/i.test(text)) return [text.toLowerCase()];
  const nlp = getNlp();
  const values = nlp.readDoc(text).tokens().out() as string[];
  return values.map((v) => v.toLowerCase()).filter((v) => v.trim().length > 0);
}

/** The token-test sequences one alternative of one word stands for. */
function compileAlternative(alt: string): TokenTest[] {
  if (alt === '<YEAR>') return [{ kind: 'year' }];
  if (alt === '<LISTNUM>') return [{ kind: 'listnum' }];
  const posSlot = /^<([A-Z|]+)>$/.exec(alt);
  if (posSlot) return [{ kind: 'pos', tags: new Set(posSlot[1].split('|')) }];
  let text = alt;
  let pos: string | undefined;
  const at = /@([A-Z]+)$/.exec(text);
  if (at) {
    pos = at[1];
    text = text.slice(0, at.index);
  }
  const prefix = text.endsWith('*') && text.length > 1;
  if (prefix) text = text.slice(0, -1);
  const parts = tokenizeFragment(text);
  if (!parts.length) throw new Error(`context rule fragment "${alt}" has no tokens`);
  return parts.map((value, i): TokenTest => {
    const last = i === parts.length - 1;
    const p = last ? pos : undefined;
    if (last && prefix) return p ? { kind: 'prefix', value, pos: p } : { kind: 'prefix', value };
    return p ? { kind: 'exact', value, pos: p } : { kind: 'exact', value };
  });
}

/**
 * Split a literal into words, keeping "|" alternatives of a word together. A word that is
 * only a `<POS>` slot is one word even when it lists tags with "|".
 */
function literalWords(literal: string): string[][] {
  return literal
    .trim()
    .split(/\s+/)
    .map((w) => (/^<[A-Z|]+>$/.test(w) ? [w] : w.split('|').filter(Boolean)));
}

function testKey(t: TokenTest): string {
  if (t.kind === 'year' || t.kind === 'listnum') return t.kind;
  return t.kind === 'pos' ? `pos:${[...t.tags].sort().join('|')}` : `${t.kind}:${t.value}@${t.pos ?? ''}`;
}

function insert(root: TrieNode, seq: TokenTest[], rule: ContextRule): void {
  let node = root;
  for (const t of seq) {
    if (t.kind === 'exact' && !t.pos) {
      let next = node.exact.get(t.value);
      if (!next) node.exact.set(t.value, (next = newNode()));
      node = next;
    } else {
      const key = testKey(t);
      let edge = node.other.find((e) => e.key === key);
      if (!edge) node.other.push((edge = { key, test: t, node: newNode() }));
      node = edge.node;
    }
  }
  if (!node.rules.includes(rule)) node.rules.push(rule);
}

/** Compile rules into a trie. Exported for tests. */
export function compileRules(rules: readonly ContextRule[]): TrieNode {
  const root = newNode();
  for (const rule of rules) {
    // every word: list of alternatives, each a token-test sequence
    const words = literalWords(rule.literal).map((alts) => alts.map(compileAlternative));
    let seqs: TokenTest[][] = [[]];
    for (const alts of words) {
      const next: TokenTest[][] = [];
      for (const s of seqs) for (const a of alts) next.push([...s, ...a]);
      seqs = next;
    }
    for (const s of seqs) insert(root, s, rule);
  }
  return root;
}

let compiled: TrieNode | null = null;
function trie(): TrieNode {
  if (!compiled) compiled = compileRules(CONTEXT_RULES.filter((r) => !r.section));
  return compiled;
}
let compiledHeaders: TrieNode | null = null;
function headerTrie(): TrieNode {
  if (!compiledHeaders) compiledHeaders = compileRules(CONTEXT_RULES.filter((r) => r.section));
  return compiledHeaders;
}

// ------------------------------------------------------------------ matching cues

interface CueHit {
  /** Token range [start, end). */
  start: number;
  end: number;
  rules: ContextRule[];
}

function passes(t: TokenTest, tok: Token): boolean {
  if (t.kind === 'year') return YEAR.test(tok.norm);
  if (t.kind === 'listnum') return LISTNUM.test(tok.norm);
  if (t.kind === 'pos') return t.tags.has(tok.pos);
  if (t.pos && tok.pos !== t.pos) return false;
  return t.kind === 'exact' ? tok.norm === t.value : tok.norm.startsWith(t.value);
}

/** All rule matches in tokens [from, to), before overlap resolution. */
function matchAll(tokens: Token[], from: number, to: number, root: TrieNode): CueHit[] {
  const hits: CueHit[] = [];
  const walk = (node: TrieNode, start: number, j: number): void => {
    if (node.rules.length && j > start) hits.push({ start, end: j, rules: node.rules });
    if (j >= to) return;
    const tok = tokens[j];
    const next = node.exact.get(tok.norm);
    if (next) walk(next, start, j + 1);
    for (const e of node.other) if (passes(e.test, tok)) walk(e.node, start, j + 1);
  };
  for (let i = from; i < to; i++) walk(root, i, i);
  return hits;
}

/** Longest match first; ties go to the earlier start. Overlapping shorter matches are dropped. */
function resolveOverlaps(hits: CueHit[], from: number, to: number): CueHit[] {
  const sorted = [...hits].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken = new Uint8Array(to - from);
  const kept: CueHit[] = [];
  for (const h of sorted) {
    let free = true;
    for (let k = h.start; k < h.end; k++) if (taken[k - from]) { free = false; break; }
    if (!free) continue;
    for (let k = h.start; k < h.end; k++) taken[k - from] = 1;
    kept.push(h);
  }
  return kept.sort((a, b) => a.start - b.start);
}

// ------------------------------------------------------------------ scopes

const CAT_BIT: Record<TriggerCategory, number> = { NEGATED_EXISTENCE: 1, HISTORICAL: 2, HYPOTHETICAL: 4 };
const ALL_BITS = 7;

interface Scope {
  hit: CueHit;
  rule: ContextRule;
  category: TriggerCategory;
  /** Token range [from, to) the cue reaches (possibly on both sides of the cue). */
  ranges: Array<[number, number]>;
  /** "was not replaced": the cue ends with the verb it negates, at this token. */
  ownVerb?: number;
}

interface SentenceContext {
  scopes: Scope[];
  /** TERMINATE category bits per token of the sentence (index from the sentence's first token). */
  term: Uint8Array;
}

const isWord = (t: Token): boolean => t.pos !== 'PUNCT' && t.pos !== 'SYM';
const isFiller = (t: Token): boolean => t.pos === 'ADV' || t.pos === 'PART';

/** AUX at k followed (over adverbs, particles and more auxiliaries) by a verb before `to`. */
function startsVerbGroup(tokens: Token[], k: number, to: number): boolean {
  if (tokens[k].pos !== 'AUX') return false;
  for (let j = k + 1; j < to; j++) {
    const p = tokens[j].pos;
    if (p === 'VERB') return true;
    if (p !== 'AUX' && !isFiller(tokens[j])) return false;
  }
  return false;
}

/** The sentence a scope is computed in: its tokens and where TERMINATE phrases sit. */
interface ScopeEnv {
  tokens: Token[];
  /** Token range of the sentence [sentStart, sentEnd). */
  sentStart: number;
  sentEnd: number;
  /** TERMINATE category bits per token, indexed from `sentStart`. */
  term: Uint8Array;
  /** The note's text (to see a table-cell tab between two tokens). */
  text: string;
}

/** A tab between two tokens is a table-cell boundary ("Removed, not replaced<TAB>pocket opened"): no scope crosses it. */
const cellBreak = (env: ScopeEnv, left: number, right: number) => env.text.slice(env.tokens[left].end, env.tokens[right].start).includes('\t');

const terminates = (env: ScopeEnv, k: number, bit: number): boolean => (env.term[k - env.sentStart] & bit) !== 0;

/** "no part of the system was exposed, revised or removed": to the clause end. */
function throughVerbsEnd(env: ScopeEnv, hit: CueHit, bit: number, max: number): number {
  let words = 0;
  let end = hit.end;
  for (let k = hit.end; k < env.sentEnd; k++) {
    const n = env.tokens[k].norm;
    if (n === ';' || n === ':' || terminates(env, k, bit)) break;
    if (isWord(env.tokens[k]) && ++words > max) break;
    end = k + 1;
  }
  return end;
}

/** "[ ] IPG replaced   [x] New IPG implanted": the item runs to the next box. */
function checkboxItemEnd(env: ScopeEnv, hit: CueHit, max: number): number {
  const { tokens } = env;
  let words = 0;
  let end = hit.end;
  for (let k = hit.end; k < env.sentEnd; k++) {
    const n = tokens[k].norm;
    // the next box: "[", or "( )" / "(x)" (a parenthesis that opens a remark is part of the item)
    const nextBox = n === '(' && (tokens[k + 1]?.norm === ')' || (/^[x✓]$/.test(tokens[k + 1]?.norm ?? '') && tokens[k + 2]?.norm === ')'));
    if (n === '[' || nextBox || n === ';' || n === ':' || BOX_CHARS.has(n)) break;
    if (isWord(tokens[k]) && ++words > max) break;
    end = k + 1;
  }
  return end;
}

/**
 * Where a negation scope stops at token k (already inside it), or undefined to go on:
 * a verb that does not close a verb group and is not the cue's own verb starts a new phrase
 * after a noun ("without fluoroscopy | using landmarks", but "no nausea, vomiting"); the verb
 * closing a verb group is the last token ("no stimulator leads or electrodes were placed").
 */
function negationStop(env: ScopeEnv, hit: CueHit, k: number, state: { auxSeen: boolean }): number | undefined {
  const { tokens } = env;
  const tok = tokens[k];
  // a past participle used as an adjective goes on: "no stress induced chest pain" (not "-ing":
  // "without fluoroscopy using anatomic landmarks" starts a new phrase)
  const adjectival = /ed$/.test(tok.norm) && ADJECTIVAL_NEXT.has(tokens[k + 1]?.pos ?? '') && k + 1 < env.sentEnd;
  if (tok.pos === 'VERB' && !NOUNISH.has(tok.norm) && !adjectival && !state.auxSeen && k > hit.end && PHRASE_END.has(tokens[k - 1].pos)) {
    // telegraphic "no lead placed", "no pocket created": the participle is what did not happen
    return tokens[hit.start]?.norm === 'no' && /ed$/.test(tok.norm) ? k + 1 : k;
  }
  if (tok.pos === 'AUX') state.auxSeen = true;
  else if (tok.pos === 'VERB' && state.auxSeen) return k + 1;
  else if (!isFiller(tok)) state.auxSeen = false;
  return undefined;
}

function plainForwardEnd(env: ScopeEnv, hit: CueHit, category: TriggerCategory, max: number): number {
  const { tokens } = env;
  const bit = CAT_BIT[category];
  const state = { auxSeen: false };
  let words = 0;
  let end = hit.end;
  for (let k = hit.end; k < env.sentEnd; k++) {
    const tok = tokens[k];
    // ":" ends negated and historical scopes (a header glued to the line: "Not obtained  DIAGNOSIS: ...");
    // a plan runs on over it ("options include: ...", "call if any of the following: ...")
    if (tok.norm === ';' || tok.norm === '|' || (tok.norm === ':' && category !== 'HYPOTHETICAL') || terminates(env, k, bit)) break;
    if (cellBreak(env, k - 1, k)) break;
    if (isWord(tok) && ++words > max) break;
    if (category === 'HISTORICAL' && startsVerbGroup(tokens, k, env.sentEnd)) break;
    end = k + 1;
    if (category !== 'NEGATED_EXISTENCE') continue;
    const stop = negationStop(env, hit, k, state);
    if (stop !== undefined) return stop;
  }
  return end;
}

function forwardScope(env: ScopeEnv, hit: CueHit, rule: ContextRule, max: number): [number, number] | null {
  const category = rule.category as TriggerCategory;
  let end: number;
  if (rule.throughVerbs) end = throughVerbsEnd(env, hit, CAT_BIT[category], max);
  else if (rule.checkboxItem) end = checkboxItemEnd(env, hit, max);
  else end = plainForwardEnd(env, hit, category, max);
  return end > hit.end ? [hit.end, end] : null;
}

/** Device nouns the tagger sometimes reads as verbs ("lead"). */
const NOUN_TAGGED_VERB: ReadonlySet<string> = new Set(['lead', 'leads', 'stimulator', 'battery', 'generator', 'pocket']);

/**
 * A free-standing dash joins two clauses: "The SAME IPG was reconnected - a new one was not needed"
 * (not after a short label: "ALLERGIES - NONE", "Fluoroscopy - not used").
 */
function freeDash(env: ScopeEnv, k: number): boolean {
  const { tokens, sentStart } = env;
  const tok = tokens[k];
  return (tok.norm === '-' || tok.norm === '–' || tok.norm === '—') && k - sentStart > 3 && tokens[k - 1].end < tok.start && tokens[k + 1]?.start > tok.end;
}

function backwardScope(env: ScopeEnv, hit: CueHit, category: TriggerCategory, max: number, crossesLabel = false): [number, number] | null {
  const { tokens, sentStart } = env;
  const bit = CAT_BIT[category];
  let words = 0;
  let start = hit.start;
  let labelCrossed = false;
  for (let k = hit.start - 1; k >= sentStart; k--) {
    const tok = tokens[k];
    // a check box reaches back over one label colon ("Lead revision: [ ] Yes [x] No")
    if (crossesLabel && !labelCrossed && (tok.norm === ':' || tok.norm === '|')) {
      labelCrossed = true;
      continue;
    }
    if (BARRIERS.has(tok.norm) || tok.norm === ',' || freeDash(env, k) || (terminates(env, k, bit) && !crossesLabel) || cellBreak(env, k, k + 1)) break;
    // "... was placed and | fluoroscopy was not used": a conjunction after a verb ends the clause
    // ("a left S3 lead and IPG placed in 2016": "lead" tagged as a verb is still the noun)
    if (tok.pos === 'CCONJ' && k > sentStart && tokens[k - 1].pos === 'VERB' && !NOUN_TAGGED_VERB.has(tokens[k - 1].norm)) break;
    if (isWord(tok) && ++words > max) break;
    start = k;
  }
  return start < hit.start ? [start, hit.start] : null;
}

const NEGATORS = new Set(['not', "n't", 'never', 'none', 'nothing']);

/** A negation cue that ends with its own verb ("was not replaced", "were not revised") negates that verb. */
function ownVerbOf(env: ScopeEnv, hit: CueHit, rule: ContextRule): number | undefined {
  const last = env.tokens[hit.end - 1];
  if (rule.category !== 'NEGATED_EXISTENCE' || rule.direction !== 'BACKWARD' || !last || last.pos !== 'VERB' || hit.end - hit.start < 2) return undefined;
  for (let k = hit.start; k < hit.end - 1; k++) if (NEGATORS.has(env.tokens[k].norm)) return hit.end - 1;
  return undefined;
}

/** The verbs coordinated with a negated own verb: "was not removed or repositioned", "not revised, replaced or removed". */
function coordinatedVerbs(env: ScopeEnv, hit: CueHit): Array<[number, number]> {
  const { tokens } = env;
  const out: Array<[number, number]> = [];
  for (let k = hit.end; k + 1 < env.sentEnd; ) {
    const n = tokens[k].norm;
    if (n !== ',' && n !== 'or' && n !== 'nor') break;
    const next = n === ',' && (tokens[k + 1].norm === 'or' || tokens[k + 1].norm === 'nor') ? k + 2 : k + 1;
    if (next >= env.sentEnd || tokens[next].pos !== 'VERB') break;
    out.push([next, next + 1]);
    k = next + 1;
  }
  return out;
}

/** The scope of one trigger rule at one cue, or null when it reaches nothing. */
function scopeOf(env: ScopeEnv, hit: CueHit, rule: ContextRule): Scope | null {
  const category = rule.category as TriggerCategory;
  const max = rule.maxScope ?? DEFAULT_SCOPE;
  const ranges: Array<[number, number]> = [];
  if (rule.direction === 'FORWARD' || rule.direction === 'BIDIRECTIONAL') {
    const f = forwardScope(env, hit, rule, max);
    if (f) ranges.push(f);
  }
  if (rule.direction === 'BACKWARD' || rule.direction === 'BIDIRECTIONAL') {
    const b = backwardScope(env, hit, category, max, rule.crossesLabel === true);
    if (b) ranges.push(b);
  }
  const ownVerb = ownVerbOf(env, hit, rule);
  if (ownVerb !== undefined) ranges.push(...coordinatedVerbs(env, hit));
  if (!ranges.length && ownVerb === undefined) return null;
  return { hit, rule, category, ranges, ...(ownVerb !== undefined ? { ownVerb } : {}) };
}

/** Where TERMINATE phrases sit in a sentence, as a bit mask of the categories they end. */
function terminationMask(hits: CueHit[], sentStart: number, length: number): Uint8Array {
  const term = new Uint8Array(length);
  for (const h of hits) {
    let mask = 0;
    for (const r of h.rules) {
      if (r.category !== 'TERMINATE') continue;
      mask |= r.terminates ? r.terminates.reduce((m, c) => m | CAT_BIT[c], 0) : ALL_BITS;
    }
    if (mask) for (let k = h.start; k < h.end; k++) term[k - sentStart] |= mask;
  }
  return term;
}

const cache = new WeakMap<Doc, Map<string, SentenceContext>>();
/** The raw cue matches of each sentence (before kinds and overlaps), shared by every target kind. */
const matchCache = new WeakMap<Doc, Map<number, CueHit[]>>();

function sentenceHits(doc: Doc, index: number): CueHit[] {
  let perDoc = matchCache.get(doc);
  if (!perDoc) matchCache.set(doc, (perDoc = new Map()));
  let hits = perDoc.get(index);
  if (!hits) {
    const s = doc.sentences[index];
    perDoc.set(index, (hits = matchAll(doc.tokens, s.tokenStart, s.tokenEnd, trie())));
  }
  return hits;
}

/**
 * The hits as a target of `kind` sees them: trigger rules that do not reach the kind are dropped
 * before overlaps are resolved, so a kind-limited cue ("to come back", conditions only) never hides
 * a shorter general one it overlaps ("come back to") from a target of another kind.
 */
function hitsForKind(hits: CueHit[], kind: string | undefined): CueHit[] {
  const out: CueHit[] = [];
  for (const h of hits) {
    const rules = h.rules.filter((r) => r.category === 'PSEUDO' || r.category === 'TERMINATE' || reachesKind(r, kind));
    if (rules.length) out.push(rules.length === h.rules.length ? h : { ...h, rules });
  }
  return out;
}

function sentenceContext(doc: Doc, index: number, kind: string | undefined): SentenceContext {
  let perDoc = cache.get(doc);
  if (!perDoc) cache.set(doc, (perDoc = new Map()));
  const key = `${index}\u0000${kind ?? ''}`;
  const found = perDoc.get(key);
  if (found) return found;
  const s = doc.sentences[index];
  const hits = resolveOverlaps(hitsForKind(sentenceHits(doc, index), kind), s.tokenStart, s.tokenEnd);
  const term = terminationMask(hits, s.tokenStart, s.tokenEnd - s.tokenStart);
  const env: ScopeEnv = { tokens: doc.tokens, sentStart: s.tokenStart, sentEnd: s.tokenEnd, term, text: doc.text };
  const scopes: Scope[] = [];
  for (const h of hits) {
    if (h.rules.some((r) => r.category === 'PSEUDO')) continue;
    for (const r of h.rules) {
      if (r.category === 'PSEUDO' || r.category === 'TERMINATE') continue;
      const sc = scopeOf(env, h, r);
      if (sc) scopes.push(sc);
    }
  }
  const ctx = { scopes, term };
  perDoc.set(key, ctx);
  return ctx;
}

/** The cues a section header gives its whole body ("PAST MEDICAL HISTORY:"), by category. */
interface HeaderCue {
  hit: CueHit;
  rule: ContextRule;
  category: TriggerCategory;
}
const headerCache = new WeakMap<Doc, Map<number, HeaderCue[]>>();

function headerCues(doc: Doc, sectionIndex: number): HeaderCue[] {
  let perDoc = headerCache.get(doc);
  if (!perDoc) headerCache.set(doc, (perDoc = new Map()));
  const found = perDoc.get(sectionIndex);
  if (found) return found;
  const out: HeaderCue[] = [];
  const header = doc.sections[sectionIndex]?.header;
  const span = header ? targetForSpan(doc, header.start, header.end) : null;
  if (span) {
    const hits = resolveOverlaps(matchAll(doc.tokens, span.tokenStart, span.tokenEnd, headerTrie()), span.tokenStart, span.tokenEnd);
    for (const h of hits) {
      for (const r of h.rules) {
        if (r.category === 'PSEUDO' || r.category === 'TERMINATE') continue;
        out.push({ hit: h, rule: r, category: r.category });
      }
    }
  }
  perDoc.set(sectionIndex, out);
  return out;
}

/** Whether a rule reaches a target of this kind (`allowedKinds` / `excludedKinds`). */
export function reachesKind(rule: ContextRule, kind: string | undefined): boolean {
  if (rule.allowedKinds && !(kind !== undefined && rule.allowedKinds.includes(kind))) return false;
  return !(rule.excludedKinds && kind !== undefined && rule.excludedKinds.includes(kind));
}

function toCue(doc: Doc, hit: CueHit, category: CueCategory): Cue {
  const start = doc.tokens[hit.start].start;
  const end = doc.tokens[hit.end - 1].end;
  return { start, end, text: doc.text.slice(start, end), category };
}

// ------------------------------------------------------------------ public API

export interface ContextOptions {
  /**
   * Let cues inside a target apply to it (default false: a cue that is part of the mention, as
   * in "no-touch technique", does not modify it). Used when the target is a whole sentence.
   */
  innerCues?: boolean;
}

type Nearest = Partial<Record<TriggerCategory, { dist: number; hit: CueHit }>>;

/** The nearest in-sentence cue of each category whose scope reaches target tokens [a, b). */
function nearestCues(sctx: SentenceContext, a: number, b: number, kind: string | undefined, opts: ContextOptions): Nearest {
  const best: Nearest = {};
  for (const sc of sctx.scopes) {
    const { hit } = sc;
    if (!reachesKind(sc.rule, kind)) continue;
    const isOwnVerb = sc.ownVerb !== undefined && a <= sc.ownVerb && sc.ownVerb < b && a >= hit.start;
    if (!isOwnVerb && !opts.innerCues && hit.start < b && a < hit.end) continue; // the cue is part of the target
    if (!isOwnVerb && !sc.ranges.some(([from, to]) => a < to && from < b)) continue;
    const dist = hit.start >= b ? hit.start - b : Math.max(0, a - hit.end);
    const prev = best[sc.category];
    if (!prev || dist < prev.dist) best[sc.category] = { dist, hit };
  }
  return best;
}

/**
 * A section header ("PAST MEDICAL HISTORY:") reaches its whole body, unless a cue of the category
 * was found in the sentence or a TERMINATE phrase of the category stands before the target in its
 * sentence ("... who presents with").
 */
function addHeaderCues(doc: Doc, best: Nearest, sctx: SentenceContext, sentence: number, a: number, kind: string | undefined): void {
  const s = doc.sentences[sentence];
  const section = doc.sections[s.sectionIndex];
  if (!section?.header || doc.tokens[a].start < section.bodyStart) return;
  for (const hc of headerCues(doc, s.sectionIndex)) {
    if (best[hc.category] || !reachesKind(hc.rule, kind)) continue;
    let blocked = false;
    for (let k = s.tokenStart; k < a && !blocked; k++) if (sctx.term[k - s.tokenStart] & CAT_BIT[hc.category]) blocked = true;
    if (!blocked) best[hc.category] = { dist: Number.MAX_SAFE_INTEGER, hit: hc.hit };
  }
}

/** Every context axis for each target (same order as `targets`). */
export function contextAxes(doc: Doc, targets: ContextTarget[], opts: ContextOptions = {}): ContextAxes[] {
  return targets.map((t) => {
    const out: ContextAxes = {};
    const s = doc.sentences[t.sentence];
    if (!s || t.tokenEnd <= t.tokenStart) return out;
    // the target's tokens, clipped to its sentence
    const a = Math.max(t.tokenStart, s.tokenStart);
    const b = Math.min(t.tokenEnd, s.tokenEnd);
    if (b <= a) return out;
    const sctx = sentenceContext(doc, t.sentence, t.kind);
    const best = nearestCues(sctx, a, b, t.kind, opts);
    addHeaderCues(doc, best, sctx, t.sentence, a, t.kind);
    if (best.NEGATED_EXISTENCE) out.negated = toCue(doc, best.NEGATED_EXISTENCE.hit, 'NEGATED_EXISTENCE');
    if (best.HISTORICAL) out.historical = toCue(doc, best.HISTORICAL.hit, 'HISTORICAL');
    if (best.HYPOTHETICAL) out.hypothetical = toCue(doc, best.HYPOTHETICAL.hit, 'HYPOTHETICAL');
    return out;
  });
}

/** One assertion per target, by the priority negated > hypothetical > historical > affirmed. */
export function applyContext(doc: Doc, targets: ContextTarget[], opts: ContextOptions = {}): ContextResult[] {
  return contextAxes(doc, targets, opts).map((ax) => {
    if (ax.negated) return { assertion: 'negated', cue: ax.negated };
    if (ax.hypothetical) return { assertion: 'hypothetical', cue: ax.hypothetical };
    if (ax.historical) return { assertion: 'historical', cue: ax.historical };
    return { assertion: 'affirmed' };
  });
}

/**
 * The target for a character range: the tokens it overlaps and the sentence of its first token.
 * Returns null when the range covers no token.
 */
export function targetForSpan(doc: Doc, start: number, end: number): ContextTarget | null {
  const { tokens } = doc;
  // binary search for the first token ending after `start`
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  let k = lo;
  while (k < tokens.length && tokens[k].start < end) k++;
  if (k === lo) return null;
  return { start, end, tokenStart: lo, tokenEnd: k, sentence: tokens[lo].sentence };
}
