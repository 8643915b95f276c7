/**
 * Dates written in a note, and the interval between the date of service and an earlier
 * procedure ("Date: 08/13/2025 ... lead placement on 08/04/2025" → 9 days). Used only to
 * decide whether a documented planned stage or return falls inside a global period.
 */
import type { Doc, Span } from '../types';

export interface NoteDate {
  start: number;
  end: number;
  text: string;
  /** Days since 1970-01-01 (UTC), for differences. */
  day: number;
}

const DAY_MS = 86_400_000;

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6, jul: 7, july: 7,
  aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH_RE = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
/** Days written as ordinal words, as voice recognition leaves them ("september eighth 2025"). */
const UNITS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const TEENS = ['tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth'];
const ORDINAL_DAY = new Map<string, number>([
  ...UNITS.map((w, i) => [w, i + 1] as [string, number]),
  ...TEENS.map((w, i) => [w, i + 10] as [string, number]),
  ['twentieth', 20],
  ...UNITS.map((w, i) => [`twenty ${w}`, 21 + i] as [string, number]),
  ['thirtieth', 30],
  ['thirty first', 31],
]);
const ORDINAL_RE = `(${[...ORDINAL_DAY.keys()].sort((a, b) => b.length - a.length).map((w) => w.replace(' ', '[- ]')).join('|')})`;

