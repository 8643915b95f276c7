import { describe, expect, it } from 'vitest';
import { analyze } from '../index';
import { buildDoc } from '../nlp/nlp';
import { impliedReturn } from './implied-return';
import { serviceDate } from './dates';

const mods = (text: string, code: string) => analyze(text).suggestions.find((s) => s.code === code)?.modifiers.map((m) => m.code) ?? [];

const OWN = 'Date of service: 05/05/2025.\nHISTORY: Thoracic laminotomy and paddle placement at T8 with a flank generator by me on 04/07/2025. Two weeks later the paddle migrated and she lost coverage.\nPROCEDURE: Under general anesthesia the midline incision was reopened. The paddle was pulled back up to T7-T8 and re-anchored through the laminotomy, and reconnected to the existing generator.';

describe('an unplanned return told without the words (78)', () => {
  it('own earlier implant + complication + inside the paddle\'s 90-day global → 78 on the paddle revision', () => {
    expect(mods(OWN, '63664')).toContain('78');
  });
  it('the same story by another surgeon does not get 78', () => {
    expect(mods(OWN.replace('by me', 'by an outside surgeon'), '63664')).not.toContain('78');
  });
  it('the same story outside any global period does not get 78', () => {
    expect(mods(OWN.replace('04/07/2025', '04/07/2023'), '63664')).not.toContain('78');
  });
  it('needs both the complication and the own earlier procedure; a new placement is never an implied return', () => {
    const doc = buildDoc('The lead migrated after the trial placed by me. A new lead was placed.');
    expect(impliedReturn(doc, ['insertion'])).toBeNull();
    expect(impliedReturn(doc, ['revision'])?.map((s) => s.text)).toEqual(['migrated', 'by me']);
    expect(impliedReturn(buildDoc('The lead migrated. It was revised.'), ['revision'])).toBeNull();
  });
});

describe('dates and words that place a return', () => {
  it('a dictation that opens with the date on its own line has that date as the date of service', () => {
    const text = 'brief operative note addendum\n\njune fourteenth 2025 doctor okafor neurosurgery\n\nthe battery i changed on june third 2025 was bleeding';
    expect(serviceDate(text)?.text).toBe('june fourteenth 2025');
    expect(serviceDate('The patient was seen on june third 2025 in clinic and the battery was changed.')).toBeNull();
  });
  it('"Reason for OR today: unplanned" and "brought him back to the operating room" read as a return to the OR', () => {
    for (const t of ['Reason for OR today: unplanned - wound breakdown over the IPG.', 'We brought him back to the operating room today for a pocket hematoma.']) {
      expect(analyze(t).matches.some((m) => m.kind === 'returnToOr')).toBe(true);
    }
    expect(analyze('An unplanned durotomy was repaired.').matches.some((m) => m.kind === 'returnToOr')).toBe(false);
  });
  it('"his seizure stimulator battery" names the vagus system', () => {
    const a = analyze('His seizure stimulator battery was changed: the old generator was removed from the left chest pocket and the new generator connected to the existing lead.');
    expect(a.suggestions.map((s) => s.code)).toContain('61885');
  });
});

describe('22: extra time written with short units', () => {
  const note = (time: string) => `DESCRIPTION: The prior laminotomy was found filled with dense epidural fibrosis encasing the paddle. The laminotomy was extended and the paddle was freed and removed. ${time}`;
  it('"~2 h of added time" documents the extra time', () => {
    const a = analyze(note('TIME: ~2 h of added time was for the scar work.'));
    expect(a.suggestions.find((s) => s.code === '63662')?.modifiers.map((m) => m.code)).toContain('22');
  });
  it('the cause alone only asks', () => {
    const a = analyze(note(''));
    expect(a.suggestions.find((s) => s.code === '63662')?.modifiers.map((m) => m.code)).not.toContain('22');
    expect(a.questions.some((q) => /22/.test(q.text))).toBe(true);
  });
});

