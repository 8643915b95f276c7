import { z } from './zod';

/**
 * Rules that reconcile the procedure events with the device ledger, as data. Each rule names
 * an event pattern, a named condition on the ledger (evaluated by the engine's ledger
 * interpreter), and what to do: change the action, take the unit count from the ledger, or drop
 * the event. Reasons are our own words; sources point at the coding reference.
 */
export const LEDGER_CONDITIONS = ['onlyNewArrays', 'onlyExistingArrays', 'generatorOnlyReconnected', 'integratedBrand', 'secondStageGenerator', 'arraysLeftInPlace', 'paddleAndPercutaneous', 'generatorInNewPocket', 'onlyPercutaneousArrays', 'hypoglossalGeneratorKept', 'generatorsOnlyKept', 'arraysOnlyRevised', 'resitedToOtherSide', 'onlyDiscardedArrays', 'namedOldArraysMoved', 'generatorUntouched', 'numberedNewArrays'] as const;

export const LedgerRuleSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]+$/),
  when: z.object({
    component: z.enum(['array', 'generator', 'integrated', 'system']),
    target: z.enum(['spinal', 'hypoglossal']).optional(),
    actions: z.array(z.enum(['insertion', 'replacement', 'revision', 'removal'])).min(1),
  }),
  ledger: z.enum(LEDGER_CONDITIONS),
  then: z.union([
    z.object({ action: z.enum(['insertion', 'replacement', 'revision', 'removal']), arrays: z.enum(['newLeftIn', 'one']).optional() }),
    z.object({ component: z.enum(['integrated']) }),
    z.object({ drop: z.literal(true) }),
    /** one event per array form: the paddles (open approach) and the percutaneous leads, each with its own count */
    z.object({ splitByForm: z.literal(true) }),
    z.object({ splitBySide: z.literal(true) }),
    /** the leads are ordinary arrays and the generator placed in its own pocket is coded on its own */
    z.object({ separateGenerator: z.literal(true) }),
    z.object({ approach: z.enum(['percutaneous']) }),
    /** code the event as other work: a different component and action (e.g. lead work on a kept generator) */
    z.object({ recode: z.object({ component: z.enum(['array', 'generator']), action: z.enum(['insertion', 'replacement', 'revision', 'removal']) }) }),
  ]),
  reason: z.string().min(20),
  source: z.string(),
});
export type LedgerRule = z.infer<typeof LedgerRuleSchema>;

/** When a generator code applies at all (no code for a generator only lifted, reconnected or named). */
const GENERATOR_CODES = 'test/fixtures/README.md convention 4 (63688/64595/61888 need the generator removed, or the pocket revised with the same generator put back)';
const CONV = 'shared/domain/neurostimulator-coding.md §8 (revision and removal are work on a device already in the patient); test/fixtures/README.md conventions 3-4';

