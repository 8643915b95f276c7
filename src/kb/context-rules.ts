import { z } from './zod';

/**
 * Assertion-context rules (ConText / medspaCy style: the rules are data, the algorithm is
 * in src/engine/context/context.ts).
 *
 * Literal syntax (matched against lower-cased wink-nlp tokens, so "s/p" is the three tokens
 * "s", "/", "p" and "didn't" is "did", "n't"):
 *   - words are separated by spaces; every word must match one token (or the token sequence
 *     the word splits into, e.g. "s/p");
 *   - `a|b|c` lists alternatives for one word;
 *   - a trailing `*` makes an alternative a prefix ("deni*" matches "denies", "denied");
 *   - `<AUX>` (or `<AUX|VERB>`) matches any one token with that wink part of speech;
 *   - `word@AUX` matches the word only when wink tags it with that part of speech
 *     ("may@AUX" is the modal, not the month);
 *   - `<YEAR>` matches a four-digit year 1900-2099 ("in 2019");
 *   - `<LISTNUM>` matches a one- or two-digit number (a list item: "2)").
 *
 * Categories and directions:
 *   - NEGATED_EXISTENCE / HISTORICAL / HYPOTHETICAL triggers reach FORWARD (the tokens after the
 *     cue), BACKWARD (before it) or BIDIRECTIONAL, up to `maxScope` word tokens (defaults in
 *     context.ts: 8 for negation and hypothetical, 4 for historical).
 *   - PSEUDO phrases ("without difficulty", "no change") are matched like triggers and, being
 *     longer, win over the trigger they contain, which then does nothing.
 *   - TERMINATE phrases ("but", "however", "which", ...) end every scope that reaches them, or
 *     only the scopes of the categories listed in `terminates`.
 *   - `section: true` rules are matched against section headers only ("PAST MEDICAL HISTORY:"
 *     split off as its own section): the cue then covers the whole body of that section, unless
 *     a TERMINATE phrase of its category stands before the target in the target's sentence.
 *
 * Sources (the `source` field of each rule says which one applies):
 *   - "opnote": written for this project (operative-note phrasing).
 *   - "negex": NegEx trigger list v1.2 (Wendy W. Chapman; package GeneralNegEx.Java.v.1.2,
 *     chapmanbe/negex, Copyright 2008 Imre Solti, Apache License 2.0). Phrases taken or adapted
 *     (joined into `|` alternatives); changes: regrouped, directions restated as ConText directions.
 *   - "medspacy": medspaCy resources/en/context_rules.json (Copyright (c) 2020 medspacy,
 *     MIT License). Phrases taken or adapted from its literals and token patterns.
 *   - "pycontextnlp": pyConTextNLP KB/lexical_kb_05042016.tsv (Copyright 2010 Brian E. Chapman,
 *     Apache License 2.0). Historical / future phrases adapted.
 *   - "fastcontext": FastContext conf/context.txt (Copyright 2017 The Department of Biomedical
 *     Informatics, University of Utah, Apache License 2.0; its NOTICE file carries that copyright
 *     line; rules partly contributed by Olga Patterson and Guy Divita). Historical / conditional /
 *     negation phrases adapted (regrouped, some limited to target kinds), windows taken as `maxScope`.
 *   - "negspacy": negspacy termsets, `en_clinical_sensitive` (Copyright (c) 2019 Jeno Pizarro,
 *     MIT License). Discharge-teaching phrases ("if you experience", "educated the patient"),
 *     which negspacy files as negations, are read here as hypothetical.
 * The genConText lists (no licence) are used for evaluation only and nothing here comes from them.
 * The copyright lines, the NOTICE line and the Apache-2.0 and MIT licence texts ship with the app in
 * public/THIRD-PARTY-NOTICES.txt (served as /THIRD-PARTY-NOTICES.txt, precached for offline use).
 */

export const CONTEXT_CATEGORIES = ['NEGATED_EXISTENCE', 'HISTORICAL', 'HYPOTHETICAL', 'PSEUDO', 'TERMINATE'] as const;
export const CONTEXT_DIRECTIONS = ['FORWARD', 'BACKWARD', 'BIDIRECTIONAL', 'TERMINATE', 'PSEUDO'] as const;
export const TRIGGER_CATEGORIES = ['NEGATED_EXISTENCE', 'HISTORICAL', 'HYPOTHETICAL'] as const;
export type TriggerCategory = (typeof TRIGGER_CATEGORIES)[number];

