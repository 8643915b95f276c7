import { describe, expect, it } from 'vitest';
import { analyze } from '../index';

const lines = (t: string) => analyze(t).suggestions.map((s) => [s.code, ...s.modifiers.map((m) => m.code)].join('-'));

describe('the side of a sided array, told by its body site or its history', () => {
  it('"at the left forearm" gives LT to a peripheral lead', () => {
    expect(lines('DESCRIPTION: Under ultrasound a percutaneous lead was placed along the superficial radial nerve at the left forearm and connected to the external stimulator.')).toEqual(['64555-LT']);
  });
  it('no side anywhere: no side modifier, and the line asks (side-missing)', () => {
    const a = analyze('DESCRIPTION: Under ultrasound a percutaneous lead was placed along the superficial radial nerve at the forearm and connected to the external stimulator.');
    expect(a.suggestions[0].modifiers.map((m) => m.code)).toEqual([]);
    expect(a.suggestions[0].reviewReasons?.map((r) => r.id)).toContain('side-missing');
  });
  it('removal of a device already in takes the side its history gives', () => {
    const note = 'HX: Integrated PNS lead placed 2024 along the superficial radial nerve at the left forearm; IPG of a spinal stimulator in the R buttock, not addressed.\nTECHNIQUE: Incision over the receiver; capsule opened; the StimRouter lead withdrawn in one piece along its tract.';
    expect(lines(note)).toEqual(['64598-LT']);
  });
  it('"left" the verb is no side ("a loop was left near the knee")', () => {
    const note = 'DESCRIPTION: Through a right lateral thigh incision the peroneal nerve was exposed and a cuff electrode placed around it; a strain-relief loop was left near the knee.';
    expect(lines(note).some((l) => l.includes('LT'))).toBe(false);
  });
  it('a deep-brain note does not take a side from the symptom ("right-hand tremor")', () => {
    const a = analyze('Nine days ago I placed a single left VIM DBS lead for right-hand essential tremor as stage 1. Today: the coiled lead end was retrieved, an extension tunneled and connected to a new generator placed in a left infraclavicular pocket.');
    expect(a.suggestions.map((s) => s.code)).toContain('61885');
  });
});
