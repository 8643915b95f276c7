import { describe, expect, it } from 'vitest';
import { analyze } from '../index';
import { CONFIDENCE_CHECKS } from '../../kb/confidence-checks';
import { CHECK_IDS } from './checks';

const fired = (note: string) => new Set(analyze(note).suggestions.flatMap((s) => (s.reviewReasons ?? []).map((r) => r.id)));
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
  ];
  for (const [id, fires, quiet] of pairs) {
    it(`${id}: fires on one note and not on its near twin`, () => {
      expect(fired(fires).has(id)).toBe(true);
      expect(fired(quiet).has(id)).toBe(false);
    });
  }

  it('dbs-recording: a deep-brain lead line always names the recording fact it rests on', () => {
    const dbs = 'DESCRIPTION: Through a right frontal burr hole a deep brain stimulation lead was placed stereotactically in the subthalamic nucleus and secured with the cap.';
    expect(fired(dbs).has('dbs-recording')).toBe(true);
    expect(fired(trial()).has('dbs-recording')).toBe(false);
  });

  it('system-parts: a hypoglossal system code asks which parts were done; a spinal lead code does not', () => {
    const hgns = 'DESCRIPTION: A right hypoglossal nerve stimulation lead was placed on the nerve, a respiratory sensing lead was placed between the intercostal muscles, and the Inspire generator was connected to both leads in a right chest pocket.';
    expect(fired(hgns).has('system-parts')).toBe(true);
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
});
