import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from './index';
import type { Analysis, Span } from './types';

function allSpans(a: Analysis): Span[] {
  const out: Span[] = [];
  for (const s of a.suggestions) {
    for (const r of [...s.reasons, ...(s.unitReasons ?? []), ...s.modifiers.flatMap((m) => m.reasons)]) out.push(...r.evidence);
    for (const alt of s.alternatives) out.push(...(alt.evidence ?? []));
  }
  for (const f of a.facts) out.push(...f.evidence);
  for (const w of a.warnings) out.push(...(w.evidence ?? []));
  for (const q of a.questions) out.push(...(q.evidence ?? []));
  for (const m of a.matches) out.push(m);
  return out;
}

function checkValid(note: string): void {
  const a = analyze(note);
  expect(typeof a.inScope).toBe('boolean');
  if (!a.inScope) expect(a.outOfScopeReason).toBeTruthy();
  for (const s of a.suggestions) {
    expect(s.code).toMatch(/^\d{5}$/);
    expect(s.units).toBeGreaterThanOrEqual(1);
    expect(s.modifiers.map((m) => m.code)).not.toContain('11');
  }
  for (const sp of allSpans(a)) expect(note.slice(sp.start, sp.end)).toBe(sp.text);
}

const NOTES = readdirSync('test/fixtures/notes').slice(0, 40).map((f) => readFileSync(`test/fixtures/notes/${f}`, 'utf8'));
const WORDS = ['lead', 'IPG', 'pocket', 'no', 'not', 'previously', 'will', 'left', 'right', 'bilateral', 'placed', 'removed', 'connected', 'S3', 'T8', 'fluoro', ':', '\n', 'PROCEDURE:', 'without', 'trial', 'new', 'existing', '😀', '\u0000', 'é'];

describe('engine properties (seeded fast-check)', () => {
  it('any string in: a valid result out, never a throw, every span slices to its text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), checkValid), { seed: 20261122, numRuns: 300 });
  });

  it('random word soups of note vocabulary', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 120 }).map((w) => w.join(' ')), checkValid), { seed: 7, numRuns: 300 });
  });

  it('mutated real notes (cut, duplicated, case-changed) stay valid', () => {
    const mutated = fc
      .tuple(fc.constantFrom(...NOTES), fc.nat(), fc.nat(), fc.constantFrom('cut', 'dup', 'upper', 'crlf', 'insert'))
      .map(([n, a, b, op]) => {
        const i = a % (n.length + 1);
        const j = b % (n.length + 1);
        const [lo, hi] = i < j ? [i, j] : [j, i];
        if (op === 'cut') return n.slice(0, lo) + n.slice(hi);
        if (op === 'dup') return n.slice(0, hi) + n.slice(lo, hi) + n.slice(hi);
        if (op === 'upper') return n.toUpperCase();
        if (op === 'crlf') return n.replace(/\n/g, '\r\n');
        return n.slice(0, lo) + ' no new ' + n.slice(lo);
      });
    fc.assert(fc.property(mutated, checkValid), { seed: 42, numRuns: 120 });
  });

  // Regression cases kept from earlier failing inputs.
  it.each(['', ' ', '\n\n\n', ':', 'PROCEDURE:', 'no', '\u0000\u0001', 'x'.repeat(5000), 'lead '.repeat(2000)])('regression %#', (s) => checkValid(s));
});
