import { describe, expect, it } from 'vitest';
import { analyze, readConcepts } from '../index';
import { buildDoc } from '../nlp/nlp';
import { workSentenceSet } from '../facts/work';
import { readEvents } from '../facts/events';
import { buildLedger } from './ledger';
import { reconcileEvents } from './reconcile';
import { LEDGER_RULES } from '../../kb/ledger-rules';

const lines = (note: string) => analyze(note).suggestions.map((s) => `${[s.code, ...s.modifiers.map((m) => m.code)].join('-')} x${s.units}`).sort();

describe('ledger rules (kb/ledger-rules.ts)', () => {
  it('every rule has a reason and a source', () => {
    for (const r of LEDGER_RULES) {
      expect(r.reason.length).toBeGreaterThan(20);
      expect(r.source.length).toBeGreaterThan(5);
    }
  });

  it('a generator only named (impedances through it, its pocket not entered) gets no generator line; a generator lifted out does', () => {
    const base = 'DESCRIPTION: The midline incision was opened. The anchor on the right percutaneous lead was freed and the spinal cord stimulator lead was re-steered to the top of T8 under fluoroscopy and re-anchored.';
    expect(lines(`${base} The generator pocket was not entered. Impedances checked through the generator were normal.`)).toEqual(['63663 x1']);
    expect(lines(`${base} The generator pocket was opened, the generator was removed and not replaced.`)).toContain('63688 x1');
  });

  it('"placed back", "put back", "the pocket was re-opened" are read (multi-word alternatives are patterns of their own)', () => {
    const note = 'DESCRIPTION: The pocket was re-opened and the spinal cord stimulator generator lifted out. The lead was disconnected, tested and reconnected, and the same generator was put back in the pocket.';
    const ds = analyze(note).devices;
    expect(ds.find((d) => d.kind === 'generator')?.acts.map((a) => a.act)).toContain('putBack');
  });

  it('leads told one by one by number ("Lead 1 (left) ... lead 2 (right)") are counted from the ledger', () => {
    const note = 'DESCRIPTION: Under fluoroscopy Tuohy needles were placed paramedian with loss of resistance at T12-L1. Lead 1 (left) was advanced to the top of T8 and lead 2 (right) to mid T8 under fluoro. Needles removed, the lead secured to the fascia with an anchor, and connected to the external trial stimulator.';
    expect(lines(note)).toEqual(['63650 x2']);
  });

  it('a lead opened today, pulled back and re-advanced is a placement, not a revision', () => {
    const note = 'OPERATIVE NOTE\nDESCRIPTION: Under fluoroscopy a Tuohy needle was placed at T12-L1. A new lead was advanced to T8, withdrawn 2 cm and re-advanced to the top of T8, then connected to the external trial stimulator.';
    expect(lines(note)).toEqual(['63650 x1']);
    const r = analyze(note).suggestions[0].reasons.map((x) => x.text).join(' ');
    expect(r).toMatch(/opened in this session/);
  });

  it('the only lead, opened today and withdrawn before the end when the case is stopped, is the planned placement with 53; a lead left in is not', () => {
    const stopped = 'DESCRIPTION: Under fluoroscopy a Tuohy needle entered the epidural space at L1-2. The trial lead was introduced into the needle. The patient became bradycardic and hypotensive; the lead was immediately withdrawn and the needle removed. The procedure was terminated for patient safety. No lead was left in place.';
    expect(lines(stopped)).toEqual(['63650-53 x1']);
    const completed = 'DESCRIPTION: Under fluoroscopy a Tuohy needle entered the epidural space at L1-2. The trial lead was introduced and advanced to T8, withdrawn 1 cm and re-advanced, then connected to the external trial stimulator.';
    expect(lines(completed)).toEqual(['63650 x1']);
  });

  it('leads first disconnected from the header were in before: re-siting the same generator is a pocket revision, not lead placement', () => {
    const note = 'Description: The flank incision was reopened and the IPG was delivered. Both leads were disconnected from the header. A new 5 cm incision was made in the left upper buttock and a new subcutaneous pocket was created. The leads were tunneled to the new pocket. The same Intellis IPG was reconnected to both leads. It was placed in the new pocket. No new device was opened.';
    expect(lines(note)).toEqual(['63688 x1']);
  });

  it('an existing generator lifted out and reconnected for lead work gets no generator code; a revised pocket does', () => {
    const base = 'DESCRIPTION: The flank incision was opened and the existing spinal cord stimulator IPG was lifted out of its pocket and disconnected. Through the midline incision the existing percutaneous epidural lead was repositioned from T10 to the top of T8 under fluoroscopy. The IPG was reconnected to the lead and put back into the same pocket.';
    expect(lines(base)).toEqual(['63663 x1']);
    const revised = base.replace('The IPG was reconnected', 'The pocket was revised and the capsule excised. The IPG was reconnected');
    expect(lines(revised)).toEqual(['63663 x1', '63688 x1']);
  });

  it('a second stage places the generator on the lead from the first stage; a new lead at stage two is still coded', () => {
    const stage2 = 'INDICATION: She returns today for the planned second stage of her sacral neuromodulation.\nDESCRIPTION: The buttock incision was opened, the temporary extension disconnected and removed. A pocket was made and the tined lead was connected to the InterStim generator, which was placed in the pocket.';
    expect(lines(stage2).some((l) => l.startsWith('64561'))).toBe(false);
    expect(lines(stage2).some((l) => l.startsWith('64590'))).toBe(true);
    const newLead = stage2.replace('the tined lead was connected', 'a new tined lead was placed in the left S3 foramen and connected');
    expect(lines(newLead).some((l) => l.startsWith('64561'))).toBe(true);
  });

  it('a paddle through a laminotomy plus a separate percutaneous lead are coded apart; a paddle alone is one open placement', () => {
    const both = 'DESCRIPTION: A T9 laminotomy was performed and the paddle lead was passed under the lamina to T8 and secured. Through a separate incision a Tuohy needle was placed at T12-L1 and a percutaneous lead was advanced to T10. Both arrays were tunneled and connected to the new IPG, which was placed in a flank pocket created for it.';
    expect(lines(both)).toEqual(['63650 x1', '63655 x1', '63685 x1']);
    const paddleOnly = both.replace(' Through a separate incision a Tuohy needle was placed at T12-L1 and a percutaneous lead was advanced to T10. Both arrays were', ' The paddle was');
    expect(lines(paddleOnly)).toEqual(['63655 x1', '63685 x1']);
  });

  it('a lead the ledger holds as placed today is coded when only its generator was read as an event', () => {
    const note = 'DESCRIPTION: The foramen needle was advanced into the left S3 foramen with a good bellows response. The directional guide and introducer were placed, and a tined lead was passed with a curved stylet and positioned with contact 3 at the sacral margin. The introducer was withdrawn to deploy the tines. A pocket was created in the left upper buttock. The lead was tunneled to the pocket and inserted into the generator header. The generator was placed in the pocket.';
    const got = lines(note);
    expect(got).toContain('64590 x1');
    expect(got.some((l) => l.startsWith('64561'))).toBe(true);
    // the same note with the reader's lead event taken away: the ledger adds it back
    const doc = buildDoc(note);
    const matches = readConcepts(doc);
    const work = workSentenceSet(doc, matches);
    const reading = readEvents(doc, matches, work);
    const withoutLead = { ...reading, events: reading.events.filter((e) => e.component !== 'array') };
    const out = reconcileEvents(withoutLead, buildLedger(doc, matches, work));
    expect(out.changes.map((c) => c.rule)).toContain('placed-leads-are-coded');
    const lead = out.reading.events.find((e) => e.component === 'array');
    expect(lead).toMatchObject({ target: 'sacral', action: 'insertion', arrays: 1 });
    // with no generator event either, the ledger adds nothing (it only completes a system the reader coded)
    const none = reconcileEvents({ ...reading, events: [] }, buildLedger(doc, matches, work));
    expect(none.reading.events).toHaveLength(0);
  });

  it('bilateral stage-one leads, one pulled back a centimeter and re-advanced, are placements (one line with 50)', () => {
    const note = 'DESCRIPTION: A foramen needle was placed into the right S3 foramen, the directional guide placed and a tined lead passed. It went too deep so the lead was pulled back about a centimeter and re-advanced, and the tines were deployed. The same was then done on the left side, where the lead was placed in the left S3 foramen. Both leads were tunneled to the left buttock and connected to percutaneous extensions for the trial.';
    expect(lines(note)).toEqual(['64561-50 x1']);
  });

  it('existing leads capped and left in place get no lead code when only the generator comes out', () => {
    const note = 'DESCRIPTION: The infraclavicular incision was opened over the infected spinal cord stimulator IPG. The existing IPG was disconnected and explanted. The existing percutaneous leads were cut at the anchors, capped and left in place for a later reimplant. No new generator was placed.';
    expect(lines(note)).toEqual(['63688 x1']);
  });

  it('a percutaneous attempt converted to open takes the open code', () => {
    const base = 'DESCRIPTION: Percutaneous access to the left S3 foramen was attempted under fluoroscopy. A tined lead was placed in the left S3 foramen and tunneled to the extension.';
    expect(lines(base)).toEqual(['64561-LT x1']);
    const converted = base.replace('was attempted under fluoroscopy.', 'was attempted under fluoroscopy and converted to an open approach through a sacral incision.');
    expect(lines(converted)).toEqual(['64581-LT x1']);
  });
});

