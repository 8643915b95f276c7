import { describe, expect, it } from 'vitest';
import { analyze } from '../index';

const change = (extra = '') =>
  `DESCRIPTION: Deep brain stimulator generator at end of service. The left chest incision was opened and the old IPG delivered and disconnected.${extra} A new IPG was connected, impedances normal, and placed in the existing pocket.`;

describe('withheld lines (a missing fact that decides the code)', () => {
  it('a deep-brain generator change that never says how many arrays abstains on the count, with both codes side by side', () => {
    const a = analyze(change());
    expect(a.suggestions).toEqual([]);
    expect(a.inScope).toBe(true);
    expect(a.abstain?.fact).toBe('arrays');
    expect(a.abstain?.candidates.map((c) => c.code).sort()).toEqual(['61885', '61886']);
    expect(a.abstain?.question).toMatch(/one, or two/);
    // the withheld code's device-code hints go with it
    expect(a.warnings.some((w) => w.codes?.[0] === '61885')).toBe(false);
  });

  it('the same change with the count in words ("single-channel", "both extensions") is coded', () => {
    expect(analyze(change(' The replacement is a single-channel generator.')).suggestions.map((s) => s.code)).toEqual(['61885']);
    expect(analyze(change(' Both extensions were checked.')).suggestions.map((s) => s.code)).toEqual(['61886']);
  });

  it('a lead placed today tells the count: a generator placed with it is coded', () => {
    const note = 'DESCRIPTION: Through a left frontal burr hole a deep brain stimulation lead was placed in the left VIM thalamus with microelectrode recording and locked in the cap. An extension was tunneled to a new left infraclavicular pocket and connected to a new IPG, which was placed in the pocket.';
    const a = analyze(note);
    expect(a.abstain).toBeUndefined();
    expect(a.suggestions.map((s) => s.code)).toContain('61885');
  });

  it('a per-array code with the leads written "lead(s)" and no number abstains on the count, naming the unit rule', () => {
    const a = analyze('DESCRIPTION: Under fluoroscopy a Tuohy needle was placed at T12-L1. Trial lead(s) were advanced to T8 and connected to the external trial stimulator.');
    expect(a.suggestions).toEqual([]);
    expect(a.abstain?.fact).toBe('arrays');
    expect(a.abstain?.candidates.map((c) => c.code)).toEqual(['63650']);
    expect(a.abstain?.candidates[0].when).toMatch(/x2 for two/);
  });
});
