import { z } from '../zod';

/**
 * Reference knowledge base: schemas and types.
 *
 * Every description in this knowledge base is our own plain-language wording. CPT® descriptors
 * are AMA copyright and are never reproduced here. Public-domain CMS facts (global days, fee
 * schedule indicators, HCPCS Level II meanings, NCD/LCD ids) carry their source and year.
 */

/* ------------------------------------------------------------------ sources */

/**
 * Short keys for the sources used across the reference. Each key is described once here; an
 * entry points at a key (plus what it supports) or gives a URL directly. `cite` is how a coder
 * would cite it (what a secondary page summarises, the CMS file and year; our own summary is
 * "OpNote Coder convention"); answers show `cite`, never the key or the working title.
 */
export const SOURCE_REGISTRY = {
  PFS26: {
    title: 'CMS Physician Fee Schedule Relative Value File, CY2026 (July release)',
    url: 'https://www.cms.gov/medicare/payment/fee-schedules/physician/pfs-relative-value-files',
    cite: 'CMS Physician Fee Schedule relative value file, CY2026 (July release)',
    note: 'Public-domain CMS data: status, work RVU, global days and payment-policy indicators.',
  },
  PFS22: {
    title: 'CMS Physician Fee Schedule Relative Value File, CY2022 (January release)',
    url: 'https://www.cms.gov/medicare/payment/fee-schedules/physician/pfs-relative-value-files',
    cite: 'CMS Physician Fee Schedule relative value file, CY2022',
    note: 'Public-domain CMS data, used to cross-check indicators.',
  },
  'PFS19-25': {
    title: 'Per-year extracts of the CMS RVU files 2019-2025 (third-party processing)',
    url: null,
    cite: 'CMS Physician Fee Schedule relative value files, 2019–2025',
    note: 'Secondary; used to date when codes appeared or were reworded.',
  },
  CA: {
    title: 'Coding Ahead code pages',
    url: 'https://www.codingahead.com/',
    cite: 'CPT code descriptor (as summarised by Coding Ahead)',
    note: 'Secondary; only paraphrased here.',
  },
  OP: {
    title: 'OpenPayer code summaries',
    url: 'https://www.openpayer.com/',
    cite: 'CPT code descriptor (as summarised by OpenPayer)',
    note: 'Secondary; only paraphrased here.',
  },
  HIA: {
    title: 'HIAcode blog, neurostimulator procedure guideline review (Oct 2025)',
    url: 'https://hiacode.com/blog/neurostimulator-procedures?hs_amp=true',
    cite: 'CPT neurostimulator section guidelines (as summarised by HIAcode, 2025)',
    note: 'Secondary summary of CPT section guidelines.',
  },
  CPTA11: {
    title: 'CPT Assistant, April 2011 neurostimulator Q&A (as quoted on an AAPC forum thread)',
    url: 'https://www.aapc.com/memberarea/forums/37155-spinal-cord-stimulator-help-billing.html',
    cite: 'CPT Assistant, April 2011 (neurostimulator questions and answers)',
    note: 'AMA guidance quoted by a third party.',
  },
  MCB: {
    title: 'Medical Coding Buff, sacral nerve stimulation coding (Oct 2023)',
    url: 'https://www.medicalcodingbuff.com/sacral-neuromodulation-stimulation-procedure-coding/',
    cite: 'CPT code descriptor of 64561 (as quoted by Medical Coding Buff, 2023)',
    note: 'Secondary, quotes the CPT descriptor of 64561.',
  },
  A56876: {
    title: 'Medicare billing and coding article A56876 (for LCD L37632, spinal cord stimulators)',
    url: 'https://www.cms.gov/medicare-coverage-database/view/article.aspx?articleId=56876',
    cite: 'Medicare billing and coding article A56876 (LCD L37632, spinal cord stimulators)',
    note: "One Medicare contractor's billing rules.",
  },
  MLN59: {
    title: 'CMS MLN fact sheet: Proper use of modifiers 59, XE, XP, XS and XU (MLN1783722)',
    url: 'https://info.5y1.org/hcpcs-codes-with-modifiers_1_3ee17a.html',
    cite: 'CMS MLN1783722, Proper use of modifiers 59, XE, XP, XS and XU',
    note: 'CMS publication (copy).',
  },
  HCPCS20: {
    title: 'CMS HCPCS Level II file, 2020 release',
    url: 'https://www.cms.gov/medicare/coding-billing/healthcare-common-procedure-system',
    cite: 'HCPCS Level II code set (CMS, 2020 file)',
    note: 'Public-domain; 2020 text (the 2026 file was not read).',
  },
  HCPL: {
    title: 'hcpcslookup.com code pages',
    url: 'https://hcpcslookup.com/',
    cite: 'CMS MUE and status values (as displayed by hcpcslookup.com)',
    note: 'Secondary display of CMS status and MUE values.',
  },
  AAPC58: {
    title: 'AAPC Neurosurgery Coding Alert: modifiers 58, 78 and 79',
    url: 'https://aapc.com/codes/coding-newsletters/my-neurosurgery-coding-alert/guidelines-to-distinguish-modifiers-58-78-and-79-article',
    cite: 'AAPC Neurosurgery Coding Alert: modifiers 58, 78 and 79',
    note: 'Secondary; definition of the global-period modifiers.',
  },
  NSREF: {
    title: 'OpNote Coder working reference (our own summary of the code family)',
    url: null,
    cite: 'OpNote Coder convention',
    note: 'Our own summary of the family structure; confidence marks carried over.',
  },
} as const;

