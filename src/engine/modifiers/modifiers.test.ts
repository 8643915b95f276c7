import { describe, expect, it } from 'vitest';
import { analyze } from '../index';
import type { Analysis, Suggestion } from '../types';
import { MODIFIER_RULES, NONEXISTENT_MODIFIERS, REAL_MODIFIERS } from '../../kb/modifier-rules';

/** "64555-LT x1" style summary of the claim lines. */
function lines(a: Analysis): string[] {
  return a.suggestions.map((s) => `${s.code}${s.modifiers.map((m) => `-${m.code}`).join('')} x${s.units}`);
}
const mods = (s: Suggestion) => s.modifiers.map((m) => m.code);
const allMods = (a: Analysis) => a.suggestions.flatMap(mods);

function checkEvidence(note: string, a: Analysis): void {
  for (const s of a.suggestions) {
    for (const m of s.modifiers) {
      expect(m.reasons.length, `${s.code}-${m.code} has reasons`).toBeGreaterThan(0);
      expect(m.reasons.some((r) => r.evidence.length > 0), `${s.code}-${m.code} has evidence`).toBe(true);
      for (const r of m.reasons) for (const e of r.evidence) expect(note.slice(e.start, e.end)).toBe(e.text);
    }
  }
  for (const w of a.warnings) for (const e of w.evidence ?? []) expect(note.slice(e.start, e.end)).toBe(e.text);
  for (const q of a.questions) for (const e of q.evidence ?? []) expect(note.slice(e.start, e.end)).toBe(e.text);
}

// ---- notes ------------------------------------------------------------------------------------
const S3 = (where: string) => `PROCEDURE: Placement of sacral nerve lead.

DESCRIPTION OF PROCEDURE: Under fluoroscopic guidance, a needle was placed into the ${where} foramen. A tined lead was placed through the introducer into the ${where} foramen. Good motor responses were seen. The lead was connected to an external trial stimulator.
`;
const BILATERAL_S3 = `PROCEDURE: Bilateral S3 sacral nerve lead placement.

DESCRIPTION OF PROCEDURE: Under fluoroscopic guidance, needles were placed into the left and right S3 foramina. Tined leads were placed bilaterally into the S3 foramina. The leads were connected to an external trial stimulator.
`;
const OCCIPITAL_LR = `PROCEDURE: Percutaneous placement of occipital nerve stimulator leads.

DESCRIPTION OF PROCEDURE: Under fluoroscopic guidance, a percutaneous lead was placed over the left occipital nerve. A second percutaneous lead was placed over the right occipital nerve. Both leads were connected to an external trial stimulator.
`;
const OCCIPITAL_L = `PROCEDURE: Percutaneous placement of occipital nerve stimulator lead.

DESCRIPTION OF PROCEDURE: Under fluoroscopic guidance, a percutaneous lead was placed over the left occipital nerve. The lead was connected to an external trial stimulator.
`;
const PADDLE_REMOVAL = (extra: string) => `PROCEDURE: Removal of spinal cord stimulator paddle electrode.

DESCRIPTION OF PROCEDURE: The prior laminectomy incision was opened. ${extra}The paddle electrode was removed. The wound was closed in layers.
`;
const SCS_TRIAL = (extra: string) => `PROCEDURE: Percutaneous spinal cord stimulator trial lead placement.

ANESTHESIA: Monitored anesthesia care.

DESCRIPTION OF PROCEDURE: After sedation was administered, the Tuohy needle was advanced into the epidural space. A percutaneous lead was placed into the epidural space.${extra}
`;
const STAGE2 = (timing: string) => `PROCEDURE: Sacral neuromodulation stage 2, implantation of sacral neurostimulator pulse generator.

DESCRIPTION OF PROCEDURE: The patient returns for the second stage after a successful trial.${timing} A subcutaneous pocket was created in the right upper buttock. The tined lead was connected to the implantable pulse generator, which was placed in the pocket. The wound was closed.
`;
const RETURN = (timing: string, why = 'for an expanding pocket hematoma') => `PROCEDURE: Revision of spinal cord stimulator generator pocket.

DESCRIPTION OF PROCEDURE: The patient returned to the operating room${timing} ${why}. The generator pocket was opened and the hematoma was evacuated. The generator was revised and placed back in the pocket. The wound was closed.
`;
const PADDLE = (staff: string) => `${staff}PROCEDURE: Thoracic laminectomy with placement of spinal cord stimulator paddle electrode.

DESCRIPTION OF PROCEDURE: A T9 laminectomy was performed. The paddle electrode was placed in the dorsal epidural space. The paddle lead was anchored.
`;
const IPG = (staff: string) => `${staff}PROCEDURE: Implantation of spinal cord stimulator pulse generator.

DESCRIPTION OF PROCEDURE: A subcutaneous pocket was created in the left flank. The leads were tunneled to the pocket and connected to the implantable pulse generator, which was placed in the pocket. Impedances were normal. The wound was closed.
`;
const SACRAL_IPG = (staff: string) => `${staff}PROCEDURE: Implantation of sacral neurostimulator pulse generator.

DESCRIPTION OF PROCEDURE: A subcutaneous pocket was created in the right upper buttock. The tined lead was connected to the implantable pulse generator, which was placed in the pocket. The wound was closed.
`;
const PERC_TRIAL = (staff: string) => `${staff}PROCEDURE: Percutaneous spinal cord stimulator trial.

DESCRIPTION OF PROCEDURE: The Tuohy needle was advanced into the epidural space. A percutaneous lead was placed into the epidural space and connected to an external trial stimulator.
`;

