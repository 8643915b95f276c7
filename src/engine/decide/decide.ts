import type { Alternative, ConceptMatch, Confidence, Reason, Span, Suggestion, Warning } from '../types';
import type { EventDetail, Reading } from '../facts/events';
import { CODE_RULES, CODE_BY_ID, type CodeRule } from '../../kb/codes';

export interface Decision {
  suggestions: Suggestion[];
  warnings: Warning[];
}

const LABEL: Record<string, string> = {
  spinal: 'spinal (epidural)',
  peripheral: 'peripheral nerve',
  sacral: 'sacral nerve',
  gastric: 'gastric',
  vagus: 'cranial nerve (vagus)',
  hypoglossal: 'hypoglossal nerve',
  intracranial: 'intracranial (deep brain)',
  neuromuscular: 'neuromuscular',
  tibial: 'posterior tibial nerve',
  array: 'electrode array',
  generator: 'pulse generator',
  integrated: 'integrated stimulation system',
  system: 'array with its generator',
  needleElectrode: 'needle electrode',
  insertion: 'insertion',
  replacement: 'replacement',
  revision: 'revision',
  removal: 'removal',
  treatment: 'treatment session',
  percutaneous: 'percutaneous',
  open: 'open',
  laminectomy: 'laminotomy/laminectomy (paddle)',
  laparoscopic: 'laparoscopic',
  stereotactic: 'stereotactic',
};
export const label = (v: string | null | undefined): string => (v ? (LABEL[v] ?? v) : 'unknown');

/** "a" or "an" before a word, by its first letter (good enough for our own labels). */
export const withArticle = (words: string): string => `${/^[aeiou]/i.test(words) ? 'an' : 'a'} ${words}`;

/** Rules whose attributes fit the event. */
export function rulesFor(ev: EventDetail, mer: boolean): CodeRule[] {
  const fits = CODE_RULES.filter(
    (r) =>
      !r.addOnTo &&
      r.target.includes(ev.target as CodeRule['target'][number]) &&
      r.component === ev.component &&
      r.action.includes(ev.action as CodeRule['action'][number]) &&
      (r.approach === null || (ev.approach !== null && r.approach.includes(ev.approach as never))) &&
      (r.mer === undefined || r.mer === mer) &&
      (!r.parts || r.parts.every((p) => ev.parts.includes(p))),
  );
  // the most specific system code wins (64582 with its sensor over 64568)
  return fits.sort((a, b) => (b.parts?.length ?? 0) - (a.parts?.length ?? 0));
}

function generatorArraysFits(rule: CodeRule, ev: EventDetail): boolean {
  if (!rule.arrays) return true;
  const n = ev.target === 'hypoglossal' ? 2 : ev.target === 'vagus' ? 1 : ev.arrays;
  return rule.arrays === 'one' ? n <= 1 : n >= 2;
}

/** Pocket and connection evidence for generator codes. */
function requirementEvidence(matches: ConceptMatch[], work: Set<number>, kind: 'pocket' | 'connection'): { ok: Span[]; notCounted: ConceptMatch[] } {
  const ok: Span[] = [];
  const notCounted: ConceptMatch[] = [];
  const externals = new Set(matches.filter((m) => m.kind === 'external' && m.assertion === 'affirmed').map((m) => m.sentence));
  for (const m of matches) {
    if (m.kind !== kind || !work.has(m.sentence)) continue;
    const fine =
      m.assertion === 'affirmed' || (kind === 'pocket' && m.assertion === 'historical' && m.value !== 'created');
    if (fine && !(kind === 'connection' && externals.has(m.sentence))) ok.push({ start: m.start, end: m.end, text: m.text });
    else notCounted.push(m);
  }
  return { ok, notCounted };
}

function why(m: ConceptMatch): string {
  const cue = m.cue ? ` by "${m.cue.text}"` : '';
  if (m.assertion === 'negated') return `"${m.text}" is negated${cue}`;
  if (m.assertion === 'historical') return `"${m.text}" refers to an earlier procedure${cue}`;
  if (m.assertion === 'hypothetical') return `"${m.text}" is planned or conditional${cue}`;
  return `"${m.text}" is about an external (trial) device`;
}

/** The inputs every decision step reads. */
interface DecideInput {
  reading: Reading;
  matches: ConceptMatch[];
  work: Set<number>;
}

/** From events to claim lines with reasons, units, confidence and alternatives. */
export function decide(reading: Reading, matches: ConceptMatch[], work: Set<number>): Decision {
  const out: Decision = { suggestions: [], warnings: [] };
  const input: DecideInput = { reading, matches, work };
  reading.events.forEach((ev, idx) => decideEvent(input, ev, idx, out));
  return out;
}

