import { describe, expect, it } from 'vitest';
import { formatBilled, formatLine, parseBilled } from './billed';

describe('parseBilled', () => {
  it('reads units, modifiers and several separators', () => {
    expect(parseBilled('63650x2;63685').lines).toEqual([
      { code: '63650', units: 2, modifiers: [] },
      { code: '63685', units: 1, modifiers: [] },
    ]);
    expect(parseBilled('64590-RT').lines).toEqual([{ code: '64590', units: 1, modifiers: ['RT'] }]);
    expect(parseBilled(' 64568-lt , 64568-RT | 63650 X 2 units').lines).toEqual([
      { code: '64568', units: 1, modifiers: ['LT'] },
      { code: '64568', units: 1, modifiers: ['RT'] },
      { code: '63650', units: 2, modifiers: [] },
    ]);
  });

  it('accepts modifiers before or after units, prefix units, HCPCS and Category III codes', () => {
    expect(parseBilled('63650-59x2').lines).toEqual([{ code: '63650', units: 2, modifiers: ['59'] }]);
    expect(parseBilled('63650x2-59').lines).toEqual([{ code: '63650', units: 2, modifiers: ['59'] }]);
    expect(parseBilled('2 x 63650').lines).toEqual([{ code: '63650', units: 2, modifiers: [] }]);
    expect(parseBilled('L8680 0587T').lines.map((l) => l.code)).toEqual(['L8680', '0587T']);
    expect(parseBilled('63650 – RT').lines).toEqual([{ code: '63650', units: 1, modifiers: ['RT'] }]);
  });

  it('merges repeated identical lines by adding units', () => {
    expect(parseBilled('63650;63650;63650-59').lines).toEqual([
      { code: '63650', units: 2, modifiers: [] },
      { code: '63650', units: 1, modifiers: ['59'] },
    ]);
    expect(parseBilled('64590-RT-58;64590-58-RT').lines).toEqual([{ code: '64590', units: 2, modifiers: ['RT', '58'] }]);
  });

  it('treats empty input as no lines, and reports what it cannot read', () => {
    expect(parseBilled('')).toEqual({ lines: [], errors: [] });
    expect(parseBilled(null)).toEqual({ lines: [], errors: [] });
    const p = parseBilled('63650x2; spinal; 6365');
    expect(p.lines).toEqual([{ code: '63650', units: 2, modifiers: [] }]);
    expect(p.errors).toHaveLength(2);
    expect(p.errors[0]).toMatch(/"SPINAL"/);
    expect(parseBilled('63650x0').errors[0]).toMatch(/at least 1/);
  });

  it('formats lines like the CLI and the billed column', () => {
    const lines = parseBilled('63650x2;64590-RT').lines;
    expect(lines.map(formatLine)).toEqual(['63650 x2', '64590-RT x1']);
    expect(formatBilled(lines)).toBe('63650x2;64590-RT');
    expect(parseBilled(formatBilled(lines)).lines).toEqual(lines);
  });
});
