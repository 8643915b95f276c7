import { describe, expect, it } from 'vitest';
import { buildSpeller, correct } from './spelling';
import { readConcepts } from '../index';
import { buildDoc } from '../nlp/nlp';

describe('typo tolerance for device, target and approach words', () => {
  const sp = buildSpeller(['generator', 'stimulator', 'percutaneous', 'fluoroscopy', 'electrode']);

  it.each([
    ['generater', 'generator'],
    ['stimulater', 'stimulator'],
    ['percutanous', 'percutaneous'],
    ['flouroscopy', 'fluoroscopy'],
    ['electorde', 'electrode'],
  ])('%s → %s', (typo, word) => {
    expect(correct(sp, typo)).toBe(word);
  });

  it('leaves real words, short words and far-off words alone', () => {
    for (const w of ['generation', 'stimulation', 'remained', 'lead', 'ipg', 'electrodes2', 'generously']) expect(correct(sp, w)).toBe(w);
  });

  it('reads a misspelled device in a note', () => {
    const kinds = readConcepts(buildDoc('The implanted pulse generater was removed.')).map((m) => `${m.kind}:${m.value}`);
    expect(kinds).toContain('component:generator');
  });
});