const RAW: LedgerRule[] = [
  {
    id: 'new-arrays-are-placements',
    when: { component: 'array', actions: ['revision', 'replacement', 'removal'] },
    ledger: 'onlyNewArrays',
    then: { action: 'insertion', arrays: 'newLeftIn' },
    reason: 'Every lead worked on was opened in this session (none was in the patient before), so pulling one back, withdrawing or discarding it is part of placing the leads left in, not a revision or removal.',
    source: CONV,
  },
  {
    id: 'discarded-new-arrays-are-the-planned-placement',
    when: { component: 'array', actions: ['revision', 'replacement', 'removal'] },
    ledger: 'onlyDiscardedArrays',
    then: { action: 'insertion', arrays: 'one' },
    reason: 'The only lead worked on was opened in this session and taken out again before the end (nothing was in the patient before), so no revision or removal was done: the work is the placement that was started, one unit (53 when it was stopped for safety).',
    source: CONV + '; test/fixtures/README.md convention 10 (53: the line is the planned procedure, 1 unit)',
  },
  {
    id: 'moved-existing-arrays-are-revised',
    when: { component: 'array', actions: ['insertion'] },
    ledger: 'namedOldArraysMoved',
    then: { action: 'revision' },
    reason: 'Every lead worked on was already in the patient (it had migrated, fractured or was named as the existing lead) and was moved or re-anchored today, none placed new: the work is a revision, not a placement.',
    source: CONV,
  },
  {
    id: 'existing-arrays-are-not-placed',
    when: { component: 'array', actions: ['insertion'] },
    ledger: 'onlyExistingArrays',
    then: { drop: true },
    reason: 'The leads were already in the patient and were only connected or kept; no lead was placed in this session.',
    source: CONV,
  },
  {
    id: 'leads-left-in-place-are-not-revised',
    when: { component: 'array', actions: ['revision', 'removal', 'replacement'] },
    ledger: 'arraysLeftInPlace',
    then: { drop: true },
    reason: 'The leads already in the patient were left in place (capped, kept or reconnected); none was removed, replaced or moved, so no lead code applies.',
    source: CONV,
  },
  {
    id: 'second-stage-leads-were-placed-before',
    when: { component: 'array', actions: ['insertion'] },
    ledger: 'secondStageGenerator',
    then: { drop: true },
    reason: 'The note says this session is the second stage: the leads went in at the first stage, and today a generator is placed and connected to them (no new lead is named).',
    source: 'shared/domain/neurostimulator-coding.md (staged sacral and deep-brain procedures); test/fixtures/README.md convention 8',
  },
  {
    id: 'integrated-brand-is-integrated',
    when: { component: 'array', actions: ['insertion', 'replacement', 'revision', 'removal'] },
    ledger: 'integratedBrand',
    then: { component: 'integrated' },
    reason: 'The device is named by a brand whose leads carry their own receiver (an integrated system), and no separate generator is placed or worked on.',
    source: 'src/kb/device-catalogue.ts; test/fixtures/README.md (integrated PNS device decision)',
  },
  {
    id: 'paddle-and-percutaneous-arrays-are-coded-apart',
    when: { component: 'array', target: 'spinal', actions: ['insertion'] },
    ledger: 'paddleAndPercutaneous',
    then: { splitByForm: true },
    reason: 'A paddle placed through a laminotomy and a separate percutaneous lead were both placed and left in: the paddle is the open placement (one unit), and each percutaneous lead is a percutaneous placement of its own.',
    source: 'shared/domain/neurostimulator-coding.md §2 (63650 per percutaneous array, 63655 for the open paddle); test/fixtures/README.md convention 3',
  },
  {
    id: 'lead-moved-to-the-other-side-is-removal-and-placement',
    when: { component: 'array', actions: ['replacement', 'revision'] },
    ledger: 'resitedToOtherSide',
    then: { splitBySide: true },
    reason: 'The lead already in was taken out on one side and a new lead was placed on the other side: that is no exchange through the same access, but a removal on one side and a placement on the other.',
    source: 'test/fixtures/README.md convention 4 (lead exchange through the same access is a revision; otherwise removal and insertion); shared/domain/neurostimulator-coding.md §8',
  },
  {
    id: 'generator-in-its-own-pocket-is-not-integrated',
    when: { component: 'integrated', actions: ['insertion'] },
    ledger: 'generatorInNewPocket',
    then: { separateGenerator: true },
    reason: 'A separate generator was placed in a pocket made for it and connected to the leads, so the leads are ordinary arrays and the generator is coded on its own; a word like "battery-free" describes the generator, not a lead with its own receiver.',
    source: 'test/fixtures/README.md (integrated PNS device decision: built-in receiver, no pocket and no separate generator point to integrated)',
  },
  {
    id: 'percutaneous-leads-are-not-paddles',
    when: { component: 'array', target: 'spinal', actions: ['insertion'] },
    ledger: 'onlyPercutaneousArrays',
    then: { approach: 'percutaneous' },
    reason: 'Every lead placed today is a percutaneous (cylindrical) lead passed through a needle and no paddle is named; a laminectomy mentioned elsewhere (a diagnosis or an earlier operation) does not make this an open paddle placement.',
    source: 'shared/domain/neurostimulator-coding.md §2 (63650 percutaneous array vs 63655 paddle through a laminotomy or laminectomy)',
  },
  {
    id: 'reconnected-generator-is-not-revised',
    when: { component: 'generator', actions: ['removal', 'revision'] },
    ledger: 'generatorOnlyReconnected',
    then: { drop: true },
    reason: 'The generator already in the patient was only lifted out, disconnected and reconnected (or put back) for the lead work; its pocket was not revised or moved, so no generator code applies.',
    source: GENERATOR_CODES,
  },
  {
    id: 'untouched-generator-is-not-revised',
    when: { component: 'generator', actions: ['removal', 'revision'] },
    ledger: 'generatorUntouched',
    then: { drop: true },
    reason: 'The note says the generator pocket was not opened or entered, and nothing was done to the generator (it is only named, e.g. impedances checked through it): no generator code applies.',
    source: GENERATOR_CODES,
  },
  {
    id: 'hypoglossal-leads-on-a-kept-generator',
    when: { component: 'system', target: 'hypoglossal', actions: ['removal', 'insertion'] },
    ledger: 'hypoglossalGeneratorKept',
    then: { recode: { component: 'array', action: 'replacement' } },
    reason: 'The hypoglossal generator already in the patient stays in (left in place, or lifted and put back), while the stimulation or sensing lead was replaced or revised: that is lead work connected to the existing generator, not removal or placement of the whole system.',
    source: 'shared/domain/neurostimulator-coding.md §2 (hypoglossal: 64582 whole system, 64583 lead or sensor revision/replacement on the existing generator, 64584 removal of the system)',
  },
  {
    id: 'kept-generator-is-not-placed',
    when: { component: 'generator', actions: ['insertion', 'replacement'] },
    ledger: 'generatorsOnlyKept',
    then: { drop: true },
    reason: 'The only generator in the device story was already in the patient and nothing was done to it today (no new generator, no replacement); words like "placed" in the same sentence were about something else (ports, a pocket).',
    source: CONV,
  },
  {
    id: 'put-back-arrays-are-revised',
    when: { component: 'array', actions: ['replacement'] },
    ledger: 'arraysOnlyRevised',
    then: { recode: { component: 'array', action: 'revision' } },
    reason: 'The lead already in the patient was repositioned or put back ("replaced into the tunnel" means put back in position), and no new lead went in: that is a revision, not a replacement.',
    source: CONV + '; shared/domain/neurostimulator-coding.md ("replaced" meaning put back in position)',
  },
  {
    id: 'numbered-new-arrays-are-counted',
    when: { component: 'array', actions: ['insertion'] },
    ledger: 'numberedNewArrays',
    then: { action: 'insertion', arrays: 'newLeftIn' },
    reason: 'The leads placed today are told one by one with their numbers ("Lead 1 (left) ... lead 2 (right)"), each left in: the units are that count.',
    source: CONV,
  },
];

