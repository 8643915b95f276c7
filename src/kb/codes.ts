import { z } from './zod';

/**
 * The decision table of the neurostimulator family: which code answers which combination of
 * target, component, approach and action. Descriptions are our own plain words (CPT descriptors
 * are AMA copyright and are not reproduced). Global days and Medicare indicators: CMS CY2026
 * physician fee schedule relative value file (public domain), as recorded in
 * shared/domain/sourced-facts.md §1, §3a.
 */
export const TARGETS = ['spinal', 'peripheral', 'sacral', 'gastric', 'vagus', 'hypoglossal', 'intracranial', 'neuromuscular', 'tibial'] as const;
export const COMPONENTS = ['array', 'generator', 'integrated', 'system', 'needleElectrode'] as const;
export const APPROACHES = ['percutaneous', 'open', 'laminectomy', 'laparoscopic', 'stereotactic'] as const;
export const ACTIONS = ['insertion', 'replacement', 'revision', 'removal', 'treatment'] as const;

export const CodeRuleSchema = z.object({
  code: z.string().regex(/^\d{5}$/),
  description: z.string().min(10).describe('our own plain-language description'),
  target: z.array(z.enum(TARGETS)).min(1),
  component: z.enum(COMPONENTS),
  approach: z.array(z.enum(APPROACHES)).nullable().describe('null = any approach'),
  action: z.array(z.enum(ACTIONS)).min(1),
  /** For system codes: the parts that must all be documented (e.g. array + generator + sensor). */
  parts: z.array(z.string()).optional(),
  /** For cranial generators: how many arrays are connected. */
  arrays: z.enum(['one', 'twoOrMore']).optional(),
  /** Intracranial arrays: with microelectrode recording. */
  mer: z.boolean().optional(),
  unit: z.enum(['per-array', 'per-session', 'first-array', 'per-treatment']),
  addOn: z.string().optional().describe('add-on code reported for each additional array'),
  addOnTo: z.string().optional(),
  /** Documentation the code itself names. */
  requires: z.array(z.enum(['pocket', 'connection'])).default([]),
  includesImaging: z.boolean().default(false),
  /** The target is a paired (sided) structure: LT/RT apply. */
  sided: z.boolean(),
  /** Medicare bilateral surgery indicator (PFS26): 1 = modifier 50 applies. */
  bilateral: z.number().int().min(0).max(9),
  /** Medicare assistant-at-surgery indicator (PFS26): 2 payable, 0 with documentation, 1 never. */
  assistant: z.number().int().min(0).max(9),
  /** Medicare co-surgery indicator (PFS26): 1 or 2 = 62 may apply. */
  coSurgery: z.number().int().min(0).max(9),
  globalDays: z.enum(['000', '010', '090', 'ZZZ', 'YYY', 'XXX']),
  confidence: z.enum(['high', 'medium', 'low']),
  source: z.string(),
});
export type CodeRule = z.infer<typeof CodeRuleSchema>;
type CodeRuleInput = z.input<typeof CodeRuleSchema>;

const PFS = 'CMS CY2026 PFS relative value file (globals, indicators) via shared/domain/sourced-facts.md §1, §3a';
const REF = 'shared/domain/neurostimulator-coding.md §2';

