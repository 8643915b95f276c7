import { z } from './zod';

/**
 * Bundling and unit edits a payer would apply to the neurostimulator family, as data.
 *
 * What is and is not sourced (shared/domain/sourced-facts.md §2): the current CMS NCCI PTP
 * tables and MUE tables were NOT read. So:
 * - `status: 'descriptor'` = the rule follows from the code's own descriptor or CPT Assistant
 *   (confirmed); the engine treats it as a firm rule.
 * - `status: 'unconfirmed'` = an NCCI pair we expect but did not read; its warning says
 *   "unconfirmed — verify in the current NCCI table".
 * - `status: 'payer-note'` = one contractor's rule (e.g. Medicare article A56876 for 63650).
 * National MUE values for the family were not found: none is encoded.
 *
 * modifierIndicator follows NCCI: 0 = never together, no modifier helps; 1 = together only
 * with a modifier that truthfully shows a distinct service (`bypass`). For descriptor
 * inclusions we use 0 (the included service is part of the code, not a distinct service).
 */

export const EditStatusSchema = z.enum(['descriptor', 'unconfirmed', 'payer-note']);
export type EditStatus = z.infer<typeof EditStatusSchema>;

export const PairEditSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** The code that is kept (column 1). */
  column1: z.array(z.string().regex(/^\d{5}$/)).min(1),
  /** The code not reported with it (column 2). */
  column2: z.array(z.string().regex(/^\d{5}$/)).min(1),
  /** Plain words: why the two are not reported together. */
  rule: z.string().min(10),
  /** The condition under which the pair applies (e.g. "same generator"). */
  scope: z.string().min(3),
  modifierIndicator: z.union([z.literal(0), z.literal(1)]),
  /** Modifiers that may bypass an indicator-1 edit when the note documents the distinction. */
  bypass: z.array(z.enum(['XS', 'XE', 'XP', 'XU', '59', 'LT', 'RT'])).default([]),
  status: EditStatusSchema,
  source: z.string().min(5),
  /** Year of the source the rule rests on. */
  year: z.number().int().min(2000).max(2100),
  confidence: z.enum(['high', 'medium', 'low']),
});
export type PairEdit = z.infer<typeof PairEditSchema>;

const IMAGING = ['76942', '77002', '77003', '76000'];
const SF = 'shared/domain/sourced-facts.md §2b';

const RAW_PAIRS: z.input<typeof PairEditSchema>[] = [
  {
    id: 'spinal-generator-replace-remove', column1: ['63685'], column2: ['63688'],
    rule: 'A generator replacement is 63685 alone ("insertion or replacement"); the removal of the old generator is part of it.',
    scope: 'same generator, same session', modifierIndicator: 0, status: 'unconfirmed',
    source: `${SF} (replacement inside 63685: C; the NCCI pair and its indicator: U); CMS PFS CY2026`, year: 2026, confidence: 'high',
  },
  {
    id: 'pns-generator-replace-remove', column1: ['64590'], column2: ['64595'],
    rule: 'A peripheral, sacral or gastric generator replacement is 64590 alone; never 64595 for the same generator.',
    scope: 'same generator, same session', modifierIndicator: 0, status: 'unconfirmed',
    source: `${SF} (codes C; edit U)`, year: 2026, confidence: 'high',
  },
  {
    id: 'cranial-generator-replace-remove', column1: ['61885', '61886'], column2: ['61888'],
    rule: 'A cranial generator replacement is 61885/61886 alone; never 61888 for the same generator.',
    scope: 'same generator, same session', modifierIndicator: 0, status: 'unconfirmed',
    source: `${SF} (codes C; edit U)`, year: 2026, confidence: 'high',
  },
  {
    id: 'system-includes-generator', column1: ['64568', '64582'], column2: ['61885', '61886', '64590'],
    rule: '64568 and 64582 already include the pulse generator: no separate generator code with them.',
    scope: 'same session', modifierIndicator: 0, status: 'descriptor',
    source: `${SF} (VNS 64568: generator inside, C; hypoglossal 64582 only, C); neurostimulator-coding.md §3; CMS PFS CY2026 descriptors`, year: 2026, confidence: 'high',
  },
  {
    id: 'hypoglossal-system-includes-generator', column1: ['64583', '64584'], column2: ['61885', '61886', '61888'],
    rule: 'The hypoglossal revision/replacement and removal codes cover the generator as one of the system\'s parts: no cranial generator code with them.',
    scope: 'same session', modifierIndicator: 0, status: 'descriptor',
    source: `shared/domain/sourced-facts.md §1h (64583 covers array, generator or sensor; 64582-64584 never together; MAC billing articles)`, year: 2026, confidence: 'high',
  },
  {
    id: 'perc-array-revise-remove', column1: ['63663'], column2: ['63661'],
    rule: 'Removal and revision of the same percutaneous spinal array in one session is one code (63663, revision including replacement).',
    scope: 'same array', modifierIndicator: 1, bypass: ['XS'], status: 'unconfirmed',
    source: `${SF} (revision includes replacement: P; XS only for a different lead at a different site: U); neurostimulator-coding.md §3`, year: 2026, confidence: 'medium',
  },
  {
    id: 'paddle-revise-remove', column1: ['63664'], column2: ['63662'],
    rule: 'Removal and revision of the same paddle array in one session is one code (63664).',
    scope: 'same array', modifierIndicator: 1, bypass: ['XS'], status: 'unconfirmed',
    source: `${SF} (P); neurostimulator-coding.md §3`, year: 2026, confidence: 'medium',
  },
  {
    id: 'perc-array-exchange', column1: ['63663'], column2: ['63650'],
    rule: 'A percutaneous spinal lead exchanged through the same access is 63663, not a removal plus a new 63650.',
    scope: 'same array', modifierIndicator: 1, bypass: ['XS'], status: 'unconfirmed',
    source: `${SF} "Percutaneous spinal lead exchanged through the same access" (P; XS: U)`, year: 2026, confidence: 'medium',
  },
  {
    id: 'paddle-exchange', column1: ['63664'], column2: ['63655'],
    rule: 'A paddle exchanged in one session is 63664, not a removal plus a new 63655.',
    scope: 'same array', modifierIndicator: 1, bypass: ['XS'], status: 'unconfirmed',
    source: `${SF} "Paddle exchanged" (P)`, year: 2026, confidence: 'medium',
  },
  {
    id: 'imaging-in-64561', column1: ['64561'], column2: IMAGING,
    rule: 'Imaging guidance is part of 64561: no separate fluoroscopy or ultrasound line.',
    scope: 'same session', modifierIndicator: 0, status: 'descriptor',
    source: `${SF} (64561 descriptor includes imaging: C, changed in pass 2); MCB 2023`, year: 2023, confidence: 'high',
  },
  {
    id: 'imaging-in-64596', column1: ['64596', '64597'], column2: IMAGING,
    rule: 'Imaging guidance is part of 64596/64597: no separate imaging line.',
    scope: 'same session', modifierIndicator: 0, status: 'descriptor',
    source: `${SF} (inclusion C; exact NCCI pairs U); OpenPayer 64596`, year: 2026, confidence: 'high',
  },
  {
    id: 'imaging-in-spinal-revision', column1: ['63661', '63662', '63663', '63664'], column2: IMAGING,
    rule: 'Fluoroscopy is part of spinal array removal and revision (63661-63664): no separate imaging line.',
    scope: 'same session', modifierIndicator: 0, status: 'descriptor',
    source: `${SF} (CA 63661/63662 official descriptions, C)`, year: 2026, confidence: 'high',
  },
  {
    id: 'imaging-with-63650', column1: ['63650'], column2: ['77003', '77002'],
    rule: 'Fluoroscopy with percutaneous spinal lead placement is treated as bundled; do not add it by default.',
    scope: 'same session', modifierIndicator: 1, bypass: ['XU'], status: 'unconfirmed',
    source: `${SF} (manufacturer guides and CEO draft; not verified in NCCI: U)`, year: 2026, confidence: 'low',
  },
];

