/**
 * Turns an analysis into non-overlapping text segments for the evidence view. Each segment
 * knows which fact marks cover it, whether any of them count, and whether the reason the
 * user is pointing at uses it.
 */
import type { Analysis, Assertion, ConceptMatch, FactKind, Span } from '../../engine/types';
import { highlightKind, type HighlightKind } from './kinds';
import { factWords } from './plain-labels';

export interface Mark {
  start: number;
  end: number;
  kind: FactKind;
  hk: HighlightKind;
  /** False for negated, historical or planned mentions. */
  counts: boolean;
  assertion: Assertion;
  /** Plain-language label, e.g. "Device part: pulse generator or receiver". */
  label: string;
  /** The engine's own name for it ("component: generator"), shown only with developer details on. */
  raw: string;
  /** Why it does not count, when it does not. */
  why?: string;
}

export interface Segment {
  start: number;
  end: number;
  text: string;
  marks: Mark[];
  /** Covered by the hovered or pinned reason. */
  active: boolean;
}

const ASSERTION_WORD: Record<Exclude<Assertion, 'affirmed'>, string> = {
  negated: 'negated',
  historical: 'historical (done before this session)',
  hypothetical: 'planned or hypothetical',
};

/** Why a non-affirmed match does not count, e.g. "negated by 'no'". */
export function whyNotCounted(m: Pick<ConceptMatch, 'assertion' | 'cue'>): string {
  if (m.assertion === 'affirmed') return '';
  const word = ASSERTION_WORD[m.assertion];
  return m.cue ? `${word} by '${m.cue.text.toLowerCase()}'` : word;
}

/** A part of the note: [start, end). */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * The marks of an analysis; with `range`, only those overlapping it (the same marks, in the
 * same order, as `collectMarks(analysis).filter((m) => overlaps(m, range))`, without building
 * the others: the evidence pane asks for one chunk of a long note at a time).
 */
export function collectMarks(analysis: Analysis, range?: TextRange): Mark[] {
  const marks: Mark[] = [];
  const seen = new Set<string>();
  const add = (m: Mark) => {
    if (m.end <= m.start) return;
    const key = `${m.start}:${m.end}:${m.kind}:${m.counts}`;
    if (seen.has(key)) return;
    seen.add(key);
    marks.push(m);
  };
  // Matches first: they carry the cue that explains a negated or planned mention.
  const outside = (x: { start: number; end: number }) => !!range && !(x.start < range.end && range.start < x.end);
  for (const m of analysis.matches) {
    if (outside(m)) continue;
    const counts = m.assertion === 'affirmed';
    add({
      start: m.start,
      end: m.end,
      kind: m.kind,
      hk: highlightKind(m.kind),
      counts,
      assertion: m.assertion,
      label: factWords(m.kind, m.value),
      raw: `${m.kind}: ${m.value}`,
      why: counts ? undefined : whyNotCounted(m),
    });
  }
  for (const f of analysis.facts) {
    const counts = f.assertion === 'affirmed';
    for (const e of f.evidence) {
      if (outside(e)) continue;
      add({
        start: e.start,
        end: e.end,
        kind: f.kind,
        hk: highlightKind(f.kind),
        counts,
        assertion: f.assertion,
        // a conclusion over the note keeps the engine's sentence; a single mention gets plain words
        label: f.derived && f.text ? f.text : factWords(f.kind, f.value),
        raw: `${f.kind}: ${f.value}`,
        why: counts ? undefined : f.why || ASSERTION_WORD[f.assertion as Exclude<Assertion, 'affirmed'>],
      });
    }
  }
  return marks;
}

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Split `text` at every mark and active-span boundary. Covers the whole text, or with `range`
 * only that part of it: the segments of consecutive ranges, put together, are the whole text's
 * segments cut once more at the range ends (offsets stay those of the whole text).
 */