const RAW: CodeRuleInput[] = [
  // spinal
  { code: '63650', description: 'Percutaneous placement of one spinal (epidural) electrode array, trial or permanent', target: ['spinal'], component: 'array', approach: ['percutaneous'], action: ['insertion'], unit: 'per-array', sided: false, bilateral: 0, assistant: 1, coSurgery: 0, globalDays: '010', confidence: 'high', source: `${REF}; ${PFS}` },
  { code: '63655', description: 'Open placement of a spinal paddle (plate) array through a laminotomy or laminectomy', target: ['spinal'], component: 'array', approach: ['laminectomy', 'open'], action: ['insertion'], unit: 'per-session', sided: false, bilateral: 0, assistant: 2, coSurgery: 1, globalDays: '090', confidence: 'high', source: `${REF}; ${PFS}` },
  { code: '63661', description: 'Removal of percutaneously placed spinal array(s), imaging included', target: ['spinal'], component: 'array', approach: ['percutaneous'], action: ['removal'], unit: 'per-session', includesImaging: true, sided: false, bilateral: 0, assistant: 2, coSurgery: 1, globalDays: '010', confidence: 'high', source: `${REF}; ${PFS}` },
  { code: '63662', description: 'Removal of spinal paddle array(s) through a laminotomy or laminectomy', target: ['spinal'], component: 'array', approach: ['laminectomy', 'open'], action: ['removal'], unit: 'per-session', includesImaging: true, sided: false, bilateral: 0, assistant: 2, coSurgery: 1, globalDays: '090', confidence: 'high', source: `${REF}; ${PFS}` },
  { code: '63663', description: 'Revision or replacement of percutaneous spinal array(s), imaging included', target: ['spinal'], component: 'array', approach: ['percutaneous'], action: ['revision', 'replacement'], unit: 'per-session', includesImaging: true, sided: false, bilateral: 0, assistant: 2, coSurgery: 1, globalDays: '010', confidence: 'high', source: `${REF}; ${PFS}` },
  { code: '63664', description: 'Revision or replacement of spinal paddle array(s) through a laminotomy or laminectomy', target: ['spinal'], component: 'array', approach: ['laminectomy', 'open'], action: ['revision', 'replacement'], unit: 'per-session', sided: false, bilateral: 0, assistant: 2, coSurgery: 1, globalDays: '090', confidence: 'high', source: `${REF}; ${PFS}` },
  { code: '63685', description: 'Insertion or replacement of a spinal pulse generator or receiver in a pocket, connected to the array(s)', target: ['spinal'], component: 'generator', approach: null, action: ['insertion', 'replacement'], unit: 'per-session', requires: ['pocket', 'connection'], sided: false, bilateral: 0, assistant: 2, coSurgery: 1, globalDays: '010', confidence: 'high', source: `${REF}; ${PFS}` },
  { code: '63688', description: 'Revision or removal of a spinal pulse generator or receiver', target: ['spinal'], component: 'generator', approach: null, action: ['revision', 'removal'], unit: 'per-session', sided: false, bilateral: 0, assistant: 1, coSurgery: 0, globalDays: '010', confidence: 'high', source: `${REF}; ${PFS}` },
  // cranial nerve
  { code: '64553', description: 'Percutaneous placement of a cranial nerve electrode array', target: ['vagus'], component: 'array', approach: ['percutaneous'], action: ['insertion'], unit: 'per-array', sided: true, bilateral: 0, assistant: 0, coSurgery: 0, globalDays: '010', confidence: 'high', source: `${REF}; ${PFS}` },
  { code: '64568', description: 'Open placement of a cranial nerve (e.g. vagus) array together with its pulse generator', target: ['vagus', 'hypoglossal'], component: 'system', parts: ['array'], approach: ['open'], action: ['insertion'], unit: 'per-session', sided: true, bilateral: 1, assistant: 0, coSurgery: 0, globalDays: '090', confidence: 'high', source: `${REF}; ${PFS}` },
  { code: '64569', description: 'Open revision or replacement of a cranial nerve array, connected to the existing generator', target: ['vagus'], component: 'array', approach: ['open', 'percutaneous'], action: ['revision', 'replacement'], unit: 'per-session', sided: true, bilateral: 1, assistant: 0, coSurgery: 1, globalDays: '090', confidence: 'high', source: `${REF}; ${PFS}` },
  { code: '64570', description: 'Removal of a cranial nerve array and its pulse generator', target: ['vagus'], component: 'system', parts: ['array'], approach: null, action: ['removal'], unit: 'per-session', sided: true, bilateral: 1, assistant: 0, coSurgery: 1, globalDays: '090', confidence: 'high', source: `${REF}; ${PFS}` },
  // hypoglossal
  { code: '64582', description: 'Open placement of a hypoglossal nerve stimulation system: array, pulse generator and respiratory sensor', target: ['hypoglossal'], component: 'system', parts: ['array', 'sensor'], approach: ['open'], action: ['insertion'], unit: 'per-session', sided: true, bilateral: 1, assistant: 0, coSurgery: 0, globalDays: '090', confidence: 'high', source: `${REF}; ${PFS}` },
  { code: '64583', description: 'Revision or replacement of a hypoglossal stimulation array and/or sensor, connected to the existing generator', target: ['hypoglossal'], component: 'array', approach: null, action: ['revision', 'replacement'], unit: 'per-session', sided: true, bilateral: 1, assistant: 0, coSurgery: 1, globalDays: '090', confidence: 'high', source: `${REF}; ${PFS}` },
  { code: '64584', description: 'Removal of a hypoglossal stimulation system (array, generator and sensor)', target: ['hypoglossal'], component: 'system', parts: ['array'], approach: null, action: ['removal'], unit: 'per-session', sided: true, bilateral: 1, assistant: 0, coSurgery: 1, globalDays: '090', confidence: 'high', source: `${REF}; ${PFS}` },
  // peripheral, sacral, neuromuscular, tibial
  { code: '64555', description: 'Percutaneous placement of a peripheral nerve electrode array (not sacral), temporary or permanent', target: ['peripheral'], component: 'array', approach: ['percutaneous'], action: ['insertion'], unit: 'per-array', sided: true, bilateral: 0, assistant: 1, coSurgery: 0, globalDays: '010', confidence: 'high', source: `${REF}; ${PFS}` },
  { code: '64561', description: 'Percutaneous placement of a sacral nerve electrode array through the foramen, imaging included', target: ['sacral'], component: 'array', approach: ['percutaneous'], action: ['insertion'], unit: 'per-session', includesImaging: true, sided: true, bilateral: 1, assistant: 1, coSurgery: 0, globalDays: '010', confidence: 'high', source: `${REF}; ${PFS}; sourced-facts §2b (imaging inclusion)` },
  { code: '64566', description: 'Posterior tibial nerve stimulation with a needle electrode, one session including programming', target: ['tibial'], component: 'needleElectrode', approach: null, action: ['treatment', 'insertion'], unit: 'per-treatment', sided: false, bilateral: 0, assistant: 0, coSurgery: 0, globalDays: '000', confidence: 'high', source: `${REF}; ${PFS}` },
  { code: '64575', description: 'Open placement of a peripheral nerve electrode array (not sacral)', target: ['peripheral'], component: 'array', approach: ['open'], action: ['insertion'], unit: 'per-array', sided: true, bilateral: 0, assistant: 1, coSurgery: 0, globalDays: '090', confidence: 'high', source: `${REF}; ${PFS}` },
  { code: '64580', description: 'Open placement of a neuromuscular electrode array on or around a motor or sensory nerve', target: ['neuromuscular'], component: 'array', approach: ['open', 'percutaneous'], action: ['insertion'], unit: 'per-array', sided: true, bilateral: 0, assistant: 2, coSurgery: 0, globalDays: '090', confidence: 'high', source: `${REF}; ${PFS}` },
  { code: '64581', description: 'Open placement of a sacral nerve electrode array through the foramen', target: ['sacral'], component: 'array', approach: ['open'], action: ['insertion'], unit: 'per-session', sided: true, bilateral: 0, assistant: 1, coSurgery: 0, globalDays: '090', confidence: 'high', source: `${REF}; ${PFS}` },
  { code: '64585', description: 'Revision or removal of a peripheral or sacral nerve electrode array', target: ['peripheral', 'sacral', 'neuromuscular'], component: 'array', approach: null, action: ['revision', 'replacement', 'removal'], unit: 'per-session', sided: true, bilateral: 0, assistant: 1, coSurgery: 0, globalDays: '010', confidence: 'high', source: `${REF}; ${PFS}` },
  { code: '64590', description: 'Insertion or replacement of a peripheral, sacral or gastric pulse generator or receiver in a pocket, connected to the array', target: ['peripheral', 'sacral', 'gastric', 'neuromuscular'], component: 'generator', approach: null, action: ['insertion', 'replacement'], unit: 'per-session', requires: ['pocket', 'connection'], sided: false, bilateral: 0, assistant: 1, coSurgery: 1, globalDays: '010', confidence: 'high', source: `${REF}; ${PFS}` },
  { code: '64595', description: 'Revision or removal of a peripheral, sacral or gastric pulse generator or receiver', target: ['peripheral', 'sacral', 'gastric', 'neuromuscular'], component: 'generator', approach: null, action: ['revision', 'removal'], unit: 'per-session', sided: false, bilateral: 0, assistant: 1, coSurgery: 0, globalDays: '010', confidence: 'high', source: `${REF}; ${PFS}` },
  { code: '64596', description: 'Percutaneous insertion or replacement of an integrated peripheral nerve stimulation system, first array, imaging included', target: ['peripheral'], component: 'integrated', approach: ['percutaneous', 'open'], action: ['insertion', 'replacement'], unit: 'first-array', addOn: '64597', includesImaging: true, sided: true, bilateral: 0, assistant: 1, coSurgery: 0, globalDays: '010', confidence: 'high', source: `${REF}; ${PFS}` },
  { code: '64597', description: 'Each additional integrated peripheral nerve stimulation array (add-on to 64596)', target: ['peripheral'], component: 'integrated', approach: ['percutaneous', 'open'], action: ['insertion', 'replacement'], unit: 'per-array', addOnTo: '64596', includesImaging: true, sided: true, bilateral: 0, assistant: 1, coSurgery: 0, globalDays: 'ZZZ', confidence: 'high', source: `${REF}; ${PFS}` },
  { code: '64598', description: 'Revision or removal of an integrated peripheral nerve stimulation system', target: ['peripheral'], component: 'integrated', approach: null, action: ['revision', 'removal'], unit: 'per-session', sided: true, bilateral: 0, assistant: 1, coSurgery: 0, globalDays: '010', confidence: 'medium', source: `${REF}; ${PFS}` },
  // intracranial
  { code: '61863', description: 'Stereotactic placement of a deep brain array without microelectrode recording, first array', target: ['intracranial'], component: 'array', approach: null, action: ['insertion'], mer: false, unit: 'first-array', addOn: '61864', sided: false, bilateral: 1, assistant: 2, coSurgery: 1, globalDays: '090', confidence: 'high', source: `${REF}; ${PFS}` },
  { code: '61864', description: 'Each additional deep brain array without microelectrode recording (add-on to 61863)', target: ['intracranial'], component: 'array', approach: null, action: ['insertion'], mer: false, unit: 'per-array', addOnTo: '61863', sided: false, bilateral: 0, assistant: 2, coSurgery: 1, globalDays: 'ZZZ', confidence: 'high', source: `${REF}; ${PFS}` },
  { code: '61867', description: 'Stereotactic placement of a deep brain array with microelectrode recording, first array', target: ['intracranial'], component: 'array', approach: null, action: ['insertion'], mer: true, unit: 'first-array', addOn: '61868', sided: false, bilateral: 1, assistant: 2, coSurgery: 1, globalDays: '090', confidence: 'high', source: `${REF}; ${PFS}` },
  { code: '61868', description: 'Each additional deep brain array with microelectrode recording (add-on to 61867)', target: ['intracranial'], component: 'array', approach: null, action: ['insertion'], mer: true, unit: 'per-array', addOnTo: '61867', sided: false, bilateral: 0, assistant: 2, coSurgery: 1, globalDays: 'ZZZ', confidence: 'high', source: `${REF}; ${PFS}` },
  { code: '61880', description: 'Revision or removal of intracranial neurostimulator arrays', target: ['intracranial'], component: 'array', approach: null, action: ['revision', 'replacement', 'removal'], unit: 'per-session', sided: false, bilateral: 1, assistant: 2, coSurgery: 1, globalDays: '090', confidence: 'medium', source: `sourced-facts.md §3a; ${PFS}` },
  { code: '61885', description: 'Insertion or replacement of a cranial pulse generator or receiver connected to one array (e.g. vagus battery change)', target: ['vagus', 'intracranial'], component: 'generator', approach: null, action: ['insertion', 'replacement'], arrays: 'one', unit: 'per-session', requires: ['pocket', 'connection'], sided: false, bilateral: 1, assistant: 0, coSurgery: 0, globalDays: '090', confidence: 'high', source: `${REF}; ${PFS}` },
  { code: '61886', description: 'Insertion or replacement of a cranial pulse generator or receiver connected to two or more arrays', target: ['vagus', 'intracranial', 'hypoglossal'], component: 'generator', approach: null, action: ['insertion', 'replacement'], arrays: 'twoOrMore', unit: 'per-session', requires: ['pocket', 'connection'], sided: false, bilateral: 0, assistant: 0, coSurgery: 0, globalDays: '090', confidence: 'high', source: `${REF}; ${PFS}` },
  { code: '61888', description: 'Revision or removal of a cranial pulse generator or receiver', target: ['vagus', 'intracranial', 'hypoglossal'], component: 'generator', approach: null, action: ['revision', 'removal'], unit: 'per-session', sided: false, bilateral: 1, assistant: 1, coSurgery: 0, globalDays: '010', confidence: 'high', source: `${REF}; ${PFS}` },
  // gastric
  { code: '43647', description: 'Laparoscopic implantation or replacement of gastric (antrum) stimulation electrodes', target: ['gastric'], component: 'array', approach: ['laparoscopic'], action: ['insertion', 'replacement'], unit: 'per-session', sided: false, bilateral: 0, assistant: 2, coSurgery: 1, globalDays: 'YYY', confidence: 'high', source: `${REF}; ${PFS}` },
  { code: '43648', description: 'Laparoscopic revision or removal of gastric stimulation electrodes', target: ['gastric'], component: 'array', approach: ['laparoscopic'], action: ['revision', 'removal'], unit: 'per-session', sided: false, bilateral: 0, assistant: 2, coSurgery: 1, globalDays: 'YYY', confidence: 'high', source: `${REF}; ${PFS}` },
  { code: '43881', description: 'Open implantation or replacement of gastric stimulation electrodes', target: ['gastric'], component: 'array', approach: ['open'], action: ['insertion', 'replacement'], unit: 'per-session', sided: false, bilateral: 0, assistant: 2, coSurgery: 1, globalDays: 'YYY', confidence: 'high', source: `${REF}; ${PFS}` },
  { code: '43882', description: 'Open revision or removal of gastric stimulation electrodes', target: ['gastric'], component: 'array', approach: ['open'], action: ['revision', 'removal'], unit: 'per-session', sided: false, bilateral: 0, assistant: 2, coSurgery: 1, globalDays: 'YYY', confidence: 'high', source: `${REF}; ${PFS}` },
];

export const CODE_RULES: CodeRule[] = RAW.map((r) => CodeRuleSchema.parse(r));
export const CODE_BY_ID: ReadonlyMap<string, CodeRule> = new Map(CODE_RULES.map((r) => [r.code, r]));

/** Plain words for each target, as a coder would name the system when asking the surgeon. */
export const TARGET_WORDS: Record<(typeof TARGETS)[number], string> = {
  spinal: 'spinal cord (epidural)',
  peripheral: 'peripheral nerve',
  sacral: 'sacral nerve',
  gastric: 'gastric',
  vagus: 'vagus nerve',
  hypoglossal: 'hypoglossal nerve',
  intracranial: 'deep brain / cortical',
  neuromuscular: 'neuromuscular',
  tibial: 'posterior tibial nerve (needle)',
};
