import { describe, expect, it } from 'vitest';
import { compilePattern, matchAt, skippedDenial } from './pattern';

const norms = (s: string) => s.toLowerCase().split(/\s+/);

describe('pattern language', () => {
  it('matches alternatives, prefixes and bounded gaps', () => {
    const p = compilePattern('pocket ~4 created|fashioned');
    expect(matchAt(p, norms('pocket was then carefully fashioned here'), 0, 6)).toBe(5);
    expect(matchAt(p, norms('pocket a b c d e created'), 0, 7)).toBe(-1);
    const q = compilePattern('tunnel* to');
    expect(matchAt(q, norms('tunnelled to'), 0, 2)).toBe(2);
  });

  it('matches a one-token regular expression', () => {
    const p = compilePattern('top of /^[ct]\\d{1,2}$/');
    expect(matchAt(p, norms('top of t8'), 0, 3)).toBe(3);
    expect(matchAt(p, norms('top of l8'), 0, 3)).toBe(-1);
  });

  it('refuses patterns that start or end with a gap', () => {
    expect(() => compilePattern('~2 pocket')).toThrow();
    expect(() => compilePattern('pocket ~2')).toThrow();
  });

  it('never matches beyond the sentence limit', () => {
    const p = compilePattern('pocket ~3 created');
    expect(matchAt(p, norms('pocket was . created'), 0, 2)).toBe(-1);
  });

  it('names a denial word a gap skipped (not one the pattern spells out)', () => {
    const p = compilePattern('pocket ~4 created|enlarged');
    const n = norms('pocket was not revised or enlarged');
    expect(matchAt(p, n, 0, 6)).toBe(6);
    expect(skippedDenial(p, n, 0, 6)).toBe(2);
    expect(skippedDenial(p, norms('pocket was gently enlarged'), 0, 4)).toBe(-1);
    const q = compilePattern('second lead ~4 not');
    expect(skippedDenial(q, norms('second lead was not'), 0, 4)).toBe(-1);
  });
});
