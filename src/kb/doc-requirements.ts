import { z } from './zod';

/**
 * What an operative note should document for each group of neurostimulator codes, and the
 * neutral clarification question to ask when an item is missing or unclear.
 *
 * The questions follow the usual rules for a compliant physician query (ACDIS/AHIMA
 * "Guidelines for Achieving a Compliant Query Practice"): they name the clinical point, do not
 * mention codes, payment or what answer would be "better", and offer open or multiple-choice
 * answers that include "other" / "unable to determine". Everything here is our own wording.
 */

export const DOC_ITEM_IDS = [
  'target',
  'side',
  'approach',
  'component',
  'action',
  'pocket',
  'connection',
  'imaging',
  'arrays',
  'mer',
  'device',
  'leadStatus',
  'indication',
  'trialResult',
  'anesthesia',
  'complications',
] as const;
export type DocItemId = (typeof DOC_ITEM_IDS)[number];

/** When an item applies inside its group. */
export const DocConditionSchema = z.enum([
  'always',
  /** The session inserts something (new implant). */
  'insertion',
  /** The session replaces or revises something already implanted. */
  'replacement',
  /** A permanent implant that usually follows a trial (not a trial, not a battery change). */
  'permanent',
  /** The code's target is a paired structure (left/right matter). */
  'sided',
]);
export type DocCondition = z.infer<typeof DocConditionSchema>;

const SourceSchema = z.object({ title: z.string().min(5), url: z.url().nullable() });

/**
 * How much a missing item matters. `blocking`: without it the code (or its units or side)
 * cannot be chosen or is not supported, e.g. no pocket and no connection for a generator code.
 * `good-practice`: a complete operative report, the diagnosis and coverage need it, but the
 * code itself does not depend on it (anesthesia, complications, device serial numbers).
 */
export const DocWeightSchema = z.enum(['blocking', 'good-practice']);
export type DocWeight = z.infer<typeof DocWeightSchema>;

export const DocItemDefSchema = z.object({
  id: z.enum(DOC_ITEM_IDS),
  label: z.string().min(3),
  /** What the item means, shown as help. */
  help: z.string().min(10),
  /** Neutral clarification question (no codes, no leading). */
  question: z
    .string()
    .min(20)
    .refine((q) => !/\b\d{5}\b/.test(q), 'a question must not name a code')
    .refine((q) => !/\b(bill|billing|reimburs\w*|payment|paid|code|coding)\b/i.test(q), 'a question must not talk about coding or payment'),
  /** Item read from the whole note (indication, anesthesia ...), not from one claim line. */
  noteLevel: z.boolean(),
  weight: DocWeightSchema,
  /** Why the item has that weight, named as a coder would cite it. */
  weightSource: SourceSchema,
});
export type DocItemDef = z.infer<typeof DocItemDefSchema>;

export const DocGroupSchema = z.object({
  id: z.string().min(2),
  label: z.string().min(3),
  codes: z.array(z.string().regex(/^\d{5}$/)).min(1),
  items: z.array(z.object({ id: z.enum(DOC_ITEM_IDS), when: DocConditionSchema.default('always') })).min(1),
  source: SourceSchema,
});
export type DocGroup = z.infer<typeof DocGroupSchema>;

const QUERY_SOURCE = {
  title: 'ACDIS/AHIMA, Guidelines for Achieving a Compliant Query Practice (2022 update)',
  url: null,
};
const FAMILY_SOURCE = {
  title: 'OpNote Coder convention: the structure of the neurostimulator code family (target, part, approach, action)',
  url: null,
};

