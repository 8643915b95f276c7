import { describe, expect, it } from 'vitest';
import { analyze } from '../index';

describe('abstain: the deciding fact is missing', () => {
  it('a generator change with no system named offers each system\'s generator code and asks which system', () => {
    const a = analyze('Stimulator battery changed.');
    expect(a.suggestions).toEqual([]);
    expect(a.abstain?.fact).toBe('target');
    // the note is about our family: in scope, the code waits on the missing fact
    expect(a.inScope).toBe(true);
    expect(a.abstain?.candidates.map((c) => c.code)).toEqual(expect.arrayContaining(['63685', '64590', '61885', '61886']));
    expect(a.abstain?.question).toMatch(/which stimulation system/i);
    for (const s of a.abstain!.evidence) expect('Stimulator battery changed.'.slice(s.start, s.end)).toBe(s.text);
  });

  it('the same change with the system named is coded, not abstained', () => {
    const a = analyze('Spinal cord stimulator battery changed: the old IPG was removed from its pocket and the new IPG connected to the existing leads.');
    expect(a.suggestions.map((s) => s.code)).toContain('63685');
    expect(a.abstain).toBeUndefined();
  });

  it('a note with no device work does not abstain', () => {
    const a = analyze('Lumbar epidural steroid injection at L4-5 under fluoroscopy.');
    expect(a.abstain).toBeUndefined();
    expect(a.inScope).toBe(false);
  });

  it('cranial generator candidates say how many arrays select each code', () => {
    const a = analyze('Stimulator battery changed.');
    const when = new Map(a.abstain!.candidates.map((c) => [c.code, c.when]));
    expect(when.get('61885')).toMatch(/one array/);
    expect(when.get('61886')).toMatch(/two or more/);
  });
});

describe('abstain is only for our own missing facts', () => {
  it('a pacemaker generator change is out of the family, not a missing target', () => {
    const a = analyze('Dual chamber pacemaker generator change. The old pacemaker generator was removed from the left chest pocket and a new generator connected to the existing atrial and ventricular leads.');
    expect(a.inScope).toBe(false);
    expect(a.abstain).toBeUndefined();
  });
});