/** One event: its code (or a no-code warning), then its line and any add-on line. */
function decideEvent(input: DecideInput, ev: EventDetail, idx: number, out: Decision): void {
  const { reading, matches, work } = input;
  const rules = rulesFor(ev, reading.mer.value).filter((r) => generatorArraysFits(r, ev));
  const rule = rules[0];
  if (!rule) {
    out.warnings.push({
      kind: 'no-code',
      message: `The note documents ${label(ev.action)} of ${withArticle(label(ev.component))} (${label(ev.target)}, ${label(ev.approach)}), but no code of the family fits that combination.`,
      evidence: ev.evidence.slice(0, 4),
    });
    return;
  }
  const reasons: Reason[] = [];
  const lineWarnings: string[] = [];
  addEventReasons(rule, ev, reading, reasons, lineWarnings);
  const confidence = addRequirementReasons(input, rule, reasons, lineWarnings, out.warnings);
  if (rule.includesImaging) {
    const img = matches.filter((m) => m.kind === 'imaging' && m.assertion === 'affirmed' && work.has(m.sentence));
    if (img.length) reasons.push({ text: 'Imaging guidance is part of this code; it is not a separate line.', evidence: img.slice(0, 2).map(sp) });
  }
  // an inferred approach or a weakly named system lowers the band in the confidence checks
  // (approach-inferred, target-weak), where the reason is given to the coder

  // units and add-ons
  const arrays = Math.max(1, ev.arrays);
  const { units, unitReasons } = unitsFor(rule, arrays, reading);
  out.suggestions.push({
    code: rule.code,
    units,
    modifiers: [],
    confidence,
    description: rule.description,
    reasons,
    unitReasons,
    alternatives: alternativesFor(rule, ev, reading, matches, work),
    warnings: lineWarnings,
    event: idx,
  });
  if (rule.addOn && arrays > 1) out.suggestions.push(addOnLine(rule, rule.addOn, arrays, confidence, reading, idx));
}

/** The reasons read off the event itself: target, action and component, ledger, approach, MER. */
function addEventReasons(rule: CodeRule, ev: EventDetail, reading: Reading, reasons: Reason[], lineWarnings: string[]): void {
  reasons.push({
    text: `Target: ${label(ev.target)}.`,
    evidence: reading.targetEvidence.slice(0, 3),
  });
  reasons.push({
    text: `${cap(label(ev.action))} of the ${label(ev.component)}${ev.parts.length > 1 ? ` (${ev.parts.join(', ')})` : ''}.`,
    evidence: dedupe([...ev.actionEvidence.slice(0, 3), ...ev.componentEvidence.slice(0, 3)]),
  });
  if (ev.ledgerReason) reasons.push(ev.ledgerReason);
  if (rule.approach) {
    reasons.push({
      text: reading.approach.defaulted
        ? `Approach taken as ${label(ev.approach)}: the note names no other approach.`
        : `Approach: ${label(ev.approach)}.`,
      evidence: reading.approach.evidence,
    });
    if (reading.approach.defaulted && rule.target.length && CODE_RULES.some((r) => r !== rule && r.component === rule.component && r.target.some((t) => rule.target.includes(t)) && r.action.some((a) => rule.action.includes(a)) && r.approach && !r.approach.includes(ev.approach as never))) {
      lineWarnings.push('Approach is not stated explicitly; it was inferred.');
    }
  }
  if (rule.mer !== undefined) {
    reasons.push({
      text: rule.mer ? 'Microelectrode recording was documented.' : 'No microelectrode recording is documented.',
      evidence: reading.mer.evidence,
    });
  }
}

/**
 * The pocket and connection a generator code requires: a reason for each one documented, a
 * documentation gap (line warning and stage warning) for each one missing. Returns the line's
 * confidence: low when any is missing.
 */
function addRequirementReasons(input: DecideInput, rule: CodeRule, reasons: Reason[], lineWarnings: string[], warnings: Warning[]): Confidence {
  let confidence: Confidence = 'high';
  for (const req of rule.requires) {
    const { ok, notCounted } = requirementEvidence(input.matches, input.work, req);
    if (ok.length) {
      reasons.push({
        text: req === 'pocket' ? 'A pocket for the generator was created or opened.' : 'The array was connected to the implanted generator.',
        evidence: ok.slice(0, 3),
      });
    } else {
      confidence = 'low';
      const detail = notCounted.length ? ` (${why(notCounted[0])})` : '';
      const msg =
        req === 'pocket'
          ? `Documentation gap: the code needs a pocket for the generator, and the note does not document one${detail}.`
          : `Documentation gap: the code needs the array connected to the generator, and the note does not document it${detail}.`;
      lineWarnings.push(msg);
      warnings.push({ kind: 'documentation', message: `${rule.code}: ${msg}`, codes: [rule.code], evidence: notCounted.slice(0, 2).map((m) => ({ start: m.start, end: m.end, text: m.text })) });
    }
  }
  return confidence;
}