export const ContextRuleSchema = z
  .object({
    literal: z.string().min(1),
    category: z.enum(CONTEXT_CATEGORIES),
    direction: z.enum(CONTEXT_DIRECTIONS),
    maxScope: z.number().int().positive().optional(),
    /** For TERMINATE rules: the categories whose scopes this phrase ends (default: all). */
    terminates: z.array(z.enum(TRIGGER_CATEGORIES)).nonempty().optional(),
    /** A BACKWARD scope normally stops at ":" (a label); a template check box reaches over it to the label. */
    crossesLabel: z.boolean().optional(),
    /** A FORWARD scope of an unchecked box ("[ ] IPG replaced") covers its item up to the next box, verbs included. */
    checkboxItem: z.boolean().optional(),
    /** A FORWARD negation that runs through verbs to the clause end ("no part of the system was exposed, revised or removed"). */
    throughVerbs: z.boolean().optional(),
    /** The literal names a section header; the cue covers the body of the section it heads. */
    section: z.boolean().optional(),
    /**
     * Target kinds the cue applies to (medspaCy's `allowed_types`): the engine's fact kinds
     * ("component", "action", ...) or "condition" (a symptom, finding or disease, what the assert
     * CLI reads by default). A target of another kind, or of no kind, is not reached.
     */
    allowedKinds: z.array(z.string().min(1)).nonempty().optional(),
    /**
     * Target kinds the cue never applies to (medspaCy's `excluded_types`).
     * Rules that do not reach a target's kind are set aside before overlapping cues are resolved
     * (longest first), so a kind-limited literal longer than a general one it overlaps does not hide
     * the general one from other kinds.
     */
    excludedKinds: z.array(z.string().min(1)).nonempty().optional(),
    source: z.string().min(1),
  })
  .strict()
  .superRefine((r, ctx) => {
    const trigger = (TRIGGER_CATEGORIES as readonly string[]).includes(r.category);
    const ok = trigger
      ? r.direction === 'FORWARD' || r.direction === 'BACKWARD' || r.direction === 'BIDIRECTIONAL'
      : r.direction === r.category;
    if (!ok) ctx.addIssue({ code: 'custom', message: `direction ${r.direction} does not fit category ${r.category}` });
    if (r.terminates && r.category !== 'TERMINATE') ctx.addIssue({ code: 'custom', message: '`terminates` is only for TERMINATE rules' });
    if (r.section && !trigger) ctx.addIssue({ code: 'custom', message: '`section` is only for trigger rules' });
    if ((r.allowedKinds || r.excludedKinds) && !trigger) ctx.addIssue({ code: 'custom', message: '`allowedKinds` / `excludedKinds` are only for trigger rules' });
    if (r.allowedKinds && r.excludedKinds) ctx.addIssue({ code: 'custom', message: 'use `allowedKinds` or `excludedKinds`, not both' });
  });

export type ContextRule = z.infer<typeof ContextRuleSchema>;

type Cat = ContextRule['category'];
type Dir = ContextRule['direction'];

/** Optional fields a group of rules shares. */
type RuleExtra = Partial<Pick<ContextRule, 'maxScope' | 'crossesLabel' | 'section' | 'checkboxItem' | 'throughVerbs'>> & {
  terminates?: TriggerCategory[];
  allowedKinds?: string[];
  excludedKinds?: string[];
};

/** Short builder so the table below stays readable. */
function rules(category: Cat, direction: Dir, source: string, literals: string[], extra: RuleExtra = {}): ContextRule[] {
  const fields: Partial<ContextRule> = {};
  if (extra.maxScope) fields.maxScope = extra.maxScope;
  if (extra.terminates) fields.terminates = extra.terminates as [TriggerCategory, ...TriggerCategory[]];
  for (const flag of ['crossesLabel', 'section', 'checkboxItem', 'throughVerbs'] as const) if (extra[flag]) fields[flag] = true;
  if (extra.allowedKinds) fields.allowedKinds = extra.allowedKinds as [string, ...string[]];
  if (extra.excludedKinds) fields.excludedKinds = extra.excludedKinds as [string, ...string[]];
  return literals.map((literal) => ({ literal, category, direction, source, ...fields }));
}

/**
 * The target kind of a clinical condition (symptom, finding, disease): what the assert CLI reads
 * by default, and never one of the engine's own mentions (devices, actions, approaches, ...).
 */
export const CONDITION_KIND = 'condition';
/** Cues about illness ("resolved", "former", "quit") reach conditions only, never device work. */
export const CONDITIONS: RuleExtra = { allowedKinds: [CONDITION_KIND] };
/** Cues about work ("placed nine days ago") reach everything but conditions. */
export const NOT_CONDITIONS: RuleExtra = { excludedKinds: [CONDITION_KIND] };

const N = 'NEGATED_EXISTENCE';
const HIST = 'HISTORICAL';
const HYP = 'HYPOTHETICAL';

