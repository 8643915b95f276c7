import { describe, expect, it } from 'vitest';
import { analyze } from '../index';
import type { DeviceRecord } from './summary';

const devices = (note: string): DeviceRecord[] => analyze(note).devices;
const leftIn = (ds: DeviceRecord[]) => ds.filter((d) => d.kind === 'array' && d.state === 'new-left-in');

describe('device ledger', () => {
  it('counts a lead opened and discarded once, not as an array left in', () => {
    const ds = devices(
      'OPERATIVE NOTE\nDESCRIPTION: A Tuohy needle was placed at L1-2. The first lead would not pass above T12; it was removed and discarded. A new lead was advanced to the top of T8. A second needle was placed at L2-3 and another lead was steered to T8-9. Both leads were tested and connected to the external trial stimulator. No generator was implanted.',
    );
    expect(leftIn(ds)).toHaveLength(2);
    expect(ds.filter((d) => d.state === 'new-discarded')).toHaveLength(1);
    expect(ds.some((d) => d.kind === 'external' && d.state === 'external')).toBe(true);
    expect(ds.some((d) => d.kind === 'generator')).toBe(false);
  });

  it('a device whose own clause says it had migrated is the one already in: moving it is a revision, not a placement', () => {
    const note = 'DESCRIPTION: The midline incision was reopened down to the old laminotomy. The paddle had migrated caudally to T10-T11. With the paddle freed from scar, it was advanced cephalad to T9 under fluoroscopy and a new anchor was placed.';
    const ds = devices(note);
    expect(ds.filter((d) => d.kind === 'array').map((d) => d.state)).toEqual(['pre-revised']);
    expect(analyze(note).suggestions.map((l) => l.code)).toEqual(['63664']);
    // the same words for a paddle opened today stay a placement
    const fresh = 'DESCRIPTION: A T9 laminotomy was performed. The paddle was advanced cephalad to T8 under fluoroscopy and anchored.';
    expect(analyze(fresh).suggestions.map((l) => l.code)).toEqual(['63655']);
  });

  it('a "sensor lead" is the sensing lead, and "the new lead" right after a new sensing lead is that sensing lead', () => {
    const note = 'DESCRIPTION: The chest incision was reopened and the fractured sensor lead was dissected free and removed. A new sensing lead was placed between the intercostal muscles and sutured. The new lead was tunneled to the pocket and plugged into the sensing port of the existing Inspire generator, which was returned to its pocket.';
    const ds = devices(note);
    expect(ds.filter((d) => d.kind === 'array')).toEqual([]);
    expect(ds.filter((d) => d.kind === 'sensor').map((d) => d.state).sort()).toEqual(['new-left-in', 'pre-removed']);
    // a new stimulation lead named after a new sensing lead is still a lead of its own
    const both = devices('DESCRIPTION: A new sensing lead was placed between the intercostal muscles. A new lead was placed on the hypoglossal nerve.');
    expect(both.filter((d) => d.kind === 'array')).toHaveLength(1);
  });

  it('an act in a relative clause about another noun ("the connector, which was positioned") is not done to the lead', () => {
    const note = 'DESCRIPTION: Stage 2 of the staged DBS implant; the leads were placed 13 days ago. The coiled lead end was freed from the subgaleal pocket. Each lead was connected to its extension at the connector, which was positioned behind the ear. Both extensions were connected to a new dual-channel generator in a new chest pocket.';
    expect(analyze(note).suggestions.map((l) => l.code)).toEqual(['61886']);
  });

  it('"elective replacement indicator" is a neurostimulator battery state too, not a pacemaker', () => {
    const a = analyze('DESCRIPTION: The spinal cord stimulator generator has reached its elective replacement indicator. The old generator was removed from the flank pocket and a new generator was connected to both existing leads and placed in the same pocket.');
    expect(a.inScope).toBe(true);
    expect(a.suggestions.map((l) => l.code)).toEqual(['63685']);
  });

  it('"a bladder pacemaker" is a sacral neurostimulator, not a cardiac device; "Pt\'s right lead" is the one already in', () => {
    const a = analyze('PROCEDURE: Placement of bladder pacemaker, stage 2 of the planned two-stage sacral neuromodulation.\nDESCRIPTION: The buttock incision was reopened, the extension disconnected, the pocket enlarged, and the S3 lead connected to the new generator, which was placed in the pocket.');
    expect(a.inScope).toBe(true);
    expect(a.suggestions.map((l) => l.code)).toContain('64590');
    const b = analyze('DESCRIPTION: The cardiac pacemaker generator was replaced.');
    expect(b.suggestions).toEqual([]);
    const ds = devices("DESCRIPTION: Pt's right lead moved down. The right lead was re-steered to the top of T8 and re-anchored.");
    expect(ds.filter((d) => d.kind === 'array').every((d) => d.state !== 'new-left-in')).toBe(true);
  });

  it('"the other lead" next to an old lead is the other old lead; a lead pulled back and re-steered stays in (revised)', () => {
    const note = "DESCRIPTION: Pt's right lead moved down. The IPG and the other lead are fine. Through the midline incision the right lead's anchor was loosened; the lead was pulled back partially and then re-steered up to the top of T8, and re-anchored.";
    const arrays = devices(note).filter((d) => d.kind === 'array');
    expect(arrays.some((d) => d.state === 'new-left-in')).toBe(false);
    expect(arrays.map((d) => d.state)).toContain('pre-revised');
    expect(analyze(note).suggestions.map((l) => l.code)).toEqual(['63663']);
  });

  it('"ICD:" as the diagnosis-code label is no defibrillator; "ICD placement" still is', () => {
    const a = analyze('ICD: G89.4, M96.1\nDESCRIPTION: The old spinal cord stimulator generator was removed from the flank pocket and a new generator was connected to both existing leads and placed in the same pocket.');
    expect(a.inScope).toBe(true);
    expect(a.suggestions.map((l) => l.code)).toEqual(['63685']);
    expect(analyze('DESCRIPTION: ICD placement; the generator was connected to the right ventricular lead.').inScope).toBe(false);
  });

  it('reads a device noun made generic ("beyond a routine paddle removal") as no device of the note', () => {
    const ds = devices('DESCRIPTION: The paddle was freed from dense epidural scar. This dissection added about 80 minutes beyond a routine paddle removal. The paddle was removed intact.');
    expect(ds.filter((d) => d.kind === 'array')).toHaveLength(1);
    expect(ds.find((d) => d.kind === 'array')?.state).not.toBe('new-discarded');
  });

  it('a numbered label first, then "fractured lead #2": the numbered lead was in before, and the new lead is another device', () => {
    const ds = devices('Procedure:\n- Lead #2 anchor freed. Lead #2 disconnected from its extension.\n- Fractured lead #2 withdrawn in full under fluoroscopy.\n- New 14 g Tuohy placed; new 8-contact lead advanced to top of T8.\n- New lead anchored to fascia, connected to existing extension.');
    const arrays = ds.filter((d) => d.kind === 'array');
    expect(arrays.map((d) => d.state).sort()).toEqual(['new-left-in', 'pre-removed']);
  });

  it('reads "a second lead" after a swapped-out lead as one more lead, and "the second lead" under a "Lead 2" label as the same one', () => {
    const swapped = devices(
      'DESCRIPTION: The first lead was passed through the needle but kinked at T10. It was withdrawn, handed off the field and discarded. A new lead was passed through the same needle to T8. A second needle was placed at L1-2 and a second lead was advanced to mid T8 just right of midline. Both leads were connected to the external trial stimulator.',
    );
    expect(leftIn(swapped)).toHaveLength(2);
    expect(swapped.filter((d) => d.state === 'new-discarded')).toHaveLength(1);
    const labelled = devices('DESCRIPTION:\nLead 1: a lead was advanced to T8 through a Tuohy needle.\nLead 2: a second lead was advanced to T9 through a second needle.\nBoth leads were connected to the external trial stimulator.');
    expect(leftIn(labelled)).toHaveLength(2);
  });

  it('reads tools and intraoperative equipment as tools: a guide wire, monitoring electrodes; "backed out by 6 mm" is a movement', () => {
    const ds = devices(
      'DESCRIPTION: Nerve integrity monitoring electrodes were placed. A Tuohy needle was placed and a guidewire passed; the dilator and wire were removed, leaving the sheath. Lead 1 was advanced to T8. Lead 2 was advanced to T8 and on the check image had backed out by about 6 mm, so it was re-advanced. Both leads were connected to the external trial stimulator. The NIM electrodes were removed.',
    );
    expect(leftIn(ds)).toHaveLength(2);
    expect(ds.every((d) => !d.acts.some((a) => a.act === 'removed'))).toBe(true);
  });

  it('keeps a previously placed lead as pre-existing and a new generator as placed', () => {
    const ds = devices('DESCRIPTION: The old generator was removed from the pocket. The previously placed lead was found intact and left in place. A new generator was connected to the lead and placed in the pocket.');
    const gens = ds.filter((d) => d.kind === 'generator');
    expect(gens.map((g) => g.state).sort()).toEqual(['new-left-in', 'pre-removed']);
    const lead = ds.find((d) => d.kind === 'array');
    expect(lead?.preExisting).toBe(true);
    expect(lead?.state).toBe('pre-kept');
  });

  it('reads "replaced into the foramen" as putting the same lead back, not a replacement', () => {
    const ds = devices('DESCRIPTION: The existing tined lead had migrated. It was withdrawn 1 cm and replaced into the S3 foramen under fluoroscopy.');
    const lead = ds.find((d) => d.kind === 'array');
    expect(lead?.acts.map((a) => a.act)).toContain('putBack');
    expect(lead?.acts.map((a) => a.act)).not.toContain('replaced');
  });

  it('opens one lead per side when each side is dictated under its own label', () => {
    const ds = devices('Done:\nRIGHT: occipital nerve identified under ultrasound, lead deployed.\nLEFT: same technique, lead deployed.\nBoth leads attached to the external stimulator.');
    expect(leftIn(ds).map((d) => d.side).sort()).toEqual(['left', 'right']);
  });

  it('does not open devices for a count in a title or a plan', () => {
    const ds = devices('PROCEDURE: Spinal cord stimulator trial, two leads.\nDESCRIPTION: One lead was advanced to T8 and connected to the external stimulator. Return in 5 days for lead removal.');
    expect(leftIn(ds)).toHaveLength(1);
    expect(ds.flatMap((d) => d.acts).find((a) => a.act === 'removed')?.status).toBe('planned');
  });

  it('treats "all four electrodes" after a lead as that lead\'s contacts', () => {
    const ds = devices('DESCRIPTION: The tined lead was advanced into the left S3 foramen, all four electrodes with motor response. The lead was tunneled and connected to the extension.');
    expect(leftIn(ds)).toHaveLength(1);
  });

  it('ties every act to words of the note', () => {
    const note = 'DESCRIPTION: The IPG was explanted. A new IPG was connected to both leads and placed in the existing pocket.';
    for (const d of analyze(note).devices) for (const a of d.acts) for (const e of a.evidence) expect(note.slice(e.start, e.end)).toBe(e.text);
  });
});

