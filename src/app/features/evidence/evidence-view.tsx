import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { AnalysedNote } from '../../lib/use-analysis';
import { formatCount } from '../../lib/format';
import { useWorkspace } from '../../lib/store';
import { buildSegments, chunkNote, collectMarks, collectReasons, overlaps, type Mark, type Segment, type TextRange } from '../../lib/highlights';
import type { Analysis, Span } from '../../../engine/types';
import { HIGHLIGHT_KINDS, KIND_CLASS } from '../../lib/kinds';
import { Legend } from './legend';
import { DeviceTable } from './device-table';
import { MAX_CHARS } from '../../../engine/limits';
import { SHORTCUT_KEYS } from '../help/shortcuts';

/** Long notes are drawn in chunks of about this many characters (cut at line breaks). */
const CHUNK_CHARS = 4000;
/** Chunks drawn with their highlights at once when a result arrives (the top of the note)… */
const FIRST_CHUNKS = 2;
/** …then this many per task; a chunk not drawn yet shows its text without highlights. */
const CHUNKS_PER_STEP = 1;

const NO_SPANS: Span[] = [];

function markTitle(seg: Segment, dev: boolean): string {
  const lines = seg.marks.map((m) => {
    const text = m.counts ? m.label : `${m.label} — does not count: ${m.why ?? m.assertion}`;
    return dev ? `${text} [${m.raw}]` : text;
  });
  return [...new Set(lines)].join('\n');
}

interface ChunkHandlers {
  onMarkKey: (e: KeyboardEvent<HTMLElement>, seg: Segment) => void;
  selectSeg: (seg: Segment) => void;
  setFocusAt: (offset: number) => void;
}

/**
 * One chunk of the note. Its segments are built when it is drawn, from the marks in its range
 * only: a 300,000-character note is never split, highlighted and committed in one task (issue
 * 19). Memoised: while a long note is drawn chunk by chunk, the chunks already on the page are
 * not re-rendered, and `active`, `selected` and `roving` are passed only to the chunks they
 * fall in, so hovering a reason or selecting a span redraws those chunks alone. A chunk not
 * drawn yet shows its plain text, so the pane reads as the whole note from the first frame.
 */
const ChunkView = memo(function ChunkView({
  text,
  range,
  analysis,
  drawn,
  split,
  active,
  selected,
  roving,
  dev,
  on,
}: {
  text: string;
  range: TextRange;
  analysis: Analysis;
  drawn: boolean;
  split: boolean;
  active: Span[];
  selected: { start: number; end: number } | null;
  /** The offset whose highlight is the pane's tab stop, when it is in this chunk; else -1. */
  roving: number;
  dev: boolean;
  on: ChunkHandlers;
}) {
  const segs = useMemo(
    () => (drawn ? buildSegments(text, collectMarks(analysis, range), active, range) : null),
    [drawn, text, analysis, range, active],
  );
  // A chunk of whole lines is a block that skips layout off screen; a piece of a very long line
  // (chunkNote cuts one only past 4 chunk sizes) stays inline, so the line reads as one.
  const whole = (range.start === 0 || text[range.start - 1] === '\n') && (range.end === text.length || text[range.end - 1] === '\n');
  const Box = split && !whole ? 'span' : 'div';
  const cls = split && whole ? 'ev-chunk' : undefined;
  if (!segs) return <Box className={cls}>{text.slice(range.start, range.end)}</Box>;
  return (
    <Box className={cls}>
      {segs.map((seg) => {
        const i = seg.start;
        if (!seg.marks.length && !seg.active) return <span key={i}>{seg.text}</span>;
        const primary = seg.marks[0];
        const isSel = !!selected && !!primary && overlaps(selected, seg);
        const tab = roving >= seg.start && roving < seg.end ? 0 : -1;
        if (!primary) {
          return (
            <mark
              key={i}
              data-seg={i}
              data-active="true"
              className="ev ev-active border-transparent"
              tabIndex={tab}
              onKeyDown={(e) => on.onMarkKey(e, seg)}
              onClick={() => on.selectSeg(seg)}
              onFocus={() => on.setFocusAt(i)}
            >
              {seg.text}
            </mark>
          );
        }
        return (
          <mark
            key={i}
            data-seg={i}
            data-kind={primary.hk}
            data-fact-kind={primary.kind}
            data-counts={String(primary.counts)}
            data-assertion={primary.assertion}
            data-active={seg.active ? 'true' : undefined}
            data-selected={isSel ? 'true' : undefined}
            title={markTitle(seg, dev)}
            className={`ev ${primary.counts ? KIND_CLASS[primary.hk] : KIND_CLASS[primary.hk].replace(/\bbg-\S+/g, '')}`}
            tabIndex={tab}
            role="button"
            aria-pressed={isSel}
            aria-label={primary.counts ? undefined : `${seg.text} (does not count: ${primary.why ?? primary.assertion})`}
            onKeyDown={(e) => on.onMarkKey(e, seg)}
            onClick={() => on.selectSeg(seg)}
            onFocus={() => on.setFocusAt(i)}
          >
            {seg.text}
          </mark>
        );
      })}
    </Box>
  );
});

