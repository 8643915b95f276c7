import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from './index';
import { buildDoc } from './nlp/nlp';
import { DEVICE_CATALOGUE } from '../kb/device-catalogue';

/**
 * Metamorphic properties (issue 14): changes that do not touch the device story never change the
 * claim. Notes come from every regression and blind set; fast-check picks the note, the place and
 * the variant from a fixed seed, so a failure is reproducible and its seed becomes a case.
 */
const DIRS = ['test/fixtures', ...readdirSync('test/fixtures').map((d) => `test/fixtures/${d}`), ...readdirSync('test/blind').map((d) => `test/blind/${d}`)].filter((d) => existsSync(`${d}/expected.json`));
const NOTES = DIRS.flatMap((d) => readdirSync(`${d}/notes`).map((f) => readFileSync(`${d}/notes/${f}`, 'utf8')));

function claim(text: string): string {
  const a = analyze(text);
  const lines = a.suggestions.map((s) => [s.code, ...s.modifiers.map((m) => m.code).sort()].join('-') + ' x' + s.units).sort();
  return `${a.inScope} ${lines.join(' | ')}`;
}

const UNRELATED = [
  'SOCIAL HISTORY: She lives with her husband on a farm and works part time as a librarian. She walks two miles most days.',
  'FAMILY HISTORY: Hypertension in her father and diabetes in her mother.',
  'Family update: The family was updated in the waiting room after the case.',
  'ALLERGIES: Penicillin (rash).',
];

/** Places where a paragraph can go without joining another section: before each header, or at the end. */
function boundaries(text: string): number[] {
  const starts = analyze(text).sections.filter((s) => s.header && s.start > 0).map((s) => s.start - 1);
  return [...starts, text.length];
}

/** Brands that are also plain English words are not swapped in (the swap would change the words, not the brand). */
const WORDLIKE = /^(alpha|infinity|freedom|genus|spectra|sprint|pulsar|inspire|aspire|libra|brio|evoke|omnia|vanta|eterna|prodigy|penta)$/;

function brandSwaps(text: string): string[] {
  const out: string[] = [];
  for (const e of DEVICE_CATALOGUE) {
    const re = new RegExp(`\\b${e.brand}\\b`, 'gi');
    if (!re.test(text)) continue;
    for (const o of DEVICE_CATALOGUE) {
      if (o.brand === e.brand || o.kind !== e.kind || o.target !== e.target || o.form !== e.form || WORDLIKE.test(o.brand)) continue;
      out.push(text.replace(re, (m) => (m[0] === m[0].toUpperCase() ? o.brand[0].toUpperCase() + o.brand.slice(1) : o.brand)));
    }
  }
  return out;
}

/** Two adjacent sentences of one section, neither with any concept match, on one line: their order carries nothing. */
function swappableSentences(text: string): [number, number][] {
  const hit = new Set(analyze(text).matches.map((m) => m.sentence));
  const ss = buildDoc(text).sentences;
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < ss.length; i++) {
    const [x, y] = [ss[i], ss[i + 1]];
    if (hit.has(i) || hit.has(i + 1) || x.sectionIndex !== y.sectionIndex || !/^[ \t]+$/.test(text.slice(x.end, y.start))) continue;
    if (/[.!?]$/.test(text.slice(x.start, x.end).trim()) && /[.!?]$/.test(text.slice(y.start, y.end).trim())) out.push([x.start, y.end]);
  }
  return out;
}

function swapAt(text: string, sentences: ReturnType<typeof buildDoc>['sentences'], start: number): string {
  const i = sentences.findIndex((s) => s.start === start);
  const [x, y] = [sentences[i], sentences[i + 1]];
  return text.slice(0, x.start) + text.slice(y.start, y.end) + text.slice(x.end, y.start) + text.slice(x.start, x.end) + text.slice(y.end);
}

describe('metamorphic properties: changes outside the device story never change the claim', () => {
  it(`adding an unrelated paragraph in its own section (${NOTES.length} notes)`, () => {
    fc.assert(
      fc.property(fc.nat(NOTES.length - 1), fc.nat(UNRELATED.length - 1), fc.nat(), (n, p, k) => {
        const note = NOTES[n];
        const places = boundaries(note);
        const at = places[k % places.length];
        expect(claim(note.slice(0, at) + '\n\n' + UNRELATED[p] + note.slice(at))).toBe(claim(note));
      }),
      { seed: 20261207, numRuns: 60 },
    );
  });

  it('swapping a brand for another of the same device class, target and form', () => {
    const withBrand = NOTES.filter((t) => brandSwaps(t).length);
    expect(withBrand.length).toBeGreaterThan(20);
    fc.assert(
      fc.property(fc.nat(withBrand.length - 1), fc.nat(), (n, k) => {
        const swaps = brandSwaps(withBrand[n]);
        expect(claim(swaps[k % swaps.length])).toBe(claim(withBrand[n]));
      }),
      { seed: 20261207, numRuns: 40 },
    );
  });

  it('swapping two adjacent sentences that say nothing about devices', () => {
    const withPairs = NOTES.filter((t) => swappableSentences(t).length);
    expect(withPairs.length).toBeGreaterThan(20);
    fc.assert(
      fc.property(fc.nat(withPairs.length - 1), fc.nat(), (n, k) => {
        const note = withPairs[n];
        const pairs = swappableSentences(note);
        const variant = swapAt(note, buildDoc(note).sentences, pairs[k % pairs.length][0]);
        expect(variant).not.toBe(note);
        expect(claim(variant)).toBe(claim(note));
      }),
      { seed: 20261207, numRuns: 40 },
    );
  });

  it('cases found by the properties: a title followed by an unrelated paragraph does not hide the story, a short unheaded note keeps its work when a section follows', () => {
    const titled = 'OPERATIVE NOTE\n\nSocial history: She lives with her husband on a farm and works part time as a librarian. She walks two miles most days.\n\nProcedure: Explant of spinal cord stimulator system\nHx: perc SCS placed 2019.\n\nDescripton: Pt positioned prone. Both percutaneous leads were removed through the midline incision and the IPG was removed from the left buttock pocket.';
    expect(claim(titled)).toContain('63661');
    const short = 'PTNS tx 7 of 12 -- 34g needle inserted near the medial malleolus, toe flexion at 3.5 mA, stimulation 30 min.\n\nALLERGIES: none.';
    expect(claim(short)).toContain('64566');
  });
});