export const LEDGER_RULES: readonly LedgerRule[] = RAW.map((r) => LedgerRuleSchema.parse(r));

/**
 * Events the ledger adds when the event reader found none: the ledger holds a device placed and
 * left in today, and the reader coded other work of the same system but not that device.
 */
export const LEDGER_ADDITION_CONDITIONS = ['placedArraysWithoutEvent', 'placedGeneratorWithoutEvent', 'removedGeneratorWithoutEvent', 'sensorWorkWithoutEvent'] as const;

export const LedgerAdditionSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]+$/),
  ledger: z.enum(LEDGER_ADDITION_CONDITIONS),
  add: z.object({ component: z.enum(['array', 'generator']), action: z.enum(['insertion', 'removal', 'revision']) }),
  reason: z.string().min(20),
  source: z.string(),
});
export type LedgerAddition = z.infer<typeof LedgerAdditionSchema>;

export const LEDGER_ADDITIONS: readonly LedgerAddition[] = [
  {
    id: 'placed-leads-are-coded',
    ledger: 'placedArraysWithoutEvent',
    add: { component: 'array', action: 'insertion' },
    reason: 'The device ledger holds leads placed and left in during this session (new, not in the patient before), and the generator work of the same system was coded; the lead placement is coded too.',
    source: 'shared/domain/neurostimulator-coding.md (a placed array is coded per its code rule); test/fixtures/README.md convention 3',
  },
  {
    id: 'placed-generator-is-coded',
    ledger: 'placedGeneratorWithoutEvent',
    add: { component: 'generator', action: 'insertion' },
    reason: 'The device ledger holds a generator new to this session, connected to the leads and left in, in a session stated to be the second stage or with a pocket made for it; no other generator work is coded, so its placement is.',
    source: 'shared/domain/neurostimulator-coding.md (a generator placed and connected is coded with its system\'s generator code); test/fixtures/README.md convention 8',
  },
  {
    id: 'removed-generator-is-coded',
    ledger: 'removedGeneratorWithoutEvent',
    add: { component: 'generator', action: 'removal' },
    reason: 'The device ledger holds the generator that was in the patient as taken out today and no new generator as placed; no other generator work is coded, so its removal is.',
    source: 'shared/domain/neurostimulator-coding.md (generator removal without replacement); test/fixtures/README.md convention 4',
  },
  {
    id: 'sensing-lead-work-is-coded',
    ledger: 'sensorWorkWithoutEvent',
    add: { component: 'array', action: 'revision' },
    reason: 'The device ledger holds a hypoglossal sensing lead taken out, replaced or revised today, with the generator kept; no other event is coded, so the lead work is coded as a revision or replacement of the system\'s leads.',
    source: 'shared/domain/neurostimulator-coding.md §8 (hypoglossal: one part only is 64583 with 52); test/fixtures/README.md (hypoglossal one-part decision)',
  },
].map((r) => LedgerAdditionSchema.parse(r));