/* Why an item blocks the code or is good practice (shown with the item in the check). */
const DESCRIPTOR_WEIGHT = {
  title: 'CPT code descriptors: the code is chosen by target, device part, approach and what was done',
  url: null,
};
const GENERATOR_WEIGHT = {
  title: 'CPT code descriptors for the generator codes (63685, 64590, 61885/61886): pocket and connection to the array are part of the code',
  url: null,
};
const UNITS_WEIGHT = { title: 'CPT code descriptors: units per electrode array, and one-array vs two-array generator codes', url: null };
const SIDE_WEIGHT = { title: 'HCPCS Level II modifiers LT/RT and CMS bilateral-surgery indicator (Physician Fee Schedule)', url: null };
const MER_WEIGHT = { title: 'CPT code descriptors for deep brain arrays: with or without microelectrode recording', url: null };
const IMAGING_WEIGHT = {
  title: 'CPT code descriptors for 64561, 64596 and 63661–63664 include imaging guidance: it is never billed separately and the code does not depend on it',
  url: null,
};
const CONVENTION_WEIGHT = {
  title: 'OpNote Coder convention: part of a complete operative report; the CPT code does not depend on it',
  url: null,
};
const DEVICE_WEIGHT = {
  title: 'OpNote Coder convention: the facility and supplier device codes (HCPCS C- and L-codes) need the model; the surgeon’s CPT code does not',
  url: null,
};
const COVERAGE_WEIGHT = {
  title: 'Coverage, not coding: the diagnosis goes on the claim (ICD-10-CM) and payers ask for it (e.g. Medicare NCD 160.7, neurostimulators)',
  url: null,
};
const TRIAL_WEIGHT = {
  title: 'Coverage, not coding: Medicare NCD 160.7 and spinal cord stimulator LCDs (e.g. L37632) ask for a successful trial before a permanent implant',
  url: null,
};
const SEED_SOURCE = {
  title: 'Code summaries for 63685/64590 ("typical documentation includes indication, pocket creation or reopening, device model and serial numbers, lead status, anesthesia record")',
  url: 'https://www.openpayer.com/',
};

const ITEMS_RAW: z.input<typeof DocItemDefSchema>[] = [
  { id: 'target', label: 'Target', noteLevel: false, weight: 'blocking', weightSource: DESCRIPTOR_WEIGHT, help: 'The nerve or structure stimulated (spinal epidural space, sacral foramen, a named peripheral nerve, vagus ...).', question: 'Please document the nerve or anatomical structure on or near which the electrode array was placed.' },
  { id: 'side', label: 'Side', noteLevel: false, weight: 'blocking', weightSource: SIDE_WEIGHT, help: 'Left, right or both, for paired nerves.', question: 'Please document the side of the procedure (left, right, bilateral, or not applicable).' },
  { id: 'approach', label: 'Approach', noteLevel: false, weight: 'blocking', weightSource: DESCRIPTOR_WEIGHT, help: 'Through a needle (percutaneous), through an incision with exposure (open), laminotomy, laparoscopic, stereotactic.', question: 'Please describe how the electrode array was placed (for example: through a needle, through an incision with direct exposure, through a laminotomy or laminectomy, laparoscopically, or other).' },
  { id: 'component', label: 'Component', noteLevel: false, weight: 'blocking', weightSource: DESCRIPTOR_WEIGHT, help: 'Which part was worked on: electrode array (lead or paddle), pulse generator/receiver, integrated device, whole system.', question: 'Please document which device components were involved in this procedure (for example: lead, paddle, pulse generator or receiver, integrated device, or other).' },
  { id: 'action', label: 'Action', noteLevel: false, weight: 'blocking', weightSource: DESCRIPTOR_WEIGHT, help: 'What was done to the component: placed new, replaced, revised/repositioned, removed.', question: 'Please describe what was done to each device component in this session (for example: newly placed, replaced, repositioned, removed, or other).' },
  { id: 'pocket', label: 'Pocket creation', noteLevel: false, weight: 'blocking', weightSource: GENERATOR_WEIGHT, help: 'Whether a pocket for the generator was created (or an existing one opened), and where.', question: 'Please document where the pulse generator or receiver was placed and how its site was prepared (for example: a new pocket was created, an existing pocket was opened, other, or unable to determine).' },
  { id: 'connection', label: 'Connection to the generator', noteLevel: false, weight: 'blocking', weightSource: GENERATOR_WEIGHT, help: 'Whether the electrode array was connected to the implanted generator or receiver.', question: 'Please clarify what the electrode array was connected to at the end of the procedure (for example: an implanted generator or receiver, an external stimulator, nothing, or other).' },
  { id: 'imaging', label: 'Imaging guidance', noteLevel: false, weight: 'good-practice', weightSource: IMAGING_WEIGHT, help: 'Fluoroscopy or ultrasound used to guide placement (part of some codes).', question: 'Please document whether imaging guidance was used during placement and, if so, which modality.' },
  { id: 'arrays', label: 'Number of arrays', noteLevel: false, weight: 'blocking', weightSource: UNITS_WEIGHT, help: 'How many electrode arrays (leads) were placed or connected.', question: 'Please document how many electrode arrays (leads) were placed or connected in this session.' },
  { id: 'mer', label: 'Microelectrode recording', noteLevel: false, weight: 'blocking', weightSource: MER_WEIGHT, help: 'Whether intraoperative microelectrode recording was performed (deep brain arrays).', question: 'Please document whether intraoperative microelectrode recording was performed.' },
  { id: 'device', label: 'Device model / serial', noteLevel: true, weight: 'good-practice', weightSource: DEVICE_WEIGHT, help: 'Manufacturer, model and serial (or lot) number of what was implanted or removed.', question: 'Please document the manufacturer, model and serial number of each component implanted or removed.' },
  { id: 'leadStatus', label: 'Lead status', noteLevel: true, weight: 'good-practice', weightSource: CONVENTION_WEIGHT, help: 'Condition of the existing lead(s): inspected, impedances, integrity, migration or fracture.', question: 'Please document the condition of the existing lead(s) as assessed during the procedure (for example: inspection or impedance findings).' },
  { id: 'indication', label: 'Indication', noteLevel: true, weight: 'good-practice', weightSource: COVERAGE_WEIGHT, help: 'The diagnosis or reason for the procedure.', question: 'Please document the clinical indication (diagnosis) for this procedure.' },
  { id: 'trialResult', label: 'Trial result', noteLevel: true, weight: 'good-practice', weightSource: TRIAL_WEIGHT, help: 'For a permanent implant: the outcome of the preceding stimulation trial.', question: 'Please document the outcome of any prior stimulation trial, or state that no trial was performed.' },
  { id: 'anesthesia', label: 'Anesthesia', noteLevel: true, weight: 'good-practice', weightSource: CONVENTION_WEIGHT, help: 'Type of anesthesia or sedation.', question: 'Please document the type of anesthesia or sedation used for this procedure.' },
  { id: 'complications', label: 'Complications', noteLevel: true, weight: 'good-practice', weightSource: CONVENTION_WEIGHT, help: 'Intraoperative complications, or that there were none.', question: 'Please document whether any intraoperative complications occurred.' },
];

