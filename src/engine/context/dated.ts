/**
 * Sentences dated before the date of service: "I implanted the DBS leads on 09/03/2025 and the
 * generator on 09/12/2025" describes an earlier operation, so what it names is historical even
 * without a history cue. Runs after the ConText rules, on affirmed mentions only; a sentence
 * that also names the date of service (or "today") is left alone.
 */
import type { ConceptMatch, Doc } from '../types';
import { findDates, findYearlessDates, serviceDate } from '../modifiers/dates';

/** Kinds that describe the work itself; the modifier facts read their own timing. */
const WORK_KINDS = new Set(['target', 'component', 'action', 'approach', 'pocket', 'connection', 'imaging', 'count', 'side', 'trial', 'external', 'tunnel']);
const BIRTH = /\b(dob|d\.o\.b|birth|born)\b[^\n]{0,12}$/i;

export function applyDatedHistory(doc: Doc, matches: ConceptMatch[]): void {
  const full = findDates(doc.text);
  const service = serviceDate(doc.text, full);
  if (!service) return;
  const dates = [...full, ...findYearlessDates(doc.text, service)];
  const earlier = new Map<number, (typeof dates)[number]>();
  const today = new Set<number>();
  // the sentence of the first token at or after pos (binary search: notes can hold thousands of dates)
  const sentenceOf = (pos: number) => {
    const { tokens } = doc;
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid].start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo < tokens.length ? tokens[lo].sentence : -1;
  };
  for (const d of dates) {
    if (d === service) continue;
    const si = sentenceOf(d.start);
    if (si < 0) continue;
    if (d.day >= service.day) today.add(si);
    else if (!BIRTH.test(doc.text.slice(Math.max(0, d.start - 30), d.start)) && !earlier.has(si)) earlier.set(si, d);
  }
  if (!earlier.size) return;
  for (const s of doc.sentences) {
    if (!earlier.has(s.index)) continue;
    if (/\btoday\b|\bthis (procedure|operation|session)\b/i.test(doc.text.slice(s.start, s.end))) today.add(s.index);
  }
  for (const m of matches) {
    if (m.assertion !== 'affirmed' || !WORK_KINDS.has(m.kind) || today.has(m.sentence)) continue;
    const d = earlier.get(m.sentence);
    if (!d) continue;
    m.assertion = 'historical';
    m.cue = { start: d.start, end: d.end, text: d.text, category: 'HISTORICAL' };
  }
}
