import { describe, expect, it } from 'vitest';
import { isSpokenTranscript, readSpokenPunctuation } from './spoken';
import { analyze } from '../index';

const DICTATED =
  'procedure colon spinal cord stimulator trial period the first lead was passed through the needle period the second lead was advanced comma then pulled back two centimeters and re advanced period new paragraph both leads were connected to the external trial stimulator period';

describe('spoken punctuation', () => {
  it('reads spoken marks as punctuation without moving any offset', () => {
    const out = readSpokenPunctuation(DICTATED);
    expect(out.length).toBe(DICTATED.length);
    expect(out).toMatch(/^procedure: {6}spinal/);
    expect(out).toContain('needle.       the second');
    expect(out).toContain('\n\n');
  });

  it('leaves written notes and time periods alone', () => {
    const written = 'Lead placed. The global period applies. Period of observation was short. No comma here, period.';
    expect(isSpokenTranscript(written)).toBe(false);
    expect(readSpokenPunctuation(written)).toBe(written);
    const dictated = 'inside the global period comma the lead was placed period she is in the waiting period period done period';
    const out = readSpokenPunctuation(dictated);
    expect(out).toContain('waiting period.');
    expect(out).toContain('global period,');
  });

  it('splits a dictated note into sentences at the spoken periods, evidence still quoting the note', () => {
    const a = analyze(DICTATED);
    expect(a.stats.sentences).toBeGreaterThanOrEqual(4);
    for (const m of a.matches) expect(DICTATED.slice(m.start, m.end)).toBe(m.text);
    const line = a.suggestions.find((s) => s.code === '63650');
    expect(line?.units).toBe(2);
  });
});