export type SourceKey = keyof typeof SOURCE_REGISTRY;
export const SOURCE_KEYS = Object.keys(SOURCE_REGISTRY) as [SourceKey, ...SourceKey[]];

export const ConfidenceSchema = z.enum(['high', 'medium', 'low']);
export type Confidence = z.infer<typeof ConfidenceSchema>;

export const SourceRefSchema = z
  .object({
    key: z.enum(SOURCE_KEYS).optional(),
    url: z.url().optional(),
    what: z.string().min(3).describe('what this source supports'),
  })
  .refine((s) => s.key !== undefined || s.url !== undefined, {
    message: 'a source needs a key or a url',
  });
export type SourceRef = z.infer<typeof SourceRefSchema>;

/* ------------------------------------------------------------------ modifiers */

/**
 * Modifiers that exist (CPT Level I and HCPCS Level II) and matter for this family.
 * Anything outside this list — in particular "11", which is a place-of-service code, not a
 * modifier — fails validation.
 */
export const MODIFIER_CODES = [
  '22', '25', '26', '50', '51', '52', '53', '57', '58', '59', '62', '66', '73', '74', '76', '77',
  '78', '79', '80', '81', '82', 'AS', 'LT', 'RT', 'XE', 'XP', 'XS', 'XU', 'TC', 'GA', 'GY', 'GZ', 'KX',
] as const;
export const ModifierCodeSchema = z.enum(MODIFIER_CODES);
export type ModifierCode = z.infer<typeof ModifierCodeSchema>;

export const ModifierEntrySchema = z.object({
  code: ModifierCodeSchema,
  exists: z.literal(true),
  level: z.enum(['CPT', 'HCPCS']),
  /** Our plain meaning. */
  meaning: z.string().min(5),
  /** When it applies inside the neurostimulator family. */
  whenInFamily: z.string().min(5),
  /** Payment effect and limits. */
  limits: z.string().min(3),
  /** Which claim it belongs on. */
  claim: z.enum(['professional', 'facility', 'both']),
  /** Family codes where the Medicare indicator allows it (empty = not code-restricted). */
  allowedOn: z.array(z.string().regex(/^\d{5}$/)),
  /** False for modifiers the product should only explain, never propose on its own. */
  suggestByDefault: z.boolean(),
  sources: z.array(SourceRefSchema).min(1),
  confidence: ConfidenceSchema,
});
export type ModifierEntry = z.infer<typeof ModifierEntrySchema>;

export const NonexistentModifierSchema = z.object({
  code: z.string(),
  exists: z.literal(false),
  explanation: z.string().min(10),
  sources: z.array(SourceRefSchema).min(1),
  confidence: ConfidenceSchema,
});
export type NonexistentModifier = z.infer<typeof NonexistentModifierSchema>;

/* ------------------------------------------------------------------ devices */

export const DeviceCodeSchema = z.object({
  code: z.string().regex(/^[CL]\d{4}$/),
  /** Our one-line meaning (paraphrase of the HCPCS long descriptor). */
  meaning: z.string().min(5),
  setting: z.enum(['facility', 'supplier']),
  /** Plain note about which claim carries the code. */
  settingNote: z.string().min(5),
  /** Family procedure codes it typically accompanies (empty when outside the family). */
  pairsWith: z.array(z.string().regex(/^\d{5}$/)),
  inFamily: z.boolean(),
  /** National MUE if one was seen, as "practitioner / outpatient hospital"; null = not found. */
  mue: z.string().nullable(),
  notes: z.array(z.string()).default([]),
  sources: z.array(SourceRefSchema).min(1),
  confidence: ConfidenceSchema,
});
export type DeviceCode = z.infer<typeof DeviceCodeSchema>;