const RAW_RULES: ContextRule[] = [
  // ---------------------------------------------------------------- negation, forward
  ...rules(N, 'FORWARD', 'negex', [
    'no',
    'not',
    "n't",
    'without',
    'with no',
    'absence of',
    'free of',
    'negative|neg|-ve for',
    'no known',
    'fails to reveal',
    'never developed|had',
    'no evidence|sign|signs|suggestion|findings|complaints of|for|to',
    'no new|other evidence of|for',
    'no abnormal|significant|suspicious',
    'not appear|appreciate|demonstrate|exhibit|reveal|see|had|have',
    'not associated with',
    'not complain of',
    'not known to have',
    'cannot see',
    'rather than',
    'unremarkable for',
    'without any|evidence|indication|sign of|for',
    'without any evidence|indication|sign of|for',
    'denies|denied|deny|denying',
    'declines|declined|decline|declining',
    'ruled|rules out',
    'ruled|rules him|her|them|the|patient|pt out',
  ]),
  ...rules(N, 'FORWARD', 'medspacy', ['lack of', 'lacked|lacking', 'no longer', 'none of the', 'inconsistent with']),
  ...rules(N, 'FORWARD', 'opnote', [
    'no new', // "no new pocket was needed" (one cue, so "new" does not end the scope)
    'did|does|do not|n\'t', // "did not" (the verb after it stays inside the scope)
    'was|were|is|are not|n\'t', // forward part; the passive "was not <verb>" below reaches back
    'unable to',
    'instead of',
    'in lieu of',
    'neither',
    'nor',
    'never',
  ]),
  ...rules(N, 'FORWARD', 'opnote', ['deferred|forgone|omitted'], { maxScope: 4 }),

  // lists of symptoms run long ("denies any palpitations, shortness of breath, chest pain, headache
  // or lightheadedness"): for conditions the list openers reach 15 words (ConText itself reaches to
  // the sentence end); device mentions keep the 8-word default
  ...rules(N, 'FORWARD', 'negex', ['denies|denied|deny|denying', 'no', 'negative|neg|-ve for', 'free of', 'absence of', 'without'], { ...CONDITIONS, maxScope: 15 }),
  // a condition that went away is not present: "the leg paresthesias resolved", "resolved pneumonia",
  // "lumbar radiculopathy, resolved" (the comma is part of the cue so the scope reaches over it)
  ...rules(N, 'BACKWARD', 'opnote', ['resolved', ', resolved', 'has|have|had resolved', 'appears|appear|seems|seem to have resolved', 'appears|appear|seems|seem have resolved'], { ...CONDITIONS, maxScope: 8 }),
  ...rules(N, 'FORWARD', 'fastcontext', ['resolved'], { ...CONDITIONS, maxScope: 3 }),
  // pyConTextNLP PROBABLE_NEGATED_EXISTENCE: "there is a low suspicion for infection"
  ...rules(N, 'FORWARD', 'pycontextnlp', ['low suspicion|probability|likelihood for|of']),
  // "I do not believe the lead has migrated": the whole clause is what is not believed
  ...rules(N, 'FORWARD', 'opnote', ['do|does|did not|n\'t believe|think|feel|suspect'], { maxScope: 12, throughVerbs: true }),
  // NegEx "no evidence to suggest", FastContext "no findings to suggest": the finding after the verb
  ...rules(N, 'FORWARD', 'negex', ['no|without evidence|findings|signs to suggest', 'no|without evidence|findings|signs suggesting|indicating', 'no|without evidence|findings|signs suggestive of']),
  // "Former smoker", "TOBACCO: quit in 1998": a habit given up is not present (conditions only;
  // "the former pocket" stays historical)
  ...rules(N, 'FORWARD', 'opnote', ['former|ex', 'quit|quitting|stopped'], { ...CONDITIONS, maxScope: 3 }),
  ...rules(N, 'BACKWARD', 'opnote', ['quit|quitting|stopped|discontinued'], { ...CONDITIONS, maxScope: 3, crossesLabel: true }),
  // a review of systems names a sense or function that did not change: "no change in vision or hearing".
  // Longer than the PSEUDO "no change" (stable imaging: "no change in the nodule", "no change in lead
  // position"), so it wins for these domains only, and the list after it is negated too (conditions).
  ...rules(N, 'FORWARD', 'opnote', [
    'no|without change|changes in vision|hearing|sensation|strength|appetite|weight|speech|gait|balance|memory|mood|bowel|bowels|bladder|urination|continence|sleep|taste|smell|cognition|mentation|behavior|behaviour',
  ], { ...CONDITIONS, maxScope: 15 }),
  // FastContext "none" forward: "None mitral regurgitation." (conditions only: in a note "none" before a device word is a template)
  ...rules(N, 'FORWARD', 'fastcontext', ['none'], { ...CONDITIONS, maxScope: 3 }),

  // ---------------------------------------------------------------- negation, backward (post-negation)
  ...rules(N, 'BACKWARD', 'negex', [
    'is|are|was|were|has|have been ruled out',
    'unlikely',
  ]),
  // "pain free", "tumor free": a condition; "pulled back to free it" names no absent device
  ...rules(N, 'BACKWARD', 'negex', ['free'], CONDITIONS),
  ...rules(N, 'FORWARD', 'medspacy', [': no']),
  ...rules(N, 'BACKWARD', 'medspacy', [': none|no', 'now resolved', 'was|is|are negative', 'are|is not evident', 'not seen|identified|appreciated']),
  // template check boxes: "Lead revision: [ ] Yes  [x] No", "Pocket revised: Yes [ ] No [x]",
  // "Laparoscopy: [ ] Yes [x] N/A"; an unchecked box before an item ("[ ] generator placement")
  ...rules(N, 'BACKWARD', 'opnote', ['[ x ] no|none|not', '[ x ] n/a', '[ x ] na', 'no|none [ x ]', '( x ) no'], { maxScope: 12, crossesLabel: true }),
  // "today's operation is unrelated to the VNS": that system is not what was worked on
  ...rules(N, 'FORWARD', 'opnote', ['unrelated to', 'not related to', 'separate from'], { maxScope: 5 }),
  // a label answered in words: "Right side: Not done", "| Generator | None placed today |"
  ...rules(N, 'BACKWARD', 'opnote', ['not done|performed|placed|used|needed|required|opened|entered|touched', 'none placed|used|made|created|implanted'], { maxScope: 4, crossesLabel: true }),
  ...rules(N, 'FORWARD', 'opnote', ['none|nothing placed|implanted|inserted|created|made|used'], { maxScope: 2 }),
  ...rules(N, 'FORWARD', 'opnote', ['[ ]', '( )', '☐', '□', '❏'], { maxScope: 8, checkboxItem: true }),
  ...rules(N, 'FORWARD', 'opnote', ['no part|portion|component|element of', 'none of the', 'neither the'], { maxScope: 14, throughVerbs: true }),
  ...rules(N, 'BACKWARD', 'opnote', [
    // passive negation: "fluoroscopy was not used", "a new pocket was not created"
    'was|were|is|are|be|been not|n\'t <VERB>',
    'was|were|is|are not|n\'t <ADV> <VERB>',
    // "a new generator was therefore not opened"
    'was|were|is|are <ADV> not|n\'t <VERB>',
    // elliptical: "pocket revision not needed", "fluoroscopy not used"
    'not|n\'t performed|done|needed|required|necessary|indicated|used|attempted|undertaken|obtained|created|made|placed|encountered|noted|present',
    'was|were|is|are|been deferred|declined|cancelled|canceled|aborted|omitted|forgone|abandoned',
    'none',
  ], { maxScope: 6 }),

  // ---------------------------------------------------------------- historical
  // list openers reach further: "history of diabetes, dementia, hypertension, ..."
  ...rules(HIST, 'FORWARD', 'medspacy', ['history|hx of', 'h/o'], { maxScope: 15 }),
  // history sections and their openers run over long lists ("Past medical history is significant
  // for diabetes, hypertension, ..."); "who", "presents", ", the" still end them
  ...rules(HIST, 'FORWARD', 'medspacy', ['past history of', 'past medical|surgical history of', 'past medical|surgical history'], { maxScope: 30 }),
  ...rules(HIST, 'FORWARD', 'fastcontext', ['past history'], { maxScope: 30 }),
  ...rules(HIST, 'FORWARD', 'opnote', [
    'past medical|surgical history :',
    'medical|surgical|social|psychiatric history :',
    'pmh|psh :',
    'medical|surgical history significant|positive|notable for',
    'medical|surgical history is|was significant|positive|notable for',
  ], { maxScope: 30 }),
  ...rules(HIST, 'FORWARD', 'opnote', ['past medical|surgical history', 'medical|surgical|social|psychiatric history', 'past history', 'pmh', 'psh'], { section: true }),
  // an allergy list is a standing part of the history ("ALLERGIES: penicillin causes hives"); conditions only,
  // so a device or action named under that header is not touched
  ...rules(HIST, 'FORWARD', 'opnote', ['allergies|allergy'], { ...CONDITIONS, section: true }),
  // "no known drug allergies", "no known history of seizures": never, over the lifetime (negated and, on
  // its own axis, historical; the single label stays negated)
  ...rules(HIST, 'FORWARD', 'pycontextnlp', ['no known'], { ...CONDITIONS, maxScope: 4 }),
  ...rules(HIST, 'FORWARD', 'pycontextnlp', ['remote', 'known']),
  ...rules(HIST, 'FORWARD', 'opnote', ['status post', 's/p', 'in the past']),
  // "s/p recent lead revision": the revision is over however recent ("recent" alone ends a history scope)
  ...rules(HIST, 'FORWARD', 'opnote', ['status post recent', 's/p recent', 'status post a recent', 's/p a recent']),
  // small scopes: these modify the next few words only ("the existing pocket", "the previously implanted generator")
  ...rules(HIST, 'BIDIRECTIONAL', 'opnote', ['previously|originally|prior'], { maxScope: 3 }),
  // device-age adjectives describe the device, not what is done to it today ("Old lead withdrawn")
  ...rules(HIST, 'FORWARD', 'opnote', ['existing|preexisting|pre-existing|old|original|indwelling|retained'], { maxScope: 3, excludedKinds: ['action'] }),
  ...rules(HIST, 'FORWARD', 'opnote', [
    'previous|former',
    'last year|month|time',
    'had been',
    'had|has|have undergone|received',
  ], { maxScope: 3 }),
  ...rules(HIST, 'BACKWARD', 'fastcontext', ['in the past', 'last year|month|time']),
  // Work done days ago is an earlier session ("the lead I placed nine days ago", "placed last week");
  // a symptom of the last days is current (FastContext, like the Chapman annotators, counts two
  // weeks as recent), so for conditions only months, years and "weeks ago" (two or more) are history.
  ...rules(HIST, 'BACKWARD', 'fastcontext', ['ago', 'last week'], NOT_CONDITIONS),
  ...rules(HIST, 'FORWARD', 'opnote', ['last week'], { ...NOT_CONDITIONS, maxScope: 3 }),
  ...rules(HIST, 'BACKWARD', 'fastcontext', ['month|months|year|years|yr|yrs|weeks|decade|decades ago']),
  // "Nine days ago I placed the lead": a time phrase opening the sentence dates what follows
  ...rules(HIST, 'FORWARD', 'opnote', ['ago'], { ...NOT_CONDITIONS, maxScope: 8 }),
  ...rules(HIST, 'FORWARD', 'opnote', ['month|months|year|years|yr|yrs|weeks|decade|decades ago'], { maxScope: 8 }),
  ...rules(HIST, 'BACKWARD', 'opnote', ['already in place', 'in place from before'], { maxScope: 6 }),
  // "the leads were placed at that time" (work, i.e. an earlier session; a condition "at that time" is
  // often a moment of the present illness: "she was confused at that time")
  ...rules(HIST, 'BACKWARD', 'opnote', ['at that time', 'at the time'], { ...NOT_CONDITIONS, maxScope: 6 }),
  ...rules(HIST, 'FORWARD', 'opnote', ['at the time of'], { ...NOT_CONDITIONS, maxScope: 8 }),
  // "his seizure history", "the patient's coronary artery disease history" (not "history of", which
  // reaches forward, nor "history and physical", a PSEUDO phrase). Conditions only: in a note a
  // "Device history" table title or a next-line "Hx" label would date the device or the action.
  ...rules(HIST, 'BACKWARD', 'medspacy', ['history'], { ...CONDITIONS, maxScope: 3 }),
  // family history: what a relative had (ConText puts it on its experiencer axis; it is not this patient's
  // current condition either): "family history of colon polyps", "FH is positive for a sister with ..."
  ...rules(HIST, 'FORWARD', 'medspacy', ['family history|hx', 'fh'], { maxScope: 12 }),
  // a calendar year dates the clause: "the generator was implanted in 2016", "In March 2019 a paddle was placed"
  ...rules(HIST, 'BACKWARD', 'opnote', [
    'in|since|from <YEAR>',
    'in|since|from january|february|march|april|may|june|july|august|september|october|november|december <YEAR>',
  ], { maxScope: 6 }),
  ...rules(HIST, 'FORWARD', 'opnote', [
    'in <YEAR>',
    'in january|february|march|april|may|june|july|august|september|october|november|december <YEAR>',
  ], { maxScope: 4 }),
  // a month or season already gone (FastContext "last march", "since spring"): "the generator placed last
  // March", "Last fall she had a stroke"; "may" is left out ("the last may be")
  ...rules(HIST, 'BACKWARD', 'fastcontext', [
    'last|since january|february|march|april|june|july|august|september|october|november|december|spring|summer|fall|autumn|winter',
  ], { maxScope: 6 }),
  ...rules(HIST, 'FORWARD', 'opnote', [
    'last january|february|march|april|june|july|august|september|october|november|december|spring|summer|fall|autumn|winter',
  ], { maxScope: 4 }),
  // a stretch of years (FastContext "> 0 years of"): "twenty years of diabetes"; a life stage: "asthma as
  // a child", "childhood seizures" (not "at age N": "at age 70 he is active" is today); a healed injury
  // (pyConTextNLP "healed")
  ...rules(HIST, 'FORWARD', 'fastcontext', ['<NUM> years|yrs|months|decades of'], { ...CONDITIONS, maxScope: 6 }),
  ...rules(HIST, 'BIDIRECTIONAL', 'opnote', ['as a child|teenager|teen|youth|boy|girl|baby|infant', 'in childhood|infancy|adolescence', 'since childhood|birth'], { ...CONDITIONS, maxScope: 6 }),
  ...rules(HIST, 'FORWARD', 'opnote', ['childhood'], { ...CONDITIONS, maxScope: 2 }),
  // a decade of the calendar ("back surgery in the 1990s"; not "in the 90s", a blood pressure, nor "in her
  // sixties", an age), a habit given up ("he used to drink heavily"), "formerly" (conditions only)
  ...rules(HIST, 'BIDIRECTIONAL', 'opnote', [
    'in|during|since the 1930s|1940s|1950s|1960s|1970s|1980s|1990s|2000s',
    'as a young man|woman|adult',
  ], { ...CONDITIONS, maxScope: 6 }),
  ...rules(HIST, 'FORWARD', 'opnote', ['used to', 'formerly'], { ...CONDITIONS, maxScope: 6 }),
  // "past" before a list of what happened: "past surgeries include appendectomy and tonsillectomy",
  // "a past episode of syncope" (conditions only)
  ...rules(HIST, 'FORWARD', 'opnote', [
    'past|previous|prior surgeries|surgery|operations|procedures|illnesses|diagnoses|problems|episode|episodes|admissions|hospitalizations|infections',
  ], { ...CONDITIONS, maxScope: 15 }),
  ...rules(HIST, 'BIDIRECTIONAL', 'pycontextnlp', ['healed'], { ...CONDITIONS, maxScope: 3 }),
  // repeated episodes of care are the patient's history, whatever today's reason: "she is admitted
  // frequently for pancreatitis", "multiple hospitalizations for COPD exacerbations" (conditions only)
  ...rules(HIST, 'FORWARD', 'opnote', [
    'admitted|hospitalized|hospitalised|seen|treated frequently|repeatedly|often|recurrently|regularly for|with',
    'admitted|hospitalized|hospitalised|seen|treated quite|very frequently|often for|with',
    'admitted|hospitalized|hospitalised|seen|treated multiple|several|many|numerous times for|with',
    'multiple|several|many|numerous|frequent|repeated|recurrent|prior|previous|past admissions|hospitalizations|hospitalisations|admission|hospitalization for|with',
  ], { ...CONDITIONS, maxScope: 15 }),
  // chronicity and comparison with an earlier study (radiology phrasing)
  ...rules(HIST, 'FORWARD', 'pycontextnlp', ['sequelae of', 'chronically'], { maxScope: 4 }),
  // an imaging finding unchanged from an earlier study (conditions only: "lead position unchanged" is this session's check)
  ...rules(HIST, 'BIDIRECTIONAL', 'pycontextnlp', ['unchanged|unchanging'], { ...CONDITIONS, maxScope: 4 }),
  // "post laminectomy syndrome", "post-fusion pain": the next word names an earlier operation
  // (not "post-op", "post placement": those are this session, see the PSEUDO list below)
  ...rules(HIST, 'FORWARD', 'opnote', ['post'], { maxScope: 1 }),
  ...rules(HIST, 'BACKWARD', 'pycontextnlp', ['is|are|was|were redemonstrated|re-demonstrated', 'is|are|was|were again demonstrated'], { maxScope: 8 }),

  // ---------------------------------------------------------------- hypothetical / planned
  ...rules(HYP, 'FORWARD', 'medspacy', ['if'], { maxScope: 20 }),
  // FastContext's "if" reaches 30 tokens: discharge instructions list many symptoms ("she will call
  // if any of the following occur: nosebleeds, bruising, ..., headaches, or stomach pain")
  ...rules(HYP, 'FORWARD', 'fastcontext', ['if'], { ...CONDITIONS, maxScope: 30 }),
  ...rules(HYP, 'FORWARD', 'medspacy', ['risks|risk of', 'come back for|to', 'should he|she|they|the|there', 'should the patient|pt']),
  ...rules(HYP, 'FORWARD', 'fastcontext', ['look for', 'monitor for', 'to prevent', 'in case of']),
  ...rules(HYP, 'FORWARD', 'fastcontext', ['look for any', 'monitored for', 'monitor him|her|them for', 'monitor the patient for', 'come back to', 'wants|want to']),
  // medication taken only when needed: "oxycodone 5 mg p.r.n. pain", "Zofran as needed for nausea"
  // (conditions only: "cautery was used as needed for hemostasis" stays technique, see PSEUDO)
  ...rules(HYP, 'FORWARD', 'fastcontext', ['prn|p.r.n.|p.r.n', 'as needed|required|necessary for'], { ...CONDITIONS, maxScope: 6 }),
  // medspaCy / FastContext "return" (conditions only: "return to the OR" is an event of the session)
  ...rules(HYP, 'FORWARD', 'medspacy', ['return|returns'], { ...CONDITIONS, maxScope: 30 }),
  // ConText's own hypothetical cues reach to the end of the sentence; for conditions they reach 30
  // words like FastContext's windows ("should she develop chest pain, shortness of breath, ..., she is
  // to come back"); device mentions keep the 8-word default
  ...rules(HYP, 'FORWARD', 'medspacy', ['come back for|to', 'should he|she|they|the|there', 'should the patient|pt', 'return|returns for'], { ...CONDITIONS, maxScope: 30 }),
  ...rules(HYP, 'FORWARD', 'pycontextnlp', ['at risk for|of', 'risk factor|factors for', 'warned of|about', 'were|was warned', 'predispose|predisposes to']),
  // what to watch for after discharge: "watch for signs of wound infection", "should you develop a fever"
  ...rules(HYP, 'FORWARD', 'opnote', ['watch for', 'signs and symptoms of', 'should you', 'call for|with', 'return to the ed|er|emergency|hospital'], { ...CONDITIONS, maxScope: 15 }),
  // discharge teaching: what the patient is told to look out for has not happened
  // (negspacy's sensitive list: "if you experience", "teaching the patient", "educated the patient")
  ...rules(HYP, 'FORWARD', 'negspacy', ['if you experience|get|have|develop|notice', 'teaching|taught|teach|educated|educate|educating the patient', 'teaching|taught|teach|educated|educate|educating her|him'], { ...CONDITIONS, maxScope: 20 }),
  ...rules(HYP, 'FORWARD', 'opnote', [
    'instructed|educated|advised|counseled|counselled|told|reminded|taught on|about|regarding',
    'seek medical|immediate|emergency|urgent attention|care|help|evaluation',
    'seek care|attention|help|treatment|evaluation for', // "she is to seek care for any bleeding"
    // teaching acknowledged: "she verbalized understanding of the signs of wound infection"
    'verbalized|verbalizes|expressed|expresses|voiced|voices|demonstrated|demonstrates understanding of|regarding',
    'understands|understood|knows the signs|symptoms|risks|warning signs of',
    'report any',
    'call|contact|notify|page the|her|his|your doctor|physician|surgeon|office|clinic|nurse|pcp',
    // "call us right away with any drainage", "notify me for a fever"
    'call|contact|notify|page us|me with|for|about|if',
    'call|contact|notify|page us|me immediately|promptly|urgently|sooner with|for|about|if',
    'call|contact|notify|page us|me right away with|for|about|if',
  ], { ...CONDITIONS, maxScope: 20 }),
  // a recommendation is a plan: "we recommend conversion to a permanent implant"
  ...rules(HYP, 'FORWARD', 'opnote', ['recommend|recommends|recommended']),
  ...rules(HYP, 'FORWARD', 'opnote', [
    'will|would|shall',
    "'ll",
    'plan|plans|planned|planning',
    'plan|plans|planned|planning to|for',
    'should',
    'may@AUX|might|could',
    'consider|considering|considered',
    'candidate for',
    'scheduled for|to',
    'to return',
    'at a later date|stage|time|session',
    'in a separate|later|second|future stage|session|procedure',
    'return|returns for', // not "return to": "return to the OR" is an event of this session
    'future',
    'in the event',
    'would like to',
    'discussed',
    'to discuss', // "follow up to discuss a new generator" (not "after discussing options")
    'option|options to|of',
    'options include|included',
    'risks and benefits of',
    'intends|intend to',
    'is|are intended|meant|designed to',
    'is|are|was|were to be',
    'and then be',
    'then be',
    'eventual|eventually',
    'upcoming',
    'at a later date',
    'at a later time',
  ]),
  // "the neck was prepped in case a lead revision were needed": a contingency, not work done
  ...rules(HYP, 'FORWARD', 'opnote', ['in case', 'just in case'], { maxScope: 6 }),
  // the consent list: "Risks reviewed included infection, ..., and possible lead removal" (device work only,
  // so the public condition sets are unchanged)
  ...rules(HYP, 'FORWARD', 'opnote', ['risks|risk reviewed|discussed|explained|described|reviewed|outlined include|included|including', 'risks include|included|including', 'risks such as', 'risks of', 'complications such as|including'], { ...NOT_CONDITIONS, maxScope: 40 }),
  ...rules(HYP, 'FORWARD', 'opnote', ['possible|potential|eventual'], { ...NOT_CONDITIONS, maxScope: 3 }),

  // "he is now being evaluated for bilateral DBS": a candidacy, not a procedure done
  ...rules(HYP, 'FORWARD', 'opnote', ['being evaluated|considered|assessed|screened for', 'being worked up for', 'candidacy for', 'work - up for', 'workup for'], { maxScope: 8 }),
  ...rules(HYP, 'BACKWARD', 'opnote', ['will|would|shall|may@AUX|might|could|should'], { maxScope: 4 }),
  ...rules(HYP, 'BIDIRECTIONAL', 'opnote', ['pending'], { maxScope: 4 }),
  ...rules(HYP, 'BACKWARD', 'opnote', ['was|were|is|are planned|discussed|recommended|scheduled|considered', 'to be determined', 'at a later date|time', 'in the future', 'to follow', 'if successful|indicated|needed|required', 'only if|when'], { maxScope: 6 }),

  // purpose and prevention: what a treatment aims at has not happened ("heparin for DVT prophylaxis",
  // "consulted for ways of improving mobility", "elevated to avoid swelling"); conditions only
  ...rules(HYP, 'BACKWARD', 'fastcontext', ['prophylaxis|prophylactic'], { ...CONDITIONS, maxScope: 6 }),
  ...rules(HYP, 'FORWARD', 'opnote', [
    'prophylaxis against|for|of', 'prophylactic against|for',
    'ways|way of|to', 'in order to', 'so as to', 'with the goal|aim|intent|hope of',
    'to avoid|minimize|minimise|reduce|decrease|lower|lessen|limit', 'avoid|avoiding',
    'precautions for|against|regarding', 'warning signs of|for',
  ], { ...CONDITIONS, maxScope: 20 }),
  // "seizure precautions", "fall precautions": what is guarded against
  ...rules(HYP, 'BACKWARD', 'opnote', ['precautions'], { ...CONDITIONS, maxScope: 3 }),
  // consent lists and side effects name what may happen (conditions; device work has its own rule above)
  ...rules(HYP, 'FORWARD', 'opnote', [
    'risks|risk reviewed|discussed|explained|described|reviewed|outlined include|included|including', 'risks include|included|including', 'risks such as',
    'complications such as|including', 'side effects include|included|including|of', 'side effects such as',
    // not "may|could cause": a kind-limited cue longer than the general modal would hide it from device mentions
    'can cause', 'can lead to', 'can result in',
  ], { ...CONDITIONS, maxScope: 30 }),
  // instructions and future plans for a condition: "advised to avoid lifting", "he is going to have
  // a colonoscopy", "awaiting transplant"
  ...rules(HYP, 'FORWARD', 'opnote', [
    'instructed|advised|told|asked|encouraged|reminded to',
    'am|is|are|was|were going to',
    'expected|anticipated|likely to develop|need|require',
    'awaiting|awaits|await',
    'would benefit from',
    'instructions|instruction for|regarding|on|about', 'ought to', 'needs|need to',
  ], { ...CONDITIONS, maxScope: 20 }),
  ...rules(HYP, 'BACKWARD', 'opnote', ['awaited'], { ...CONDITIONS, maxScope: 4 }),
  // a future time anchor: "next week she is having a colonoscopy", "an EMG later this month" (conditions
  // only: in a note "next week" sits beside the plan's own cue, "will return next week for the implant")
  ...rules(HYP, 'BIDIRECTIONAL', 'opnote', [
    'next week|month|year|visit|appointment',
    'tomorrow',
    'later this week|month|year',
    'in the coming days|weeks|months',
  ], { ...CONDITIONS, maxScope: 6 }),
  // "is scheduled for a cholecystectomy" (the backward "is scheduled" would otherwise win the overlap);
  // conditions only: in a note "a revision was planned to ..." is often the story of today's session
  ...rules(HYP, 'FORWARD', 'opnote', ['was|were|is|are scheduled|booked for|to'], { ...CONDITIONS, maxScope: 20 }),
  // follow-up visits, monitoring and where to go: "follow up in clinic for suture removal", "monitor
  // blood sugars for hypoglycemia" (FastContext "monitor \w+ for"), "go to the nearest emergency room for ..."
  ...rules(HYP, 'FORWARD', 'opnote', [
    'follow up for|regarding|about|in|at|with', 'followup for|regarding|about|in|at|with', 'follow - up for|regarding|about|in|at|with',
    'to return', 'to come back', 'to follow up',
    'look|watch out for', 'be alert for',
    'call 911', 'dial 911',
    'go|present|proceed|report to the emergency|nearest|er|ed|hospital|clinic',
  ], { ...CONDITIONS, maxScope: 20 }),
  ...rules(HYP, 'FORWARD', 'fastcontext', ['monitor|monitoring <NOUN|PROPN> for', 'monitor|monitoring <ADJ|NOUN> <NOUN> for', 'monitor|monitoring the|her|his <NOUN> for'], { ...CONDITIONS, maxScope: 20 }),

  // ---------------------------------------------------------------- pseudo-triggers (do nothing)
  ...rules('PSEUDO', 'PSEUDO', 'negex', [
    'gram negative',
    'no change|increase',
    'no definite|interval|significant|suspicious change',
    'no significant interval change',
    'not cause|drain|extend',
    'not certain if|whether',
    'not necessarily',
    'not only',
    'without difficulty',
  ]),
  ...rules('PSEUDO', 'PSEUDO', 'opnote', [
    'post op|operative|operatively|procedure|procedural|placement|implant|implantation|insertion|anesthesia|sedation|programming|stimulation|fluoroscopy|fluoro|imaging|positioning|closure',
    'post - op|operative|operatively|procedure|procedural|placement|implant|implantation|insertion|anesthesia|sedation|programming|stimulation|fluoroscopy|fluoro|imaging|positioning|closure',
    'without complication|complications|incident|issue|issues|event|problem|problems',
    'as planned', 'as previously|originally planned', // done as planned: "Today, as planned, two generators"
    // an adjective or a manner, not a plan: "in the manufacturer's recommended order", "as recommended"
    'the|a|an|their|its|his|her|our|your recommended', "'s recommended", 'as recommended',

    'if needed|necessary|indicated|required',
    'as needed|necessary|indicated|required',
    'no sooner',
    'not unlike',
    'whether or not',
    'no doubt',
    'history and physical',
    'on history', // "no focal deficits on history": what the interview found, not a past event
    'history of present illness',
    'plan of care',
    'prior to', // "prior to incision" is a time order within the session
    // surgical technique, not absence: "the vagus nerve was dissected free", "the lead was freed"
    'dissected|mobilized|mobilised|teased|cut|sharply|bluntly|circumferentially|elevated|released|lifted free',
    'free from the|surrounding',
    'free - floating|hand',
    'freehand',
    'year|years|yr|yrs old',
    'year|yr|month|week|day - old', // "a 58-year-old man": an age, not an old device
    // a short illness in the history of present illness is recent: "a two-day history of fever"
    'day|days|hour|hours|week history of',
    // a comparison or a cross-reference, not a past event
    'than before|previously',
    'than it|they|he|she previously',
    'as previously noted|described|mentioned|documented|discussed|stated|seen',
    // uncertainty about a finding, not a plan (ConText's "possible" axis, not modelled here)
    'may|might|could represent|reflect|indicate|suggest|reveal',
    // "fibrosis that may be related to an old rib fracture": a possible cause, not a plan
    'may|might|could be related|due|secondary|attributable|consistent|compatible|from',
    'there may|might|could be',
  ]),

  // ---------------------------------------------------------------- terminations
  ...rules('TERMINATE', 'TERMINATE', 'negex', [
    'but', 'however', 'although', 'though', 'except', 'nevertheless', 'yet', 'still',
    'apart|aside from',
    'secondary to',
    'as a|an|the cause|etiology|reason|source|origin for|of',
    'cause|causes|etiology|reason|reasons|source|sources|origin|origins for|of',
  ]),
  ...rules('TERMINATE', 'TERMINATE', 'medspacy', ['because', 'since']),
  // a condition that a plan waits on is present now: "reimplant once the infection has cleared", "hold
  // anticoagulation until the bleeding stops"
  ...rules('TERMINATE', 'TERMINATE', 'opnote', ['once', 'until'], { terminates: [HYP] }),
  // a reason clause is the present state: "diuresed with the goal of ... as she was volume overloaded"
  ...rules('TERMINATE', 'TERMINATE', 'opnote', ['as he|she|they|it is|was|were|are|had|has', 'as the patient|pt is|was|had|has'], { terminates: [HYP] }),
  // a finding stated as present ends a negation: "no ductal dilatation and positive for gallstones"
  ...rules('TERMINATE', 'TERMINATE', 'opnote', ['positive for', 'and positive|significant for'], { terminates: [N] }),
  // a new clause with its own subject: "he is not cooperative and he is hard to keep focused"
  ...rules('TERMINATE', 'TERMINATE', 'opnote', ['and|but he|she|they|we|i|it|there']),
  ...rules('TERMINATE', 'TERMINATE', 'opnote', ['[ x ]', '☒', '☑', '■']),
  // the next item of a numbered list: "1) lead migration s/p revision 2) wound dehiscence"
  // (a year in parentheses, "(revision 2022)", is not an item number)
  ...rules('TERMINATE', 'TERMINATE', 'opnote', ['<LISTNUM> )']),
  ...rules('TERMINATE', 'TERMINATE', 'opnote', [
    'which', 'who', 'whereas', 'while', 'then', 'and then', 'after which', 'subsequently', 'afterwards', 'thereafter',
    'and|or|but <AUX>', // a second clause: "... and was removed"
    ', the|this|these|we|he|she|it|they|there|then|which',
    ', so', 'so we|i|he|she|they', // a consequence: "could not be reached, so we converted to open"
  ]),
  ...rules('TERMINATE', 'TERMINATE', 'opnote', ['new', 'a|the new', 'now', 'currently', 'today', 'presents|presented|presenting', 'this procedure|operation|session|time'], { terminates: [HIST] }),
  ...rules('TERMINATE', 'TERMINATE', 'fastcontext', ['complains|complaining'], { terminates: [HIST] }),
  ...rules('TERMINATE', 'TERMINATE', 'medspacy', ['comes|came|coming in with'], { terminates: [HIST] }),
  ...rules('TERMINATE', 'TERMINATE', 'opnote', ['recent', 'recently'], { terminates: [HIST] }), // "denies any recent nausea"
];

/** The validated rule set. Throws at import time when a rule is malformed. */
export const CONTEXT_RULES: readonly ContextRule[] = Object.freeze(z.array(ContextRuleSchema).parse(RAW_RULES));
