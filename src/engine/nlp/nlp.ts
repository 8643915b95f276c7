import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Doc, Section, Sentence, Token } from '../types';
import { splitSections } from '../sections/sections';
import { readSpokenPunctuation } from './spoken';

type Wink = ReturnType<typeof winkNLP>;
/** The part of wink's lexeme cache we reach (src/cache.js): its lookup and sizes. */
interface WinkCache {
  lookup(text: string): number[] | null;
  currentSize(): number;
  intrinsicSize(): number;
}
let nlp: Wink | null = null;
let cache: WinkCache | null = null;
let recycles = 0;

/**
 * New words (not in the model) the wink instance may collect before it is replaced. wink keeps
 * every word it has not seen before in its run-time vocabulary for good (~220 bytes each); a
 * batch of 100,000 notes or a worker open all day would grow without bound. Re-creating the
 * instance takes ~60–170 ms, so it is done between notes, after this many new words.
 */
export const RECYCLE_AFTER_NEW_LEXEMES = 50_000;

/**
 * wink's tokenizer asks its vocabulary whether a piece of a token is a known word, and the
 * vocabulary includes every word met earlier in the process: "x1e5... y" was `x1e5|.|..|y` on
 * the first call and `x1e5|...|y` after (issue 19). Hiding the run-time entries from that
 * lookup makes every call see only the model's own lexicon, so the same text gives the same
 * tokens whatever ran before. (Entries are still added and reused; only the tokenizer's
 * question "is this a known word?" ignores them. Model words, contractions included, are
 * unaffected.)
 */
function hideRunTimeLexemes(c: WinkCache, inFeature: () => boolean): void {
  const intrinsic = c.intrinsicSize();
  const lookup = c.lookup;
  c.lookup = (text: string) => {
    const r = lookup(text);
    // the model's feature functions look up the word being added: they see everything
    return r !== null && r.length === 1 && r[0] >= intrinsic && !inFeature() ? null : r;
  };
}

type FeatureFns = Record<string, unknown>;

/**
 * A new wink instance, and a hold on its lexeme cache. wink does not expose the cache; its
 * feature functions (the model's `featureFn`) receive it as their third argument when a new
 * word is added, so the model is handed over with those functions wrapped to catch it.
 */
function create(): Wink {
  let caught: WinkCache | null = null;
  let depth = 0;
  const base = model as unknown as { featureFn: (config: unknown) => FeatureFns };
  const wrapped = Object.assign(Object.create(null), model, {
    featureFn(config: unknown) {
      const fns = base.featureFn(config);
      const out: FeatureFns = Object.create(null);
      for (const [k, f] of Object.entries(fns)) {
        out[k] =
          typeof f === 'function'
            ? (text: string, category: number, methods: WinkCache) => {
                if (!caught) caught = methods;
                depth++;
                try {
                  return (f as (...a: unknown[]) => unknown)(text, category, methods);
                } finally {
                  depth--;
                }
              }
            : f;
      }
      return out;
    },
  });
  const w = winkNLP(wrapped as typeof model, ['sbd', 'pos']);
  w.readDoc('qzxwvj1'); // a word no model knows: its features are computed, and the cache is caught
  if (!caught) throw new Error('wink-nlp: could not reach the lexeme cache');
  cache = caught;
  hideRunTimeLexemes(cache, () => depth > 0);
  return w;
}

/** The wink-nlp instance, loaded once per process or worker (and replaced by `recycleNlp`). */
export function getNlp(): Wink {
  if (!nlp) nlp = create();
  return nlp;
}

/** Replace the wink instance with a fresh one (drops its run-time vocabulary). */
export function recycleNlp(): void {
  if (nlp) recycles++;
  nlp = create();
}

/** New words the current instance holds, and how often it was replaced. */
export function nlpStats(): { newLexemes: number; recycles: number; limit: number } {
  getNlp();
  return { newLexemes: cache!.currentSize() - cache!.intrinsicSize(), recycles, limit: RECYCLE_AFTER_NEW_LEXEMES };
}

