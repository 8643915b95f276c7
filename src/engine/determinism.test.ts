/**
 * Same note, same output, whatever ran before (issue 19, finding 3). wink-nlp keeps every new
 * word in a run-time vocabulary and its tokenizer consults it, so "x1e5... y" came out as
 * `x1e5|.|..|y` on a process's first call and `x1e5|...|y` on later ones, shifting token and
 * sentence indices. Here a seeded fuzz corpus is analysed twice in one process, the second time
 * in shuffled order, and every result must be byte-identical JSON (timings aside).
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from './index';
import { getNlp, nlpStats, recycleNlp, RECYCLE_AFTER_NEW_LEXEMES } from './nlp/nlp';

const json = (text: string) => {
  const a = analyze(text);
  return JSON.stringify({ ...a, stats: { ...a.stats, ms: 0 } });
};

const NOTES = readdirSync('test/fixtures/notes')
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .slice(0, 20)
  .map((f) => readFileSync(`test/fixtures/notes/${f}`, 'utf8'));

/** Odd words wink has never seen, glued to punctuation the way the tokenizer splits differently. */
const ODD = ['x1e5...', 'y', 'qq7..', '...zz', 'a1b2c3.', 'lead#2...', 'T8-T9..', 'IPG...', '3889-xx', '(foo)', 'bar...)', 'e.g..', 'k9.k9', 'x1e5', '..', '...'];

const corpus = fc.sample(
  fc.oneof(
    fc.array(fc.constantFrom(...ODD, ' ', '\n', '. '), { minLength: 1, maxLength: 30 }).map((a) => a.join(' ')),
    fc.tuple(fc.constantFrom(...NOTES), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...ODD)), { maxLength: 6 })).map(([note, ins]) => {
      let n = note;
      for (const [at, w] of ins) {
        const i = at % (n.length + 1);
        n = `${n.slice(0, i)} ${w} ${n.slice(i)}`;
      }
      return n;
    }),
    fc.string({ unit: 'grapheme-ascii', maxLength: 200 }),
  ),
  { seed: 1919, numRuns: 160 },
);

describe('deterministic analysis', () => {
  it('"x1e5... y" is tokenised the same on the first call and after', () => {
    recycleNlp(); // a fresh wink instance: the first call of a process
    const first = json('Lead x1e5... y was placed at T8.');
    const again = json('Lead x1e5... y was placed at T8.');
    expect(again).toBe(first);
  });

  it('a fuzz corpus analysed twice in one process, in shuffled order, gives byte-identical JSON', () => {
    recycleNlp();
    const firstPass = corpus.map(json);
    const order = fc.sample(fc.shuffledSubarray(corpus.map((_, i) => i), { minLength: corpus.length, maxLength: corpus.length }), { seed: 7, numRuns: 1 })[0];
    let differ = 0;
    for (const i of order) {
      const again = json(corpus[i]);
      if (again !== firstPass[i]) differ++;
      expect(again, `corpus[${i}] = ${JSON.stringify(corpus[i].slice(0, 80))}`).toBe(firstPass[i]);
    }
    expect(differ).toBe(0);
  });

  it('the wink instance is recycled after a bounded number of new words, and results do not change', () => {
    const text = 'Two leads were placed at T8 and connected to a generator in a new pocket. Model 3889 xq1.. zz2...';
    const before = json(text);
    getNlp();
    const { recycles } = nlpStats();
    // enough unseen words to pass the bound
    const words = Array.from({ length: 2_000 }, (_, i) => `zq${i.toString(36)}x`).join(' ');
    for (let k = 0; k < 3; k++) analyze(`${words} ${k}`);
    expect(nlpStats().newLexemes).toBeGreaterThan(0);
    recycleNlp();
    expect(nlpStats().recycles).toBe(recycles + 1);
    expect(nlpStats().newLexemes).toBe(0);
    expect(json(text)).toBe(before);
  });
  it('analyze() alone recycles the wink instance once the new words pass the bound (the vocabulary stays bounded)', () => {
    recycleNlp();
    const { recycles } = nlpStats();
    const PER_NOTE = 2_500;
    let peak = 0;
    let w = 0;
    // distinct, never-seen words, a note at a time, until well past the bound
    while (w < RECYCLE_AFTER_NEW_LEXEMES * 1.5) {
      const words = Array.from({ length: PER_NOTE }, (_, i) => `qy${(w + i).toString(36)}k`).join(' ');
      analyze(`PROCEDURE: Two leads were placed at T8. ${words}.`);
      w += PER_NOTE;
      peak = Math.max(peak, nlpStats().newLexemes);
    }
    expect(nlpStats().recycles).toBe(recycles + 1);
    // never more than the bound plus one note's words
    expect(peak).toBeLessThanOrEqual(RECYCLE_AFTER_NEW_LEXEMES + PER_NOTE + 50);
    expect(nlpStats().newLexemes).toBeLessThan(RECYCLE_AFTER_NEW_LEXEMES);
  });
});
