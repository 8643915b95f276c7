import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CODE_RULES, CodeRuleSchema } from './codes';
import { CONCEPTS } from './concepts';
import { compilePattern } from '../engine/match/pattern';
import { DOC_ITEMS, DOC_REQUIREMENTS } from './doc-requirements';

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

  // "opened|reopened|re - opened|explored" compiles as "(opened|...|re) - (opened|explored)": a multi-word
  // alternative inside a |-list makes the whole pattern need a dash. Such a pattern repeats a word on both
  // sides of the dash, or names a hyphenated word after it; a real "X - Y" pattern ("single|dual - lead") does not.
  it('no |-list holds a multi-word alternative (it would split the list around its dash)', () => {
    for (const c of CONCEPTS) {
      for (const p of c.patterns) {
        const els = compilePattern(p).elements;
        for (let k = 1; k + 1 < els.length; k++) {
          const [a, dash, b] = [els[k - 1], els[k], els[k + 1]];
          if (a.type !== 'token' || dash.type !== 'token' || b.type !== 'token' || !dash.words.has('-')) continue;
          const split = [...b.words].some((w) => a.words.has(w) || w.includes('-'));
          expect(split, `${c.id}: ${p}`).toBe(false);
        }
      }
    }
  });

  it('marks every documentation item as blocking the code or good practice, with a source a coder can cite', () => {
    for (const item of DOC_REQUIREMENTS.items) {
      expect(['blocking', 'good-practice'], item.id).toContain(item.weight);
      expect(item.weightSource.title.length, item.id).toBeGreaterThan(20);
    }
    const weight = (id: Parameters<typeof DOC_ITEMS.get>[0]) => DOC_ITEMS.get(id)!.weight;
    for (const id of ['pocket', 'connection', 'target', 'component', 'action', 'approach', 'arrays'] as const) expect(weight(id), id).toBe('blocking');
    for (const id of ['anesthesia', 'complications', 'device', 'indication'] as const) expect(weight(id), id).toBe('good-practice');
    // sources are shown to users: no file names or internal shorthand
    const titles = [...DOC_REQUIREMENTS.items.map((i) => i.weightSource.title), ...DOC_REQUIREMENTS.groups.map((g) => g.source.title)];
    for (const t of titles) expect(t).not.toMatch(/\.(ts|md|json)\b|src\/|kb\/|§/);
  });
});
