import { z } from './zod';

/**
 * Modifier rules of the neurostimulator family, as data. The engine (src/engine/modifiers)
 * decides from documented facts only; this table says, for each modifier, what must be
 * documented, which per-code Medicare indicator limits it, what the engine outputs (a claim
 * modifier, a question, or a facility note) and where the rule comes from.
 *
 * Sources: shared/domain/sourced-facts.md §2a/§2b (NCCI mechanics, staged/return rules) and §3
 * (PFS26 indicators, modifier guide); shared/domain/neurostimulator-coding.md §3, §4, §8
 * (product conventions). Meanings are our own words.
 */

/** Modifiers that exist (CPT Level I two-digit, HCPCS Level II letters). The engine may only emit these. */
export const REAL_MODIFIERS = [
  '22', '50', '52', '53', '58', '59', '62', '73', '74', '78', '79', '80', '82', 'AS', 'LT', 'RT', 'XE', 'XS', 'XP', 'XU',
] as const;
export type RealModifier = (typeof REAL_MODIFIERS)[number];

export const ModifierRuleSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  modifier: z.enum(REAL_MODIFIERS),
  /** Which claim carries it: facility modifiers (73/74) are shown as notes only. */
  claim: z.enum(['professional', 'facility', 'both']),
  /** The documented facts (FactKinds, affirmed in this session's work) the rule needs. */
  needs: z.array(z.string()).min(1),
  /** The per-code condition, in the words of the CODE_RULES fields. */
  codeCondition: z.string().min(3),
  /** What the engine produces: a modifier on the line, a question to the coder, or a note. */
  output: z.enum(['modifier', 'question', 'facility-note', 'warning']),
  /** Plain statement of the rule (shown in reasons). */
  rule: z.string().min(10),
  source: z.string().min(5),
  confidence: z.enum(['high', 'medium', 'low']),
});
export type ModifierRule = z.infer<typeof ModifierRuleSchema>;

const PFS = 'CMS CY2026 PFS relative value file indicators (sourced-facts.md §3a)';
const GUIDE = 'sourced-facts.md §3b modifier guide';
const CONV = 'neurostimulator-coding.md §8 (product convention)';