/** Units of the code's own line: one per array for per-array codes, else one. */
function unitsFor(rule: CodeRule, arrays: number, reading: Reading): { units: number; unitReasons: Reason[] } {
  if (rule.unit === 'per-array') {
    return {
      units: arrays,
      unitReasons: [
        {
          text: arrays > 1 ? `${arrays} arrays were placed: one unit each.` : 'One array placed: one unit.',
          evidence: reading.arrays.evidence.slice(0, 3),
        },
      ],
    };
  }
  return {
    units: 1,
    unitReasons: [{ text: rule.unit === 'first-array' ? 'The first array is reported once.' : 'Reported once per session, whatever the number of arrays.', evidence: [] }],
  };
}

/** The add-on line for each array beyond the first. */
function addOnLine(rule: CodeRule, addOnCode: string, arrays: number, confidence: Confidence, reading: Reading, idx: number): Suggestion {
  const add = CODE_BY_ID.get(addOnCode)!;
  return {
    code: add.code,
    units: arrays - 1,
    modifiers: [],
    confidence,
    description: add.description,
    reasons: [{ text: `Add-on to ${rule.code} for each array beyond the first.`, evidence: reading.arrays.evidence.slice(0, 3) }],
    unitReasons: [{ text: `${arrays} arrays: ${arrays - 1} additional.`, evidence: reading.arrays.evidence.slice(0, 3) }],
    alternatives: [],
    warnings: [],
    event: idx,
  };
}

const sp = (m: { start: number; end: number; text: string }): Span => ({ start: m.start, end: m.end, text: m.text });
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
function dedupe(spans: Span[]): Span[] {
  const seen = new Set<string>();
  return spans.filter((s) => (seen.has(`${s.start}:${s.end}`) ? false : (seen.add(`${s.start}:${s.end}`), true)));
}

/**
 * The nearest other codes and the one documented fact that rules each out: codes that differ
 * from the chosen one in a single attribute (target, approach, action or component).
 */
export function alternativesFor(rule: CodeRule, ev: EventDetail, reading: Reading, matches: ConceptMatch[], work: Set<number>): Alternative[] {
  const ranked: { rank: number; alt: Alternative }[] = [];
  const seen = new Set<string>([rule.code]);
  const add = (rank: number, code: string, whyNot: string, evidence?: Span[]) => {
    if (seen.has(code)) return;
    seen.add(code);
    ranked.push({ rank, alt: { code, whyNot, evidence: evidence?.slice(0, 3) } });
  };
  // arrays-only sessions: say first why there is no generator code
  if (rule.component === 'array' && ev.action === 'insertion') {
    const gen = CODE_RULES.find((r) => r.component === 'generator' && r.target.includes(ev.target as never) && r.action.includes('insertion'));
    if (gen && !reading.events.some((e) => e.component === 'generator')) {
      const genMentions = matches.filter((m) => m.kind === 'component' && m.value === 'generator' && work.has(m.sentence));
      const notCounted = genMentions.find((m) => m.assertion !== 'affirmed');
      if (reading.externalGenerator.length) add(0, gen.code, `${gen.code} not chosen: the generator is external (trial), so no pocket or implanted generator.`, reading.externalGenerator);
      else if (notCounted) add(0, gen.code, `${gen.code} not chosen: ${why(notCounted)}.`, [sp(notCounted)]);
      else add(0, gen.code, `${gen.code} not chosen: no implanted generator placement is documented.`);
    }
  }
  for (const r of CODE_RULES) {
    if (seen.has(r.code) || r.addOnTo) continue;
    const sameTarget = r.target.includes(ev.target as never);
    const sameComp = r.component === rule.component;
    const sameAction = r.action.includes(ev.action as never);
    const sameApproach = r.approach === null || rule.approach === null || r.approach.some((a) => rule.approach!.includes(a));
    const diffs = [!sameTarget, !sameComp, !sameAction, !sameApproach].filter(Boolean).length;
    if (diffs !== 1) continue;
    if (!sameApproach) {
      add(1, r.code, `${r.code} needs ${withArticle(r.approach!.map(label).join(' or '))} approach; the note documents ${label(ev.approach)}${reading.approach.defaulted ? ' (no other approach named)' : ''}.`, reading.approach.evidence);
    } else if (!sameAction) {
      add(2, r.code, `${r.code} is for ${r.action.map(label).join(' / ')}; the note documents ${label(ev.action)}.`, ev.actionEvidence);
    } else if (!sameTarget && sameComp) {
      add(3, r.code, `${r.code} is for ${withArticle(r.target.map(label).join(' / '))} target; this note's target is ${label(ev.target)}.`, reading.targetEvidence);
    }
  }
  return ranked
    .sort((a, b) => a.rank - b.rank)
    .slice(0, 4)
    .map((r) => r.alt);
}
