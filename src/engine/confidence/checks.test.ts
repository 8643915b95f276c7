import { describe, expect, it } from 'vitest';
import { analyze } from '../index';
import { CONFIDENCE_CHECKS } from '../../kb/confidence-checks';
import { CHECK_IDS } from './checks';

// a check that withholds its line (kb `withhold`) shows as the note's abstention on that fact
const fired = (note: string) => {
  const a = analyze(note);
  const withheld = CONFIDENCE_CHECKS.filter((c) => c.withhold && c.withhold === a.abstain?.fact).map((c) => c.id);
  return new Set([...a.suggestions.flatMap((s) => (s.reviewReasons ?? []).map((r) => r.id)), ...withheld]);
};
const trial = (extra = '') => `OPERATIVE NOTE\nDESCRIPTION: Under fluoroscopy a Tuohy needle was placed at T12-L1. A new lead was advanced to the top of T8 and connected to the external trial stimulator.${extra} The needle was removed.`;
const generator = (extra = '') => `DESCRIPTION: The old spinal cord stimulator generator was removed from the flank pocket.${extra} A new generator was connected to the existing leads and placed in the same pocket.`;

describe('confidence checks', () => {
  it('has a predicate for every check in the knowledge base', () => {
    expect(CONFIDENCE_CHECKS.map((c) => c.id).sort()).toEqual([...CHECK_IDS].sort());
  });

  // each pair: a note where the check fires, and a near-identical one where it does not
  const pairs: [string, string, string][] = [
    ['staged-session', trial(' This is stage 1 of a staged implant.'), trial()],
    ['staff-modifiers', generator(' Dr. Smith, a second attending surgeon, assisted with the pocket.'), generator()],
    ['extra-work', generator(' Dense scar tissue added about 60 minutes to the case.'), generator()],
    ['approach-changed', trial(' A first attempt at T11-12 was abandoned.'), trial()],
    ['long-dictation', trial(' The patient tolerated the procedure well.'.repeat(120)), trial()],
    ['header-disagrees', `PROCEDURE: 63685\n${trial()}`, `PROCEDURE: 63650\n${trial()}`],
    ['approach-inferred', 'DESCRIPTION: Through the midline incision the spinal cord stimulator lead was repositioned to T8 and re-anchored.', 'DESCRIPTION: Through the midline incision the percutaneous spinal cord stimulator lead was repositioned to T8 and re-anchored.'],
    [
      'target-weak',
      'HISTORY: Spinal cord stimulator placed in 2019 for failed back surgery syndrome.\nDESCRIPTION: The lead had migrated. Through the midline incision the percutaneous lead was repositioned to T8 and re-anchored.',
      'DESCRIPTION: The existing spinal cord stimulator lead had migrated. Through the midline incision the percutaneous lead was repositioned to T8 and re-anchored.',
    ],
    ['side-missing', 'DESCRIPTION: Under ultrasound a percutaneous lead was placed along the superficial radial nerve at the forearm and connected to the external stimulator.', 'DESCRIPTION: Under ultrasound a percutaneous lead was placed along the superficial radial nerve at the left forearm and connected to the external stimulator.'],
    [
      'array-count-unstated',
      'DESCRIPTION: Deep brain stimulator generator at end of service. The left chest incision was opened and the old IPG delivered and disconnected. A new IPG was connected, impedances normal, and placed in the existing pocket.',
      'DESCRIPTION: Deep brain stimulator generator at end of service. The left chest incision was opened and the old IPG delivered and disconnected from both extensions. A new IPG was connected to both extensions, impedances normal, and placed in the existing pocket.',
    ],
    ['ledger-units', 'DESCRIPTION: Under ultrasound a percutaneous lead was placed along the left femoral nerve and connected to the external stimulator.\nLeads: x2 (femoral, sciatic)', 'DESCRIPTION: Under ultrasound a percutaneous lead was placed along the left femoral nerve and connected to the external stimulator.\nLeads: x1 (femoral)'],
    [
      'ledger-target',
      'DESCRIPTION: Left flank incision over the spinal cord stimulator IPG; old IPG disconnected from the two SCS leads. The sacral IPG in the right buttock was freed and disconnected from the S3 lead. The tined lead was removed intact. The sacral IPG was not replaced.',
      'DESCRIPTION: The sacral IPG in the right buttock was freed and disconnected from the S3 lead. The tined lead was removed intact. The sacral IPG was not replaced.',
    ],
    ['array-units-unstated', trial().replace('A new lead was', 'New trial lead(s) were'), trial().replace('A new lead was', 'Two new trial leads were')],
    ['documentation-gap', 'DESCRIPTION: The old spinal cord stimulator generator was removed. A new spinal cord stimulator generator was implanted.', generator().replace('stimulator generator', 'spinal cord stimulator generator')],
  ];
  for (const [id, fires, quiet] of pairs) {
    it(`${id}: fires on one note and not on its near twin`, () => {
      expect(fired(fires).has(id)).toBe(true);
      expect(fired(quiet).has(id)).toBe(false);
    });
  }

  it('staged-session: a stage settled by its dates (58 with the interval) does not ask; a stage with no timing does', () => {
    const stage2 = (when: string) => `PROCEDURE: Stage 2 of a planned two-stage sacral neuromodulation.\nDESCRIPTION: The left S3 tined lead was placed by me ${when} as stage 1. Today the buttock incision was reopened, the extension removed, a pocket enlarged, and the lead connected to a new generator placed in the pocket.`;
    const settled = analyze(`Date: 03/12/2025\n${stage2('on 03/04/2025')}`);
    expect(settled.suggestions[0].modifiers.map((m) => m.code)).toContain('58');
    expect(fired(`Date: 03/12/2025\n${stage2('on 03/04/2025')}`).has('staged-session')).toBe(false);
    expect(fired(stage2('recently')).has('staged-session')).toBe(true);
  });

  it('dbs-recording: a deep-brain lead line always names the recording fact it rests on', () => {
    const dbs = 'DESCRIPTION: Through a right frontal burr hole a deep brain stimulation lead was placed stereotactically in the subthalamic nucleus and secured with the cap.';
    expect(fired(dbs).has('dbs-recording')).toBe(true);
    expect(fired(trial()).has('dbs-recording')).toBe(false);
  });

  it('system-parts: a hypoglossal system code asks which parts were done unless the story shows every part new; a spinal lead code never asks', () => {
    const whole = 'DESCRIPTION: A new right hypoglossal nerve stimulation lead was placed on the nerve, a new respiratory sensing lead was placed between the intercostal muscles, and a right chest pocket was created for a new Inspire generator, which was connected to both leads and placed in it.';
    const part = 'DESCRIPTION: A right hypoglossal nerve stimulation lead was placed on the nerve and connected to the Inspire generator already in the right chest pocket.';
    expect(fired(whole).has('system-parts')).toBe(false);
    expect(fired(part).has('system-parts')).toBe(true);
    expect(fired(trial()).has('system-parts')).toBe(false);
  });

  it('a line no check fires on stays high and carries no review reasons', () => {
    const a = analyze(trial());
    expect(a.suggestions.map((s) => s.code)).toEqual(['63650']);
    expect(a.suggestions[0].confidence).toBe('high');
    expect(a.suggestions[0].reviewReasons).toEqual([]);
  });

  it('every review reason quotes the note and lowers the band below high', () => {
    const note = trial(' This is stage 1 of a staged implant.');
    for (const s of analyze(note).suggestions) {
      expect(s.confidence).not.toBe('high');
      for (const r of s.reviewReasons ?? []) for (const e of r.evidence) expect(note.slice(e.start, e.end)).toBe(e.text);
    }
  });

  it('line-warning: a line an earlier stage set below high, with no named reason, says why', async () => {
    const { applyChecks } = await import('./checks');
    const { buildDoc } = await import('../nlp/nlp');
    const { readConcepts } = await import('../index');
    const { workSentenceSet } = await import('../facts/work');
    const { readEvents } = await import('../facts/events');
    const { buildLedger } = await import('../ledger/ledger');
    const text = generator().replace('stimulator generator', 'spinal cord stimulator generator');
    const doc = buildDoc(text);
    const matches = readConcepts(doc);
    const work = workSentenceSet(doc, matches);
    const reading = readEvents(doc, matches, work);
    const ledger = buildLedger(doc, matches, work);
    const line = analyze(text).suggestions[0];
    const base = { ...line, reviewReasons: [], confidence: 'high' as const, warnings: [] };
    const lowered = { ...base, confidence: 'low' as const, warnings: ['63688 with 63685: an NCCI edit pairs these codes.'] };
    const [quiet] = applyChecks({ doc, matches, reading, ledger, suggestions: [base], warnings: [] });
    const [loud] = applyChecks({ doc, matches, reading, ledger, suggestions: [lowered], warnings: [] });
    expect(quiet.reviewReasons?.map((r) => r.id) ?? []).not.toContain('line-warning');
    expect(loud.reviewReasons?.find((r) => r.id === 'line-warning')?.text).toContain('NCCI edit');
    expect(loud.status).toBe('review');
  });

  it('every line below high, on every fixture note, says what to check (at least one review reason); ready means high with none', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    for (const f of readdirSync('test/fixtures/notes')) {
      for (const s of analyze(readFileSync(`test/fixtures/notes/${f}`, 'utf8')).suggestions) {
        if (s.confidence !== 'high') expect(s.reviewReasons?.length, `${f} ${s.code}`).toBeGreaterThan(0);
        expect(s.status).toBe(s.confidence === 'high' && !s.reviewReasons?.length ? 'ready' : 'review');
      }
    }
  });
});