const RAW: z.input<typeof ModifierRuleSchema>[] = [
  {
    id: 'side-one', modifier: 'LT', claim: 'both', needs: ['side'], output: 'modifier',
    codeCondition: 'array and system codes whose nerve is paired (left or right); never generator-only, spinal epidural or gastric codes',
    rule: 'One documented side of a paired structure: LT (left) or RT (right) on the line.',
    source: `${GUIDE} (LT/RT definition, C); ${CONV}`, confidence: 'high',
  },
  {
    id: 'side-one-rt', modifier: 'RT', claim: 'both', needs: ['side'], output: 'modifier',
    codeCondition: 'same codes as LT',
    rule: 'One documented side of a paired structure: RT for the right side.',
    source: `${GUIDE}; ${CONV}`, confidence: 'high',
  },
  {
    id: 'bilateral-50', modifier: '50', claim: 'both', needs: ['side'], output: 'modifier',
    codeCondition: 'codes with Medicare bilateral-surgery indicator 1 (64561, 61880, 61885, 61888, 64568-64570, 64582-64584); not 61863/61867, whose second side is the add-on 61864/61868',
    rule: 'Both sides in one session on a code with bilateral indicator 1: one line, modifier 50, 1 unit (Medicare, 150% of one side).',
    source: `${PFS} BILAT column (C); ${GUIDE} 50 row; ${CONV} (50 vs LT+RT chosen: 50 where BILAT 1)`, confidence: 'high',
  },
  {
    id: 'bilateral-split', modifier: 'LT', claim: 'both', needs: ['side'], output: 'modifier',
    codeCondition: 'sided codes with Medicare bilateral-surgery indicator 0 and one unit per array (64553, 64555, 64575, 64580, 64596 + 64597)',
    rule: 'Both sides on a per-array code without bilateral indicator 1: one LT line and one RT line, each with the arrays of its side (split evenly when the note does not say).',
    source: `${PFS} (BILAT 0: "bilateral/multiple arrays shown by units/LT-RT, not 50"); ${CONV}`, confidence: 'medium',
  },
  {
    id: 'increased-22', modifier: '22', claim: 'professional', needs: ['increasedWork'], output: 'modifier',
    codeCondition: 'any primary (non add-on) code',
    rule: 'Substantially greater work than usual, with its cause (scar, anatomy, obesity, encapsulation) or the extra time documented.',
    source: `${GUIDE} 22 row (C)`, confidence: 'high',
  },
  {
    id: 'reduced-52', modifier: '52', claim: 'professional', needs: ['reduced'], output: 'modifier',
    codeCondition: 'codes whose unit does not already show the reduction (per-session codes covering all arrays); never when units or a side modifier already show that fewer arrays/sides were done',
    rule: 'The physician reduced the service (a part of the coded work was not done) for a reason other than patient safety.',
    source: `${GUIDE} 52 row (definition C; example U)`, confidence: 'medium',
  },
  {
    id: 'discontinued-53', modifier: '53', claim: 'professional', needs: ['discontinued'], output: 'modifier',
    codeCondition: 'any primary code; the procedure was started (after anesthesia or sedation) and stopped',
    rule: 'The physician stopped the procedure after it started because of a risk to the patient.',
    source: `${GUIDE} 53 row (P)`, confidence: 'high',
  },
  {
    id: 'facility-73', modifier: '73', claim: 'facility', needs: ['discontinued'], output: 'facility-note',
    codeCondition: 'facility claim only (hospital outpatient / ASC)',
    rule: 'Facility: procedure discontinued before anesthesia was given.',
    source: `${GUIDE} 73/74 row (P)`, confidence: 'high',
  },
  {
    id: 'facility-74', modifier: '74', claim: 'facility', needs: ['discontinued'], output: 'facility-note',
    codeCondition: 'facility claim only (hospital outpatient / ASC)',
    rule: 'Facility: procedure discontinued after anesthesia was given.',
    source: `${GUIDE} 73/74 row (P)`, confidence: 'high',
  },
  {
    id: 'staged-58', modifier: '58', claim: 'professional', needs: ['staged', 'globalPeriod'], output: 'modifier',
    codeCondition: 'primary codes of the later stage; the session falls inside the global period of the earlier stage',
    rule: 'A planned stage (stage 2, permanent implant after a trial, DBS generator after the leads) by the same physician inside the earlier stage\'s global period.',
    source: 'sourced-facts.md §2b (sacral stage 2, SCS permanent after trial, DBS generator: 58) and §3b 58 row (C definition, P application); neurostimulator-coding.md §3, §8',
    confidence: 'medium',
  },
  {
    id: 'staged-58-question', modifier: '58', claim: 'professional', needs: ['staged'], output: 'question',
    codeCondition: 'planned stage documented, timing relative to the earlier global not documented',
    rule: 'Ask, do not suggest: 58 only when the session falls inside the earlier stage\'s global period.',
    source: CONV, confidence: 'high',
  },
  {
    id: 'return-78', modifier: '78', claim: 'professional', needs: ['returnToOr', 'globalPeriod'], output: 'modifier',
    codeCondition: 'the procedure actually done (revision, removal, replacement); inside the earlier global',
    rule: 'Unplanned return to the operating room for a related problem (hematoma, infection, migration) inside the global period.',
    source: 'sourced-facts.md §2b and §3b 78 row (C definition, P application)', confidence: 'high',
  },
  {
    id: 'unrelated-79', modifier: '79', claim: 'professional', needs: ['returnToOr', 'unrelated', 'globalPeriod'], output: 'modifier',
    codeCondition: 'inside the earlier global, documented as unrelated to it',
    rule: 'Unrelated procedure by the same physician inside a global period.',
    source: 'sourced-facts.md §2b and §3b 79 row (C)', confidence: 'high',
  },
  {
    id: 'return-question', modifier: '78', claim: 'professional', needs: ['returnToOr'], output: 'question',
    codeCondition: 'return to the OR documented, timing not documented',
    rule: 'Ask: 78 (related) or 79 (unrelated) only when the session falls inside the earlier procedure\'s global period.',
    source: CONV, confidence: 'high',
  },
  {
    id: 'cosurgery-62', modifier: '62', claim: 'professional', needs: ['cosurgeon'], output: 'modifier',
    codeCondition: 'codes whose Medicare co-surgery indicator is 1 (with documentation) or 2; on indicator 0 a warning that 62 is not allowed',
    rule: 'Two surgeons, each doing a distinct part of one procedure; each reports the code with 62.',
    source: `${PFS} CO-SURG column (C); ${GUIDE} 62 row`, confidence: 'high',
  },
  {
    id: 'assistant-80', modifier: '80', claim: 'professional', needs: ['assistant'], output: 'modifier',
    codeCondition: 'codes whose Medicare assistant-at-surgery indicator is 2 (payable) or 0 (with a warning: needs documented medical necessity); on indicator 1 a warning that an assistant is not paid',
    rule: 'A physician assistant-at-surgery is documented (the assistant\'s own claim carries 80).',
    source: `${PFS} ASST SURG column (C); ${GUIDE} 80/81/82 row`, confidence: 'high',
  },
  {
    id: 'assistant-82', modifier: '82', claim: 'professional', needs: ['assistant', 'residentUnavailable'], output: 'modifier',
    codeCondition: 'same codes as 80',
    rule: 'Physician assistant-at-surgery in a teaching setting when no qualified resident was available.',
    source: `${PFS}; ${GUIDE} 80/81/82 row`, confidence: 'high',
  },
  {
    id: 'assistant-as', modifier: 'AS', claim: 'professional', needs: ['assistant'], output: 'modifier',
    codeCondition: 'same codes as 80',
    rule: 'The assistant at surgery is a physician assistant, nurse practitioner or clinical nurse specialist.',
    source: `${GUIDE} AS row (P/U); ${PFS}`, confidence: 'medium',
  },
  {
    id: 'distinct-xs', modifier: 'XS', claim: 'both', needs: ['distinct'], output: 'modifier',
    codeCondition: 'only on the second (column 2) code of an NCCI pair with modifier indicator 1, when the note documents a separate structure, site or level',
    rule: 'Separate structure: lets an indicator-1 edit pay when the two services are on different structures.',
    source: 'MLN59 via sourced-facts.md §2a (C); X{EPSU} preferred over 59', confidence: 'high',
  },
  {
    id: 'distinct-xe', modifier: 'XE', claim: 'both', needs: ['separateSession'], output: 'modifier',
    codeCondition: 'only on the second (column 2) code of an NCCI pair with modifier indicator 1, when the note documents a separate encounter',
    rule: 'Separate encounter the same day.',
    source: 'MLN59 via sourced-facts.md §2a (C)', confidence: 'high',
  },
  {
    id: 'distinct-59', modifier: '59', claim: 'both', needs: ['distinct'], output: 'warning',
    codeCondition: 'never suggested by the engine: an X modifier always describes the documented distinction more precisely',
    rule: '59 only when no X modifier fits; never 59 and an X modifier on one line.',
    source: 'MLN59 via sourced-facts.md §2a (C)', confidence: 'high',
  },
];

