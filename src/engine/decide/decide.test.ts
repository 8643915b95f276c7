import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../index';

const lines = (t: string) => analyze(t).suggestions.map((s) => `${s.code} x${s.units}`);
const fixture = (f: string) => readFileSync(`test/fixtures/notes/${f}`, 'utf8');

describe('code decision', () => {
  it('codes the four seed clinical contexts (restated as our own notes)', () => {
    expect(lines(fixture('023-pns-ipg-replacement.txt'))).toEqual(['64590 x1']);
    expect(lines(fixture('024-pns-integrated-saphenous.txt'))).toEqual(['64596 x1']);
    expect(lines(fixture('010-scs-ipg-new-pocket-existing-leads.txt'))).toEqual(['63685 x1']);
    expect(lines(fixture('053-neuromuscular-forearm-open.txt'))).toEqual(['64580 x1']);
  });

  it('gives a trial with an external stimulator the lead code only, and says why not the generator code', () => {
    const a = analyze('SCS trial. Under fluoroscopy two leads were placed percutaneously in the epidural space via Tuohy needles to T8, anchored to the skin and connected to the external trial stimulator. Will return for the permanent implant if the trial is successful.');
    expect(a.suggestions.map((s) => `${s.code} x${s.units}`)).toEqual(['63650 x2']);
    const alt = a.suggestions[0].alternatives.find((x) => x.code === '63685');
    expect(alt?.whyNot).toMatch(/external/);
  });

  it('codes a replacement as the insertion/replacement code alone', () => {
    expect(lines('The depleted spinal cord stimulator IPG was explanted from the existing pocket and a new IPG was connected to the leads and placed in the pocket.')).toEqual(['63685 x1']);
  });

  it('lowers confidence and names the gap when a generator code lacks a documented pocket', () => {
    const a = analyze('Permanent SCS. The new IPG was implanted in the left flank and connected to the two epidural leads.');
    const s = a.suggestions.find((x) => x.code === '63685');
    expect(s?.confidence).toBe('low');
    expect(s?.warnings?.join(' ')).toMatch(/pocket/);
  });

  it('says plainly when nothing in the family applies', () => {
    const a = analyze('Dual-chamber pacemaker generator change. The old pacemaker was removed from the pocket and the new generator was connected to the atrial and ventricular leads.');
    expect(a.inScope).toBe(false);
    expect(a.suggestions).toEqual([]);
    expect(a.outOfScopeReason).toMatch(/pacemaker/);
  });

  it('ties every reason to spans that slice back to the note', () => {
    const t = fixture('003-scs-permanent-perc-leads-ipg.txt');
    const a = analyze(t);
    expect(a.suggestions.length).toBeGreaterThan(0);
    for (const s of a.suggestions) {
      expect(s.reasons.length).toBeGreaterThan(0);
      for (const r of s.reasons) for (const e of r.evidence) expect(t.slice(e.start, e.end)).toBe(e.text);
    }
  });

  it('warns when the procedure header claims a code the narrative does not support', () => {
    const a = analyze('PROCEDURE: 63685 insertion of IPG\nDESCRIPTION: Under fluoroscopy two trial leads were placed percutaneously into the epidural space and connected to an external stimulator.');
    expect(a.suggestions.map((s) => s.code)).toEqual(['63650']);
    expect(a.warnings.some((w) => w.kind === 'header-mismatch' && w.codes?.includes('63685'))).toBe(true);
  });

  it('does not code trial leads pulled at the bedside at the end of a trial, and says why', () => {
    const a = analyze('Clinic procedure note. SCS trial day 7, 70% relief. Dressing removed, sutures cut, both trial leads pulled intact at the bedside. Tips intact.');
    expect(a.suggestions).toEqual([]);
    expect(a.outOfScopeReason).toMatch(/part of the trial/);
  });

  it('codes a whole spinal system exchange as lead revision plus generator replacement', () => {
    expect(lines('Procedure: removal and replacement of spinal cord stimulator system. The old IPG was explanted from the left flank pocket. Both percutaneous leads were removed. Two new percutaneous leads were placed via Tuohy needle to T8 under fluoroscopy, tunneled to the pocket and connected to a new IPG which was placed in the existing pocket.')).toEqual(['63663 x1', '63685 x1']);
  });

  it('reads a paddle revision through the laminotomy as 63664', () => {
    expect(lines('Revision of thoracic paddle lead: the laminotomy was re-explored, the paddle was repositioned cephalad one level and re-anchored.')).toEqual(['63664 x1']);
  });
});