/** Called between notes: recycle once the run-time vocabulary passes the bound. */
function recycleIfFull(): void {
  if (nlp && cache && cache.currentSize() - cache.intrinsicSize() > RECYCLE_AFTER_NEW_LEXEMES) recycleNlp();
}

/**
 * Positions where a sentence must end regardless of wink's sentence splitter: section
 * starts, blank lines, and line breaks that end a list item or a complete line.
 */
function hardBreaks(text: string, sections: Section[]): number[] {
  const breaks: number[] = [];
  for (const s of sections) {
    breaks.push(s.start, s.bodyStart);
  }
  let pos = 0;
  while (pos < text.length) {
    const eol = text.indexOf('\n', pos);
    if (eol < 0) break;
    const line = text.slice(pos, eol).replace(/\r$/, '');
    const next = text.slice(eol + 1, Math.min(text.length, eol + 1 + 80));
    const trimmed = line.trimEnd();
    const nextTrim = next.trimStart();
    const blank = trimmed.length === 0;
    const endsSentence = /[.:;!?)]$/.test(trimmed);
    const nextIsItem = /^([-*•#|]|\d{1,2}[.)]\s|[A-Z][A-Za-z0-9 /#-]{0,40}:|\[[ xX✓✔]?\]|\([ xX]\))/.test(nextTrim);
    const shortLine = trimmed.length > 0 && trimmed.length < 45 && /^[A-Z]/.test(nextTrim);
    if (blank || endsSentence || nextIsItem || shortLine || nextTrim.length === 0) breaks.push(eol + 1);
    pos = eol + 1;
  }
  return breaks.sort((a, b) => a - b);
}

/** wink's tokenizer is quadratic in the length of one run without whitespace. */
export const MAX_RUN = 200;
/** A sentence never grows past this many tokens: later stages look at pairs within a sentence. */
export const MAX_SENTENCE_TOKENS = 150;

/**
 * The text handed to wink: the same length as the note, with every MAX_RUN-th character of a
 * run without whitespace turned into a space, so offsets are unchanged and tokenizing stays
 * linear. Runs that long are never words (base64, pasted rulers, stuck keys).
 */
export function winkSafeText(text: string): string {
  // a plain scan first: almost every note has no such run
  let run = 0;
  let long = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(text[i]));
    run = space ? 0 : run + 1;
    if (run > MAX_RUN) {
      long = true;
      break;
    }
  }
  if (!long) return text;
  const re = new RegExp(`\\S{${MAX_RUN + 1},}`, 'g');
  return text.replace(re, (run) => {
    const chars = run.split('');
    for (let i = MAX_RUN - 1; i < chars.length - 1; i += MAX_RUN) chars[i] = ' ';
    return chars.join('');
  });
}

/** Words at least this long may be read as typos of device words (match/spelling.ts), unless they are English words. */
const MIN_TYPO_LENGTH = 7;

/**
 * Which long lower-case words are in wink's English lexicon. `isOOV` reads only the model's own
 * lexicon (never the words wink adds to its cache while reading), so the answer is the same for
 * every note and is memoised for the process, up to LEXICON_MEMO entries.
 */
const lexicon = new Map<string, boolean>();
const LEXICON_MEMO = 50_000;

function isLowerAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/** Is a word long enough to be taken for a typo an English word of wink's lexicon? */
function inLexicon(norm: string, wdoc: { isOOV(text: string): boolean }): boolean {
  if (norm.length < MIN_TYPO_LENGTH || !isLowerAscii(norm)) return false;
  let known = lexicon.get(norm);
  if (known === undefined) {
    known = !wdoc.isOOV(norm);
    if (lexicon.size >= LEXICON_MEMO) lexicon.clear();
    lexicon.set(norm, known);
  }
  return known;
}

/** Sections of the readable text; their headers quote the user's own words. */
function sectionsOf(text: string, readable: string): Section[] {
  if (readable === text) return splitSections(text);
  const sections = splitSections(readable);
  for (const s of sections) if (s.header) s.header = { ...s.header, text: text.slice(s.header.start, s.header.end) };
  return sections;
}