const OCCIPITAL_REDUCED = `PROCEDURE: Placement of occipital nerve stimulator leads.

DESCRIPTION OF PROCEDURE: Under fluoroscopic guidance, a percutaneous lead was placed over the left occipital nerve. The plan was to place a second lead on the right, but only one of the two planned leads could be placed because of anatomy. The lead was connected to an external trial stimulator.
`;
const PERC_REMOVAL = (extra: string) => `PROCEDURE: Removal of percutaneous spinal cord stimulator leads.

DESCRIPTION OF PROCEDURE: Under fluoroscopic guidance, the anchors were dissected and the percutaneous leads were removed.${extra}
`;
const DBS_BILATERAL = `PROCEDURE: Bilateral subthalamic nucleus deep brain stimulation lead placement with microelectrode recording.

DESCRIPTION OF PROCEDURE: Stereotactic frame was applied. Bilateral burr holes were made. Microelectrode recording was performed on the left. The left DBS lead was placed into the subthalamic nucleus. Microelectrode recording was performed on the right and the right DBS lead was placed. Both leads were secured.
`;
const INTEGRATED_LR = `PROCEDURE: Percutaneous implantation of integrated peripheral nerve stimulators.

DESCRIPTION OF PROCEDURE: Under ultrasound guidance, an integrated peripheral nerve stimulator was implanted percutaneously along the left sciatic nerve. A second integrated peripheral nerve stimulator was implanted percutaneously along the right sciatic nerve.
`;

interface Case {
  name: string;
  note: string;
  /** Exact claim lines expected, e.g. "64561-LT x1". */
  lines?: string[];
  /** Modifiers that must be on some line / on no line. */
  has?: string[];
  hasNot?: string[];
  question?: RegExp;
  noQuestion?: RegExp;
  warning?: RegExp;
}

