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

/** "placed 03/2025", "attempts in 09/2025": a month before the service month (as its first day). */
const MONTH_YEAR = /\b(0?[1-9]|1[0-2])\/((?:19|20)\d\d)\b(?![/\d])/g;
function findMonthYears(text: string, serviceDay: number): { start: number; end: number; text: string; day: number }[] {
  const out: { start: number; end: number; text: string; day: number }[] = [];
  const service = new Date(serviceDay * 86_400_000);
  const serviceMonth = service.getUTCFullYear() * 12 + service.getUTCMonth();
  MONTH_YEAR.lastIndex = 0;
  for (let m = MONTH_YEAR.exec(text); m; m = MONTH_YEAR.exec(text)) {
    if (m.index > 0 && /[\d/]/.test(text[m.index - 1])) continue; // part of 01/02/2025
    const month = Number(m[2]) * 12 + Number(m[1]) - 1;
    if (month >= serviceMonth) continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], day: Math.round(Date.UTC(Number(m[2]), Number(m[1]) - 1, 1) / 86_400_000) });
  }
  return out;
}

export function applyDatedHistory(doc: Doc, matches: ConceptMatch[]): void {
  const full = findDates(doc.text);
  const service = serviceDate(doc.text, full);
  if (!service) return;
  const dates = [...full, ...findYearlessDates(doc.text, service), ...findMonthYears(doc.text, service.day)];
  const earlier = new Map<number, (typeof dates)[number][]>();
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
    else if (!BIRTH.test(doc.text.slice(Math.max(0, d.start - 30), d.start))) {
      const list = earlier.get(si);
      if (list) list.push(d);
      else earlier.set(si, [d]);
    }
  }
  if (!earlier.size) return;
  // A paragraph signed off with its own earlier date ("... Procedure date 05/28/2019.") is text
  // carried forward from that earlier procedure: every sentence of it is dated, unless it says today.
  for (const [si, list] of [...earlier]) {
    const st = doc.sentences[si];
    const sentenceText = doc.text.slice(st.start, st.end);
    if (!/^\W*(procedure|surgery|operation|implant|implantation|dictation|note|op)\s*(date|dated|done|of|on)?\W*$/i.test(sentenceText.slice(0, list[0].start - st.start))) continue;
    const paraStart = Math.max(doc.text.lastIndexOf('\n\n', st.start), 0);
    const nextBlank = doc.text.indexOf('\n\n', st.end);
    const paraEnd = nextBlank < 0 ? doc.text.length : nextBlank;
    for (const other of doc.sentences) {
      if (other.start < paraStart || other.end > paraEnd || earlier.has(other.index) || today.has(other.index)) continue;
      earlier.set(other.index, list);
    }
  }
  // the clause (between ";" in its sentence) holding a match decides: "GPi leads placed by me
  // 01/13/2026; today = day 14" dates the leads, not today's work
  const clauseOf = (m: ConceptMatch): [number, number] => {
    const s = doc.sentences[m.sentence];
    const text = doc.text.slice(s.start, s.end);
    const before = text.lastIndexOf(';', m.start - s.start);
    const after = text.indexOf(';', m.end - s.start);
    return [s.start + before + 1, after < 0 ? s.end : s.start + after];
  };
  const TODAY = /\btoday\b|\bthis (procedure|operation|session)\b/i;
  for (const m of matches) {
    const inSentence = earlier.get(m.sentence);
    if (m.assertion !== 'affirmed' || !WORK_KINDS.has(m.kind) || today.has(m.sentence) || !inSentence) continue;
    const [from, to] = clauseOf(m);
    const st = doc.sentences[m.sentence];
    const d = inSentence.find((x) => (x.start >= from && x.end <= to) || x.start >= st.end || x.end <= st.start);
    if (!d || TODAY.test(doc.text.slice(from, to))) continue;
    m.assertion = 'historical';
    m.cue = { start: d.start, end: d.end, text: d.text, category: 'HISTORICAL' };
  }
}
