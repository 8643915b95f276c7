import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildSegments, collectMarks, whyNotCounted, type Mark } from '../../src/app/lib/highlights';
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