const CASES: Case[] = [
  // LT / RT / 50
  { name: 'left S3 → 64561-LT', note: S3('left S3'), lines: ['64561-LT x1'] },
  { name: 'no side → 64561 without a side modifier', note: S3('S3'), lines: ['64561 x1'], hasNot: ['LT', 'RT', '50'] },
  { name: 'bilateral S3 → 64561-50 x1 (bilateral indicator 1)', note: BILATERAL_S3, lines: ['64561-50 x1'], hasNot: ['LT', 'RT'] },
  { name: 'occipital left and right → 64555-LT x1 + 64555-RT x1', note: OCCIPITAL_LR, lines: ['64555-LT x1', '64555-RT x1'], hasNot: ['50'] },
  { name: 'one left occipital lead → 64555-LT x1', note: OCCIPITAL_L, lines: ['64555-LT x1'] },
  { name: 'spinal generator takes no side', note: IPG(''), lines: ['63685 x1'], hasNot: ['LT', 'RT'] },
  // 22
  {
    name: 'dense scar + 90 extra minutes → 22',
    note: PADDLE_REMOVAL('Dense epidural scar tissue encased the paddle lead, requiring an additional 90 minutes of dissection. '),
    has: ['22'],
  },
  { name: 'routine paddle removal → no 22', note: PADDLE_REMOVAL(''), hasNot: ['22'] },
  { name: 'a coverage share compared with the usual is no extra time → no 22', note: SCS_TRIAL(' She reported coverage of more than 80 percent of her typical pain map.'), hasNot: ['22'] },
  { name: '"tedious" alone → question, no 22', note: PADDLE_REMOVAL('The dissection was tedious. '), hasNot: ['22'], question: /Consider 22/ },
  // 53 / 73 / 74
  {
    name: 'aborted after sedation → 53 and a facility 74 note',
    note: SCS_TRIAL(' The patient became hypotensive and bradycardic, and the procedure was aborted for patient safety.'),
    has: ['53'],
    hasNot: ['73', '74'],
    warning: /modifier 74/,
  },
  { name: 'completed trial → no 53', note: SCS_TRIAL(' The lead was connected to an external trial stimulator.'), hasNot: ['53', '73', '74'] },
  // 58
  { name: 'stage 2 within the global → 58', note: STAGE2(' This is postoperative day 7 after stage 1, within the global period.'), lines: ['64590-58 x1'] },
  { name: 'stage 2, timing unknown → question only', note: STAGE2(''), hasNot: ['58'], question: /Consider 58 if this session falls within the global period/ },
  { name: 'no stage → no 58, no question', note: SACRAL_IPG(''), hasNot: ['58'], noQuestion: /58/ },
  // 78 / 79
  { name: 'return to OR POD 5 for hematoma → 78', note: RETURN(' on postoperative day 5'), has: ['78'], hasNot: ['79', '58'] },
  { name: 'return to OR without timing → question', note: RETURN(''), hasNot: ['78', '79'], question: /Consider 78/ },
  { name: 'unrelated return inside the global → 79', note: RETURN(' on postoperative day 5', 'for an unrelated problem'), has: ['79'], hasNot: ['78'] },
  // 62
  { name: 'co-surgeon on 63655 → 62', note: PADDLE('SURGEONS: Dr. Adams and Dr. Baker, co-surgeons.\n'), lines: ['63655-62 x1'] },
  { name: 'single surgeon on 63655 → no 62', note: PADDLE('SURGEON: Dr. Adams\n'), lines: ['63655 x1'] },
  { name: 'co-surgeon on 63650 (indicator 0) → warning, no 62', note: PERC_TRIAL('SURGEONS: Dr. Adams and Dr. Baker, co-surgeons.\n'), hasNot: ['62'], warning: /62 is not allowed on 63650/ },
  // 80 / 82 / AS
  // the claim lines are the author's own: a surgeon's note asks about the assistant's modifier,
  // a note written by the assistant carries it
  { name: "surgeon's note with a PA assist on 63685 → no AS, question", note: IPG('SURGEON: Dr. Adams\nASSISTANT: Jane Roe, PA-C\n'), lines: ['63685 x1'], question: /assistant's separate claim would be 63685-AS/ },
  { name: "the PA's own note on 63685 → AS", note: IPG('FIRST ASSISTANT OPERATIVE NOTE\nSURGEON: Dr. Adams\nASSISTANT: Jane Roe, PA-C\n'), lines: ['63685-AS x1'] },
  { name: "surgeon's note with an assistant surgeon on 63655 → question about 80", note: PADDLE('SURGEON: Dr. Adams\nASSISTANT SURGEON: Dr. Lee, MD\n'), lines: ['63655 x1'], question: /63655-80/ },
  { name: 'assistant surgeon writing "with my assistance" on 63655 → 80', note: PADDLE('Author: Dr. Lee, MD, assistant surgeon\nSURGEON: Dr. Adams\nASSISTANT SURGEON: Dr. Lee, MD\nProcedure performed by Dr. Adams with my assistance.\n'), lines: ['63655-80 x1'] },
  {
    name: 'physician assistant writing, no qualified resident → 82',
    note: PADDLE('SURGEON: Dr. Adams\nASSISTANT SURGEON: Dr. Lee, MD. No qualified resident was available. I served as first assistant.\n'),
    lines: ['63655-82 x1'],
  },
  { name: 'no assistant on 63685 → no AS/80', note: IPG('SURGEON: Dr. Adams\n'), hasNot: ['AS', '80', '82'] },
  { name: 'PA assist on 64590 (ASST 1) → no AS', note: SACRAL_IPG('SURGEON: Dr. Adams\nASSISTANT: Jane Roe, PA-C\n'), hasNot: ['AS', '80'] },
  { name: '"PA and lateral" fluoroscopy is not an assistant', note: IPG('').replace('Impedances were normal.', 'PA and lateral fluoroscopic images were saved.'), hasNot: ['AS', '80'] },
  { name: 'assistant line "None" → no 80', note: IPG('SURGEON: Dr. Adams\nASSISTANT: None\n'), hasNot: ['AS', '80', '82'] },
  { name: 'assistant without credentials, own note → 80 with a warning', note: IPG('SURGEON: Dr. Adams\nASSISTANT: John Smith\nI assisted Dr. Adams throughout.\n'), lines: ['63685-80 x1'], warning: /credentials are not stated/ },
  { name: 'resident assistant → no 80, warning', note: IPG('SURGEON: Dr. Adams\nASSISTANT: Dr. Smith (PGY-4 resident)\n'), hasNot: ['80', '82', 'AS'], warning: /resident/ },
  // 52
  { name: 'only one of two planned occipital leads → no 52 (units show it)', note: OCCIPITAL_REDUCED, lines: ['64555-LT x1'], hasNot: ['52'], warning: /52 is not added/ },
  { name: 'only one of two leads removed on 63661 (per session) → 52', note: PERC_REMOVAL(' Only one of the two leads could be removed; the second lead was left in place because it was fractured.'), lines: ['63661-52 x1'] },
  { name: 'all leads removed on 63661 → no 52', note: PERC_REMOVAL(''), lines: ['63661 x1'] },
  // bilateral conventions
  { name: 'bilateral DBS → 61867 + 61868, no 50', note: DBS_BILATERAL, lines: ['61867 x1', '61868 x1'], hasNot: ['50', 'LT', 'RT'] },
  { name: 'integrated PNS left and right → 64596-LT + 64597-RT', note: INTEGRATED_LR, lines: ['64596-LT x1', '64597-RT x1'] },
  // refinements from the fixture corpus
  {
    name: '62 only on the part both surgeons did (generator done alone → no 62)',
    note: `SURGEONS: Dr. Adams and Dr. Baker, co-surgeons.
PROCEDURE: Laminectomy with placement of spinal cord stimulator paddle electrode and pulse generator.

DESCRIPTION OF PROCEDURE: Dr. Baker performed the T9 laminectomy. I placed the paddle electrode in the dorsal epidural space. The generator portion was done by me alone: a subcutaneous pocket was created in the left flank, the lead was tunneled to the pocket and connected to the implantable pulse generator, which was placed in the pocket.
`,
    has: ['62'],
    warning: /No 62 on 63685/,
  },
  { name: 'dense scar without extra time → question, no 22', note: PADDLE_REMOVAL('The paddle was freed from dense scar. '), hasNot: ['22'], question: /Consider 22/ },
  {
    name: '"this return to the operating room was not planned" is still a return → 78',
    note: RETURN(' on postoperative day 4', 'for an expanding pocket hematoma; this return to the operating room was not planned'),
    has: ['78'],
  },
  { name: 'side stated only after the nerve ("Femoral nerve, right") → RT', note: OCCIPITAL_L.replace('over the left occipital nerve', 'over the occipital nerve, right'), has: ['RT'], hasNot: ['LT'] },
  // dated intervals and the global of the implant
  {
    name: 'return 44 days after a hypoglossal implant (90-day global) → 78',
    note: 'DOS 03/27/2025\nHx: R hypoglossal nerve stimulator system implanted by me 02/11/2025. Wound dehiscence over the IPG. Unplanned return to the OR.\nProcedure:\n- IPG freed and removed\n- sensing lead removed\n- stimulation lead removed from the nerve\n',
    has: ['78'],
  },
  {
    name: 'sacral stage 2 sixteen days after an open stage 1 (90-day global) → 58',
    note: 'Date of surgery: 10/22/2025\nHistory: Right S3 lead placed through an open sacral incision on 10/06/2025 (stage 1), after failed percutaneous access. This is the planned second stage.\nDescription: The temporary extension was removed, a pocket was created and the lead was connected to the new sacral neuromodulation generator, which was placed in the pocket.',
    has: ['58'],
  },
];

describe('modifiers through analyze()', () => {
  it.each(CASES)('$name', (c) => {
    const a = analyze(c.note);
    if (c.lines) expect(lines(a)).toEqual(c.lines);
    for (const m of c.has ?? []) expect(allMods(a), `expected ${m} in ${lines(a).join(', ')}`).toContain(m);
    for (const m of c.hasNot ?? []) expect(allMods(a), `unexpected ${m} in ${lines(a).join(', ')}`).not.toContain(m);
    if (c.question) expect(a.questions.map((q) => q.text).join('\n')).toMatch(c.question);
    if (c.noQuestion) expect(a.questions.map((q) => q.text).join('\n')).not.toMatch(c.noQuestion);
    if (c.warning) expect([...a.warnings.map((w) => w.message), ...a.suggestions.flatMap((s) => s.warnings ?? [])].join('\n')).toMatch(c.warning);
    checkEvidence(c.note, a);
    expect(allMods(a)).not.toContain('11');
    for (const m of allMods(a)) expect(REAL_MODIFIERS as readonly string[]).toContain(m);
  });

  it('22 quotes the reason', () => {
    const note = PADDLE_REMOVAL('Dense epidural scar tissue encased the paddle lead, requiring an additional 90 minutes of dissection. ');
    const m = analyze(note).suggestions[0].modifiers.find((x) => x.code === '22')!;
    expect(m.reasons[0].text).toContain('Dense epidural scar tissue');
  });

  it('a planned second stage 3 weeks after a sacral stage 1 asks (10- or 90-day global) instead of suggesting 58', () => {
    const a = analyze(STAGE2(' Stage 1 was done three weeks ago.'));
    expect(allMods(a)).not.toContain('58');
    expect(a.questions.map((q) => q.text).join('\n')).toMatch(/64561 has a 10-day global, 64581 a 90-day global/);
  });

  it('"modifier 11" in the note → warning, never suggested', () => {
    const note = S3('left S3').replace('Placement of sacral nerve lead.', 'Placement of sacral nerve lead, 64561 with modifier 11.');
    const a = analyze(note);
    expect(allMods(a)).not.toContain('11');
    const w = a.warnings.find((x) => x.kind === 'nonexistent-modifier');
    expect(w?.message).toMatch(/does not exist/);
    checkEvidence(note, a);
  });

  it('73/74 are never claim modifiers', () => {
    for (const c of CASES) for (const m of allMods(analyze(c.note))) expect(['73', '74', '11', '59']).not.toContain(m);
  });
});

describe('modifier rules data', () => {
  it('every rule names a real modifier, a source and a confidence', () => {
    for (const r of MODIFIER_RULES) {
      expect(REAL_MODIFIERS as readonly string[]).toContain(r.modifier);
      expect(r.source.length).toBeGreaterThan(5);
    }
    expect(REAL_MODIFIERS as readonly string[]).not.toContain('11');
    expect(NONEXISTENT_MODIFIERS.map((n) => n.code)).toContain('11');
  });
});

describe('who wrote the note: the assistant or the surgeon', () => {
  it('reads hyphenated titles and "My role:" labels as a note by the assistant', async () => {
    const { authorIsAssistant } = await import('./modifiers');
    expect(authorIsAssistant('ASSISTANT-AT-SURGERY OPERATIVE NOTE\nAuthor: J. Doe, PA-C')).toBe(true);
    expect(authorIsAssistant('OPERATIVE NOTE\nMy role: First assistant at surgery for the entire case.')).toBe(true);
    expect(authorIsAssistant("ASSISTANT SURGEON'S OPERATIVE REPORT\nPrimary surgeon: A. Ruiz, MD")).toBe(true);
    expect(authorIsAssistant('OPERATIVE NOTE\nAssistant surgeon (author): D. Aleks, MD')).toBe(true);
    expect(authorIsAssistant('OPERATIVE NOTE\nAssistant surgeon: D. Aleks, MD')).toBe(false);
    expect(authorIsAssistant('OPERATIVE REPORT\nSURGEON: G. Smith, MD\nASSISTANT: C. Lee, PA-C (first assistant throughout)')).toBe(false);
  });
});

describe('53 and a conversion to open', () => {
  it('an approach abandoned for an open one is a conversion, not a stopped procedure', () => {
    const base = 'DESCRIPTION: Under general anesthesia laparoscopic ports were placed. Dense adhesions were found. To avoid enterotomy, the laparoscopic approach was abandoned and the procedure converted to an open laparotomy. Two gastric stimulation electrodes were placed in the antral muscle and tunneled to a subcutaneous pocket, where they were connected to the Enterra generator.';
    const a = analyze(base);
    expect(a.suggestions.some((s) => s.modifiers.some((m) => m.code === '53'))).toBe(false);
  });
});

describe('53 with the planned procedure named in the narrative', () => {
  it('"The scheduled procedure was a two-lead trial" names the planned line when the trial is stopped after sedation', () => {
    const note = 'The scheduled procedure was a two lead percutaneous spinal cord stimulator trial. After IV sedation was started, a Tuohy needle was advanced at T12-L1 and there was a free flow of CSF consistent with a wet tap. The needle was withdrawn. The patient became bradycardic and hypotensive. For his safety I stopped the procedure at this point; no lead was placed.';
    expect(lines(analyze(note))).toEqual(['63650-53 x1']);
  });

  it('"Dr. A alone then created the pocket ..." keeps 62 off the generator, not off the shared paddle', () => {
    const base = (who: string) => `SURGEONS: Dr. Lund and Dr. Okafor, co-surgeons.\nNARRATIVE: Dr. Okafor performed his distinct portion, the T9 laminotomy. Dr. Lund then performed her distinct portion: the paddle was passed into the epidural space to T8 and anchored. ${who} created a pocket in the left buttock, tunneled the paddle tails to it and connected them to a new generator.`;
    expect(lines(analyze(base('Dr. Lund alone then')))).toEqual(['63655-62 x1', '63685 x1']);
    expect(lines(analyze(base('Dr. Lund then')))).toEqual(['63655-62 x1', '63685-62 x1']);
  });
});

describe('a stopped procedure named on a "Scheduled:" line', () => {
  const note = (label: string) => `PROCEDURE NOTE - STOPPED\n${label}: SCS trial, 2 Octrode leads to T8-T9\nAnes: MAC (propofol)\n- Prone, fluoro. 14G Tuohy at L1-2. Before the epidural space was reached the patient became bradycardic and hypotensive.\n- Needle withdrawn. Procedure stopped for patient safety. No lead placed.`;
  it('"Scheduled:" names the planned procedure: 63650-53 x1', () => {
    expect(lines(analyze(note('Scheduled')))).toEqual(['63650-53 x1']);
  });
  it('an unknown label names nothing planned: no line', () => {
    expect(lines(analyze(note('Remarks')))).toEqual([]);
  });
  it('"I performed the rest alone: the lead tails were tunneled ... where I created a pocket" keeps 62 on the paddle only', () => {
    const note = 'SURGEONS: Dr. Marsh and Dr. Oyelaran, co-surgeons.\nNARRATIVE: Dr. Oyelaran did the laminotomy. Both of us were scrubbed while the paddle was passed to T8 and anchored. I performed the rest alone: the lead tails were tunneled to the left buttock, where I created a subcutaneous pocket. The new IPG was connected and secured in the pocket.';
    expect(lines(analyze(note)).sort()).toEqual(['63655-62 x1', '63685 x1']);
  });
});

