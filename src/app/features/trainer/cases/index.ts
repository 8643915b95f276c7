/**
 * Teaching cases for trainer mode. Every note is our own invented writing (no patient data);
 * each case has the expected claim lines and a short explanation. `flips` are one-phrase edits
 * for the "flip one fact" demonstration: the phrase `from` in the note becomes `to`.
 */
export interface CaseLine {
  code: string;
  units: number;
  modifiers: string[];
}

export interface FactFlip {
  id: string;
  /** Button label, e.g. "Strike “pocket was created”". */
  label: string;
  from: string;
  to: string;
  /** What should happen, in plain words. */
  expect: string;
}

export interface TeachingCase {
  id: string;
  title: string;
  family: string;
  note: string;
  answer: CaseLine[];
  explanation: string;
  /** Codes offered as choices besides the answer (plausible distractors). */
  distractors: string[];
  flips: FactFlip[];
}

export const CASES: TeachingCase[] = [
  {
    id: 'scs-trial',
    title: 'Spinal cord stimulator trial, two leads',
    family: 'Spinal cord stimulation',
    note: `PREOPERATIVE DIAGNOSIS: Failed back surgery syndrome with chronic bilateral leg pain.
PROCEDURE: Spinal cord stimulator trial, placement of two percutaneous epidural leads.
ANESTHESIA: Local with monitored anesthesia care.

DESCRIPTION: The patient was placed prone. Under fluoroscopic guidance a 14-gauge Tuohy needle entered the epidural space at L1-L2 with loss of resistance. An 8-contact percutaneous lead was advanced to the top of T8. A second Tuohy needle was placed and a second 8-contact lead was advanced to T9. Test stimulation covered both legs. Both leads were secured to the skin and connected to an external trial stimulator.

COMPLICATIONS: None.`,
    answer: [{ code: '63650', units: 2, modifiers: [] }],
    explanation:
      'Each percutaneous epidural lead is one unit of 63650, trial or permanent. The leads go to an external stimulator, so there is no implanted generator and no 63685. Fluoroscopy is part of the lead placement here.',
    distractors: ['63655', '63685', '64555'],
    flips: [
      {
        id: 'paddle',
        label: 'Change “Tuohy needle … epidural space” to a laminotomy paddle',
        from: 'Under fluoroscopic guidance a 14-gauge Tuohy needle entered the epidural space at L1-L2 with loss of resistance. An 8-contact percutaneous lead was advanced to the top of T8. A second Tuohy needle was placed and a second 8-contact lead was advanced to T9.',
        to: 'A midline incision was made and a laminotomy was performed at T10-T11. A paddle lead was placed in the epidural space and advanced to the top of T8.',
        expect: 'The approach becomes open (laminotomy): 63655 instead of 63650.',
      },
    ],
  },
  {
    id: 'scs-permanent',
    title: 'Permanent spinal cord stimulator: leads and generator',
    family: 'Spinal cord stimulation',
    note: `PREOPERATIVE DIAGNOSIS: Chronic lumbar radiculopathy, successful spinal cord stimulator trial with 70% pain relief.
PROCEDURE: Implantation of two percutaneous epidural leads and a rechargeable pulse generator.
ANESTHESIA: General endotracheal.

DESCRIPTION: With the patient prone and under fluoroscopic guidance, two Tuohy needles were placed into the epidural space at T12-L1. Two 8-contact percutaneous leads were advanced to T8 and T9. A midline incision was made around the needles and the leads were anchored to fascia. An incision was made in the left flank and a subcutaneous pocket was created. The leads were tunneled to the pocket and connected to the implantable pulse generator, which was placed in the pocket. Impedances were normal. The incisions were closed in layers.

COMPLICATIONS: None.`,
    answer: [
      { code: '63650', units: 2, modifiers: [] },
      { code: '63685', units: 1, modifiers: [] },
    ],
    explanation:
      'Two percutaneous leads are 63650 × 2. The generator placed in a newly created pocket and connected to the leads is 63685; pocket creation and tunnelling are part of 63685.',
    distractors: ['63655', '63688', '64590'],
    flips: [
      {
        id: 'no-pocket',
        label: 'Strike “a subcutaneous pocket was created … connected to the implantable pulse generator”',
        from: 'An incision was made in the left flank and a subcutaneous pocket was created. The leads were tunneled to the pocket and connected to the implantable pulse generator, which was placed in the pocket.',
        to: 'The leads were connected to an external trial stimulator.',
        expect: 'Without a pocket and an implanted generator, 63685 drops; only the leads (63650) remain.',
      },
    ],
  },
  {
    id: 'scs-ipg-replacement',
    title: 'Spinal generator replacement at end of battery life',
    family: 'Spinal cord stimulation',
    note: `PREOPERATIVE DIAGNOSIS: Spinal cord stimulator generator at end of battery life.
PROCEDURE: Replacement of spinal cord stimulator pulse generator.
ANESTHESIA: Monitored anesthesia care.

DESCRIPTION: The prior right buttock incision was opened and the existing pocket was entered. The old generator was removed and disconnected from the leads. Lead impedances were tested and were within normal limits. A new generator was connected to the leads and placed in the pocket. The wound was closed in layers.

COMPLICATIONS: None.`,
    answer: [{ code: '63685', units: 1, modifiers: [] }],
    explanation:
      'A generator swap is reported with the insertion/replacement code alone. Removing the old generator is included, so 63688 is not added.',
    distractors: ['63688', '63650', '63663'],
    flips: [
      {
        id: 'no-new-generator',
        label: 'Strike the new generator',
        from: 'A new generator was connected to the leads and placed in the pocket.',
        to: 'No new generator was placed.',
        expect: 'Removal without a new generator: 63688 instead of 63685.',
      },
    ],
  },
  {
    id: 'scs-lead-removal',
    title: 'Removal of percutaneous spinal leads',
    family: 'Spinal cord stimulation',
    note: `PREOPERATIVE DIAGNOSIS: Loss of benefit from spinal cord stimulation.
PROCEDURE: Removal of two percutaneous spinal cord stimulator leads.
ANESTHESIA: Local with sedation.

DESCRIPTION: The midline incision was opened. The anchors were freed and both percutaneous epidural leads were removed intact under fluoroscopy. No new leads were placed. The wound was irrigated and closed.

COMPLICATIONS: None.`,
    answer: [{ code: '63661', units: 1, modifiers: [] }],
    explanation: 'Removing percutaneous spinal leads is 63661, once per session however many leads come out.',
    distractors: ['63662', '63663', '63650'],
    flips: [],
  },
  {
    id: 'sacral-stage1',
    title: 'Sacral neuromodulation stage 1 (tined lead, no generator)',
    family: 'Sacral nerve stimulation',
    note: `PREOPERATIVE DIAGNOSIS: Refractory overactive bladder with urge incontinence.
PROCEDURE: Stage 1 sacral neuromodulation, right S3 tined lead placement.
ANESTHESIA: Monitored anesthesia care with local.

DESCRIPTION: With the patient prone and under fluoroscopic guidance, a foramen needle was placed into the right S3 foramen. Motor responses confirmed placement. A tined lead was deployed through an introducer sheath. The lead was tunneled to a separate exit site and connected to an external test stimulator. No pocket was created and no generator was implanted.

COMPLICATIONS: None.`,
    answer: [{ code: '64561', units: 1, modifiers: ['RT'] }],
    explanation:
      'A sacral lead placed through the foramen with a needle is 64561; imaging guidance is part of the code. The lead goes to an external test stimulator and the note says no pocket was made, so there is no 64590.',
    distractors: ['64581', '64590', '64555'],
    flips: [
      {
        id: 'pocket',
        label: 'Change “No pocket was created and no generator was implanted” to a pocket and generator',
        from: 'The lead was tunneled to a separate exit site and connected to an external test stimulator. No pocket was created and no generator was implanted.',
        to: 'A subcutaneous pocket was created in the right upper buttock. The lead was tunneled to the pocket and connected to the implantable pulse generator, which was placed in the pocket.',
        expect: 'A pocket and a connected implanted generator add 64590.',
      },
    ],
  },
  {
    id: 'sacral-stage2',
    title: 'Sacral neuromodulation stage 2 (generator)',
    family: 'Sacral nerve stimulation',
    note: `PREOPERATIVE DIAGNOSIS: Urinary urge incontinence, successful stage 1 test with more than 50% improvement.
PROCEDURE: Stage 2 sacral neuromodulation, implantation of pulse generator.
ANESTHESIA: Monitored anesthesia care.

DESCRIPTION: The right buttock incision was reopened and the previously placed tined lead was identified and disconnected from the extension, which was removed. A subcutaneous pocket was created. The lead was connected to the implantable pulse generator, which was placed into the pocket. Impedances were normal. The wound was closed in layers.

COMPLICATIONS: None.`,
    answer: [{ code: '64590', units: 1, modifiers: [] }],
    explanation:
      'The generator in a pocket, connected to the existing sacral lead, is 64590. The lead was placed at stage 1 and is not coded again.',
    distractors: ['64561', '64595', '63685'],
    flips: [
      {
        id: 'strike-pocket',
        label: 'Strike “A subcutaneous pocket was created” and the connection',
        from: 'A subcutaneous pocket was created. The lead was connected to the implantable pulse generator, which was placed into the pocket.',
        to: 'The implantable pulse generator was placed.',
        expect: 'Without a pocket and a connection, 64590 loses what it needs: it drops or is flagged as a documentation gap.',
      },
    ],
  },
  {
    id: 'pns-lead',
    title: 'Peripheral nerve stimulator lead, occipital nerve',
    family: 'Peripheral nerve stimulation',
    note: `PREOPERATIVE DIAGNOSIS: Chronic right occipital neuralgia.
PROCEDURE: Percutaneous placement of a peripheral nerve stimulator lead, right greater occipital nerve.
ANESTHESIA: Local with sedation.

DESCRIPTION: Under ultrasound guidance an introducer needle was advanced toward the right greater occipital nerve. An 8-contact lead was advanced through the needle and test stimulation covered the painful area. The lead was secured to the skin and connected to an external trial stimulator.

COMPLICATIONS: None.`,
    answer: [{ code: '64555', units: 1, modifiers: ['RT'] }],
    explanation:
      'A lead next to a peripheral nerve placed through a needle is 64555, one per lead, with RT for the right-sided nerve. It goes to an external stimulator, so there is no generator code.',
    distractors: ['64575', '64590', '64596'],
    flips: [
      {
        id: 'implanted-generator',
        label: 'Change the external stimulator to a pocket and an implanted generator',
        from: 'The lead was secured to the skin and connected to an external trial stimulator.',
        to: 'A subcutaneous pocket was created below the occiput, and the lead was tunneled to the pocket and connected to the implantable pulse generator, which was placed in the pocket.',
        expect: 'A pocket and an implanted generator connected to the lead add 64590.',
      },
    ],
  },
  {
    id: 'vns',
    title: 'Vagus nerve stimulator, new system',
    family: 'Cranial nerve stimulation',
    note: `PREOPERATIVE DIAGNOSIS: Drug-resistant focal epilepsy.
PROCEDURE: Implantation of left vagus nerve stimulator, electrode and pulse generator.
ANESTHESIA: General endotracheal.

DESCRIPTION: A transverse incision was made in the left neck and the carotid sheath was opened. The left vagus nerve was dissected free and the helical electrodes were wrapped around it. An infraclavicular incision was made and a subcutaneous pocket was created. The lead was tunneled to the pocket and connected to the pulse generator, which was placed in the pocket. Impedance testing was normal. Both incisions were closed.

COMPLICATIONS: None.`,
    answer: [{ code: '64568', units: 1, modifiers: ['LT'] }],
    explanation:
      'An open vagus electrode placed together with its generator is one code, 64568; the generator is not coded separately (61885 is for a generator alone).',
    distractors: ['61885', '64553', '64569'],
    flips: [],
  },
  {
    id: 'vns-battery',
    title: 'Vagus nerve stimulator battery change',
    family: 'Cranial nerve stimulation',
    note: `PREOPERATIVE DIAGNOSIS: Epilepsy; vagus nerve stimulator generator at end of battery life.
PROCEDURE: Replacement of vagus nerve stimulator pulse generator.
ANESTHESIA: General.

DESCRIPTION: The left chest incision was opened and the existing pocket was entered. The old generator was removed and disconnected from the single lead. A new pulse generator was connected to the lead and placed in the pocket. Diagnostics showed normal lead impedance. The wound was closed.

COMPLICATIONS: None.`,
    answer: [{ code: '61885', units: 1, modifiers: [] }],
    explanation:
      'Replacing a cranial (vagus) generator connected to one array is 61885. The lead was not touched, so there is no lead code.',
    distractors: ['64568', '61888', '64590'],
    flips: [],
  },
  {
    id: 'pns-integrated',
    title: 'Integrated peripheral nerve stimulator, two arrays',
    family: 'Peripheral nerve stimulation',
    note: `PREOPERATIVE DIAGNOSIS: Chronic left knee pain after total knee arthroplasty, genicular neuralgia.
PROCEDURE: Percutaneous implantation of an integrated peripheral nerve stimulation system with two electrode arrays, left genicular nerves, under ultrasound guidance.
ANESTHESIA: Local.

DESCRIPTION: Under ultrasound guidance the left superomedial genicular nerve was identified. An introducer was advanced and the first integrated electrode array with its built-in receiver was inserted and positioned along the nerve. A second integrated array was inserted along the inferomedial genicular nerve in the same way. Stimulation was confirmed with the external transmitter. No pocket was needed.

COMPLICATIONS: None.`,
    answer: [
      { code: '64596', units: 1, modifiers: ['LT'] },
      { code: '64597', units: 1, modifiers: ['LT'] },
    ],
    explanation:
      'An integrated system (array with its receiver built in) is 64596 for the first array and 64597 for each additional one; imaging guidance is included.',
    distractors: ['64555', '64590', '64575'],
    flips: [],
  },
];

export function getCase(id: string): TeachingCase | undefined {
  return CASES.find((c) => c.id === id);
}
