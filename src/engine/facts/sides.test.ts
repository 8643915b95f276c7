import { describe, expect, it } from 'vitest';
import { analyze } from '../index';

const lines = (t: string) => analyze(t).suggestions.map((s) => [s.code, ...s.modifiers.map((m) => m.code)].join('-'));

describe('the side of a sided array, told by its body site or its history', () => {
  it('"at the left forearm" gives LT to a peripheral lead', () => {
    expect(lines('DESCRIPTION: Under ultrasound a percutaneous lead was placed along the superficial radial nerve at the left forearm and connected to the external stimulator.')).toEqual(['64555-LT']);
  });
  it('a side on a line of its own under the title ("RIGHT") labels the note', () => {
    expect(lines('PROCEDURE NOTE\nRIGHT\nDESCRIPTION: Under ultrasound a percutaneous lead was placed along the superficial peroneal nerve and connected to the external stimulator.')).toEqual(['64555-RT']);
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

describe('a side told by the sentence frame or the sentence before', () => {
  it('"On the left, ..." frames its sentence: left and right test leads are 64561-50', () => {
    const note = 'TECHNIQUE: On the left, a foramen needle was advanced into S3 and a temporary lead was passed through it. The same was done in the right S3 foramen with a second temporary lead. Both leads were taped and connected to the external test stimulator.';
    expect(lines(note)).toEqual(['64561-50']);
  });
  it('without the frame ("In the end, a needle ...") the left is not read from a comma phrase', () => {
    const a = analyze('TECHNIQUE: In the end, a foramen needle was advanced into the right S3 foramen and a temporary lead was passed through it and connected to the external test stimulator.');
    expect(a.suggestions.map((s) => [s.code, ...s.modifiers.map((m) => m.code)].join('-'))).toEqual(['64561-RT']);
  });
  it('leads counted per side from the ledger: one on the left, then "On the right, two leads" are LT x1 and RT x2', () => {
    const note = 'PROCEDURE: Percutaneous occipital nerve stimulation trial.\n1. Under ultrasound the left greater occipital nerve was found. One percutaneous lead was placed across it.\n2. On the right, two leads were placed across the greater and lesser occipital nerves.\n3. All three leads were connected to the external trial stimulator.';
    const a = analyze(note);
    const got = a.suggestions.map((s) => `${s.code}-${s.modifiers.map((m) => m.code).join('')} x${s.units}`).sort();
    expect(got).toEqual(['64555-LT x1', '64555-RT x2']);
  });
  it('the same count with no side per lead is split evenly and says so', () => {
    const a = analyze('PROCEDURE: Bilateral occipital nerve stimulation trial. Three percutaneous leads were placed across the occipital nerves and connected to the external trial stimulator.');
    expect(a.suggestions.some((s) => s.warnings?.some((w) => /split evenly/.test(w)) || s.reviewReasons?.some((r) => /split evenly/.test(r.text)))).toBe(true);
  });
  it('a removal takes the side of the device named in the indication ("stimulator on the left since 2014")', () => {
    const note = 'Indication: Vagus nerve stimulator on the left since 2014, no benefit; wants it removed.\nProcedure: Removal of vagus nerve stimulator electrode and pulse generator.\nDescription: The chest incision was opened and the generator removed. Through the neck incision the helical electrode was freed from the vagus nerve and removed.';
    expect(lines(note)).toEqual(['64570-LT']);
  });
  it('"hardware on the right" (another implant) gives no side', () => {
    const note = 'Indication: prior sacral fracture with hardware on the right. Procedure: open placement of a sacral electrode. Description: the left S3 foramen was exposed and the electrode placed into it under direct vision and connected to a temporary extension.';
    expect(lines(note)).toEqual(['64581-LT']);
  });
});

describe('sides from loose words and from an addendum', () => {
  it('"head to the right" and "the prior left cervical incision" are not a bilateral vagus procedure', () => {
    const note = 'Procedure: VNS lead exchange.\nDescription: Supine, head to the right. The prior left cervical incision was opened, the old lead cut and withdrawn, and a new lead placed on the vagus nerve and connected to the existing generator.';
    const l = lines(note);
    expect(l.some((x) => x.includes('-50'))).toBe(false);
  });
  it('an addendum set off by a rule line corrects the side', () => {
    const body = 'DESCRIPTION: Under fluoroscopy the right S3 foramen was localized and a tined lead was advanced and tunneled to the right buttock and connected to a temporary extension.\nM. Osei, MD\n';
    expect(lines(body)).toEqual(['64561-RT']);
    expect(lines(`${body}=====\nADDENDUM 10/07 16:05\nCorrection: the lead was placed in the LEFT S3 foramen, not the right.\n`)).toEqual(['64561-LT']);
  });
});