/* ------------------------------------------------------------------ payers */

export const PAYERS = ['Aetna', 'Blue Cross Blue Shield', 'Cigna', 'UnitedHealthcare', 'Medicare'] as const;
export const PayerSchema = z.enum(PAYERS);
export type Payer = z.infer<typeof PayerSchema>;

export const PAYER_GROUPS = ['spinal', 'peripheral', 'sacral', 'gastric', 'vagus', 'hypoglossal', 'dbs'] as const;
export const PayerGroupSchema = z.enum(PAYER_GROUPS);
export type PayerGroup = z.infer<typeof PayerGroupSchema>;

export const PAYER_GROUP_LABELS: Record<PayerGroup, string> = {
  spinal: 'Spinal cord stimulation',
  peripheral: 'Peripheral nerve stimulation',
  sacral: 'Sacral (and tibial) neuromodulation',
  gastric: 'Gastric electrical stimulation',
  vagus: 'Vagus / cranial nerve stimulation',
  hypoglossal: 'Hypoglossal nerve (upper-airway) stimulation',
  dbs: 'Deep brain stimulation',
};

export const NOT_AVAILABLE = 'not available' as const;

export const PayerNoteSchema = z
  .object({
    payer: PayerSchema,
    group: PayerGroupSchema,
    status: z.enum(['sourced', 'not-available']),
    /** Our words. Exactly "not available" when nothing is known. */
    note: z.string().min(3),
    /** Policy name/number where one was seen. */
    policy: z.string().nullable(),
    /** Where a hint exists but no position was read (e.g. a related policy name). */
    hint: z.string().optional(),
    source: z.url().nullable(),
    confidence: ConfidenceSchema,
    /** Always true for commercial payers: show "verify current policy". */
    verify: z.boolean(),
  })
  .superRefine((row, ctx) => {
    if (row.status === 'not-available') {
      if (row.note !== NOT_AVAILABLE) ctx.addIssue({ code: 'custom', message: 'not-available rows must say "not available"' });
      if (row.source !== null) ctx.addIssue({ code: 'custom', message: 'not-available rows have no source' });
    } else if (row.source === null) {
      ctx.addIssue({ code: 'custom', message: 'sourced rows need a source url' });
    }
    if (row.payer !== 'Medicare' && !row.verify) {
      ctx.addIssue({ code: 'custom', message: 'commercial payer rows must be marked verify' });
    }
  });
export type PayerNote = z.infer<typeof PayerNoteSchema>;

/* ------------------------------------------------------------------ codes */

export const CODE_GROUPS = [
  'spinal', 'peripheral', 'sacral', 'tibial', 'gastric', 'cranial-nerve', 'hypoglossal', 'dbs', 'cranial-generator', 'programming',
] as const;
export const CodeGroupSchema = z.enum(CODE_GROUPS);
export type CodeGroup = z.infer<typeof CodeGroupSchema>;

export const CODE_GROUP_LABELS: Record<CodeGroup, string> = {
  spinal: 'Spinal cord (epidural) stimulation',
  peripheral: 'Peripheral nerve and neuromuscular stimulation',
  sacral: 'Sacral nerve stimulation',
  tibial: 'Posterior tibial nerve stimulation',
  gastric: 'Gastric (antrum) stimulation',
  'cranial-nerve': 'Cranial nerve (vagus) stimulation',
  hypoglossal: 'Hypoglossal nerve (upper-airway) stimulation',
  dbs: 'Deep brain stimulation electrodes',
  'cranial-generator': 'Cranial neurostimulator generators (DBS, VNS)',
  programming: 'Analysis and programming (reference only)',
};

export const TargetSchema = z.enum([
  'spinal', 'peripheral', 'sacral', 'tibial', 'gastric', 'cranial-nerve', 'hypoglossal', 'intracranial', 'neuromuscular',
]);
export type Target = z.infer<typeof TargetSchema>;

export const ComponentSchema = z.enum([
  'array', // lead / electrode array
  'paddle', // plate or paddle array placed through a laminotomy
  'generator', // pulse generator or receiver
  'array-and-generator', // both parts, reported with one code
  'system', // array, generator and sensor together (hypoglossal)
  'integrated', // array with the stimulator built in
  'needle', // needle electrode, nothing left implanted
  'none', // analysis / programming
]);
export type Component = z.infer<typeof ComponentSchema>;

export const ApproachSchema = z.enum(['percutaneous', 'open', 'laminotomy', 'laparoscopic', 'stereotactic', 'any', 'none']);
export type Approach = z.infer<typeof ApproachSchema>;

