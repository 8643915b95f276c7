import { CODE_BY_ID } from '../../kb/codes';
import { ADD_ON_EDITS, NATIONAL_MUE_NOTE, PAIR_EDITS, UNIT_EDITS, type PairEdit } from '../../kb/edits';
import { MODIFIER_RULES, PAYMENT_INDICATOR_TEXT } from '../../kb/modifier-rules';
import { BILATERAL_CODES } from '../../kb/reference/modifiers';
import {
  NONEXISTENT_MODIFIER_NOTES,
  PAYER_GROUP_LABELS,
  citeDeviceSource,
  citeModifierSource,
  citePolicy,
  citeSourceRef,
  getCodeRef,
  getDeviceCode,
  getModifier,
  payerNotesFor,
  type Citation,
  type CodeRef,
  type Confidence,
  type Payer,
  type SourceRef,
} from '../../kb/reference/index';
import type { AnswerSection } from './types';
import { CONVENTION, UNCONFIRMED_PLAIN, citeEdit, citeSource, plainText } from './cite';

/**
 * Facts of the knowledge base as answer sections: every one carries its source and the
 * knowledge base's confidence. Nothing here is written from outside the knowledge base; where
 * the knowledge base has nothing, the section says so.
 */

interface From {
  source: string;
  url?: string;
  /** Already a coder's citation (else the raw knowledge-base string is turned into one). */
  cited?: boolean;
}

const fromCitation = (c: Citation): From => ({ source: c.cite, cited: true, ...(c.url ? { url: c.url } : {}) });

export function fromRef(s: SourceRef): From {
  return fromCitation(citeSourceRef(s));
}

/** A modifier's definition, named as the code set it comes from (CPT Appendix A or HCPCS Level II). */
function fromModifierRef(mod: string, s: SourceRef): From {
  return fromCitation(citeModifierSource(mod, s));
}

/** The entry's source that best supports a kind of fact (its "what" matching `hint`), else its first. */
function pick(ref: CodeRef, hint?: RegExp): From {
  const s = (hint && ref.sources.find((x) => hint.test(x.what))) || ref.sources.find((x) => x.key !== 'PFS26') || ref.sources[0];
  return fromRef(s);
}

function sec(topic: string, text: string, from: From, confidence: Confidence): AnswerSection {
  return { topic, text: plainText(text), source: from.cited ? from.source : citeSource(from.source), ...(from.url ? { url: from.url } : {}), confidence };
}

