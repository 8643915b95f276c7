import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { AnalysedNote } from '../../lib/use-analysis';
import { formatCount } from '../../lib/format';
import { useWorkspace } from '../../lib/store';
import { buildSegments, collectMarks, collectReasons, overlaps, type Mark, type Segment } from '../../lib/highlights';
import { HIGHLIGHT_KINDS, KIND_CLASS } from '../../lib/kinds';
import { Legend } from './legend';
import { DeviceTable } from './device-table';
import { MAX_CHARS } from '../../../engine/limits';
import { SHORTCUT_KEYS } from '../help/shortcuts';

/** Long notes are drawn in chunks of about this many characters, a few per frame. */
const CHUNK_CHARS = 4000;
/** Chunks drawn at once when a result arrives (the top of the note); the rest follow. */
const FIRST_CHUNKS = 1;
const CHUNKS_PER_STEP = 1;

interface Chunk {
  first: number;
  segs: Segment[];
}

/**
 * Cut the segments into chunks that end at a line break (so each can be its own block); a
 * plain (unhighlighted) segment is split at its last line break when a chunk is full.
 * Segment indices stay those of `segments`: a split segment's tail shares its index.
 */
function chunkSegments(segments: Segment[]): Chunk[] {
  const out: Chunk[] = [];
  let cur: Chunk = { first: 0, segs: [] };
  let size = 0;
  segments.forEach((seg, i) => {
    size += seg.text.length;
    const nl = seg.text.lastIndexOf('\n');
    if (size < CHUNK_CHARS || seg.marks.length || seg.active || nl < 0) {
      cur.segs.push(seg);
      return;
    }
    cur.segs.push({ ...seg, text: seg.text.slice(0, nl + 1), end: seg.start + nl + 1 });
    out.push(cur);
    const tail = seg.text.slice(nl + 1);
    cur = { first: i, segs: tail ? [{ ...seg, text: tail, start: seg.start + nl + 1 }] : [] };
    size = tail.length;
  });
  if (cur.segs.length) out.push(cur);
  return out;
}

function markTitle(seg: Segment, dev: boolean): string {
  const lines = seg.marks.map((m) => {
    const text = m.counts ? m.label : `${m.label} — does not count: ${m.why ?? m.assertion}`;
    return dev ? `${text} [${m.raw}]` : text;
  });
  return [...new Set(lines)].join('\n');
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
  const [focusIdx, setFocusIdx] = useState(0);

  const marks = useMemo(() => (result ? collectMarks(result.analysis) : []), [result]);
  const reasons = useMemo(() => (result ? collectReasons(result.analysis) : []), [result]);
  const focus = hovered ?? pinned;
  const segments = useMemo(
    // only the part the engine read is shown (offsets refer to it); the rest is reported above
    () => (result ? buildSegments(result.analysis.stats.truncated ? result.text.slice(0, MAX_CHARS) : result.text, marks, focus?.spans ?? []) : []),
    [result, marks, focus],
  );
  const markedIdx = useMemo(
    () => segments.map((s, i) => (s.marks.length || s.active ? i : -1)).filter((i) => i >= 0),
    [segments],
  );
  const rovingIdx = markedIdx.includes(focusIdx) ? focusIdx : (markedIdx[0] ?? -1);
  const chunks = useMemo(() => chunkSegments(segments), [segments]);
  // A long note is committed to the page a few chunks per task, never in one long task.
  const [shown, setShown] = useState(FIRST_CHUNKS);
  useEffect(() => setShown(FIRST_CHUNKS), [result]);
  useEffect(() => {
    if (shown >= chunks.length) return;
    const id = setTimeout(() => setShown((n) => n + CHUNKS_PER_STEP), 0);
    return () => clearTimeout(id);
  }, [shown, chunks.length]);

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

  const selectedMarks: Mark[] = selected ? marks.filter((m) => overlaps(m, selected)) : [];
  const usedBy = selected ? reasons.filter((r) => r.evidence.some((e) => overlaps(e, selected))) : [];
  const selectedText = selected && result ? result.text.slice(selected.start, selected.end) : '';

  const selectSeg = (seg: Segment) => {
    const primary = seg.marks[0];
    const span = primary ? { start: primary.start, end: primary.end } : { start: seg.start, end: seg.end };
    selectSpan(span);
  };

  const onMarkKey = (e: KeyboardEvent<HTMLElement>, segIdx: number) => {
    const pos = markedIdx.indexOf(segIdx);
    let next = -1;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = markedIdx[Math.min(markedIdx.length - 1, pos + 1)];
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = markedIdx[Math.max(0, pos - 1)];
    else if (e.key === 'Home') next = markedIdx[0];
    else if (e.key === 'End') next = markedIdx[markedIdx.length - 1];
    else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      selectSeg(segments[segIdx]);
      return;
    }
    if (next >= 0 && next !== undefined) {
      e.preventDefault();
      setFocusIdx(next);
      bodyRef.current?.querySelector<HTMLElement>(`[data-seg="${next}"]`)?.focus();
    }
  };

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
          {chunks.slice(0, shown).map((chunk) => (
            <div key={chunk.first} className={chunks.length > 1 ? 'ev-chunk' : undefined}>
              {chunk.segs.map((seg, j) => {
            const i = chunk.first + j;
            if (!seg.marks.length && !seg.active) return <span key={i}>{seg.text}</span>;
            const primary = seg.marks[0];
            const isSel = !!selected && !!primary && overlaps(selected, seg);
            if (!primary) {
              return (
                <mark
                  key={i}
                  data-seg={i}
                  data-active="true"
                  className="ev ev-active border-transparent"
                  tabIndex={i === rovingIdx ? 0 : -1}
                  onKeyDown={(e) => onMarkKey(e, i)}
                  onClick={() => selectSeg(seg)}
                  onFocus={() => setFocusIdx(i)}
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
                tabIndex={i === rovingIdx ? 0 : -1}
                role="button"
                aria-pressed={isSel}
                aria-label={primary.counts ? undefined : `${seg.text} (does not count: ${primary.why ?? primary.assertion})`}
                onKeyDown={(e) => onMarkKey(e, i)}
                onClick={() => selectSeg(seg)}
                onFocus={() => setFocusIdx(i)}
              >
                {seg.text}
              </mark>
            );
              })}
            </div>
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
          {result.analysis.stats.truncated && shown >= chunks.length && (
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