export const PAIR_EDITS: PairEdit[] = RAW_PAIRS.map((p) => PairEditSchema.parse(p));

/**
 * Add-on codes never reported alone. Derived from the PFS ZZZ global (the primary is the code
 * they are an add-on to).
 */
export const AddOnEditSchema = z.object({ addOn: z.string(), primary: z.array(z.string()).min(1), source: z.string(), year: z.number(), confidence: z.enum(['high', 'medium', 'low']) });
export const ADD_ON_EDITS = [
  { addOn: '64597', primary: ['64596'], source: 'sourced-facts.md §2a (ZZZ add-ons paid only with their primary, C); CMS PFS CY2026', year: 2026, confidence: 'high' as const },
  { addOn: '61864', primary: ['61863'], source: 'sourced-facts.md §2a; CMS PFS CY2026', year: 2026, confidence: 'high' as const },
  { addOn: '61868', primary: ['61867'], source: 'sourced-facts.md §2a; CMS PFS CY2026', year: 2026, confidence: 'high' as const },
].map((a) => AddOnEditSchema.parse(a));

/**
 * Unit limits. National MUEs for the family were not found (sourced-facts.md §2c), so only
 * the one contractor's limits are encoded, as payer notes.
 */
export const UnitEditSchema = z.object({
  code: z.string().regex(/^\d{5}$/),
  maxUnits: z.number().int().min(1),
  per: z.string(),
  kind: z.enum(['national-mue', 'payer-note']),
  note: z.string().min(10),
  source: z.string(),
  year: z.number().int(),
  confidence: z.enum(['high', 'medium', 'low']),
});
export type UnitEdit = z.infer<typeof UnitEditSchema>;
export const UNIT_EDITS: UnitEdit[] = [
  {
    code: '63650', maxUnits: 2, per: 'date of service', kind: 'payer-note' as const,
    note: 'One Medicare contractor (billing article A56876 for LCD L37632) allows up to 2 trial leads per date of service and at most 2 leads or 16 contacts per implant. This is a payer note, not a national MUE (the national MUE was not found).',
    source: 'sourced-facts.md §2c (A56876: C for that contractor)', year: 2026, confidence: 'medium' as const,
  },
].map((u) => UnitEditSchema.parse(u));

/** National MUE values for the family: not found; say so instead of a number. */
export const NATIONAL_MUE_NOTE = 'National MUE (medically unlikely edit) values for the neurostimulator CPT codes are not in our reference; check the units against the current CMS MUE table.';

// Device HCPCS hints live in a module without zod, so the app's first-paint chunk can show them
// without loading zod and the edit tables (src/kb/device-hints.ts); re-exported for the engine.
export { DEVICE_HINTS, DEVICE_SOURCE, type DeviceHint } from './device-hints';
