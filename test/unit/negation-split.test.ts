import { describe, expect, it } from 'vitest';
import { fnv1a, halfOf, sentenceKey } from '../../scripts/negation-split';

describe('Chapman tuning / reporting split', () => {
  it('is the 32-bit FNV-1a hash (published test values)', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });
  it('keys a sentence by its text, so every concept of one sentence falls in one half', () => {
    expect(sentenceKey('  No   new pocket\twas needed. ')).toBe('no new pocket was needed.');
    expect(halfOf('No new pocket was needed.')).toBe(halfOf('NO  NEW POCKET WAS NEEDED.'));
  });
  it('puts sentences in both halves, about evenly', () => {
    const halves = Array.from({ length: 400 }, (_, i) => halfOf(`sentence number ${i} of the check`));
    const tuning = halves.filter((h) => h === 'tuning').length;
    expect(tuning).toBeGreaterThan(150);
    expect(tuning).toBeLessThan(250);
  });
});
