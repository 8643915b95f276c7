import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatCount } from './format';

describe('formatCount', () => {
  it('groups digits exactly as toLocaleString("en-US") does for whole numbers', () => {
    for (const n of [0, 7, 42, 999, 1000, 6864, 12_345, 300_000, 1_234_567, -1, -1000, Number.MAX_SAFE_INTEGER]) {
      expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
    }
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => formatCount(n) === n.toLocaleString('en-US')));
  });
});
