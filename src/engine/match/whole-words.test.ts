/**
 * Issue 18 item 10, checked on sentences of our own (not the issue's): device words match
 * whole words only, and a body position is never an implant act.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../index';

const deviceMatches = (text: string) => analyze(text).matches.filter((m) => ['component', 'approach', 'action'].includes(m.kind));

describe('whole words, and positions that are not acts', () => {
  it.each([
    'He perceived 85 percent relief; the percussion note was normal.',
    'Perceptual changes: none. The pain was perceived as burning.',
    'Improvement of about seventy percent was reported at follow-up.',
  ])('no device word in %j', (text) => {
    expect(deviceMatches(text)).toEqual([]);
  });

  it.each([
    'The patient was turned supine, then placed in the lateral decubitus position.',
    'She was positioned semiprone with a bolster under the hips.',
    'The patient was placed in the prone position on a Jackson table.',
    'He was laid prone and the back was prepped.',
  ])('no insertion in %j', (text) => {
    expect(analyze(text).matches.filter((m) => m.kind === 'action')).toEqual([]);
  });

  it('still reads the real placement and the short form "perc" next to the position', () => {
    const text = 'The patient was placed prone. A perc lead was placed in the epidural space at T8. Relief was 60 percent.';
    const m = deviceMatches(text).map((x) => `${x.kind}:${x.text}`);
    expect(m).toEqual(expect.arrayContaining(['approach:perc', 'component:lead', 'action:placed']));
    expect(m.filter((x) => x === 'action:placed')).toHaveLength(1);
    expect(m.some((x) => /percent|prone/.test(x))).toBe(false);
    expect(analyze(text).suggestions.map((s) => s.code)).toEqual(['63650']);
  });
});