describe('clauses and telegraphic mentions (lead exchange through the same entry)', () => {
  const note = 'TECHNIQUE: Midline incision reopened. Migrated lead could not be advanced back to target, so it was withdrawn completely and a new 8-contact lead was placed through the same entry with a new Tuohy, steered to the top of T8. New lead anchored and connected to the existing extension. The IPG pocket was not opened.';
  it('"it was withdrawn ... and a new lead was placed" are two clauses: the old lead comes out, the new one goes in', () => {
    const arrays = analyze(note).devices.filter((d) => d.kind === 'array');
    expect(arrays.map((d) => d.state).sort()).toEqual(['new-left-in', 'pre-removed']);
  });
  it('"New lead anchored" (no article) is the new lead already placed, not one more', () => {
    expect(analyze(note).devices.filter((d) => d.kind === 'array' && d.state === 'new-left-in')).toHaveLength(1);
  });
  it('the claim is one percutaneous lead replacement', () => {
    expect(analyze(note).suggestions.map((s) => `${s.code} x${s.units}`)).toEqual(['63663 x1']);
  });
});

describe('device-age words describe the device, not today\'s act', () => {
  it('"Old lead withdrawn from the foramen" is a removal done today', () => {
    const a = analyze('TECHNIQUE: Buttock incision over the IPG opened. Old IPG disconnected and removed. Old lead withdrawn from the foramen by gentle traction, tines released, intact. Foramen needle placed into S3 under fluoroscopy; new tined lead deployed and tunneled to the existing pocket. New IPG connected to the new lead and placed in the existing pocket.');
    const old = a.devices.filter((d) => d.kind === 'array' && d.preExisting);
    expect(old.map((d) => d.state)).toEqual(['pre-removed']);
    expect(a.suggestions.map((s) => s.code).sort()).toEqual(['64585', '64590']);
  });
  it('"the previously placed lead" still dates the placement', () => {
    const a = analyze('TECHNIQUE: The previously placed lead was connected to the new IPG, which was placed in a new pocket.');
    expect(a.suggestions.map((s) => s.code)).not.toContain('63650');
  });
});