describe('52 on a hypoglossal code when one of its parts is done alone (data: kb PARTIAL_SYSTEM_RULES)', () => {
  const sensorOnly = 'DESCRIPTION: The right chest incision was reopened and the Inspire IPG delivered from its pocket. The sensing lead was disconnected from the IPG. The old sensing lead was freed and removed from the intercostal tunnel. A new sensing lead was placed in a fresh tunnel, tunneled to the pocket and connected to the existing IPG. The stimulation lead was not touched. The IPG was returned to its pocket.';
  it('only the sensing lead replaced: 64583 with 52, saying other payers may differ', () => {
    const l = analyze(sensorOnly).suggestions.find((s) => s.code === '64583');
    const m52 = l?.modifiers.find((m) => m.code === '52');
    expect(m52?.reasons[0].text).toMatch(/sensing lead.*other payers may differ/);
  });
  it('both leads replaced: 64583 without 52', () => {
    const both = sensorOnly.replace('The stimulation lead was not touched.', 'The old stimulation lead cuff was removed from the hypoglossal nerve and a new stimulation lead was placed on the nerve, tunneled and connected to the IPG.');
    const l = analyze(both).suggestions.find((s) => s.code === '64583');
    expect(l?.modifiers.map((m) => m.code)).not.toContain('52');
  });
});

describe("the assistant surgeon's own report", () => {
  const head = "ASSISTANT SURGEON'S OPERATIVE NOTE\nPrimary surgeon: F. Castel, MD\nAssistant surgeon (author): D. Aleks, MD\n";
  const body = 'DESCRIPTION: The revision needed two surgeons. The midline incision was reopened down to the laminotomy. The paddle had migrated to T11. It was freed from scar and advanced cephalad to T9, and a new anchor was placed.';
  const mods = (note: string) => analyze(note).suggestions.map((l) => `${l.code}${l.modifiers.map((m) => `-${m.code}`).join('')}`);
  it('claims as assistant (80), never as co-surgeon (62)', () => {
    expect(mods(`${head}${body}\nNo resident was involved.`)).toEqual(['63664-80']);
  });
  it('82 only when no qualified resident was available, in the words of the note', () => {
    expect(mods(`${head}${body}\nNo qualified neurosurgery resident was available to assist.`)).toEqual(['63664-82']);
  });
});

describe('62 by part: the author did the generator alone', () => {
  const note = (gen: string) =>
    `Surgeons: Dr. A (author) and Dr. B, co-surgeons\nDESCRIPTION: Dr. B performed the T10 laminotomy. I passed the paddle lead into the epidural space to T8 and anchored it.\n${gen}`;
  const mods = (t: string) => analyze(t).suggestions.map((l) => `${l.code}${l.modifiers.map((m) => `-${m.code}`).join('')}`).sort();
  it('"Dr. B left theatre. I then made the pocket": 62 on the paddle only', () => {
    expect(mods(note('After the spinal part Dr. B left theatre for his next case. I then made the generator pocket, connected the extension to the generator and placed it in the pocket.'))).toEqual(['63655-62', '63685']);
  });
  it('"Dr. B did not participate in the generator placement": 62 on the paddle only', () => {
    expect(mods(note('We then made the generator pocket, connected the extension to the generator and placed it in the pocket. Dr. B did not participate in the generator placement.'))).toEqual(['63655-62', '63685']);
  });
  it('"he was not scrubbed for the generator" keeps 62 off that part and keeps the line; "I was not scrubbed for that portion" drops it from this claim', () => {
    expect(mods(note('We then made the generator pocket, connected the extension to the generator and placed it in the pocket. Dr. B was not scrubbed for the generator placement.'))).toEqual(['63655-62', '63685']);
    expect(mods(note('Dr. B then made the generator pocket, connected the extension to the generator and placed it in the pocket; I was not scrubbed for that portion and he will dictate it separately.'))).toEqual(['63655-62']);
  });
  it('the same session with both surgeons on the generator: 62 on both', () => {
    expect(mods(note('We then made the generator pocket together, connected the lead to the generator and placed it in the pocket.'))).toEqual(['63655-62', '63685-62']);
  });
});
