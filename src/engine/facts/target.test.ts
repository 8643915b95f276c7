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

describe('a system said to be left alone does not decide the target', () => {
  const note = (extra: string) => `HISTORY: Percutaneous spinal cord stimulator implanted in 2018 for failed back surgery syndrome; vagus nerve stimulator for epilepsy since 2021.\n${extra}\nPROCEDURE: Buttock incision through the old scar, the capsule opened and the IPG delivered; leads disconnected. The new IPG was connected to the existing leads and placed in the same pocket.`;
  it('"the VNS was interrogated and not touched" leaves the spinal generator replacement', () => {
    expect(codes(note('The VNS was interrogated before and after and was not touched. Today is for the spinal cord stimulator, whose battery reached end of service.'))).toEqual(['63685']);
  });
  it('when the vagus system is the one worked on, it is', () => {
    expect(codes(note('Today is for the vagus nerve stimulator, whose battery reached end of service; the spinal cord stimulator was interrogated and not touched.'))).toEqual(['61885']);
  });
});