const GROUPS_RAW: z.input<typeof DocGroupSchema>[] = [
  {
    id: 'generator',
    label: 'Pulse generator or receiver, insertion or replacement',
    codes: ['63685', '64590', '61885', '61886'],
    items: [
      { id: 'target' }, { id: 'component' }, { id: 'action' }, { id: 'pocket' }, { id: 'connection' },
      { id: 'device' }, { id: 'leadStatus', when: 'replacement' }, { id: 'indication' },
      { id: 'trialResult', when: 'permanent' }, { id: 'anesthesia' }, { id: 'complications' },
    ],
    source: SEED_SOURCE,
  },
  {
    id: 'cranial-generator-arrays',
    label: 'Cranial generator: one array or two or more',
    codes: ['61885', '61886'],
    items: [{ id: 'arrays' }],
    source: FAMILY_SOURCE,
  },
  {
    id: 'generator-revision',
    label: 'Pulse generator, revision or removal',
    codes: ['63688', '64595', '61888'],
    items: [
      { id: 'target' }, { id: 'component' }, { id: 'action' }, { id: 'device' }, { id: 'leadStatus' },
      { id: 'indication' }, { id: 'anesthesia' }, { id: 'complications' },
    ],
    source: FAMILY_SOURCE,
  },
  {
    id: 'array-insertion',
    label: 'Electrode array placement',
    codes: ['63650', '63655', '64553', '64555', '64561', '64575', '64580', '64581', '43647', '43881'],
    items: [
      { id: 'target' }, { id: 'side', when: 'sided' }, { id: 'approach' }, { id: 'component' }, { id: 'action' },
      { id: 'arrays' }, { id: 'indication' }, { id: 'trialResult', when: 'permanent' }, { id: 'anesthesia' }, { id: 'complications' },
    ],
    source: FAMILY_SOURCE,
  },
  {
    id: 'imaging-included',
    label: 'Codes whose description includes imaging guidance',
    codes: ['64561', '64596', '64597', '63661', '63663'],
    items: [{ id: 'imaging' }],
    source: { title: 'Code summaries for 64596 ("includes imaging guidance") and 64561', url: 'https://www.openpayer.com/' },
  },
  {
    id: 'array-revision',
    label: 'Electrode array revision, replacement or removal',
    codes: ['63661', '63662', '63663', '63664', '64569', '64583', '64585', '43648', '43882', '61880'],
    items: [
      { id: 'target' }, { id: 'side', when: 'sided' }, { id: 'approach' }, { id: 'component' }, { id: 'action' },
      { id: 'leadStatus' }, { id: 'device' }, { id: 'indication' }, { id: 'anesthesia' }, { id: 'complications' },
    ],
    source: FAMILY_SOURCE,
  },
  {
    id: 'integrated',
    label: 'Integrated peripheral nerve stimulator',
    codes: ['64596', '64597', '64598'],
    items: [
      { id: 'target' }, { id: 'side', when: 'sided' }, { id: 'approach' }, { id: 'component' }, { id: 'action' },
      { id: 'arrays' }, { id: 'device' }, { id: 'indication' }, { id: 'anesthesia' }, { id: 'complications' },
    ],
    source: SEED_SOURCE,
  },
  {
    id: 'system',
    label: 'Array and generator as one procedure (vagus, hypoglossal)',
    codes: ['64568', '64582', '64570', '64584'],
    items: [
      { id: 'target' }, { id: 'side', when: 'sided' }, { id: 'approach' }, { id: 'component' }, { id: 'action' },
      { id: 'pocket', when: 'insertion' }, { id: 'connection', when: 'insertion' }, { id: 'device' },
      { id: 'indication' }, { id: 'anesthesia' }, { id: 'complications' },
    ],
    source: FAMILY_SOURCE,
  },
  {
    id: 'dbs',
    label: 'Deep brain arrays',
    codes: ['61863', '61864', '61867', '61868'],
    items: [
      { id: 'target' }, { id: 'side' }, { id: 'component' }, { id: 'action' }, { id: 'arrays' }, { id: 'mer' },
      { id: 'device' }, { id: 'indication' }, { id: 'anesthesia' }, { id: 'complications' },
    ],
    source: FAMILY_SOURCE,
  },
  {
    id: 'tibial',
    label: 'Posterior tibial nerve stimulation session',
    codes: ['64566'],
    items: [{ id: 'target' }, { id: 'side' }, { id: 'component' }, { id: 'indication' }, { id: 'complications' }],
    source: FAMILY_SOURCE,
  },
];

export const DocRequirementsSchema = z
  .object({ items: z.array(DocItemDefSchema), groups: z.array(DocGroupSchema), querySource: SourceSchema })
  .superRefine((r, ctx) => {
    const ids = new Set(r.items.map((i) => i.id));
    for (const id of DOC_ITEM_IDS) if (!ids.has(id)) ctx.addIssue({ code: 'custom', message: `item ${id} has no definition` });
    if (ids.size !== r.items.length) ctx.addIssue({ code: 'custom', message: 'duplicate item definition' });
  });

/** The validated requirements; a data error fails loudly at import. */
export const DOC_REQUIREMENTS = DocRequirementsSchema.parse({ items: ITEMS_RAW, groups: GROUPS_RAW, querySource: QUERY_SOURCE });

export const DOC_ITEMS: ReadonlyMap<DocItemId, DocItemDef> = new Map(DOC_REQUIREMENTS.items.map((i) => [i.id, i]));

/** The groups a code belongs to (a code may be in more than one, e.g. 64596: integrated + imaging). */
export function docGroupsFor(code: string): DocGroup[] {
  return DOC_REQUIREMENTS.groups.filter((g) => g.codes.includes(code));
}