export const ActionSchema = z.enum([
  'insertion',
  'insertion-or-replacement',
  'revision-or-replacement',
  'revision-or-removal',
  'removal',
  'treatment',
  'analysis',
  'analysis-programming',
]);
export type Action = z.infer<typeof ActionSchema>;

export const UnitKindSchema = z.enum(['per-array', 'per-session', 'per-additional-array', 'per-treatment']);
export type UnitKind = z.infer<typeof UnitKindSchema>;

export const GlobalDaysSchema = z.enum(['000', '010', '090', 'ZZZ', 'YYY', 'XXX']);
export type GlobalDays = z.infer<typeof GlobalDaysSchema>;

const Indicator = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(9)]).nullable();

export const MedicareSchema = z.object({
  /** A = active, nationally priced; C = contractor-priced. */
  status: z.enum(['A', 'C', 'I']),
  multiple: Indicator,
  bilateral: Indicator,
  assistant: Indicator,
  coSurgery: Indicator,
  team: Indicator,
  /** CY2026 work RVU; null when contractor-priced. */
  workRvu2026: z.number().nullable(),
  /** Whether CY2026 prices the code in the office (non-facility); null when contractor-priced. */
  officePriced: z.boolean().nullable(),
  note: z.string().optional(),
  source: SourceRefSchema,
});
export type Medicare = z.infer<typeof MedicareSchema>;

export const SiteSchema = z.enum(['office', 'ambulatory surgery center', 'hospital outpatient', 'hospital inpatient']);

const CodeString = z.string().regex(/^\d{4}[0-9T]$/);

/** The fields of a code entry that its consistency checks read. */
interface CodeRefChecked {
  code: string;
  globalDays: GlobalDays;
  addOnTo?: string[];
  medicare: Medicare;
  component: Component;
  target: Target[];
  commonModifiers: { modifier: ModifierCode }[];
}

/** An add-on code (ZZZ) names its primaries in addOnTo; any other code names none. */
function checkAddOn(c: CodeRefChecked, issue: (message: string) => void): void {
  const isAddOn = c.globalDays === 'ZZZ';
  if (isAddOn && (!c.addOnTo || c.addOnTo.length === 0)) issue('add-on code (ZZZ) needs addOnTo');
  if (!isAddOn && c.addOnTo && c.addOnTo.length > 0) issue('addOnTo given but global is not ZZZ');
}

const SIDED_TARGETS: readonly Target[] = ['peripheral', 'sacral', 'cranial-nerve', 'hypoglossal', 'neuromuscular'];
const ARRAY_LIKE: readonly Component[] = ['array', 'array-and-generator', 'system', 'integrated'];

/**
 * What a listed common modifier needs of its code, one rule per modifier family, checked in
 * this order: `applies` picks the modifiers, `conflicts` says the code does not support it.
 */
const COMMON_MODIFIER_RULES: readonly {
  applies: (modifier: ModifierCode) => boolean;
  conflicts: (c: CodeRefChecked) => boolean;
  message: (modifier: ModifierCode) => string;
}[] = [
  {
    applies: (mod) => mod === '50',
    conflicts: (c) => c.medicare.bilateral !== 1,
    message: () => 'modifier 50 listed but BILAT is not 1',
  },
  {
    applies: (mod) => mod === '62',
    conflicts: (c) => c.medicare.coSurgery !== 1 && c.medicare.coSurgery !== 2,
    message: () => 'modifier 62 listed but CO-SURG is not 1 or 2',
  },
  {
    applies: (mod) => mod === '66',
    conflicts: (c) => c.medicare.team !== 1 && c.medicare.team !== 2,
    message: () => 'modifier 66 listed but TEAM is not 1 or 2',
  },
  {
    applies: (mod) => ['80', '81', '82', 'AS'].includes(mod),
    conflicts: (c) => c.medicare.assistant !== 2 && c.medicare.assistant !== 0,
    message: (mod) => `modifier ${mod} listed but ASST is not 2 (or 0 with documentation)`,
  },
  {
    applies: (mod) => mod === '51',
    conflicts: (c) => c.globalDays === 'ZZZ' || c.globalDays === 'XXX',
    message: () => 'modifier 51 on an add-on or XXX code',
  },
  {
    applies: (mod) => mod === 'LT' || mod === 'RT',
    conflicts: (c) => !(ARRAY_LIKE.includes(c.component) && c.target.some((t) => SIDED_TARGETS.includes(t))),
    message: () => 'LT/RT only on array codes with a sided nerve target',
  },
  {
    applies: (mod) => mod === '26' || mod === 'TC',
    conflicts: () => true,
    message: () => '26/TC never apply to implant or programming codes',
  },
];