export function buildSegments(text: string, allMarks: Mark[], allActive: Span[] = [], range?: TextRange): Segment[] {
  const lo = range ? Math.max(0, Math.min(text.length, range.start)) : 0;
  const hi = range ? Math.max(lo, Math.min(text.length, range.end)) : text.length;
  const inside = (x: { start: number; end: number }) => x.start < hi && lo < x.end;
  const marks = range ? allMarks.filter(inside) : allMarks;
  const active = range ? allActive.filter(inside) : allActive;
  const cuts = new Set<number>([lo, hi]);
  const clamp = (n: number) => Math.max(lo, Math.min(hi, n));
  for (const m of marks) {
    cuts.add(clamp(m.start));
    cuts.add(clamp(m.end));
  }
  for (const a of active) {
    cuts.add(clamp(a.start));
    cuts.add(clamp(a.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  // Sweep over the cut points, keeping the marks (and active spans) that cover the current one.
  const byStart = [...marks].sort((x, y) => x.start - y.start);
  const activeByStart = [...active].sort((x, y) => x.start - y.start);
  let mi = 0;
  let ai = 0;
  let open: Mark[] = [];
  let openActive: Span[] = [];
  const segs: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i];
    const end = points[i + 1];
    while (mi < byStart.length && byStart[mi].start <= start) open.push(byStart[mi++]);
    while (ai < activeByStart.length && activeByStart[ai].start <= start) openActive.push(activeByStart[ai++]);
    open = open.filter((m) => m.end > start);
    openActive = openActive.filter((x) => x.end > start);
    if (end <= start) continue;
    // Counting marks first, then longer spans first, so the primary mark is the meaningful one.
    const covering = open
      .filter((m) => m.start < end)
      .sort((x, y) => Number(y.counts) - Number(x.counts) || y.end - y.start - (x.end - x.start));
    segs.push({
      start,
      end,
      text: text.slice(start, end),
      marks: covering,
      active: openActive.some((x) => x.start < end),
    });
  }
  return segs;
}

/**
 * Cut a note into consecutive ranges of about `size` characters for drawing a long note piece
 * by piece. Each range ends just after a line break (the last one within `size`, or the next
 * one when a line is longer), so each can be its own block without changing how the note
 * looks; a line over 4 × `size` is cut after a space (or, with none, anywhere but inside a
 * surrogate pair), and the pieces of such a line are drawn inline. The ranges cover the text exactly: the first starts at 0, each starts where
 * the one before ends, the last ends at text.length; an empty text has none.
 */
export function chunkNote(text: string, size = 4000): TextRange[] {
  const step = Math.max(1, Math.floor(size));
  const len = text.length;
  const out: TextRange[] = [];
  let start = 0;
  while (start < len) {
    if (len - start <= step) {
      out.push({ start, end: len });
      break;
    }
    let end = text.lastIndexOf('\n', start + step - 1) + 1;
    if (end <= start) {
      const next = text.indexOf('\n', start + step);
      if (next >= 0 && next + 1 - start <= 4 * step) end = next + 1;
      else {
        const limit = Math.min(len, start + 4 * step);
        if (limit >= len) end = len;
        else {
          end = text.lastIndexOf(' ', limit - 1) + 1;
          if (end <= start) {
            end = limit;
            const c = text.charCodeAt(end - 1);
            if (c >= 0xd800 && c <= 0xdbff && end - 1 > start) end--;
          }
        }
      }
    }
    out.push({ start, end });
    start = end;
  }
  return out;
}

/** One reason-like line in the suggestions, addressable by id. */
export interface ReasonRef {
  id: string;
  /** The claim line it belongs to, e.g. "64590-RT". */
  line: string;
  /** What part of the line: "code", "modifier RT", "units", "why not 63688". */
  part: string;
  text: string;
  evidence: Span[];
}

/** Every reason, modifier reason, unit reason and why-not in the analysis, with stable ids. */
export function collectReasons(analysis: Analysis): ReasonRef[] {
  const out: ReasonRef[] = [];
  analysis.suggestions.forEach((s, i) => {
    const line = [s.code, ...s.modifiers.map((m) => m.code)].join('-');
    s.reasons.forEach((r, j) => out.push({ id: `s${i}-r${j}`, line, part: 'code', text: r.text, evidence: r.evidence }));
    s.modifiers.forEach((m, k) =>
      m.reasons.forEach((r, j) =>
        out.push({ id: `s${i}-m${k}-r${j}`, line, part: `modifier ${m.code}`, text: r.text, evidence: r.evidence }),
      ),
    );
    (s.unitReasons ?? []).forEach((r, j) =>
      out.push({ id: `s${i}-u${j}`, line, part: 'units', text: r.text, evidence: r.evidence }),
    );
    s.alternatives.forEach((a, j) =>
      out.push({ id: `s${i}-a${j}`, line, part: `why not ${a.code}`, text: a.whyNot, evidence: a.evidence ?? [] }),
    );
  });
  analysis.warnings.forEach((w, i) =>
    out.push({ id: `w${i}`, line: (w.codes ?? []).join(', ') || 'Note', part: 'warning', text: w.message, evidence: w.evidence ?? [] }),
  );
  analysis.questions.forEach((q, i) =>
    out.push({ id: `q${i}`, line: q.code ?? q.modifier ?? 'Note', part: 'question', text: q.text, evidence: q.evidence ?? [] }),
  );
  return out;
}
