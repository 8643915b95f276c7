import { CONCEPTS } from '../../kb/concepts';
import { CODE_BY_ID } from '../../kb/codes';
import { MODIFIER_RULES } from '../../kb/modifier-rules';
import {
  CODE_GROUP_LABELS,
  DEVICE_CODES,
  MODIFIER_DICTIONARY,
  NONEXISTENT_MODIFIER_NOTES,
  getDeviceCode,
  listCodeRefs,
  type CodeRef,
} from '../../kb/reference/index';
import { patternWords } from './terms';

/**
 * The documents the question index is built from, all taken from the knowledge base: one per
 * code, one per modifier (including the nonexistent "11"), one per device code. Each has four
 * fields, weighted in the index: `name` (code, abbreviations), `title` (label and keywords),
 * `body` (description, requirements, inclusions, units, notes, differences) and `syn` (trigger
 * phrases and synonyms from kb/concepts.ts for the code's target, component, approach and action,
 * so words from operative notes find the code).
 */
export interface AskDoc {
  /** "63650", "modifier:LT", "device:C1778". */
  id: string;
  kind: 'code' | 'modifier' | 'device';
  /** The code, modifier or device code itself. */
  key: string;
  label: string;
  href: string | null;
  name: string;
  title: string;
  body: string;
  syn: string;
}

export const codeHref = (code: string) => `#/reference/${code}`;
export const compareHref = (a: string, b: string) => `#/compare/${a},${b}`;

const conceptWords = new Map<string, string[]>();
for (const c of CONCEPTS) conceptWords.set(c.id, c.patterns.flatMap(patternWords));
const words = (...ids: string[]) => ids.flatMap((id) => conceptWords.get(id) ?? []);
const kindWords = (kind: string) => CONCEPTS.filter((c) => c.kind === kind).flatMap((c) => conceptWords.get(c.id) ?? []);

const TARGET_CONCEPT: Record<string, string> = {
  spinal: 'target.spinal', peripheral: 'target.peripheral', sacral: 'target.sacral', tibial: 'target.tibial', gastric: 'target.gastric',
  'cranial-nerve': 'target.vagus', hypoglossal: 'target.hypoglossal', intracranial: 'target.intracranial', neuromuscular: 'target.neuromuscular',
};
const COMPONENT_CONCEPTS: Record<string, string[]> = {
  array: ['component.array'], paddle: ['component.paddle', 'component.array'], generator: ['component.generator'],
  'array-and-generator': ['component.array', 'component.generator', 'component.system'],
  system: ['component.system', 'component.sensor', 'component.generator', 'component.array'],
  integrated: ['component.integrated'], needle: ['component.needle'], none: [],
};
const APPROACH_CONCEPTS: Record<string, string[]> = {
  percutaneous: ['approach.percutaneous'], open: ['approach.open'], laminotomy: ['approach.laminectomy'], laparoscopic: ['approach.laparoscopic'],
  stereotactic: ['approach.stereotactic'], any: [], none: [],
};
const ACTION_CONCEPTS: Record<string, string[]> = {
  insertion: ['action.insertion'], 'insertion-or-replacement': ['action.insertion', 'action.replacement'],
  'revision-or-replacement': ['action.revision', 'action.replacement'], 'revision-or-removal': ['action.revision', 'action.removal'],
  removal: ['action.removal'], treatment: [], analysis: ['programming.done'], 'analysis-programming': ['programming.done'],
};

function codeDoc(ref: CodeRef): AskDoc {
  const rule = CODE_BY_ID.get(ref.code);
  const syn: string[] = [
    ...words(...ref.target.map((t) => TARGET_CONCEPT[t]).filter(Boolean)),
    ...words(...(COMPONENT_CONCEPTS[ref.component] ?? [])),
    ...words(...(APPROACH_CONCEPTS[ref.approach] ?? [])),
    ...words(...(ACTION_CONCEPTS[ref.action] ?? [])),
  ];
  if (rule?.requires.includes('pocket')) syn.push(...kindWords('pocket'), ...kindWords('tunnel'));
  if (rule?.requires.includes('connection')) syn.push(...kindWords('connection'));
  if (rule?.mer) syn.push(...kindWords('mer'));
  if (ref.keywords.some((k) => /trial/i.test(k))) syn.push(...words('trial.trial', 'external.external'));
  const body = [
    ref.description,
    ...ref.requires,
    ...ref.includes,
    ref.unitRule.text,
    ...ref.notes,
    ...ref.confusableWith.map((c) => c.difference),
    ref.typicalSetting,
    ...ref.indications.map((i) => i.label),
    ...ref.deviceCodes.map((d) => getDeviceCode(d.code)?.meaning ?? ''),
    rule?.description ?? '',
    CODE_GROUP_LABELS[ref.group],
  ];
  return {
    id: ref.code,
    kind: 'code',
    key: ref.code,
    label: `${ref.code} — ${ref.short}`,
    href: codeHref(ref.code),
    name: [ref.code, ...ref.abbreviations].join(' '),
    title: [ref.short, ...ref.keywords].join(' '),
    body: body.join(' '),
    syn: syn.join(' '),
  };
}

function modifierDocs(): AskDoc[] {
  const docs: AskDoc[] = MODIFIER_DICTIONARY.map((m) => {
    const rules = MODIFIER_RULES.filter((r) => r.modifier === m.code);
    const syn: string[] = [];
    if (m.code === 'LT') syn.push(...words('side.left'));
    else if (m.code === 'RT') syn.push(...words('side.right'));
    else if (m.code === '50') syn.push(...words('side.bilateral'));
    for (const r of rules) for (const k of r.needs) if (k !== 'side') syn.push(...kindWords(k));
    return {
      id: `modifier:${m.code}`,
      kind: 'modifier' as const,
      key: m.code,
      label: `Modifier ${m.code} — ${m.meaning}`,
      href: null,
      name: `modifier ${m.code} ${m.code}`,
      title: m.meaning,
      body: [m.whenInFamily, m.limits, ...rules.map((r) => r.rule)].join(' '),
      syn: syn.join(' '),
    };
  });
  for (const n of NONEXISTENT_MODIFIER_NOTES) {
    docs.push({
      id: `modifier:${n.code}`,
      kind: 'modifier',
      key: n.code,
      label: `Modifier ${n.code} — does not exist`,
      href: null,
      name: `modifier ${n.code} ${n.code}`,
      title: 'nonexistent modifier',
      body: n.explanation,
      syn: '',
    });
  }
  return docs;
}

function deviceDocs(): AskDoc[] {
  return DEVICE_CODES.map((d) => ({
    id: `device:${d.code}`,
    kind: 'device' as const,
    key: d.code,
    label: `${d.code} — ${d.meaning}`,
    href: null,
    name: d.code,
    title: d.meaning,
    body: [d.settingNote, ...d.notes].join(' '),
    syn: '',
  }));
}

let cached: AskDoc[] | null = null;

/** All documents of the question index (built once). */
export function askDocs(): AskDoc[] {
  if (!cached) cached = [...listCodeRefs().map(codeDoc), ...modifierDocs(), ...deviceDocs()];
  return cached;
}
