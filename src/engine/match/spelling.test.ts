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

  it('never reads an English word as a misspelt device word, whatever word is one letter away', () => {
    // "percent" is one letter from "Percept" (a generator brand), "impulse"/"process" are words too
    const doc = buildDoc('She reported 60 percent relief. The process and the impulse were discussed. The pulse generater was replaced.');
    const percent = doc.tokens.find((t) => t.norm === 'percent')!;
    expect(percent.lexeme).toBe(true);
    expect(doc.tokens.find((t) => t.norm === 'generater')!.lexeme).toBeUndefined();
    const hits = readConcepts(doc).filter((m) => m.kind === 'component');
    expect(hits.map((m) => m.text.toLowerCase())).toEqual(['pulse generater']);
  });
});

describe('body position is not an implant act', () => {
  const acts = (text: string) =>
    readConcepts(buildDoc(text))
      .filter((m) => m.kind === 'action')
      .map((m) => m.text.toLowerCase());

  it.each([
    'The patient was placed prone on the table.',
    'She was positioned in the left lateral decubitus position.',
    'The patient was placed in the supine position with a shoulder roll.',
    'He was placed on the fluoroscopy table.',
    'The patient was turned prone.',
  ])('%s', (text) => {
    expect(acts(text)).toEqual([]);
  });

  it('a lead placed in the same sentence still counts', () => {
    expect(acts('The patient was placed prone and two leads were placed into the epidural space.')).toEqual(['placed']);
    // "placed into the left S3 foramen" is a lead going in, with its side
    const hits = readConcepts(buildDoc('A foramen needle was placed into the left S3 foramen.')).map((m) => `${m.kind}:${m.text.toLowerCase()}`);
    expect(hits).toContain('action:placed');
    expect(hits).toContain('side:left');
  });
});
