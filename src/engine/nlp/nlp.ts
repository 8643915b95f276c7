import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Doc, Section, Sentence, Token } from '../types';
import { splitSections } from '../sections/sections';

type Wink = ReturnType<typeof winkNLP>;
let nlp: Wink | null = null;

/** The wink-nlp instance, loaded once per process or worker. */
export function getNlp(): Wink {
  if (!nlp) nlp = winkNLP(model, ['sbd', 'pos']);
  return nlp;
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

/** Is `v` one or more whitespace characters (wink's newline and space tokens)? */
function allSpace(v: string): boolean {
  const c = v.charCodeAt(0);
  // a token starting with a visible ASCII character is never whitespace
  if (c > 32 && c < 128) return false;
  return /^\s+$/.test(v);
}

/** Read a note into sections, sentences and tokens with character offsets. */
export function buildDoc(text: string): Doc {
  const sections = splitSections(text);
  const w = getNlp();
  const its = w.its;
  const safe = winkSafeText(text);
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

  const breaks = hardBreaks(text, sections);
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
