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

/**
 * When the wink instance is replaced. wink keeps every word it has not seen before in its
 * run-time vocabulary for good (~220 bytes each; its feature lists grow alongside): a batch of
 * 100,000 notes, an `audit` run or a worker open all day would grow without bound. Re-creating
 * the instance takes ~60–170 ms, so it is done between texts, after `newLexemes` new words or
 * `notes` texts, whichever comes first (the note bound is a backstop for what the word count does
 * not see). Output does not depend on the instance (see `hideRunTimeLexemes`), so a recycle never
 * changes a result.
 */
export interface RecycleBounds {
  newLexemes: number;
  notes: number;
}

/** New words (not in the model) an instance may collect before it is replaced. */
export const RECYCLE_AFTER_NEW_LEXEMES = 50_000;
/** Texts (notes, questions) an instance reads before it is replaced, whatever their words. */
export const RECYCLE_AFTER_NOTES = 20_000;

export interface NlpStats {
  /** run-time lexemes the current instance holds (words the model does not know) */
  newLexemes: number;
  /** texts the current instance has read */
  notes: number;
  /** how often the instance was replaced in this process or worker */
  recycles: number;
  /** the bound on `newLexemes` */
  limit: number;
  /** the bound on `notes` */
  noteLimit: number;
}

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

type MetaCER = () => unknown;
let metaCERModel: unknown = null;

/**
 * The model's custom-entity meta model, read once per process. wink-eng-lite-web-model's loader
 * (dist/load-cer-meta-model.js) does `machines = JSON.stringify(machines)` on its module variable,
 * so every wink instance built from the model stringifies the previous result again: the string
 * grows with every instance (escapes double) and the 15th or so instance throws "RangeError:
 * Invalid string length" (issue 19, found by recycling). The first result is the right one; every
 * instance gets that.
 */
function metaCER(): unknown {
  if (metaCERModel === null) metaCERModel = (model as unknown as { metaCER: MetaCER }).metaCER();
  return metaCERModel;
}

/**
 * A new wink instance, and a hold on its lexeme cache. wink does not expose the cache; its
 * feature functions (the model's `featureFn`) receive it as their third argument when a new
 * word is added, so the model is handed over with those functions wrapped to catch it.
 */
function create(): { wink: Wink; cache: WinkCache } {
  let caught: WinkCache | null = null;
  let depth = 0;
  const base = model as unknown as { featureFn: (config: unknown) => FeatureFns };
  const wrapped = Object.assign(Object.create(null), model, {
    metaCER,
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
  const cache = caught as WinkCache | null;
  if (!cache) throw new Error('wink-nlp: could not reach the lexeme cache');
  hideRunTimeLexemes(cache, () => depth > 0);
  return { wink: w, cache };
}

/**
 * The one place that owns the wink instance of a process or worker: it hands it out for each text
 * (counting texts and the new words they brought) and replaces it once a bound is passed. Every
 * long-lived path goes through it: `analyze()` (the workspace worker, the batch workers, the
 * `audit` and `analyze` CLIs) and Ask's `terms()`.
 */
export class NlpHolder {
  private nlp: Wink | null = null;
  private cache: WinkCache | null = null;
  private notes = 0;
  private recycles = 0;
  bounds: RecycleBounds;

  constructor(bounds: Partial<RecycleBounds> = {}) {
    this.bounds = { newLexemes: RECYCLE_AFTER_NEW_LEXEMES, notes: RECYCLE_AFTER_NOTES, ...bounds };
  }

  /** The instance, created on first use (module compilation, warm-up); not counted as a text. */
  get(): Wink {
    if (!this.nlp) this.replace();
    return this.nlp!;
  }

  /**
   * The instance for one more text (a note, a question). Called between texts, never during one:
   * if the current instance is past a bound it is replaced first.
   */
  forText(): Wink {
    if (this.nlp && (this.newLexemes() > this.bounds.newLexemes || this.notes >= this.bounds.notes)) this.recycle();
    const w = this.get();
    this.notes++;
    return w;
  }

  /** Replace the instance with a fresh one (drops its run-time vocabulary). */
  recycle(): void {
    if (this.nlp) this.recycles++;
    this.replace();
  }

  stats(): NlpStats {
    this.get();
    return { newLexemes: this.newLexemes(), notes: this.notes, recycles: this.recycles, limit: this.bounds.newLexemes, noteLimit: this.bounds.notes };
  }

  private newLexemes(): number {
    return this.cache ? this.cache.currentSize() - this.cache.intrinsicSize() : 0;
  }

  private replace(): void {
    // drop the old instance first, so the two are never both alive
    this.nlp = null;
    this.cache = null;
    const { wink, cache } = create();
    this.nlp = wink;
    this.cache = cache;
    this.notes = 0;
  }
}

const holder = new NlpHolder();

/** The wink-nlp instance of this process or worker (replaced by `recycleNlp` or past a bound). */
export function getNlp(): Wink {
  return holder.get();
}

/** The wink-nlp instance for one more text: counted, and replaced first once past a bound. */
export function nlpForText(): Wink {
  return holder.forText();
}

/** Replace the wink instance with a fresh one (drops its run-time vocabulary). */
export function recycleNlp(): void {
  holder.recycle();
}

/** New words and texts the current instance holds, how often it was replaced, and the bounds. */
export function nlpStats(): NlpStats {
  return holder.stats();
}

/**
 * Change the recycling bounds of this process (`Infinity` turns one off): for the memory script
 * and tests. Returns the bounds that were in force, to restore them.
 */
export function setRecycleBounds(b: Partial<RecycleBounds>): RecycleBounds {
  const previous = { ...holder.bounds };
  holder.bounds = { ...holder.bounds, ...b };
  return previous;
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
  const w = nlpForText();
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
