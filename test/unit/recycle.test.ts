/**
 * Long-lived paths keep wink's vocabulary bounded (issue 19): the engine's NlpHolder replaces the
 * wink instance after a bounded number of new words or notes, and a replaced instance gives the
 * same analysis, byte for byte. Measured through the `audit` CLI's own streaming core
 * (src/cli/audit-stream.ts), with varied notes that each bring new words. No timings: the bound is
 * on the vocabulary the instance holds, taken against the same run's unrecycled growth.
 */
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/index';
import { terms } from '../../src/engine/ask/terms';
import { nlpStats, recycleNlp, setRecycleBounds, RECYCLE_AFTER_NEW_LEXEMES, RECYCLE_AFTER_NOTES, type RecycleBounds } from '../../src/engine/nlp/nlp';
import { streamAudit } from '../../src/cli/audit-stream';
import type { BatchOutcome } from '../../src/engine/audit/index';
import { csvField, noteTemplates, variedNote } from '../varied-notes';

let saved: RecycleBounds | null = null;
function bounds(b: Partial<RecycleBounds>) {
  const prev = setRecycleBounds(b);
  saved ??= prev;
}
afterEach(() => {
  if (saved) setRecycleBounds(saved);
  saved = null;
});

const json = (text: string) => {
  const a = analyze(text);
  return JSON.stringify({ ...a, stats: { ...a.stats, ms: 0 } });
};

/** Stream notes [from, from + n) of a varied run through the audit core; sample the vocabulary after each row. */
async function auditRun(from: number, n: number, seed: number) {
  async function* csv() {
    yield 'id,note\n';
    for (let i = from; i < from + n; i++) yield `n${i},${csvField(variedNote(i, seed))}\n`;
  }
  const sizes: number[] = [];
  const outcomes: BatchOutcome[] = [];
  const r = await streamAudit(Readable.from(csv()), analyze, {
    emit: (o) => {
      outcomes.push(o);
      sizes.push(nlpStats().newLexemes);
    },
  });
  expect(r.fatal).toBeNull();
  expect(outcomes.filter((o) => !o.ok)).toEqual([]);
  return { sizes, outcomes };
}

describe('wink instance recycling (NlpHolder)', () => {
  it('defaults: 50,000 new words or 20,000 notes', () => {
    expect(RECYCLE_AFTER_NEW_LEXEMES).toBe(50_000);
    expect(RECYCLE_AFTER_NOTES).toBe(20_000);
    expect(nlpStats()).toMatchObject({ limit: RECYCLE_AFTER_NEW_LEXEMES, noteLimit: RECYCLE_AFTER_NOTES });
  });

  it('through the audit path, the vocabulary stays under the bound while unrecycled it grows with every note', async () => {
    const N = 240;
    // baseline, same run: no recycling, the vocabulary grows with every note
    bounds({ newLexemes: Infinity, notes: Infinity });
    recycleNlp();
    const start = nlpStats().recycles;
    const free = await auditRun(0, N, 1);
    const growth = free.sizes[N - 1] - free.sizes[0];
    const perNote = Math.max(...free.sizes.slice(1).map((s, i) => s - free.sizes[i]));
    expect(growth).toBeGreaterThan(N * 10); // each note brought new words
    expect(nlpStats().recycles).toBe(start); // none while unbounded

    // the same number of new notes with a bound of a sixth of that growth
    const bound = Math.round(growth / 6);
    bounds({ newLexemes: bound });
    recycleNlp();
    const before = nlpStats().recycles;
    const held = await auditRun(N, N, 2);
    const recycles = nlpStats().recycles - before;
    expect(recycles).toBeGreaterThanOrEqual(4);
    expect(recycles).toBeLessThanOrEqual(12); // a fresh instance relearns the templates' own words too
    // never more than the bound plus one note's words, so well under the unrecycled growth
    expect(Math.max(...held.sizes)).toBeLessThanOrEqual(bound + perNote * 2);
    expect(Math.max(...held.sizes)).toBeLessThan(growth / 3);
  });

  it('recycles after a bounded number of notes, whatever their words', () => {
    bounds({ newLexemes: Infinity, notes: 25 });
    recycleNlp();
    const { recycles } = nlpStats();
    const note = noteTemplates()[0];
    for (let i = 0; i < 100; i++) analyze(note);
    // the 26th, 51st and 76th note start on a fresh instance
    expect(nlpStats()).toMatchObject({ recycles: recycles + 3, notes: 25 });
  });

  it('an instance can be replaced any number of times (a worker open all day): 40 in a row, same analysis', () => {
    // wink-eng-lite-web-model re-stringified its custom-entity meta model for every new instance
    // (the string doubled its escapes each time): the ~15th instance threw "Invalid string length"
    const note = noteTemplates()[1];
    const first = json(note);
    const { recycles } = nlpStats();
    for (let i = 0; i < 40; i++) {
      recycleNlp();
      expect(json(note)).toBe(first);
    }
    expect(nlpStats().recycles).toBe(recycles + 40);
  });

  it('Ask questions count as texts too (the workspace worker answers them all day)', () => {
    bounds({ newLexemes: Infinity, notes: Infinity });
    recycleNlp();
    terms('Can 63685 be billed with 63688 on the same day?');
    terms('What does modifier 58 mean?');
    expect(nlpStats().notes).toBe(2);
  });

  it('analysis before and after a recycle is byte-identical, whichever instance reads the note', async () => {
    const probes = [...noteTemplates().slice(0, 8), 'Lead x1e5... y was placed at T8. Model 3889 xq1.. zz2...', variedNote(7, 99)];
    recycleNlp();
    const fresh = probes.map(json); // each read by a new instance's first notes
    bounds({ newLexemes: 3_000, notes: Infinity });
    await auditRun(0, 60, 3); // several recycles, instance part full
    expect(nlpStats().recycles).toBeGreaterThan(0);
    const { recycles } = nlpStats();
    // read by a part-full instance, then across further automatic recycles
    for (let k = 0; k < probes.length; k++) {
      expect(json(probes[k]), `probe ${k} after ${recycles} recycles`).toBe(fresh[k]);
      await auditRun(100 + k * 10, 10, 4);
    }
    expect(nlpStats().recycles).toBeGreaterThan(recycles);
    // and each probe as the first note of a new instance, by the note bound
    bounds({ newLexemes: Infinity, notes: 1 });
    for (let k = 0; k < probes.length; k++) {
      analyze('Filler note with qqqzx words.');
      const r = nlpStats().recycles;
      expect(json(probes[k])).toBe(fresh[k]);
      expect(nlpStats().recycles).toBe(r + 1);
    }
  });
});
