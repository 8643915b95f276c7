/**
 * Plain words for the engine's and the reference's internal values, for tooltips, tables and
 * labels a coder reads ("insertion-or-replacement" → "insertion or replacement",
 * `globalPeriod: within` → "inside the global period of an earlier procedure"). Anything not
 * listed is de-camel-cased and de-hyphenated, never shown raw.
 */
import type { Action, Approach, Component, Target } from '../../kb/reference/schema';

export const TARGET_WORDS: Record<Target, string> = {
  spinal: 'spinal (epidural)',
  peripheral: 'peripheral nerve',
  sacral: 'sacral nerve',
  tibial: 'posterior tibial nerve',
  gastric: 'stomach (gastric)',
  'cranial-nerve': 'cranial nerve (vagus)',
  hypoglossal: 'hypoglossal nerve',
  intracranial: 'brain (deep brain or cortex)',
  neuromuscular: 'neuromuscular (motor point)',
};

export const COMPONENT_WORDS: Record<Component, string> = {
  array: 'electrode array (lead)',
  paddle: 'paddle (plate) array',
  generator: 'pulse generator or receiver',
  'array-and-generator': 'array and generator together',
  system: 'whole system (array, generator and sensor)',
  integrated: 'integrated device (array with a built-in stimulator)',
  needle: 'needle electrode (nothing left implanted)',
  none: 'no device part',
};

export const APPROACH_WORDS: Record<Approach, string> = {
  percutaneous: 'through a needle (percutaneous)',
  open: 'open (incision and exposure)',
  laminotomy: 'laminotomy or laminectomy',
  laparoscopic: 'laparoscopic',
  stereotactic: 'stereotactic',
  any: 'any approach',
  none: 'no approach (not a surgical placement)',
};

export const ACTION_WORDS: Record<Action, string> = {
  insertion: 'insertion',
  'insertion-or-replacement': 'insertion or replacement',
  'revision-or-replacement': 'revision or replacement',
  'revision-or-removal': 'revision or removal',
  removal: 'removal',
  treatment: 'treatment session',
  analysis: 'analysis (no programming)',
  'analysis-programming': 'analysis with programming',
};

/** "insertionOrReplacement" / "insertion-or-replacement" → "insertion or replacement". */
export function humanize(value: string): string {
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_:]+/g, ' ')
    .toLowerCase()
    .trim();
}

/** What a highlighted fact means, per kind and value, in a coder's words. */
const FACT_WORDS: Record<string, Record<string, string> | ((value: string) => string)> = {
  target: (v) => `Target: ${TARGET_WORDS[v as Target] ?? humanize(v)}`,
  component: {
    array: 'Device part: electrode array (lead)',
    paddle: 'Device part: paddle array',
    generator: 'Device part: pulse generator or receiver',
    integrated: 'Device part: integrated stimulator',
    system: 'Device part: the whole system',
    device: 'A device, without saying which part',
    extension: 'Device part: lead extension',
    sensor: 'Device part: sensing lead',
    needleElectrode: 'Device part: needle electrode',
  },
  approach: (v) => `Approach: ${APPROACH_WORDS[v as Approach] ?? humanize(v)}`,
  action: {
    insertion: 'Something was placed',
    removal: 'Something was removed',
    replacement: 'Something was replaced',
    revision: 'Something was revised or repositioned',
    connect: 'Parts were connected',
    implied: 'Placement implied by anchoring or the final position',
    putBack: 'Taken out and put back (not a new placement)',
  },
  pocket: { created: 'A pocket was created', opened: 'An existing pocket was opened', revised: 'The pocket was revised', mention: 'A pocket is mentioned' },
  connection: { connected: 'The array was connected to the generator' },
  imaging: { fluoroscopy: 'Imaging guidance: fluoroscopy', ultrasound: 'Imaging guidance: ultrasound' },
  side: { left: 'Side: left', right: 'Side: right', bilateral: 'Side: both' },
  count: (v) => `Number of arrays: ${v}`,
  generatorCount: (v) => `Number of generators: ${v}`,
  trial: { trial: 'A trial (temporary) stage', permanent: 'A permanent implant' },
  external: { external: 'An external (trial) stimulator, not implanted' },
  tunnel: { tunneled: 'The lead was tunnelled under the skin' },
  discontinued: { stopped: 'The procedure was stopped before it was finished', title: 'The note is titled as a stopped procedure' },
  reduced: { count: 'Fewer parts than usual were done', partial: 'Only part of the procedure was done' },
  increasedWork: {
    time: 'Extra time is documented',
    cause: 'A cause of extra work is documented',
    statement: 'The note says the work was substantially greater',
    weak: 'A hint of a harder case (not enough on its own)',
  },
  cosurgeon: { cosurgeon: 'A co-surgeon is named' },
  assistant: {
    physician: 'An assistant at surgery is named',
    nonphysician: 'The assistant is a physician assistant, nurse practitioner or clinical nurse specialist',
    resident: 'A resident or fellow assisted',
  },
  residentUnavailable: { none: 'No qualified resident was available' },
  returnToOr: { return: 'A return to the operating room' },
  unrelated: { unrelated: 'A procedure unrelated to the earlier one' },
  staged: { later: 'A planned later stage', plan: 'Staging is planned' },
  globalPeriod: { within: 'Inside the global period of an earlier procedure' },
  programming: { done: 'The device was programmed' },
  mer: { recording: 'Microelectrode recording' },
  distinct: { site: 'A separate site or structure' },
  separateSession: { session: 'A separate session (encounter)' },
  outOfScope: (v) => `Not a neurostimulator procedure (${humanize(v)})`,
};

/** Plain words for a fact of `kind` with `value` (e.g. a highlight's tooltip). */
export function factWords(kind: string, value: string): string {
  const w = FACT_WORDS[kind];
  if (typeof w === 'function') return w(value);
  return w?.[value] ?? `${humanize(kind)}: ${humanize(value)}`;
}

/** Parenthesised groups (nesting allowed) that cite our own files or sections: "(sourced-facts.md §3b …)". */
const INTERNAL_MARK = /\.md\b|\.ts\b|§|\bkb\/|\bsrc\//;

/**
 * A reason or warning as a coder should read it: without the engine's internal source notes
 * (file names, section signs, confidence letters). The source of each rule is on the code's
 * reference page, named as a coder would cite it.
 */
export function plainReason(text: string): string {
  if (!INTERNAL_MARK.test(text)) return text;
  // one pass: the matching close paren of every open paren (linear, unbalanced ones stay)
  const close = new Map<number, number>();
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') stack.push(i);
    else if (text[i] === ')' && stack.length) close.set(stack.pop()!, i);
  }
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const j = close.get(i);
    if (j !== undefined && INTERNAL_MARK.test(text.slice(i, j + 1))) {
      out = out.trimEnd();
      i = j;
      continue;
    }
    out += text[i];
  }
  return out.replace(/(?<!\s)\s+([.,;:])/g, '$1').replace(/\s{2,}/g, ' ').trim();
}
