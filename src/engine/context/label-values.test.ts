import { describe, expect, it } from 'vitest';
import { analyze } from '../index';

const codes = (note: string) => analyze(note).suggestions.map((s) => s.code).sort();

describe('labelled fields whose value denies them', () => {
  it('"MER: NOT performed" makes a bilateral DBS placement the without-recording pair', () => {
    const note = 'PROCEDURE: Bilateral GPi deep brain stimulation lead placement, asleep.\nMER: NOT performed (asleep, image-verified placement)\nDESCRIPTION: Under general anesthesia burr holes were made and the left and right GPi leads were placed with intraoperative CT verification and secured with the burr hole caps.';
    expect(codes(note)).toEqual(['61863', '61864']);
    expect(codes(note.replace('MER: NOT performed (asleep, image-verified placement)', 'MER: performed, two tracks per side'))).toEqual(['61867', '61868']);
  });

  it('negates only a label whose whole value is a denial, never a sentence after the colon', () => {
    const a = analyze('Pocket: not needed.\nLead: advanced to T8 and not connected to a generator today; connected to the external trial stimulator.');
    const pocket = a.matches.find((m) => m.kind === 'pocket' || /pocket/i.test(m.text));
    expect(pocket?.assertion).toBe('negated');
    const lead = a.matches.find((m) => m.kind === 'component' && /^lead$/i.test(m.text));
    expect(lead?.assertion).toBe('affirmed');
  });
});
