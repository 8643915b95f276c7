import { describe, expect, it } from 'vitest';
import { readConcepts } from '../index';
import { buildDoc } from '../nlp/nlp';

const assertionOf = (text: string, word: string) => {
  const at = text.indexOf(word);
  const m = readConcepts(buildDoc(text)).find((x) => x.start === at);
  if (!m) throw new Error(`no concept at "${word}"`);
  return m.assertion;
};

describe('empty template fields', () => {
  it.each([
    ['DEVICES IMPLANTED: none.\nDESCRIPTION: The generator was removed.', 'IMPLANTED'],
    ['Explanted devices: ___\nDESCRIPTION: A new generator was placed.', 'Explanted'],
    ['Implants: N/A\nDESCRIPTION: The lead was removed.', 'Implants'],
  ])('%s: the header mention is negated', (text, word) => {
    expect(assertionOf(text, word)).toBe('negated');
  });

  it('a filled field stays affirmed', () => {
    expect(assertionOf('DEVICES IMPLANTED: Intellis IPG\nDESCRIPTION: The generator was placed.', 'IMPLANTED')).toBe('affirmed');
  });
});