/** Where the first highlight of the shown text starts (a mark or an active span), or -1. */
function firstHighlight(analysis: Analysis, active: Span[], len: number): number {
  let first = Infinity;
  const see = (x: { start: number; end: number }) => {
    if (x.end > x.start && x.end > 0 && x.start < len) first = Math.min(first, Math.max(0, x.start));
  };
  for (const m of analysis.matches) see(m);
  for (const f of analysis.facts) for (const e of f.evidence) see(e);
  for (const a of active) see(a);
  return first === Infinity ? -1 : first;
}

/** The index of the range that holds `offset` (ranges sorted and consecutive), or -1. */
function chunkAt(chunks: TextRange[], offset: number): number {
  let lo = 0;
  let hi = chunks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < chunks[mid].start) hi = mid - 1;
    else if (offset >= chunks[mid].end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The note as analysed, with the words behind each fact highlighted by kind. */
export function EvidenceView({
  result,
  updating,
  empty,
}: {
  result: AnalysedNote | undefined;
  updating: boolean;
  empty: boolean;
}) {
  const hovered = useWorkspace((s) => s.hovered);
  const pinned = useWorkspace((s) => s.pinned);
  const selected = useWorkspace((s) => s.selectedSpan);
  const selectSpan = useWorkspace((s) => s.selectSpan);
  const dev = useWorkspace((s) => s.devDetails);
  const bodyRef = useRef<HTMLDivElement>(null);
  const [focusAt, setFocusAt] = useState<number | null>(null);

  const analysis = result?.analysis;
  // only the part the engine read is shown (offsets refer to it); the rest is reported above
  const shownText = useMemo(() => (result ? (result.analysis.stats.truncated ? result.text.slice(0, MAX_CHARS) : result.text) : ''), [result]);
  const reasons = useMemo(() => (result ? collectReasons(result.analysis) : []), [result]);
  const focus = hovered ?? pinned;
  const focusSpans = focus?.spans ?? NO_SPANS;
  const chunks = useMemo(() => chunkNote(shownText, CHUNK_CHARS), [shownText]);
  // each chunk gets the focused reason's spans that fall in it (one shared empty list otherwise)
  const activeByChunk = useMemo(
    () =>
      chunks.map((r) => {
        const inChunk = focusSpans.filter((a) => overlaps(a, r));
        return inChunk.length ? inChunk : NO_SPANS;
      }),
    [chunks, focusSpans],
  );
  // a new result: back to the top of the note's highlights
  const [focusFor, setFocusFor] = useState(result);
  if (focusFor !== result) {
    setFocusFor(result);
    setFocusAt(null);
  }
  const first = useMemo(() => (analysis ? firstHighlight(analysis, focusSpans, shownText.length) : -1), [analysis, focusSpans, shownText]);
  const roving = focusAt ?? first;
  // A long note is drawn a chunk per task after the first few, never in one long task; a chunk
  // with the focused reason's words or the selected span is drawn at once, wherever it is.
  const [shown, setShown] = useState(FIRST_CHUNKS);
  useEffect(() => setShown(FIRST_CHUNKS), [result]);
  useEffect(() => {
    if (shown >= chunks.length) return;
    const id = setTimeout(() => setShown((n) => n + CHUNKS_PER_STEP), 0);
    return () => clearTimeout(id);
  }, [shown, chunks.length]);
  const selectedChunk = selected ? chunkAt(chunks, selected.start) : -1;
  const rovingChunk = roving >= 0 ? chunkAt(chunks, roving) : -1;

  // Bring the first highlighted span of the focused reason into view inside the note pane.
  useEffect(() => {
    const body = bodyRef.current;
    if (!body || !focus) return;
    const el = body.querySelector<HTMLElement>('[data-active="true"]');
    if (!el) return;
    const top = el.offsetTop;
    if (top < body.scrollTop || top > body.scrollTop + body.clientHeight - 24) {
      body.scrollTop = Math.max(0, top - body.clientHeight / 3);
    }
  }, [focus]);

  const selectedMarks: Mark[] = selected && analysis ? collectMarks(analysis, selected) : [];
  const usedBy = selected ? reasons.filter((r) => r.evidence.some((e) => overlaps(e, selected))) : [];
  const selectedText = selected && result ? result.text.slice(selected.start, selected.end) : '';

  const selectSeg = (seg: Segment) => {
    const primary = seg.marks[0];
    const span = primary ? { start: primary.start, end: primary.end } : { start: seg.start, end: seg.end };
    selectSpan(span);
  };

  // Arrow keys, Home and End move between the highlights on the page (in the order they read).
  const onMarkKey = (e: KeyboardEvent<HTMLElement>, seg: Segment) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      selectSeg(seg);
      return;
    }
    const body = bodyRef.current;
    if (!body || !['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
    const all = [...body.querySelectorAll<HTMLElement>('mark[data-seg]')];
    const pos = all.indexOf(e.currentTarget);
    let next: HTMLElement | undefined;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = all[Math.min(all.length - 1, pos + 1)];
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = all[Math.max(0, pos - 1)];
    else if (e.key === 'Home') next = all[0];
    else next = all[all.length - 1];
    if (next) {
      e.preventDefault();
      setFocusAt(Number(next.dataset.seg));
      next.focus();
    }
  };

  const latest = useRef({ onMarkKey, selectSeg, setFocusAt });
  latest.current = { onMarkKey, selectSeg, setFocusAt };
  // One object for the page's life: chunks already drawn are not redrawn when a later one lands.
  const handlers = useMemo<ChunkHandlers>(
    () => ({
      onMarkKey: (e, seg) => latest.current.onMarkKey(e, seg),
      selectSeg: (seg) => latest.current.selectSeg(seg),
      setFocusAt: (i) => latest.current.setFocusAt(i),
    }),
    [],
  );

  return (
    <section aria-labelledby="evidence-heading" className="card flex min-h-0 flex-col" data-testid="evidence-panel">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-700">
        <h2 id="evidence-heading" className="card-title mr-auto">
          Evidence in the note
        </h2>
        {updating && result && (
          <span className="text-xs text-amber-700 dark:text-amber-300" role="status">
            Updating…
          </span>
        )}
      </div>
      <Legend kinds={HIGHLIGHT_KINDS} />
      {!result || empty ? (
        <p className="p-4 text-sm text-slate-500 dark:text-slate-400">
          {empty ? 'Highlights appear here once there is a note to read.' : 'Reading the note…'}
        </p>
      ) : (
        <div
          id="evidence-body"
          ref={bodyRef}
          tabIndex={-1}
          aria-label="The note with evidence highlighted. Use arrow keys to move between highlights."
          aria-keyshortcuts={SHORTCUT_KEYS.focusEvidence}
          className={`relative max-h-[70vh] min-h-[12rem] flex-1 overflow-auto p-3 font-mono text-[13px] leading-relaxed break-words whitespace-pre-wrap xl:max-h-[calc(100vh-15rem)] ${updating ? 'opacity-70' : ''}`}
          data-testid="evidence-body"
        >
          {analysis &&
            chunks.map((range, i) => (
              <ChunkView
                key={range.start}
                text={shownText}
                range={range}
                analysis={analysis}
                drawn={i < shown || activeByChunk[i] !== NO_SPANS || i === selectedChunk || i === rovingChunk}
                split={chunks.length > 1}
                active={activeByChunk[i]}
                selected={i === selectedChunk || (selected && overlaps(selected, range)) ? selected : null}
                roving={i === rovingChunk ? roving : -1}
                dev={dev}
                on={handlers}
              />
            ))}
        </div>
      )}
      {result && !empty && (
        <>
          {shown < chunks.length && (
            <p className="px-3 py-1 text-xs text-slate-600 dark:text-slate-300" role="status">
              Drawing the rest of the note…
            </p>
          )}
          {result.analysis.stats.truncated && (
            <p className="border-t border-slate-200 px-3 py-2 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-300" data-testid="evidence-truncated">
              The remaining {formatCount(result.text.length - MAX_CHARS)} characters were not analysed and are not shown here.
            </p>
          )}
        </>
      )}
      {selected && result && (
        <div
          className="border-t border-slate-200 bg-slate-50 px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-800/60"
          role="region"
          aria-label="Selected evidence"
          aria-live="polite"
          data-testid="selected-evidence"
        >
          <div className="flex items-start gap-2">
            <p className="mr-auto">
              <span className="font-medium">“{selectedText}”</span>
              {selectedMarks.length > 0 && (
                <span className="text-slate-600 dark:text-slate-300">
                  {' — '}
                  {[...new Set(selectedMarks.map((m) => (m.counts ? m.label : `${m.label} — does not count: ${m.why}`)))].join('; ')}
                </span>
              )}
            </p>
            <button type="button" className="btn-ghost text-xs" onClick={() => selectSpan(null)} aria-label="Close selected evidence">
              ✕
            </button>
          </div>
          {usedBy.length ? (
            <ul className="mt-1 list-none space-y-0.5" aria-label="Reasons that use this evidence">
              {usedBy.map((r) => (
                <li key={r.id}>
                  <span className="font-mono font-semibold">{r.line}</span>{' '}
                  <span className="text-xs text-slate-500 dark:text-slate-400">({r.part})</span> {r.text}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-slate-600 dark:text-slate-300">No reason on a claim line uses this text directly.</p>
          )}
        </div>
      )}
      {result && !empty && <DeviceTable devices={result.analysis.devices ?? []} />}
    </section>
  );
}