describe('hypoglossal lead work on a kept generator (64583, not 64582/64584)', () => {
  const note = 'DESCRIPTION: The right infraclavicular incision was reopened and the Inspire IPG was delivered from its pocket. The sensing lead was disconnected from the IPG header. The lead anchors were freed and the old sensing lead was removed from the intercostal tunnel. The new sensing lead was placed in a fresh intercostal tunnel, anchored, tunneled to the IPG pocket and connected to the existing IPG. The stimulation lead and the IPG were not replaced or repositioned. The IPG was returned to its pocket.';
  it('the sensing lead exchanged on the generator that goes back in is 64583', () => {
    expect(analyze(note).suggestions.map((s) => s.code)).toEqual(['64583']);
  });
  it('"the existing IPG" is the IPG already talked about: one generator, already in the patient', () => {
    const gens = analyze(note).devices.filter((d) => d.kind === 'generator');
    expect(gens).toHaveLength(1);
    expect(gens[0].preExisting).toBe(true);
  });
  it('"the lead anchors" names anchors, not one more lead', () => {
    const leads = analyze(note).devices.filter((d) => d.kind === 'array' && d.acts.some((a) => a.status === 'done'));
    expect(leads).toHaveLength(0);
  });
  it('when the generator is taken out for good, the system removal stands', () => {
    const out = 'DESCRIPTION: The Inspire IPG was removed from the right chest pocket. The sensing lead was freed and removed. The stimulation lead cuff was taken off the hypoglossal nerve and the lead removed. Nothing was implanted.';
    expect(analyze(out).suggestions.map((s) => s.code)).toContain('64584');
  });
});