export const MODIFIER_RULES: ModifierRule[] = RAW.map((r) => ModifierRuleSchema.parse(r));
export const MODIFIER_RULE_BY_ID: ReadonlyMap<string, ModifierRule> = new Map(MODIFIER_RULES.map((r) => [r.id, r]));

/** Modifiers that do not exist. Never emitted; a note that mentions one gets a warning. */
export const NonexistentSchema = z.object({ code: z.string(), reason: z.string().min(10), source: z.string().min(5), confidence: z.enum(['high', 'medium', 'low']) });
export const NONEXISTENT_MODIFIERS = [
  {
    code: '11',
    reason:
      'There is no modifier 11: CPT two-digit modifiers start at 22 and HCPCS Level II modifiers are letters or a letter and a digit. "11" is the place-of-service code for an office (POS 11).',
    source: 'sourced-facts.md §3b row "11" (POS 11: C; absence from modifier lists: P)',
    confidence: 'high',
  },
].map((n) => NonexistentSchema.parse(n));

/** The order in which modifiers are listed on a line: pricing modifiers first, then informational. */
export const MODIFIER_ORDER: readonly string[] = ['22', '50', '52', '53', '58', '62', '78', '79', '80', '82', 'AS', 'XE', 'XS', 'XP', 'XU', '59', 'LT', 'RT'];

