import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildSegments, chunkNote, collectMarks, overlaps, whyNotCounted, type Mark } from '../../src/app/lib/highlights';
import { analyze } from '../../src/engine/index';
import { sampleText } from './helpers';

const mark = (start: number, end: number, counts = true): Mark => ({
  start, end, kind: 'pocket', hk: 'pocket', counts, assertion: counts ? 'affirmed' : 'negated', label: 'pocket', raw: 'pocket: created',
});

describe('evidence segments', () => {
  it('always cover the text exactly, and each segment knows its marks', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 80 }),
        fc.array(fc.tuple(fc.nat(90), fc.nat(20), fc.boolean()), { maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(90), fc.nat(20)), { maxLength: 3 }),
        (text, ms, act) => {
          const marks = ms.map(([s, l, c]) => mark(s, s + l, c));
          const active = act.map(([s, l]) => ({ start: s, end: s + l, text: '' }));
          const segs = buildSegments(text, marks, active);
          expect(segs.map((s) => s.text).join('')).toBe(text);
          for (const seg of segs) {
            const want = marks.filter((m) => m.start < seg.end && seg.start < m.end).length;
            expect(seg.marks.length).toBe(want);
            expect(seg.active).toBe(active.some((a) => a.start < seg.end && seg.start < a.end));
            if (seg.marks.some((m) => m.counts)) expect(seg.marks[0].counts).toBe(true);
          }
        },
      ),
      { seed: 20261122, numRuns: 500 },
    );
  });

  it('explains a non-counting mention by its cue', () => {
    expect(whyNotCounted({ assertion: 'negated', cue: { start: 0, end: 2, text: 'No', category: 'NEGATED_EXISTENCE' } })).toBe(
      "negated by 'no'",
    );
    expect(whyNotCounted({ assertion: 'affirmed' })).toBe('');
  });

  it('every mark from a real analysis slices back to the note', () => {
    for (const id of ['scs-trial', 'sacral-stage1', 'vns']) {
      const text = sampleText(id);
      for (const m of collectMarks(analyze(text))) {
        expect(m.start).toBeGreaterThanOrEqual(0);
        expect(m.end).toBeLessThanOrEqual(text.length);
      }
    }
  });
});

// issue 19: the evidence pane draws a long note chunk by chunk, each from its own range
describe('chunked evidence', () => {
  const noteText = fc.stringMatching(/^[a-z \n\u{1F600}]{0,300}$/u);

  it('chunkNote: consecutive ranges that cover the text, each ending after a line break when one is near', () => {
    fc.assert(
      fc.property(noteText, fc.integer({ min: 1, max: 60 }), (text, size) => {
        const chunks = chunkNote(text, size);
        if (!text) expect(chunks).toEqual([]);
        let at = 0;
        for (const [i, c] of chunks.entries()) {
          expect(c.start).toBe(at);
          expect(c.end).toBeGreaterThan(c.start);
          const last = i === chunks.length - 1;
          if (!last) {
            // a cut never splits a surrogate pair, and is after a line break unless the line is over 4 × size
            const hi = text.charCodeAt(c.end - 1);
            expect(hi >= 0xd800 && hi <= 0xdbff).toBe(false);
            if (text[c.end - 1] !== '\n') {
              const nl = text.indexOf('\n', c.start);
              expect(nl < 0 || nl >= c.start + 4 * size).toBe(true);
              expect(text[c.end - 1] === ' ' || c.end >= c.start + 4 * size - 1).toBe(true);
            }
            // a line break within the size: the cut is after the last one
            const nl = text.lastIndexOf('\n', c.start + size - 1);
            if (nl >= c.start) expect(c.end).toBe(nl + 1);
          }
          at = c.end;
        }
        expect(at).toBe(text.length);
      }),
      { seed: 20261208, numRuns: 500 },
    );
  });

  it('the segments of every chunk, put together, are the whole-text segments cut at the chunk ends, and every mark lands in the chunks it overlaps', () => {
    fc.assert(
      fc.property(
        noteText,
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.tuple(fc.nat(320), fc.nat(40), fc.boolean()), { maxLength: 20 }),
        fc.array(fc.tuple(fc.nat(320), fc.nat(40)), { maxLength: 4 }),
        (text, size, ms, act) => {
          const marks = ms.map(([s, l, c]) => mark(s, s + l, c));
          const active = act.map(([s, l]) => ({ start: s, end: s + l, text: '' }));
          const whole = buildSegments(text, marks, active);
          const chunks = chunkNote(text, size);
          const parts = chunks.flatMap((c) => {
            const segs = buildSegments(text, marks, active, c);
            for (const seg of segs) {
              expect(seg.start).toBeGreaterThanOrEqual(c.start);
              expect(seg.end).toBeLessThanOrEqual(c.end);
            }
            // a mark is in a chunk's segments exactly when it overlaps that chunk
            const inChunk = new Set(segs.flatMap((seg) => seg.marks));
            for (const m of marks) expect(inChunk.has(m)).toBe(m.start < c.end && c.start < m.end && m.end > m.start);
            return segs;
          });
          expect(parts.map((p) => p.text).join('')).toBe(text);
          expect(parts.map((p) => p.text).join('')).toBe(whole.map((w) => w.text).join(''));
          // each chunk segment lies inside one whole-text segment, with the same marks in the same order
          const bounds = new Set([...whole.map((w) => w.start), ...chunks.map((c) => c.start)]);
          for (const p of parts) {
            const w = whole.find((x) => x.start <= p.start && p.end <= x.end)!;
            expect(w).toBeDefined();
            expect(p.marks).toEqual(w.marks);
            expect(p.active).toBe(w.active);
            expect(bounds.has(p.start)).toBe(true);
          }
        },
      ),
      { seed: 20261208, numRuns: 500 },
    );
  });

  it('collectMarks over a range: the marks overlapping it, in the same order', () => {
    const text = sampleText('scs-trial');
    const analysis = analyze(text);
    const all = collectMarks(analysis);
    for (const range of chunkNote(text, 200)) {
      expect(collectMarks(analysis, range)).toEqual(all.filter((m) => overlaps(m, range)));
    }
    expect(collectMarks(analysis, { start: 0, end: text.length })).toEqual(all);
  });
});
