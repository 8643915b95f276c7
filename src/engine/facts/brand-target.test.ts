import { describe, expect, it } from 'vitest';
import { analyze } from '../index';

const codes = (t: string) => analyze(t).suggestions.map((s) => s.code);

describe('a brand or model name is the only system word', () => {
  it('spinal generator brands name the spinal system', () => {
    expect(codes('The old Intellis IPG was removed from the right buttock pocket, the existing leads were connected to the new Proclaim IPG and it was placed in the same pocket.')).toEqual(['63685']);
  });
  it('a deep-brain generator brand names the cranial system', () => {
    expect(codes('The old Activa PC generator was removed from the right chest pocket; the two existing extensions were connected to the new Percept PC generator, which was placed in the same pocket.')).toEqual(['61886']);
  });
  it('a brand that is an ordinary word does not name a system by itself', () => {
    const a = analyze('Stimulator battery changed. The patient is an alpha tester of the new app and was in good spirits.');
    expect(a.suggestions).toEqual([]);
    expect(a.abstain?.fact).toBe('target');
  });
});