/** Is `v` one or more whitespace characters (wink's newline and space tokens)? */
function allSpace(v: string): boolean {
  const c = v.charCodeAt(0);
  // a token starting with a visible ASCII character is never whitespace
  if (c > 32 && c < 128) return false;
  return /^\s+$/.test(v);
}

/** Read a note into sections, sentences and tokens with character offsets. */
export function buildDoc(text: string): Doc {
  // spoken punctuation ("period", "new paragraph") read as marks; same length, so offsets hold
  const readable = readSpokenPunctuation(text);
  const sections = sectionsOf(text, readable);
  recycleIfFull();
  const w = getNlp();
  const its = w.its;
  const safe = winkSafeText(readable);
  const wdoc = w.readDoc(safe);
  const tokensOf = wdoc.tokens();
  const values = tokensOf.out(its.value) as string[];
  const spaces = tokensOf.out(its.precedingSpaces) as string[];
  const types = tokensOf.out(its.type) as string[];
  const pos = tokensOf.out(its.pos) as string[];
  const n = values.length;
  // wink sentence spans are token index ranges [first, last]; flag each sentence's first token
  const winkStart = new Uint8Array(n + 1);
  wdoc.sentences().each((s: { out: (f: unknown) => unknown }) => {
    const span = s.out(its.span) as unknown as [number, number];
    winkStart[span[0]] = 1;
  });

  const breaks = hardBreaks(readable, sections);
  const nBreaks = breaks.length;
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let current: Sentence | null = null;
  let offset = 0;
  let bi = 0;
  let sectionIndex = 0;
  let nextSectionStart = sections.length > 1 ? sections[1].start : Infinity;
  let pendingBreak = true;
  for (let i = 0; i < n; i++) {
    offset += spaces[i].length;
    let start = offset;
    const v = values[i];
    if (safe.startsWith(v, start)) {
      offset = start + v.length;
    } else {
      // wink normalised something; find the token from here on
      const found = safe.indexOf(v, start);
      if (found >= 0 && found - start < 16) {
        start = found;
        offset = found + v.length;
      } else {
        offset = start + v.length;
        continue;
      }
    }
    // "Inside a global period? [ ] Yes [x] No": a check box answers the question on its line
    if (winkStart[i] === 1 && !(v === '[' && i > 0 && (values[i - 1] === '?' || values[i - 1] === ':') && spaces[i].indexOf('\n') < 0)) pendingBreak = true;
    while (bi < nBreaks && breaks[bi] <= start) {
      bi++;
      pendingBreak = true;
    }
    if (types[i] === 'tabCRLF' || allSpace(v)) continue;
    while (nextSectionStart <= start) {
      sectionIndex++;
      nextSectionStart = sectionIndex + 1 < sections.length ? sections[sectionIndex + 1].start : Infinity;
    }
    if (current !== null && tokens.length - current.tokenStart >= MAX_SENTENCE_TOKENS) pendingBreak = true;
    if (pendingBreak || current === null) {
      if (current !== null) closeSentence(current, tokens);
      current = {
        index: sentences.length,
        start,
        end: start,
        section: sections[sectionIndex].kind,
        sectionIndex,
        tokenStart: tokens.length,
        tokenEnd: tokens.length,
      };
      sentences.push(current);
      pendingBreak = false;
    }
    const norm = v.toLowerCase();
    const token: Token = { start, end: start + v.length, text: v, norm, pos: pos[i], sentence: sentences.length - 1 };
    if (inLexicon(norm, wdoc)) token.lexeme = true;
    tokens.push(token);
  }
  if (current !== null) closeSentence(current, tokens);
  return { text, sections, sentences, tokens };
}

function closeSentence(s: Sentence, tokens: Token[]): void {
  s.tokenEnd = tokens.length;
  s.end = tokens.length > s.tokenStart ? tokens[tokens.length - 1].end : s.start;
}
