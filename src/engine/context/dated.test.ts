import { describe, expect, it } from 'vitest';
import { buildDoc } from '../nlp/nlp';
import { readConcepts } from '../index';

function assertionOf(text: string, word: string): string | undefined {
  const doc = buildDoc(text);
  const at = text.indexOf(word);
  return readConcepts(doc).find((m) => m.start <= at && at < m.end)?.assertion;
}

describe('sentences dated before the date of service', () => {
  it('make what they name historical', () => {
    const t = 'DOS: 10/21/2025\nI implanted bilateral subthalamic DBS leads on 09/03/2025.\nToday two percutaneous epidural leads were placed.';
    expect(assertionOf(t, 'subthalamic')).toBe('historical');
    expect(assertionOf(t, 'epidural')).toBe('affirmed');
  });

  it('leave alone a sentence that also names today or the date of service', () => {
    const t = 'DOS: 10/21/2025\nThe trial leads placed on 10/14/2025 were removed today.';
    expect(assertionOf(t, 'removed')).toBe('affirmed');
  });

  it('read a month and year before the service month ("placed 03/2025") as a date', () => {
    const t = 'DOS: 12/02/2025\nPercutaneous lead placed 03/2025 over the right occipital nerve.\nToday the lead was repositioned.';
    expect(assertionOf(t, 'placed')).toBe('historical');
    expect(assertionOf(t, 'repositioned')).toBe('affirmed');
  });

  it('ignore a date of birth and notes without a date of service', () => {
    expect(assertionOf('DOS: 10/21/2025   DOB: 01/02/1960 Two epidural leads were placed.', 'epidural')).toBe('affirmed');
    expect(assertionOf('The leads were placed on 09/03/2025.', 'placed')).toBe('affirmed');
  });
});
