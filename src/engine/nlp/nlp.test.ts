import { describe, expect, it } from 'vitest';
import { buildDoc, MAX_RUN, MAX_SENTENCE_TOKENS, winkSafeText } from './nlp';

describe('nlp (wink-nlp)', () => {
  it('gives tokens whose offsets slice back to their text', () => {
    const t = "PROCEDURE:  Placement of L-sided IPG.\r\nTwo 8-contact leads (Medtronic) were placed @T8-T9, ~2cm. IPG's connected. 😀 Ünïcode.";
    const d = buildDoc(t);
    expect(d.tokens.length).toBeGreaterThan(20);
    for (const tok of d.tokens) expect(t.slice(tok.start, tok.end)).toBe(tok.text);
    for (const s of d.sentences) expect(s.end).toBeGreaterThanOrEqual(s.start);
  });

  it('never lets a sentence run across a section header or a finished line', () => {
    const t = 'COMPLICATIONS: None\nPocket was created in the left flank.';
    const d = buildDoc(t);
    const texts = d.sentences.map((s) => t.slice(s.start, s.end));
    expect(texts).toContain('None');
    expect(texts).toContain('Pocket was created in the left flank.');
  });

  it('joins a dictated line break inside a sentence', () => {
    const t = 'DESCRIPTION: A 4 cm incision was made over the flank and\na pocket was created with blunt dissection.';
    const d = buildDoc(t);
    expect(d.sentences.some((s) => t.slice(s.start, s.end).includes('and\na pocket'))).toBe(true);
  });

  it('handles empty and whitespace-only input', () => {
    expect(buildDoc('').tokens).toEqual([]);
    expect(buildDoc('  \n\t ').sentences).toEqual([]);
  });

  it('cuts a run without whitespace for wink, keeping every offset', () => {
    const run = 'x'.repeat(MAX_RUN * 2 + 5);
    const t = `Lead placed. ${run} IPG connected.`;
    const safe = winkSafeText(t);
    expect(safe.length).toBe(t.length);
    expect(safe.slice(0, 13)).toBe('Lead placed. ');
    expect(safe.match(/\S+/g)!.every((w) => w.length <= MAX_RUN)).toBe(true);
    const d = buildDoc(t);
    for (const tok of d.tokens) expect(t.slice(tok.start, tok.end)).toBe(tok.text);
    expect(d.tokens.some((tok) => tok.text === 'IPG')).toBe(true);
  });

  it('ends a sentence after at most MAX_SENTENCE_TOKENS tokens', () => {
    const t = 'pocket '.repeat(MAX_SENTENCE_TOKENS * 3);
    const d = buildDoc(t);
    expect(d.sentences.length).toBeGreaterThanOrEqual(3);
    for (const s of d.sentences) expect(s.tokenEnd - s.tokenStart).toBeLessThanOrEqual(MAX_SENTENCE_TOKENS);
  });
});