const DATE_RE = new RegExp(
  [
    '\\b(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4}|\\d{2})\\b', // 08/13/2025, 8-13-25 (US order)
    '\\b(\\d{4})-(\\d{2})-(\\d{2})\\b', // 2025-08-13
    `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_RE}\\s+(\\d{4})\\b`, // 3 June 2025
    `\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, // June 3, 2025
    `\\b${MONTH_RE}\\s+${ORDINAL_RE},?\\s+(\\d{4})\\b`, // september eighth 2025
  ].join('|'),
  'gi',
);

function dayNumber(y: number, m: number, d: number): number | null {
  if (y < 100) y += 2000;
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1990 || y > 2100) return null;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCDate() !== d) return null; // 02/31
  return Math.round(t / DAY_MS);
}

/** The last text read and its dates: the context and modifier stages both ask for the same note. */
let lastText: string | null = null;
let lastDates: NoteDate[] = [];

/** Every calendar date written in the text (the returned array is shared: do not modify it). */
export function findDates(text: string): NoteDate[] {
  if (text === lastText) return lastDates;
  const out = scanDates(text);
  lastText = text;
  lastDates = out;
  return out;
}

/**
 * A note that writes numeric dates day first: some date has a first number over 12 ("19/05/2025")
 * and none has a second number over 12. Then every numeric date of the note is read day first.
 */
function dayFirstNote(all: RegExpExecArray[]): boolean {
  const numeric = all.filter((m) => m[1]);
  return numeric.some((m) => Number(m[1]) > 12 && Number(m[2]) <= 12) && !numeric.some((m) => Number(m[2]) > 12);
}

function scanDates(text: string): NoteDate[] {
  const out: NoteDate[] = [];
  DATE_RE.lastIndex = 0;
  const all: RegExpExecArray[] = [];
  for (let m = DATE_RE.exec(text); m; m = DATE_RE.exec(text)) all.push(m);
  const dayFirst = dayFirstNote(all);
  for (const m of all) {
    let day: number | null = null;
    if (m[1]) day = dayFirst ? dayNumber(Number(m[3]), Number(m[2]), Number(m[1])) : dayNumber(Number(m[3]), Number(m[1]), Number(m[2]));
    else if (m[4]) day = dayNumber(Number(m[4]), Number(m[5]), Number(m[6]));
    else if (m[7]) day = dayNumber(Number(m[9]), MONTHS[m[8].toLowerCase().replace('.', '')], Number(m[7]));
    else if (m[10]) day = dayNumber(Number(m[12]), MONTHS[m[10].toLowerCase().replace('.', '')], Number(m[11]));
    else if (m[13]) day = dayNumber(Number(m[15]), MONTHS[m[13].toLowerCase().replace('.', '')], ORDINAL_DAY.get(m[14].toLowerCase().replace('-', ' ')) ?? 0);
    if (day !== null) out.push({ start: m.index, end: m.index + m[0].length, text: m[0], day });
  }
  return out;
}

// the label opens a line or follows another field on the same line ("Pt: Doe, J     DOS 06/17/2031")
// Tested only on the 40 characters before a date (serviceDate), so its worst case is bounded.
// eslint-disable-next-line regexp/no-super-linear-backtracking, regexp/no-super-linear-move, regexp/optimal-quantifier-concatenation -- 40-character input
const SERVICE_LABEL = /(?:^|\n|[ \t]{2,}|\t|[|;,][ \t]*)[ \t]*(?:date of (?:service|surgery|procedure|operation)|(?:surgery|procedure|operation|service|operative) date|dos|date)\b[^\n:]{0,12}[:#-]?[ \t]*$/i;
/** A sentence that dates a procedure (not a symptom: "drainage began 5 days ago"). */
export const PROCEDURE_EVENT = /\b(plac(?:ed|ement)|implant(?:ed|ation)?|inserted|insertion|trial|stage|procedure|surgery|operation|operated|revision|revised|replaced|replacement|exchanged?|changed|explant(?:ed)?|pod)\b/i;
const NOT_PROCEDURE = /\b(dob|date of birth|born|h&p|history and physical|consult|clinic visit|seen|interrogat|mri|ct|x-?ray|labs?)\b/i;

/**
 * Days between the date of service and the most recent earlier procedure date the note gives,
 * with the two dates as evidence; null when either is missing.
 */
const intervalCache = new WeakMap<Doc, { days: number; evidence: Span[] } | null>();

export function intervalFromDates(doc: Doc): { days: number; evidence: Span[] } | null {
  if (intervalCache.has(doc)) return intervalCache.get(doc) ?? null;
  const r = computeInterval(doc);
  intervalCache.set(doc, r);
  return r;
}

/** "on 6/10", "from 06/10": a month and day without a year, after a word that dates an event. */
const NO_YEAR_RE = /\b(?:on|from|of|dated|since)\s+(\d{1,2})\/(\d{1,2})\b(?![/.-]\d)/gi;

/** Year-less dates, in the year of the date of service (or the year before, if that would be later). */
export function findYearlessDates(text: string, service: NoteDate): NoteDate[] {
  const out: NoteDate[] = [];
  const year = new Date(service.day * DAY_MS).getUTCFullYear();
  NO_YEAR_RE.lastIndex = 0;
  for (let m = NO_YEAR_RE.exec(text); m; m = NO_YEAR_RE.exec(text)) {
    const month = Number(m[1]);
    const dom = Number(m[2]);
    let day = dayNumber(year, month, dom);
    if (day !== null && day > service.day) day = dayNumber(year - 1, month, dom);
    if (day === null) continue;
    const start = m.index + m[0].length - `${m[1]}/${m[2]}`.length;
    out.push({ start, end: start + m[1].length + 1 + m[2].length, text: `${m[1]}/${m[2]}`, day });
  }
  return out;
}

/** "placed 03/2025", "attempts in 09/2025": a month and year before the service month, as its first day. */
const MONTH_YEAR = /\b(0?[1-9]|1[0-2])\/((?:19|20)\d\d)\b(?![/\d])/g;

export function findMonthYears(text: string, service: NoteDate): NoteDate[] {
  const out: NoteDate[] = [];
  const s = new Date(service.day * DAY_MS);
  const serviceMonth = s.getUTCFullYear() * 12 + s.getUTCMonth();
  MONTH_YEAR.lastIndex = 0;
  for (let m = MONTH_YEAR.exec(text); m; m = MONTH_YEAR.exec(text)) {
    if (m.index > 0 && /[\d/]/.test(text[m.index - 1])) continue; // part of 01/02/2025
    const month = Number(m[2]) * 12 + Number(m[1]) - 1;
    if (month >= serviceMonth) continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], day: Math.round(Date.UTC(Number(m[2]), Number(m[1]) - 1, 1) / DAY_MS) });
  }
  return out;
}

/** The labelled date of service near the top of the note ("DOS: 06/17/2031"), if any. */
export function serviceDate(text: string, full: NoteDate[] = findDates(text)): NoteDate | null {
  return full.find((d) => d.start < 1500 && SERVICE_LABEL.test(text.slice(Math.max(0, d.start - 40), d.start))) ?? datelineDate(text, full);
}

/** Dictation without a date label often opens with the date on a line of its own: "june fourteenth 2025 doctor okafor". */
const DATELINE_REACH = 300;

function datelineDate(text: string, full: NoteDate[]): NoteDate | null {
  const first = full[0];
  if (!first || first.start > DATELINE_REACH) return null;
  const lineStart = text.lastIndexOf('\n', first.start - 1) + 1;
  if (text.slice(lineStart, first.start).trim() !== '') return null;
  const line = text.slice(lineStart, text.indexOf('\n', first.start) < 0 ? text.length : text.indexOf('\n', first.start));
  return NOT_PROCEDURE.test(line) ? null : first;
}

function computeInterval(doc: Doc): { days: number; evidence: Span[] } | null {
  const full = findDates(doc.text);
  if (full.length < 1) return null;
  const service = serviceDate(doc.text, full);
  if (!service) return null;
  const dates = [...full, ...findYearlessDates(doc.text, service)];
  if (dates.length < 2) return null;
  let best: NoteDate | null = null;
  for (const d of dates) {
    if (d === service || d.day >= service.day || service.day - d.day > 400) continue;
    const sentence = doc.sentences.find((s) => s.start <= d.start && d.end <= s.end + 1);
    const around = sentence ? doc.text.slice(sentence.start, sentence.end) : doc.text.slice(Math.max(0, d.start - 120), d.end + 40);
    if (!PROCEDURE_EVENT.test(around) || NOT_PROCEDURE.test(around)) continue;
    if (!best || d.day > best.day) best = d;
  }
  if (!best) return null;
  return {
    days: service.day - best.day,
    evidence: [
      { start: best.start, end: best.end, text: best.text },
      { start: service.start, end: service.end, text: service.text },
    ],
  };
}