/** Report each rule a listed common modifier breaks, in rule order. */
function checkCommonModifier(c: CodeRefChecked, modifier: ModifierCode, issue: (message: string) => void): void {
  for (const rule of COMMON_MODIFIER_RULES) {
    if (rule.applies(modifier) && rule.conflicts(c)) issue(rule.message(modifier));
  }
}

export const CodeRefSchema = z
  .object({
    code: z.string().regex(/^\d{5}$/),
    group: CodeGroupSchema,
    payerGroups: z.array(PayerGroupSchema),
    /** 3-8 word plain label, our own. */
    short: z.string().refine((s) => {
      const n = s.trim().split(/\s+/).length;
      return n >= 3 && n <= 8;
    }, 'short label must be 3-8 words'),
    /** 1-2 sentences, our own words. */
    description: z.string().min(20).max(400),
    target: z.array(TargetSchema).min(1),
    component: ComponentSchema,
    approach: ApproachSchema,
    action: ActionSchema,
    requires: z.array(z.string().min(3)),
    includes: z.array(z.string().min(3)),
    unitRule: z.object({
      kind: UnitKindSchema,
      text: z.string().min(5),
      confidence: ConfidenceSchema,
    }),
    addOnTo: z.array(z.string().regex(/^\d{5}$/)).optional(),
    globalDays: GlobalDaysSchema,
    medicare: MedicareSchema,
    typicalSetting: z.string().min(5),
    siteOfService: z.array(SiteSchema).min(1),
    confusableWith: z.array(z.object({ code: CodeString, difference: z.string().min(5) })),
    commonModifiers: z.array(z.object({ modifier: ModifierCodeSchema, when: z.string().min(5) })),
    deviceCodes: z.array(
      z.object({ code: z.string().regex(/^[CL]\d{4}$/), setting: z.enum(['facility', 'supplier']), note: z.string().optional() }),
    ),
    indications: z.array(
      z.object({ icd10: z.string().regex(/^[A-Z]\d{2}(\.[0-9A-Z]{0,4})?-?$/), label: z.string().min(3), confidence: ConfidenceSchema }),
    ),
    keywords: z.array(z.string().min(2)),
    abbreviations: z.array(z.string().min(2)),
    /** Rules and cautions in plain words. */
    notes: z.array(z.string()).default([]),
    /** Points that are not confirmed and must be shown as "verify". */
    verify: z.array(z.string()).default([]),
    /** True for codes kept only for reference (programming), not suggested from an operative note. */
    referenceOnly: z.boolean().default(false),
    sources: z.array(SourceRefSchema).min(1),
    confidence: ConfidenceSchema,
  })
  .superRefine((c, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: 'custom', message: `${c.code}: ${message}` });
    checkAddOn(c, issue);
    for (const { modifier } of c.commonModifiers) checkCommonModifier(c, modifier, issue);
  });
export type CodeRef = z.infer<typeof CodeRefSchema>;
export type CodeRefInput = z.input<typeof CodeRefSchema>;

export const ReferenceSchema = z
  .object({
    codes: z.array(CodeRefSchema).min(1),
    devices: z.array(DeviceCodeSchema),
    payers: z.array(PayerNoteSchema),
    modifiers: z.array(ModifierEntrySchema),
    nonexistentModifiers: z.array(NonexistentModifierSchema),
  })
  .superRefine((ref, ctx) => {
    const seen = new Set<string>();
    for (const c of ref.codes) {
      if (seen.has(c.code)) ctx.addIssue({ code: 'custom', message: `duplicate code ${c.code}` });
      seen.add(c.code);
    }
    const deviceSet = new Set(ref.devices.map((d) => d.code));
    for (const c of ref.codes) {
      for (const d of c.deviceCodes) {
        if (!deviceSet.has(d.code)) ctx.addIssue({ code: 'custom', message: `${c.code}: device ${d.code} not in the device list` });
      }
      for (const a of c.addOnTo ?? []) {
        if (!seen.has(a)) ctx.addIssue({ code: 'custom', message: `${c.code}: addOnTo ${a} is not a known code` });
      }
    }
    const bad = ref.nonexistentModifiers.map((n) => n.code);
    for (const m of ref.modifiers) {
      if (bad.includes(m.code)) ctx.addIssue({ code: 'custom', message: `modifier ${m.code} is listed as nonexistent` });
    }
  });
export type Reference = z.infer<typeof ReferenceSchema>;
export type ReferenceInput = z.input<typeof ReferenceSchema>;