describe('lead work on devices already in (gastric electrode put back into a new tunnel)', () => {
  const note = 'OPERATION: Laparoscopic revision of a gastric stimulator electrode. The second electrode and the generator were left as they were.\nDEVICE: Enterra II generator with two intramuscular leads (implanted 02/2023).\nPROCEDURE: Access was obtained with an optical trocar, avoiding the generator pocket, and three further ports were placed. The distal electrode was found in place in its tunnel; it was left alone. The proximal electrode had pulled out of its tunnel and lay free beside the stomach. A new seromuscular tunnel was created with a curved needle. The proximal electrode was replaced into the new tunnel and secured with two sutures. The generator pocket was not opened.';
  it('is a laparoscopic revision (43648): no new electrode, no generator placed', () => {
    expect(analyze(note).suggestions.map((s) => s.code)).toEqual(['43648']);
  });
  it('"the proximal" and "the distal electrode" are two devices; "the second electrode" is an existing one', () => {
    const arrays = analyze(note).devices.filter((d) => d.kind === 'array' && d.acts.length);
    expect(arrays.length).toBe(2);
    expect(arrays.every((d) => d.preExisting)).toBe(true);
  });
  it('"the generator pocket" is a place, not the generator: "ports were placed" places nothing', () => {
    const gens = analyze(note).devices.filter((d) => d.kind === 'generator');
    expect(gens.every((g) => g.state === 'pre-kept' || g.state === 'mentioned')).toBe(true);
  });
  it('a new electrode in a new tunnel is still a replacement', () => {
    const replaced = note.replace('The proximal electrode was replaced into the new tunnel', 'The proximal electrode was removed and a new electrode was placed into the new tunnel');
    expect(analyze(replaced).suggestions.map((s) => s.code)).toEqual(['43647']);
  });
});