describe('a count before a long noun phrase', () => {
  it('"Two 8-contact percutaneous leads were advanced" opens two leads, and the unit check agrees', () => {
    const a = analyze('DESCRIPTION: Under fluoroscopic guidance two Tuohy needles were placed into the epidural space at T12-L1. Two 8-contact percutaneous leads were advanced to T8 and T9. A midline incision was made and the leads were anchored and connected to the external trial stimulator.');
    expect(a.devices.filter((d) => d.kind === 'array' && d.state === 'new-left-in')).toHaveLength(2);
    expect(a.suggestions[0].reviewReasons?.map((r) => r.id) ?? []).not.toContain('ledger-units');
  });
});

describe('ledger classes: log rows, "removed with", a generator lifted out and reconnected', () => {
  const gen = (ds: DeviceRecord[]) => ds.find((d) => d.kind === 'generator');
  it('each implant-log row\'s status belongs to the device on that row', () => {
    const note = 'DESCRIPTION: The pocket was opened and the lead withdrawn in one piece.\nEXPLANT LOG\n  Neurostimulator InterStim II 3058, SN NKK1 EXPLANTED\n  Tined lead 3889-41, SN ZXC0 EXPLANTED (intact)\n';
    expect(gen(devices(note))?.state).toBe('pre-removed');
  });
  it('"freed from its capsule and removed with the lead tails" removes the neurostimulator, not only the tails', () => {
    const note = 'Procedure: Explant of gastric stimulator.\n- Laparoscopy, 3 ports.\n- Both leads dissected free from the antrum and withdrawn.\n- LUQ pocket opened; neurostimulator freed from its capsule and removed with the lead tails.\n- No new leads, no new neurostimulator.';
    expect(gen(devices(note))?.state).toBe('pre-removed');
    expect(analyze(note).suggestions.map((s) => s.code).sort()).toEqual(['43648', '64595']);
  });
  it('an IPG delivered from its capsule and then connected to a new lead stays (not removed)', () => {
    const note = 'DESCRIPTION: The incision over the IPG was reopened and the IPG delivered from its capsule; the old sensing lead was unplugged and removed. A new sensing lead was placed and connected to the existing IPG, which was returned to its pocket.';
    expect(gen(devices(note))?.state).not.toBe('pre-removed');
    expect(analyze(note).suggestions.map((s) => s.code)).not.toContain('61888');
  });
  it('"Procedure: Prone. The incision was opened ..." is the narrative, not a title line', () => {
    const note = 'Procedure: Removal of sacral neuromodulation system.\nIndication: no benefit.\nProcedure: Prone. The right buttock incision over the generator was opened and the generator was freed and removed.\nThe lead was disconnected and withdrawn in its entirety.';
    expect(analyze(note).suggestions.map((s) => s.code).sort()).toEqual(['64585', '64595']);
  });
});
