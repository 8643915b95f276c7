import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CODE_RULES, CodeRuleSchema } from './codes';
import { CONCEPTS } from './concepts';
import { compilePattern } from '../engine/match/pattern';

describe('knowledge base', () => {
  it('validates every code rule with its schema and names a source', () => {
    for (const r of CODE_RULES) {
      expect(() => CodeRuleSchema.parse(r)).not.toThrow();
      expect(r.source.length).toBeGreaterThan(5);
    }
  });

  it('covers every code of the domain reference table (shared/domain/neurostimulator-coding.md §2)', () => {
    // the table's codes, copied here so the test runs on a clone without ../shared
    const table = '63650 63655 63661 63662 63663 63664 63685 63688 64553 64555 64561 64566 64568 64569 64570 64575 64580 64581 64582 64583 64584 64585 64590 64595 64596 64597 64598 61863 61864 61867 61868 61885 61886 61888 43647 43648 43881 43882';
    const codes = new Set(table.split(' '));
    const md = '../shared/domain/neurostimulator-coding.md';
    if (existsSync(md)) {
      const text = readFileSync(md, 'utf8');
      const section = text.slice(text.indexOf('## 2. The family'), text.indexOf('## 3.'));
      for (const m of section.matchAll(/^\| (\d{5})(?:\/(\d{5}))?/gm)) if (m[1] !== '95970') expect(codes.has(m[1]), m[1]).toBe(true);
    }
    const known = new Set(CODE_RULES.map((r) => r.code));
    for (const c of codes) expect(known.has(c), c).toBe(true);
  });

  it('pairs add-on codes with their primary codes', () => {
    for (const r of CODE_RULES.filter((x) => x.addOn)) {
      const add = CODE_RULES.find((x) => x.code === r.addOn);
      expect(add?.addOnTo).toBe(r.code);
      expect(add?.globalDays).toBe('ZZZ');
    }
  });

  it('compiles every trigger pattern', () => {
    for (const c of CONCEPTS) for (const p of c.patterns) expect(() => compilePattern(p), `${c.id}: ${p}`).not.toThrow();
    expect(new Set(CONCEPTS.map((c) => c.id)).size).toBe(CONCEPTS.length);
  });
});
