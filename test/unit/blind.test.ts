import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateCorpus } from '../../src/cli/eval-corpus';

/**
 * Blind sets (test/blind): each was scored once before any change made for it; that first run is
 * the accuracy figure (test/blind/README.md). Afterwards a set only guards against going backwards:
 * the engine must never score below the set's first run.
 */
const firstRuns = JSON.parse(readFileSync('test/blind/first-runs.json', 'utf8')) as Record<string, { notes: number; exact: number } | string>;
const sets = Object.entries(firstRuns).filter((e): e is [string, { notes: number; exact: number }] => typeof e[1] === 'object');

describe.each(sets)('blind set %s', (name, first) => {
  const dir = `test/blind/${name}`;
  it('is present with the number of notes it was first scored on', () => {
    expect(existsSync(`${dir}/expected.json`)).toBe(true);
    expect(evaluateCorpus(`${dir}/notes`, `${dir}/expected.json`).notes).toBe(first.notes);
  });

  it('scores at least its first-run exact count', () => {
    const s = evaluateCorpus(`${dir}/notes`, `${dir}/expected.json`);
    if (s.exact < first.exact) console.error(s.failures);
    expect(s.exact).toBeGreaterThanOrEqual(first.exact);
  });
});
