import type { Doc, Token } from '../types';
import type { Clause } from './types';

/** Words that open a new clause wherever they stand. */
const OPENERS = new Set([';', 'then', 'after', 'afterwards', 'afterward', 'before', 'while', 'once', 'which', 'whereupon', 'subsequently', 'thereafter', 'next', 'finally']);
/** Coordinators that open a new clause when a verb follows and the clause so far has one. */
const COORD = new Set(['and', 'but', ',', 'so', 'yet']);
const VERBISH = new Set(['VERB', 'AUX']);

function hasVerb(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (VERBISH.has(tokens[k].pos)) return true;
  return false;
}

/** A coordinator at `k` starts a clause: a verb follows within a few words, before any noun phrase ends. */
function coordinatesClauses(tokens: Token[], k: number, end: number, clauseStart: number): boolean {
  if (!hasVerb(tokens, clauseStart, k)) return false;
  // "... and a new 8-contact lead was placed": a new subject's noun phrase may stand before its verb
  const reach = tokens[k + 1]?.pos === 'DET' ? 10 : 5;
  for (let j = k + 1; j < Math.min(end, k + reach); j++) {
    const t = tokens[j];
    if (VERBISH.has(t.pos)) return true;
    if (t.norm === ',' || t.norm === 'and' || t.norm === ';') return false;
  }
  return false;
}

function isBoundary(tokens: Token[], k: number, end: number, clauseStart: number): boolean {
  const n = tokens[k].norm;
  if (k === clauseStart) return false;
  // "and then", "was then made": 'then' inside a verb group does not open a clause
  if (OPENERS.has(n)) return !(n === 'then' && (tokens[k - 1]?.norm === 'and' || tokens[k - 1]?.pos === 'AUX'));
  if (COORD.has(n)) return coordinatesClauses(tokens, k, end, clauseStart);
  return false;
}

/** A row of an implant or explant log ends with the device's status: "Tined lead 3889, SN ... EXPLANTED (intact)". */
const LOG_ROW_END = /\b(?:implanted|explanted|wasted|retained|used|dispensed|removed|opened|discarded|replaced|in situ)\b[^\n.]{0,24}$/i;

/** A line break after a log row closes the row's clause: each row's status belongs to its own device. */
function logRowBreak(text: string, tokens: Token[], k: number): boolean {
  const prevEnd = tokens[k - 1].end;
  if (!text.slice(prevEnd, tokens[k].start).includes('\n')) return false;
  const line = text.slice(text.lastIndexOf('\n', prevEnd - 1) + 1, prevEnd);
  return line.length <= 120 && LOG_ROW_END.test(line);
}

/** Split every sentence into clauses at semicolons, "then", subordinators and coordinated verbs. */
export function splitClauses(doc: Doc, work: Set<number>): Clause[] {
  const clauses: Clause[] = [];
  const { tokens } = doc;
  const push = (sentence: number, from: number, to: number) => {
    if (to <= from) return;
    clauses.push({ index: clauses.length, sentence, start: tokens[from].start, end: tokens[to - 1].end, tokenStart: from, tokenEnd: to, work: work.has(sentence) });
  };
  for (const s of doc.sentences) {
    let start = s.tokenStart;
    for (let k = s.tokenStart; k < s.tokenEnd; k++) {
      if (!isBoundary(tokens, k, s.tokenEnd, start) && !(k > start && logRowBreak(doc.text, tokens, k))) continue;
      push(s.index, start, k);
      start = k;
    }
    push(s.index, start, s.tokenEnd);
  }
  return clauses;
}

/** Index from token to clause. */
export function clauseOfToken(clauses: Clause[], tokenCount: number): Int32Array {
  const map = new Int32Array(tokenCount).fill(-1);
  for (const c of clauses) for (let k = c.tokenStart; k < c.tokenEnd; k++) map[k] = c.index;
  return map;
}