const list = (xs: string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
// how the app picks a code is our convention, built on the code descriptors
const RULE_SOURCE = (_code: string): From => ({ source: `${CONVENTION} (how the code is chosen), from the CPT code descriptors`, cited: true });

/* ------------------------------------------------------------------ codes */

export function describeCode(code: string): AnswerSection[] {
  const ref = getCodeRef(code);
  if (ref) {
    return [sec(code, `${code} — ${ref.short}. ${ref.description}`, pick(ref, /structure|paraphras|descriptor|condition/), ref.confidence)];
  }
  const rule = CODE_BY_ID.get(code);
  if (rule) return [sec(code, `${code} — ${rule.description}.`, RULE_SOURCE(code), rule.confidence)];
  return [];
}

function approachText(a: string): string {
  return a === 'any' ? 'any approach' : a === 'none' ? 'no approach (not a procedure)' : a;
}

/** A reference value in words: "insertion-or-replacement" → "insertion or replacement". */
const words = (v: string) => v.replace(/-/g, ' ');

/** The four deciding properties of a code. */
export function decidersText(ref: CodeRef): string {
  return `target ${list(ref.target.map(words))}; component ${words(ref.component)}; approach ${approachText(ref.approach)}; action ${words(ref.action)}`;
}

export function decidesCode(code: string): AnswerSection[] {
  const ref = getCodeRef(code);
  if (!ref) return [];
  return [sec(code, `What decides ${code}: ${decidersText(ref)}.`, pick(ref, /structure/), ref.confidence)];
}

/** Pocket, connection and imaging, from the decision table. */
export function pocketImaging(code: string): AnswerSection[] {
  const rule = CODE_BY_ID.get(code);
  if (!rule) return [];
  const out: AnswerSection[] = [];
  const needs = rule.requires;
  if (needs.length) {
    out.push(sec(code, `${code} needs ${needs.includes('pocket') ? 'a generator pocket (made or reopened)' : ''}${needs.length > 1 ? ' and ' : ''}${needs.includes('connection') ? 'a connection of the array(s) to the implanted generator' : ''} documented.`, RULE_SOURCE(code), rule.confidence));
  }
  if (rule.parts?.length) out.push(sec(code, `${code} is a system code: the note must show ${list(rule.parts)} placed (with the generator).`, RULE_SOURCE(code), rule.confidence));
  if (rule.includesImaging) out.push(sec(code, `Imaging guidance is included in ${code}.`, RULE_SOURCE(code), rule.confidence));
  return out;
}

export function requiresIncludes(code: string): AnswerSection[] {
  const ref = getCodeRef(code);
  if (!ref) return [];
  const out: AnswerSection[] = [];
  if (ref.requires.length) out.push(sec(code, `For ${code} the note must show: ${ref.requires.join('; ')}.`, pick(ref, /condition|structure|descriptor|unit/), ref.confidence));
  if (ref.includes.length) out.push(sec(code, `Included in ${code} (not coded separately): ${ref.includes.join('; ')}.`, pick(ref, /includ|inside|part of|condition|structure/), ref.confidence));
  return out;
}

export function unitsOf(code: string): AnswerSection[] {
  const ref = getCodeRef(code);
  const out: AnswerSection[] = [];
  if (ref) out.push(sec(code, `Units for ${code} (${ref.unitRule.kind}): ${ref.unitRule.text}`, pick(ref, /unit|lead|count|array/), ref.unitRule.confidence));
  const addOn = ADD_ON_EDITS.find((a) => a.addOn === code);
  if (addOn) out.push(sec(code, `${code} is an add-on code: reported only with ${list(addOn.primary)}, never alone.`, { source: `${addOn.source} (${addOn.year})` }, addOn.confidence));
  for (const a of ADD_ON_EDITS.filter((x) => x.primary.includes(code))) {
    out.push(sec(code, `${code} covers the first array; each additional array is the add-on ${a.addOn}.`, { source: `${a.source} (${a.year})` }, a.confidence));
  }
  for (const u of UNIT_EDITS.filter((x) => x.code === code)) out.push(sec(code, `Unit limit (${u.kind}): at most ${u.maxUnits} per ${u.per}. ${u.note}`, { source: `${u.source} (${u.year})` }, u.confidence));
  return out;
}

export function mueNote(): AnswerSection {
  return sec('Units', NATIONAL_MUE_NOTE, { source: 'CMS NCCI medically unlikely edits (MUE) table, not read into our reference', cited: true }, 'medium');
}

export function bilateralNote(code: string): AnswerSection[] {
  const ref = getCodeRef(code);
  if (!ref) return [];
  const m = ref.medicare;
  if (m.bilateral === 1) return [sec(code, `Both sides on ${code}: one line with modifier 50 (Medicare bilateral indicator 1).`, fromRef(m.source), 'high')];
  const split = MODIFIER_RULES.find((r) => r.id === 'bilateral-split');
  if (ref.unitRule.kind === 'per-array' && split) return [sec(code, `Both sides on ${code} (bilateral indicator ${m.bilateral ?? 'n/a'}): ${split.rule}`, { source: split.source }, split.confidence)];
  return [];
}

function globalText(days: string): string {
  if (days === '000' || days === '010' || days === '090') return `${Number(days)}-day global period (${days})`;
  if (days === 'ZZZ') return 'ZZZ — an add-on code, paid only with its primary code';
  if (days === 'YYY') return 'YYY — the contractor sets the global period';
  return `global indicator ${days}`;
}

export function globalOf(code: string): AnswerSection[] {
  const ref = getCodeRef(code);
  if (ref) {
    const zzz = ref.sources.find((s) => /add-on/.test(s.what));
    return [sec(code, `${code}: ${globalText(ref.globalDays)}.`, ref.globalDays === 'ZZZ' && zzz ? fromRef(zzz) : fromRef(ref.medicare.source), 'high')];
  }
  const rule = CODE_BY_ID.get(code);
  return rule ? [sec(code, `${code}: ${globalText(rule.globalDays)}.`, RULE_SOURCE(code), rule.confidence)] : [];
}

/** Medicare payment-policy indicators of a code (PFS26). */
export function medicareIndicators(code: string): AnswerSection[] {
  const ref = getCodeRef(code);
  if (!ref) return [];
  const m = ref.medicare;
  const parts: string[] = [`status ${m.status}`];
  if (m.workRvu2026 !== null) parts.push(`CY2026 work RVU ${m.workRvu2026}`);
  if (m.assistant === 0 || m.assistant === 1 || m.assistant === 2) parts.push(PAYMENT_INDICATOR_TEXT.assistant[m.assistant]);
  if (m.coSurgery === 0 || m.coSurgery === 1 || m.coSurgery === 2) parts.push(PAYMENT_INDICATOR_TEXT.coSurgery[m.coSurgery]);
  if (m.bilateral !== null) parts.push(`bilateral indicator ${m.bilateral}`);
  if (m.officePriced !== null) parts.push(m.officePriced ? 'priced in the office' : 'not priced in the office');
  return [sec(code, `Medicare (CY2026 fee schedule) for ${code}: ${parts.join('; ')}.${m.note ? ` ${m.note}` : ''}`, fromRef(m.source), 'high')];
}

export function commonModifiersOf(code: string): AnswerSection[] {
  const ref = getCodeRef(code);
  if (!ref || !ref.commonModifiers.length) return [];
  return [sec(code, `Modifiers that can apply to ${code}: ${ref.commonModifiers.map((m) => `${m.modifier} (${m.when})`).join('; ')}.`, pick(ref, /modifier|structure/), ref.confidence)];
}

export function devicesOf(code: string): AnswerSection[] {
  const ref = getCodeRef(code);
  if (!ref || !ref.deviceCodes.length) return [];
  return [sec(code, `Device codes that usually go with ${code} (not on the surgeon's claim): ${ref.deviceCodes.map((d) => `${d.code}${d.note ? ` (${d.note})` : ''}`).join('; ')}.`, { source: 'CMS HCPCS Level II file, 2020 release (via the reference device table)' }, 'medium')];
}

export function verifyOf(code: string): AnswerSection[] {
  const ref = getCodeRef(code);
  if (!ref) return [];
  return ref.verify.map((v) => sec(code, `Verify: ${v}`, pick(ref), 'low'));
}

export function notesOf(code: string, max = 2): AnswerSection[] {
  const ref = getCodeRef(code);
  if (!ref) return [];
  return ref.notes.slice(0, max).map((n) => sec(code, n, pick(ref), ref.confidence));
}

/** What the knowledge base says tells a from b (confusableWith, either direction). */
export function differences(a: string, b?: string): AnswerSection[] {
  const out: AnswerSection[] = [];
  const ra = getCodeRef(a);
  if (!ra) return out;
  for (const c of ra.confusableWith) if (!b || c.code === b) out.push(sec(`${a} vs ${c.code}`, `${a} or ${c.code}: ${c.difference}.`, pick(ra, /structure|condition|paraphras/), ra.confidence));
  const rb = b ? getCodeRef(b) : undefined;
  if (rb) for (const c of rb.confusableWith) if (c.code === a) out.push(sec(`${b} vs ${a}`, `${b} or ${a}: ${c.difference}.`, pick(rb, /structure|condition|paraphras/), rb.confidence));
  return out;
}

/** Side-by-side: where the deciding properties and the decision-table conditions differ. */
export function contrast(a: string, b: string): AnswerSection[] {
  const ra = getCodeRef(a);
  const rb = getCodeRef(b);
  if (!ra || !rb) return [];
  const diffs: string[] = [];
  const dims: [string, (r: CodeRef) => string][] = [
    ['target', (r) => list(r.target.map(words))],
    ['component', (r) => words(r.component)],
    ['approach', (r) => approachText(r.approach)],
    ['action', (r) => words(r.action)],
  ];
  for (const [name, get] of dims) if (get(ra) !== get(rb)) diffs.push(`${name} — ${a}: ${get(ra)}, ${b}: ${get(rb)}`);
  const same = dims.filter(([, get]) => get(ra) === get(rb)).map(([name, get]) => `${name} ${get(ra)}`);
  const out: AnswerSection[] = [];
  const conf: Confidence = ra.confidence === 'high' && rb.confidence === 'high' ? 'high' : 'medium';
  out.push(
    sec(
      `${a} vs ${b}`,
      diffs.length ? `What decides between ${a} and ${b}: ${diffs.join('; ')}.${same.length ? ` Same: ${same.join(', ')}.` : ''}` : `${a} and ${b} share target, component, approach and action (${decidersText(ra)}).`,
      pick(ra, /structure/),
      conf,
    ),
  );
  const qa = CODE_BY_ID.get(a);
  const qb = CODE_BY_ID.get(b);
  if (qa && qb) {
    const pc = (r: typeof qa) => (r.requires.length ? r.requires.join(' and ') : 'neither pocket nor connection');
    if (pc(qa) !== pc(qb)) out.push(sec(`${a} vs ${b}`, `Pocket and connection — ${a} needs ${pc(qa)}; ${b} needs ${pc(qb)}.`, RULE_SOURCE(a), qa.confidence));
    if (qa.includesImaging !== qb.includesImaging) {
      out.push(sec(`${a} vs ${b}`, `Imaging — included in ${qa.includesImaging ? a : b}, not in ${qa.includesImaging ? b : a}.`, RULE_SOURCE(a), qa.confidence));
    }
  }
  if (ra.unitRule.kind !== rb.unitRule.kind) {
    out.push(sec(`${a} vs ${b}`, `Units — ${a}: ${ra.unitRule.text} ${b}: ${rb.unitRule.text}`, pick(ra, /unit/), ra.unitRule.confidence === 'high' && rb.unitRule.confidence === 'high' ? 'high' : 'medium'));
  }
  if (ra.globalDays !== rb.globalDays) out.push(sec(`${a} vs ${b}`, `Global period — ${a}: ${globalText(ra.globalDays)}; ${b}: ${globalText(rb.globalDays)}.`, fromRef(ra.medicare.source), 'high'));
  return out;
}

/* ------------------------------------------------------------------ edits */

const IMAGING = new Set(['76942', '77002', '77003', '76000']);

export function editText(e: PairEdit): string {
  const ind =
    e.modifierIndicator === 0
      ? 'Never reported together; no modifier bypasses it.'
      : `Together only with ${e.bypass.length ? e.bypass.join(' or ') : 'a modifier'} when the note shows a truly distinct service.`;
  const status =
    e.status === 'descriptor'
      ? 'This follows from the code description.'
      : e.status === 'unconfirmed'
        ? UNCONFIRMED_PLAIN
        : "One payer's rule.";
  const col2 = e.column2.every((c) => IMAGING.has(c)) ? `imaging (${e.column2.join(', ')})` : e.column2.join('/');
  return `${e.column1.join('/')} with ${col2} (${e.scope}): ${e.rule} ${ind} ${status}`;
}

/** Pair edits that touch the named codes; with two or more, those that pair them come first. */
export function editsFor(codes: string[], imaging: boolean): PairEdit[] {
  const set = new Set(codes);
  const touches = PAIR_EDITS.filter((e) => e.column1.some((c) => set.has(c)) || e.column2.some((c) => set.has(c)));
  const pairs = touches.filter((e) => e.column1.some((c) => set.has(c)) && e.column2.some((c) => set.has(c)));
  if (pairs.length) return pairs;
  if (imaging) {
    const img = touches.filter((e) => e.column2.some((c) => IMAGING.has(c)));
    if (img.length) return img;
  }
  return codes.length >= 2 ? [] : touches;
}

export function editSections(edits: PairEdit[]): AnswerSection[] {
  // an unconfirmed pair's text says it is to be looked up in the NCCI table: no badge on top of it
  return edits.map((e) => ({ ...sec('Bundling', editText(e), { source: citeEdit(e), cited: true }, e.confidence), ...(e.status === 'unconfirmed' ? { statedInText: true } : {}) }));
}

export function addOnSections(codes: string[]): AnswerSection[] {
  return ADD_ON_EDITS.filter((a) => codes.includes(a.addOn) || a.primary.some((p) => codes.includes(p))).map((a) =>
    sec('Add-on', `${a.addOn} is an add-on code: only with ${list(a.primary)}, never alone.`, { source: `${a.source} (${a.year})` }, a.confidence),
  );
}

/* ------------------------------------------------------------------ modifiers */

export function modifierSections(mod: string, code?: string, bilateral = true): AnswerSection[] {
  const non = NONEXISTENT_MODIFIER_NOTES.find((n) => n.code === mod);
  if (non) return [sec(`Modifier ${mod}`, non.explanation, fromRef(non.sources[0]), non.confidence)];
  const m = getModifier(mod);
  if (!m) return [];
  const out: AnswerSection[] = [
    sec(`Modifier ${mod}`, `${mod}: ${m.meaning} In this family: ${m.whenInFamily} Payment and limits: ${m.limits}`, fromModifierRef(mod, m.sources[0]), m.confidence),
  ];
  if (code && m.allowedOn.length) {
    const ok = m.allowedOn.includes(code);
    const pfs = m.sources.find((s) => s.key === 'PFS26') ?? m.sources.find((s) => s.key === 'NSREF') ?? m.sources[0];
    out.push(sec(`Modifier ${mod}`, ok ? `${mod} is allowed on ${code}.` : `${mod} is not allowed on ${code} (${code} is not among the codes that take it: ${m.allowedOn.join(', ')}).`, fromRef(pfs), m.confidence));
  }
  if (code && mod === '50' && !m.allowedOn.includes(code)) out.push(...bilateralNote(code));
  for (const r of MODIFIER_RULES.filter((x) => x.modifier === mod && x.output !== 'facility-note' && (bilateral || x.id !== 'bilateral-split'))) {
    out.push(sec(`Modifier ${mod}`, `Rule: ${r.rule} Applies to: ${r.codeCondition}.`, { source: r.source }, r.confidence));
  }
  return out;
}

/** The side modifiers a code takes for the side named in a question. */
export function sideModifiers(side: 'left' | 'right' | 'bilateral', code: string | undefined): string[] {
  if (side === 'left') return ['LT'];
  if (side === 'right') return ['RT'];
  if (code && BILATERAL_CODES.includes(code)) return ['50'];
  return code ? ['LT', 'RT'] : ['50', 'LT', 'RT'];
}

/* ------------------------------------------------------------------ payers and devices */

export function payerSections(code: string, payers: Payer[]): AnswerSection[] {
  const rows = payerNotesFor(code).filter((p) => !payers.length || payers.includes(p.payer));
  return rows.map((p) => ({
    ...sec(
      `${p.payer} — ${PAYER_GROUP_LABELS[p.group]}`,
      p.status === 'not-available'
        ? `${p.payer}: not available in our reference${p.hint ? ` (${p.hint})` : ''}.`
        : `${p.payer}: ${p.note}${p.policy ? ` Policy: ${citePolicy(p.payer, p.policy, null).cite}.` : ''}${p.verify ? ' Verify current policy.' : ''}`,
      p.source ? { source: citePolicy(p.payer, p.policy, p.source).cite, url: p.source, cited: true } : { source: 'not available', cited: true },
      p.confidence,
    ),
    // "Verify current policy." (or "not available") is in the text already
    ...(p.verify || p.status === 'not-available' ? { statedInText: true } : {}),
  }));
}

export function deviceSections(code: string): AnswerSection[] {
  const d = getDeviceCode(code);
  if (!d) return [];
  return [
    sec(
      d.code,
      `${d.code}: ${d.meaning} ${d.settingNote}${d.pairsWith.length ? ` Usually with ${list(d.pairsWith)}.` : ''}${d.mue ? ` MUE seen: ${d.mue}.` : ''}`,
      fromCitation(citeDeviceSource(d.sources[0])),
      d.confidence,
    ),
  ];
}
