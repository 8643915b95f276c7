/**
 * Sentences dated before the date of service: "I implanted the DBS leads on 09/03/2025 and the
 * generator on 09/12/2025" describes an earlier operation, so what it names is historical even
 * without a history cue. Runs after the ConText rules, on affirmed mentions only; a sentence
 * that also names the date of service (or "today") is left alone.
 */
import type { ConceptMatch, Doc } from '../types';
import { findDates, findMonthYears, findYearlessDates, serviceDate, type NoteDate } from '../modifiers/dates';
import { targetForSpan } from './context';

/** Kinds that describe the work itself; the modifier facts read their own timing. */
const WORK_KINDS = new Set(['target', 'component', 'action', 'approach', 'pocket', 'connection', 'imaging', 'count', 'side', 'trial', 'external', 'tunnel']);
const BIRTH = /\b(dob|d\.o\.b|birth|born)\b[^\n]{0,12}$/i;

interface DatedSentences {
  earlier: Map<number, NoteDate[]>;
  today: Set<number>;
}

/** Sentences with a date before the date of service, and sentences that name the day itself. */
function datedSentences(doc: Doc, service: NoteDate, dates: NoteDate[]): DatedSentences {
  const earlier = new Map<number, NoteDate[]>();
  const today = new Set<number>();
  for (const d of dates) {
    if (d === service) continue;
    const si = targetForSpan(doc, d.start, d.end)?.sentence ?? -1;
    if (si < 0) continue;
    if (d.day >= service.day) today.add(si);
    else if (!BIRTH.test(doc.text.slice(Math.max(0, d.start - 30), d.start))) {
      const list = earlier.get(si);
      if (list) list.push(d);
      else earlier.set(si, [d]);
    }
  }
  return { earlier, today };
}

const SIGN_OFF = /^\W*(procedure|surgery|operation|implant|implantation|dictation|note|op)(?:\s*(date|dated|done|of|on))?\W*$/i;

/**
 * A paragraph signed off with its own earlier date ("... Procedure date 05/28/2019.") is text
 * carried forward from that earlier procedure: every sentence of it is dated, unless it says today.
 */
function extendSignedParagraphs(doc: Doc, { earlier, today }: DatedSentences): void {
  for (const [si, list] of [...earlier]) {
    const st = doc.sentences[si];
    const sentenceText = doc.text.slice(st.start, st.end);
    if (!SIGN_OFF.test(sentenceText.slice(0, list[0].start - st.start))) continue;
    const paraStart = Math.max(doc.text.lastIndexOf('\n\n', st.start), 0);
    const nextBlank = doc.text.indexOf('\n\n', st.end);
    const paraEnd = nextBlank < 0 ? doc.text.length : nextBlank;
    for (const other of doc.sentences) {
      if (other.start < paraStart || other.end > paraEnd || earlier.has(other.index) || today.has(other.index)) continue;
      earlier.set(other.index, list);
    }
  }
}

/**
 * The clause (between ";" in its sentence) holding a match decides: "GPi leads placed by me
 * 01/13/2026; today = day 14" dates the leads, not today's work.
 */
function clauseOf(doc: Doc, m: ConceptMatch): [number, number] {
  const s = doc.sentences[m.sentence];
  const text = doc.text.slice(s.start, s.end);
  const before = text.lastIndexOf(';', m.start - s.start);
  const after = text.indexOf(';', m.end - s.start);
  return [s.start + before + 1, after < 0 ? s.end : s.start + after];
}

const TODAY = /\btoday\b|\bthis (procedure|operation|session)\b/i;

export function applyDatedHistory(doc: Doc, matches: ConceptMatch[]): void {
  const full = findDates(doc.text);
  const service = serviceDate(doc.text, full);
  if (!service) return;
  const dates = [...full, ...findYearlessDates(doc.text, service), ...findMonthYears(doc.text, service)];
  const dated = datedSentences(doc, service, dates);
  if (!dated.earlier.size) return;
  extendSignedParagraphs(doc, dated);
  for (const m of matches) {
    const inSentence = dated.earlier.get(m.sentence);
    if (m.assertion !== 'affirmed' || !WORK_KINDS.has(m.kind) || dated.today.has(m.sentence) || !inSentence) continue;
    const [from, to] = clauseOf(doc, m);
    const st = doc.sentences[m.sentence];
    // a date in the clause, or the date of the paragraph this sentence was carried forward with
    const d = inSentence.find((x) => (x.start >= from && x.end <= to) || x.start >= st.end || x.end <= st.start);
    if (!d || TODAY.test(doc.text.slice(from, to))) continue;
    m.assertion = 'historical';
    m.cue = { start: d.start, end: d.end, text: d.text, category: 'HISTORICAL' };
  }
}