describe('an implant log that keeps the leads ("Leads x2: retained")', () => {
  const note = 'TECHNIQUE: Incision over the gastric generator reopened. Generator delivered from the pocket; both leads disconnected. Leads were not revised or replaced and the abdomen was not entered. New generator connected to both existing leads and placed in the existing pocket.\nIMPLANT LOG\n New: Enterra II generator\n Explanted: Enterra generator\n Leads x2: retained';
  it('a generator change whose leads were "not revised or replaced" codes the generator only', () => {
    expect(analyze(note).suggestions.map((s) => s.code)).toEqual(['64590']);
  });
  it('when a lead was in fact replaced, the lead code stays', () => {
    const replaced = note.replace('Leads were not revised or replaced and the abdomen was not entered.', 'Through a small laparotomy one old lead was removed and a new lead was sutured into the antral muscle.');
    expect(analyze(replaced).suggestions.map((s) => s.code)).toContain('43881');
  });
});

describe('a generator the ledger holds as placed, with no generator event (placed-generator-is-coded)', () => {
  const note = (title: string) => `${title}\nStage 1 on 03/02/2026: left S3 tined lead with a percutaneous extension.\n- Left upper buttock incision reopened; extension disconnected and pulled out through the exit site.\n- Rechargeable IPG connected to the existing tined lead; impedances normal.\n- IPG in pocket, suture-secured. Layered closure.`;
  it('in a stated second stage, the connected generator is coded (64590)', () => {
    expect(analyze(note('OP NOTE - SNM STAGE 2')).suggestions.map((s) => s.code)).toEqual(['64590']);
  });
  it('the same note about the IPG already in ("the existing IPG") codes no generator placement', () => {
    const t = note('OP NOTE - SNM STAGE 2').replace('Rechargeable IPG connected', 'The existing IPG was connected').replace('IPG in pocket', 'The existing IPG returned to its pocket');
    expect(analyze(t).suggestions.map((s) => s.code)).not.toContain('64590');
  });
});

describe('hypoglossal sensing-lead work with no other event (sensing-lead-work-is-coded)', () => {
  const body = 'Site: R chest\nProcedure: sensing lead exchanged\n- IPG incision reopened. IPG delivered; sensing lead disconnected. Old sensing lead freed from the intercostal tunnel and removed intact.\n- New sensing lead placed between the intercostals, anchored, connected to the existing IPG.\n- Stim lead not touched. IPG not replaced.';
  it('codes the one-part lead work as 64583 with 52 and the side', () => {
    const a = analyze(`Dx: OSA on an Inspire hypoglossal system, implanted 2023.\n${body}`);
    expect(a.suggestions.map((s) => [s.code, ...s.modifiers.map((m) => m.code)].join('-'))).toEqual(['64583-52-RT']);
  });
  it('"IMPLANT/EXPLANT" as a heading and "left connected" place nothing', () => {
    const a = analyze(`Dx: OSA on an Inspire hypoglossal system, implanted 2023.\n${body}\nThe stimulation lead was left connected.\n\nIMPLANT/EXPLANT\n  Sensing lead 4340 ..... IMPLANTED\n  Stimulation lead 4063 ..... in situ\n`);
    expect(a.devices.find((d) => /stimulation/i.test(d.evidence.map((e) => e.text).join(' ')) && d.kind === 'array')?.state ?? 'pre-kept').not.toBe('new-left-in');
    expect(a.suggestions.map((s) => s.code)).toEqual(['64583']);
  });
});
