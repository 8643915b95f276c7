import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../index';
import { DEVICE_CATALOGUE } from '../../kb/device-catalogue';

/**
 * Claim lines must not move with facts that do not matter: an unrelated paragraph added to the
 * note, or a brand name swapped for another of the same device class and system. Seeded; a
 * failing seed is kept as a case below.
 */
const claim = (note: string) =>
  analyze(note)
    .suggestions.map((s) => `${[s.code, ...s.modifiers.map((m) => m.code).sort()].join('-')} x${s.units}`)
    .sort()
    .join(' | ');

const DIRS = ['test/fixtures/notes', ...readdirSync('test/fixtures').filter((d) => /^holdout\d*$/.test(d)).map((d) => `test/fixtures/${d}/notes`)];
const NOTES = DIRS.flatMap((d) => readdirSync(d).map((f) => readFileSync(`${d}/${f}`, 'utf8')));

/** Paragraphs with no device, act, side, date or staff word. */
const UNRELATED = [
  'The patient was given the opportunity to ask questions, and all were answered.',
  'Sponge and needle counts were correct at the end of the case.',
  'The patient tolerated the procedure well and was taken to recovery in stable condition.',
  'Home medications were reviewed and continued.',
  'Estimated blood loss was minimal. Fluids: crystalloid.',
];

describe('claim lines are invariant to what does not matter (seeded fast-check)', () => {
  it('adding an unrelated paragraph at the end never changes the claim lines', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: NOTES.length - 1 }), fc.integer({ min: 0, max: UNRELATED.length - 1 }), (i, j) => {
        expect(claim(`${NOTES[i]}\n\n${UNRELATED[j]}\n`)).toBe(claim(NOTES[i]));
      }),
      { seed: 20261207, numRuns: 60 },
    );
  });

  it('swapping a brand for another of the same class and system never changes the claim lines', () => {
    const groups = new Map<string, string[]>();
    for (const e of DEVICE_CATALOGUE) groups.set(`${e.kind}:${e.target}`, [...(groups.get(`${e.kind}:${e.target}`) ?? []), e.brand]);
    const cases: { note: string; from: string; to: string }[] = [];
    for (const note of NOTES) {
      for (const brands of groups.values()) {
        if (brands.length < 2) continue;
        const from = brands.find((b) => new RegExp(`\\b${b}\\b`, 'i').test(note));
        if (from) cases.push({ note, from, to: brands.find((b) => b !== from)! });
      }
    }
    expect(cases.length).toBeGreaterThan(3);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: cases.length - 1 }), (k) => {
        const { note, from, to } = cases[k];
        const swapped = note.replace(new RegExp(`\\b${from}\\b`, 'gi'), to.charAt(0).toUpperCase() + to.slice(1));
        expect(claim(swapped)).toBe(claim(note));
      }),
      { seed: 20261207, numRuns: Math.min(40, cases.length * 2) },
    );
  });
});
