import { describe, expect, it } from 'vitest';
import { matchHeader, splitSections } from './sections';

const kinds = (t: string) => splitSections(t).map((s) => s.kind);

describe('sections', () => {
  it('reads capitalised headers with colons and keeps offsets', () => {
    const t = 'PREOPERATIVE DIAGNOSIS: Failed back syndrome\nPROCEDURE: SCS trial\nDESCRIPTION OF PROCEDURE: Two leads were placed.';
    const s = splitSections(t);
    expect(s.map((x) => x.kind)).toEqual(['preop_dx', 'procedure', 'narrative']);
    for (const x of s) if (x.header) expect(t.slice(x.header.start, x.header.end)).toBe(x.header.text);
    expect(s[s.length - 1].end).toBe(t.length);
  });

  it('accepts mixed-case headers, headers alone on a line and numbered lists', () => {
    expect(kinds('Pre-op Dx: CRPS\n\nDESCRIPTION OF PROCEDURE\nThe lead was placed.')).toEqual(['preop_dx', 'narrative']);
    expect(kinds('Procedure(s):\n1. Placement\n2. Fluoroscopy\nComplications: none')).toEqual(['procedure', 'complications']);
  });

  it('reads a known header in Title case alone on its line, but not a lower-case word or a sentence', () => {
    expect(kinds('Procedure: S3 lead\n\nTechnique\n- Lead passed into the foramen\n\nPlan\n- Stage 2 if improved')).toEqual(['procedure', 'narrative', 'plan']);
    expect(kinds('Procedure: S3 lead\nThe lead was placed. We then discussed the\nplan\nwith her.')).toEqual(['procedure', 'narrative']);
    expect(kinds('Procedure: S3 lead\nThe Lead Was Placed Well Today\nDone.').includes('plan')).toBe(false);
  });

  it('reads a capitals procedure label qualified as the booking ("as scheduled") as the procedure title', () => {
    expect(matchHeader('HEADER PROCEDURE (as scheduled): SNM IPG revision')).toMatchObject({ kind: 'procedure', known: false });
    expect(matchHeader('PROCEDURE (AS BOOKED): SNM IPG revision')).toMatchObject({ kind: 'procedure' });
    // a lower-case label that is no header stays prose
    expect(matchHeader('the lead (as planned): placed')).toBeNull();
  });

  it('reads a label that starts with a known header and qualifies it after a slash or comma', () => {
    expect(matchHeader('Scheduled procedure / CPT on booking sheet: 63685')).toMatchObject({ kind: 'procedure', known: true });
    expect(matchHeader('Procedure performed, left side: lead revision')).toMatchObject({ kind: 'procedure' });
    // one known word is not enough ("Plan, if the trial works: ...")
    expect(matchHeader('Plan, if the trial works: permanent implant')).toBeNull();
  });

  it('treats a note without headers as one narrative', () => {
    expect(kinds('Two leads were placed in the epidural space and connected to the external stimulator.')).toEqual(['narrative']);
  });

  it('ends a one-line list section at its line, so the prose after it is narrative', () => {
    expect(kinds('COMPLICATIONS: None\nA pocket was created in the flank.')).toEqual(['complications', 'narrative']);
    expect(kinds('Proc: SCS trial, perc x2\nDx: FBSS\nPt prone. Leads placed at T8.')).toEqual(['procedure', 'preop_dx', 'narrative']);
  });

  it('reads a procedure header followed by prose as the narrative', () => {
    const t = `Procedure: Under MAC the patient was positioned prone. The old incision was opened and the generator was removed from the pocket. A new generator was connected to the leads and placed in the same pocket. The wound was closed in layers.`;
    expect(kinds(t)).toEqual(['narrative']);
  });

  it('does not take ordinary sentences for headers', () => {
    expect(matchHeader('The patient tolerated the procedure well: no issues')).toBeNull();
    expect(matchHeader('EBL: 5 mL')?.kind).toBe('ebl');
    expect(matchHeader('   Indications: chronic pain')?.kind).toBe('indications');
  });

  it('tolerates Windows line endings', () => {
    const t = 'PROCEDURE: IPG replacement\r\nDESCRIPTION: The generator was replaced.\r\n';
    expect(kinds(t)).toEqual(['procedure', 'narrative']);
  });

  it('reads "Procedures planned/consented:" as the procedure list (a claim, not work)', () => {
    const t = 'Procedures planned/consented:\n1. Lead revision\n2. Generator replacement\nDescription: The generator was replaced.';
    expect(kinds(t)).toEqual(['procedure', 'narrative']);
  });

  it('keeps a wrapped diagnosis line that ends with ";" in its section', () => {
    const t = 'Preoperative diagnosis: Urge incontinence; generator at end of life;\npossible lead malfunction.\nDescription: The generator was replaced.';
    expect(kinds(t)).toEqual(['preop_dx', 'narrative']);
  });

  it('a header value wrapped onto a lower-case line stays in its section', () => {
    const t = 'Procedure: Bilateral subthalamic deep brain stimulation electrode\nimplantation, stereotactic.\n\nI assisted with the whole case.';
    const secs = splitSections(t);
    expect(secs[0].kind).toBe('procedure');
    expect(t.slice(secs[0].bodyStart, secs[0].end)).toContain('implantation, stereotactic');
  });
});

describe('consent lines and what follows them', () => {
  const kinds = (t: string) => splitSections(t).map((s) => s.kind);
  it('a consent line is not an account of work (its risks are not acts)', () => {
    expect(kinds('Procedure: ONS leads\nConsent: lead migration and need for revision discussed.\n')).toContain('indications');
  });
  it('unheaded numbered steps after a consent paragraph are the narrative', () => {
    const t = 'Procedure: HGNS implant\nConsent: infection and device failure discussed.\n\n1. Stimulation lead. Cuff electrode placed on the hypoglossal nerve.\n2. IPG. Pocket made and both leads connected.\n';
    expect(kinds(t).slice(-2)).toEqual(['indications', 'narrative']);
  });
  it('a consent paragraph with nothing after it stays one section', () => {
    expect(kinds('Procedure: HGNS implant\nConsent: infection and device failure discussed.\n').filter((k) => k === 'narrative')).toEqual([]);
  });
});

describe('a history section that runs on into the operation', () => {
  const kinds = (t: string) => splitSections(t).map((s) => s.kind);
  const bg = 'Background: First stage lead placed by me last week; the test went well.\n\n';
  it('an unheaded paragraph that starts with positioning or a reopened incision is the narrative', () => {
    expect(kinds(`${bg}The patient lay prone. The buttock incision from stage 1 was reopened and the lead connected.\n`).slice(-2)).toEqual(['history', 'narrative']);
    expect(kinds(`${bg}In the prone position the buttock incision was reopened.\n`).slice(-2)).toEqual(['history', 'narrative']);
    expect(kinds(`${bg}Time-out. Sterile prep and drape.\n\nUnder fluoroscopy, epidural access at T12-L1.\n`)).toContain('narrative');
    expect(kinds(`${bg}The two surgeons did distinct parts. Dr B performed the exposure and the laminotomy. I passed the paddle.\n`)).toContain('narrative');
  });
  it('a second history paragraph with no account of the operation stays history', () => {
    expect(kinds(`${bg}The patient lay in bed for two days after the first stage without trouble.\n`)).not.toContain('narrative');
  });
});