/** Facts (not the modifier itself) that must be inside this session's work to count. */
export const PAYMENT_INDICATOR_TEXT = {
  assistant: {
    0: 'assistant paid only with documented medical necessity (ASST indicator 0)',
    1: 'an assistant at surgery is not paid on this code (ASST indicator 1)',
    2: 'assistant at surgery payable (ASST indicator 2)',
  },
  coSurgery: {
    0: 'co-surgery is not allowed on this code (CO-SURG indicator 0)',
    1: 'co-surgery allowed with supporting documentation (CO-SURG indicator 1)',
    2: 'co-surgery allowed (CO-SURG indicator 2)',
  },
} as const;

/**
 * An unplanned return told without the words "return to the OR": today's revision or removal
 * answers a complication of the same surgeon's own earlier implant, inside its global period
 * (dates or an interval). Words as data; the modifier stage reads them (78 needs all three).
 */
export const IMPLIED_RETURN = {
  /** A complication of the earlier implant that brought the patient back. */
  complication: [
    'migrat(?:ed|ion)', 'lost (?:all |most )?(?:coverage|stimulation|paresthesia)', 'loss of (?:coverage|stimulation)', 'wound (?:breakdown|dehiscence)',
    'dehisc(?:ed|ence)', 'erod(?:ed|ing)', 'erosion', 'infect(?:ed|ion)', 'hematoma', 'seroma', 'lead fracture', 'fractured', 'dislodg(?:ed|ement)', 'displaced', 'thinning skin', 'skin thinning',
  ],
  /** The earlier implant was the same surgeon's. */
  ownEarlier: ['by me', 'by myself', 'i (?:placed|implanted|inserted|put in|changed)', 'my (?:earlier |previous |prior )?(?:implant|placement|procedure|surgery|operation)'],
  source: 'sourced-facts.md §2b and §3b 78 row (C definition, P application); test/fixtures/README.md convention on 78',
} as const;

/**
 * Codes that name several parts of a system (64583: the stimulation lead and/or the sensing lead),
 * where work on only one part takes a modifier. The engine reads which parts the device ledger
 * shows worked on (replaced, revised, removed, or new and left in).
 */
export interface PartialSystemRule {
  id: string;
  code: string;
  /** Ledger device kinds that are the code's parts. */
  parts: readonly ('array' | 'sensor' | 'generator')[];
  /** The ledger states that count as work on a part. */
  states: readonly ('pre-replaced' | 'pre-revised' | 'pre-removed' | 'new-left-in')[];
  modifier: string;
  /** Plain words; {part} is the part worked on. */
  reason: string;
  source: string;
}

export const PARTIAL_SYSTEM_RULES: readonly PartialSystemRule[] = [
  {
    id: 'hypoglossal-one-part-52',
    code: '64583',
    parts: ['array', 'sensor'],
    states: ['pre-replaced', 'pre-revised', 'pre-removed', 'new-left-in'],
    modifier: '52',
    reason: '52: only the {part} was replaced or revised; the code covers the stimulation lead and the sensing lead, and Medicare contractors ask for 52 when one of them is done alone (other payers may differ).',
    source: 'shared/domain/sourced-facts.md (64583 one component only: Medicare MAC billing articles); neurostimulator-coding.md §8',
  },
];
