import type { ConceptMatch, Confidence, Doc, Span, Suggestion, Warning } from '../types';
import type { Reading } from '../facts/events';
import type { DeviceInstance, Ledger } from '../ledger/types';
import { CODE_BY_ID } from '../../kb/codes';
import { WORK_SECTIONS } from '../sections/sections';
import { CATALOGUE_BY_BRAND } from '../../kb/device-catalogue';
import { CHECK_BY_ID, CONFIDENCE_CHECKS } from '../../kb/confidence-checks';

/** One reason a line needs a coder's look (a fired confidence check). */
export interface ReviewReason {
  id: string;
  text: string;
  question?: string;
  evidence: Span[];
}

export interface CheckContext {
  doc: Doc;
  matches: ConceptMatch[];
  reading: Reading;
  ledger: Ledger;
  suggestions: Suggestion[];
  warnings: Warning[];
}

interface Fired {
  detail: string;
  evidence: Span[];
}

type Predicate = (line: Suggestion, ctx: CheckContext) => Fired | null;

const LONG_NOTE_WORDS = 600;
const arraysOf = (l: Ledger) => l.instances.filter((i) => i.kind === 'array');
const doneActs = (i: DeviceInstance) => i.acts.filter((a) => a.status === 'done');
const evidenceOf = (is: DeviceInstance[]) => is.flatMap((i) => doneActs(i).flatMap((a) => a.evidence)).slice(0, 4);
const actionOf = (line: Suggestion, ctx: CheckContext) => (line.event !== undefined ? ctx.reading.events[line.event]?.action : undefined);

function unitsForCode(code: string, ctx: CheckContext): number {
  return ctx.suggestions.filter((s) => s.code === code).reduce((n, s) => n + s.units * (s.modifiers.some((m) => m.code === '50') ? 2 : 1), 0);
}

function arrayActionMismatch(action: string, arrays: DeviceInstance[]): string | null {
  const acted = arrays.filter((i) => doneActs(i).length);
  if (!acted.length) return null;
  const newIn = acted.some((i) => i.state === 'new-left-in');
  const old = acted.some((i) => i.preExisting && i.state !== 'pre-kept');
  if (action === 'insertion' && !newIn) return 'no lead is left in from today';
  if ((action === 'revision' || action === 'replacement' || action === 'removal') && !old) return 'every lead worked on was placed today';
  return null;
}

function generatorActionMismatch(action: string, gens: DeviceInstance[]): string | null {
  const acted = gens.filter((i) => doneActs(i).length);
  if (!acted.length) return null;
  const placed = acted.some((i) => i.state === 'new-left-in' || i.state === 'pre-replaced');
  const out = acted.some((i) => i.state === 'pre-removed' || i.state === 'pre-revised');
  if ((action === 'insertion' || action === 'replacement') && !placed) return 'no generator goes in today';
  if (action === 'removal' && placed) return 'a generator goes in today';
  if (action === 'removal' && !out) return 'the generator was not taken out or revised';
  return null;
}

function integratedActionMismatch(action: string, is: DeviceInstance[]): string | null {
  const acted = is.filter((i) => doneActs(i).length);
  if (!acted.length) return null;
  if (action === 'insertion' && !acted.some((i) => i.state === 'new-left-in')) return 'the device was not placed today';
  if (action === 'removal' && !acted.some((i) => i.state === 'pre-removed')) return 'the device was not removed';
  return null;
}

/** Affirmed hits of some kinds in the work, as a check's detail and evidence. */
function cues(ctx: CheckContext, kinds: string[], values?: string[]): Fired | null {
  const hits = ctx.matches.filter((m) => kinds.includes(m.kind) && (!values || values.includes(m.value)) && m.assertion !== 'negated');
  return hits.length ? { detail: [...new Set(hits.slice(0, 3).map((m) => `"${m.text}"`))].join(', '), evidence: hits.slice(0, 3).map(({ start, end, text }) => ({ start, end, text })) } : null;
}

const CONVERSION = /\b(?:convert(?:ed|ing)?|abandon(?:ed|ing)?|unable to (?:pass|access|advance|place|enter)|could not be (?:passed|placed|advanced)|unsuccessful)\b/gi;

const PREDICATES: Record<string, Predicate> = {
  'ledger-unexplained-act': (_line, ctx) => (ctx.ledger.unexplained.length ? { detail: ctx.ledger.unexplained.slice(0, 3).map((s) => `"${s.text}"`).join(', '), evidence: ctx.ledger.unexplained.slice(0, 3) } : null),
  'ledger-units': (line, ctx) => {
    const rule = CODE_BY_ID.get(line.code);
    if (rule?.unit !== 'per-array' || line.modifiers.some((m) => m.code === '53')) return null;
    const left = arraysOf(ctx.ledger).filter((i) => i.state === 'new-left-in');
    const units = unitsForCode(line.code, ctx);
    if (left.length && left.length !== units) return { detail: `${units} billed, ${left.length} left in`, evidence: evidenceOf(left) };
    // a count the note states for today's leads ("Leads: x2", "two leads were placed") above the units
    // (an add-on counts the arrays beyond the first, so it is compared through its primary)
    if (rule.addOnTo) return null;
    const stated = ctx.ledger.mentions.filter((m) => m.kind === 'array' && m.plural === 'stated' && m.count > units && !m.negated && !m.historical && ctx.ledger.clauses[m.clause]?.work);
    return stated.length ? { detail: `${units} billed, the note states ${stated[0].count} ("${stated[0].text}")`, evidence: [{ start: stated[0].start, end: stated[0].end, text: stated[0].text }] } : null;
  },
  'ledger-action': (line, ctx) => {
    const rule = CODE_BY_ID.get(line.code);
    const action = actionOf(line, ctx);
    if (!rule || !action || line.modifiers.some((m) => m.code === '53')) return null;
    const kind = rule.component === 'array' || rule.component === 'generator' || rule.component === 'integrated' ? rule.component : null;
    if (!kind) return null;
    const is = ctx.ledger.instances.filter((i) => i.kind === kind);
    const detail = kind === 'array' ? arrayActionMismatch(action, is) : kind === 'generator' ? generatorActionMismatch(action, is) : integratedActionMismatch(action, is);
    return detail ? { detail, evidence: evidenceOf(is) } : null;
  },
  'header-disagrees': (_line, ctx) => {
    const w = ctx.warnings.find((x) => x.kind === 'header-mismatch');
    return w ? { detail: (w.codes ?? []).join(', ') || 'see the warning', evidence: w.evidence ?? [] } : null;
  },
  'target-contested': (line, ctx) => {
    const rule = CODE_BY_ID.get(line.code);
    const scores = Object.entries(ctx.reading.targetScores).filter(([t]) => t !== 'tibial').sort((a, b) => b[1] - a[1]);
    if (!rule || scores.length < 2) return null;
    const [[t1, s1], [t2, s2]] = scores;
    const close = s2 >= 1 && s2 >= 0.5 * s1 && !(rule.target as string[]).includes(t2);
    return close ? { detail: `${t1} and ${t2}`, evidence: ctx.reading.targetEvidence.slice(0, 3) } : null;
  },
  'several-systems': (_line, ctx) => {
    const targets = ctx.suggestions.map((s) => new Set<string>(CODE_BY_ID.get(s.code)?.target ?? []));
    if (targets.length < 2) return null;
    const shared = [...targets[0]].filter((t) => targets.every((set) => set.has(t)));
    return shared.length ? null : { detail: ctx.suggestions.map((s) => s.code).join(', '), evidence: [] };
  },
  'brand-target': (line, ctx) => {
    const rule = CODE_BY_ID.get(line.code);
    if (!rule) return null;
    const off = ctx.ledger.instances.filter((i) => i.brand && !(rule.target as string[]).includes(CATALOGUE_BY_BRAND.get(i.brand)!.target));
    return off.length ? { detail: off.map((i) => i.brand).join(', '), evidence: off.flatMap((i) => i.evidence).slice(0, 2) } : null;
  },
  // quiet when the stage was settled by its dates (58 inside the earlier stage's global, with the interval);
  // a stage with no timing, or only words of staging, still asks
  'staged-session': (line, ctx) => (stageSettled(line) ? null : (cues(ctx, ['staged']) ?? stageWords(ctx))),
  // any named co-surgeon or assistant: on first-run blind sets the staff modifiers were wrong about half the time
  'staff-modifiers': (_line, ctx) => cues(ctx, ['cosurgeon', 'assistant'], ['cosurgeon', 'physician', 'nonphysician']),
  'extra-work': (_line, ctx) => cues(ctx, ['increasedWork', 'reduced']),
  'system-parts': (line, ctx) => {
    const rule = CODE_BY_ID.get(line.code);
    if (!rule || !(rule.parts?.length || rule.target.includes("hypoglossal"))) return null;
    if (rule.parts?.length && wholeSystemShown(rule.parts, actionOf(line, ctx), ctx.ledger)) return null;
    return { detail: rule.parts?.join(", ") ?? "hypoglossal system", evidence: [] };
  },
  'approach-changed': (line, ctx) => {
    const rule = CODE_BY_ID.get(line.code);
    if (!rule?.approach) return null;
    CONVERSION.lastIndex = 0;
    const x = CONVERSION.exec(ctx.doc.text);
    return x ? { detail: `"${x[0]}"`, evidence: [{ start: x.index, end: x.index + x[0].length, text: x[0] }] } : null;
  },
  'dbs-recording': (line, ctx) => {
    const rule = CODE_BY_ID.get(line.code);
    if (rule?.mer === undefined) return null;
    return cues(ctx, ['mer']) ?? { detail: 'none found', evidence: [] };
  },
  'array-count-unstated': (line, ctx) => {
    const rule = CODE_BY_ID.get(line.code);
    const ev = line.event !== undefined ? ctx.reading.events[line.event] : undefined;
    if (!rule?.arrays || !ev || ev.target !== 'intracranial') return null;
    if (ctx.reading.arrays.evidence.length || ev.sides.length >= 2 || countStated(ctx)) return null;
    return { detail: rule.arrays === 'one' ? 'one array' : 'two or more arrays', evidence: [] };
  },
  'array-units-unstated': (line, ctx) => {
    if (CODE_BY_ID.get(line.code)?.unit !== 'per-array' || ctx.reading.arrays.evidence.length || ctx.ledger.statedArrayCounts.length) return null;
    const x = EITHER_NUMBER.exec(ctx.doc.text);
    return x ? { detail: `"${x[0]}"`, evidence: [{ start: x.index, end: x.index + x[0].length, text: x[0] }] } : null;
  },
  'ledger-target': (line, ctx) => {
    const rule = CODE_BY_ID.get(line.code);
    if (!rule) return null;
    const kind = rule.component === 'system' ? 'array' : rule.component;
    const other = ctx.ledger.instances.find((i) => i.kind === kind && i.target && !(rule.target as string[]).includes(i.target) && doneActs(i).some((a) => a.act !== 'connected'));
    return other ? { detail: `${other.target} for a ${other.kind}`, evidence: evidenceOf([other]) } : null;
  },
  'approach-inferred': (line, ctx) => (approachInferred(line, ctx) ? { detail: ctx.reading.approach.value ?? 'the usual approach', evidence: ctx.reading.approach.evidence } : null),
  'target-weak': (line, ctx) => (targetWeak(line, ctx) ? { detail: ctx.reading.targetEvidence.slice(0, 2).map((s) => `"${s.text}"`).join(', ') || 'no system word', evidence: ctx.reading.targetEvidence.slice(0, 2) } : null),
  'documentation-gap': (line) => {
    const gap = (line.warnings ?? []).find((w) => w.startsWith('Documentation gap'));
    return gap ? { detail: gap.replace(/^Documentation gap: /, ''), evidence: [] } : null;
  },
  // a line an earlier stage (edits, add-on rules) set below high, with none of the named reasons above
  'line-warning': (line, ctx) => {
    if (line.confidence === 'high' || approachInferred(line, ctx) || targetWeak(line, ctx) || (line.warnings ?? []).some((w) => w.startsWith('Documentation gap'))) return null;
    return { detail: (line.warnings ?? [])[0] ?? 'the reading of this line rests on weak evidence', evidence: [] };
  },
  'side-missing': (line) => {
    if (!CODE_BY_ID.get(line.code)?.sided || line.modifiers.some((m) => m.code === 'LT' || m.code === 'RT' || m.code === '50')) return null;
    return { detail: '', evidence: [] };
  },
  'long-dictation': (_line, ctx) => {
    const words = ctx.doc.tokens.filter((t) => /\w/.test(t.text)).length;
    return words > LONG_NOTE_WORDS ? { detail: `${words} words`, evidence: [] } : null;
  },
};

function approachInferred(line: Suggestion, ctx: CheckContext): boolean {
  return !!CODE_BY_ID.get(line.code)?.approach && ctx.reading.approach.defaulted;
}

/**
 * The device story shows every part a whole-system code covers, each with the same fate: all placed
 * new and left in (an insertion), or all already in and taken out (a removal), the generator too.
 */
function wholeSystemShown(parts: readonly string[], action: string | undefined, ledger: Ledger): boolean {
  const want = action === 'insertion' ? 'new-left-in' : action === 'removal' ? 'pre-removed' : null;
  if (!want) return false;
  // a new generator goes into a pocket made for it
  if (want === 'new-left-in' && !ledger.pockets.some((p) => p.act === 'created' && p.status === 'done')) return false;
  const kinds = [...new Set([...parts.map((p) => (p === 'sensor' ? 'sensor' : 'array')), 'generator'])];
  return kinds.every((k) => {
    const is = ledger.instances.filter((i) => i.kind === k && doneActs(i).length > 0);
    return is.length > 0 && is.every((i) => i.state === want);
  });
}

/** The line's system is not named by any word in the account of the work (only in passing, or inferred). */
function targetWeak(line: Suggestion, ctx: CheckContext): boolean {
  const rule = CODE_BY_ID.get(line.code);
  if (!rule || rule.target.some((t) => (ctx.reading.targetScores[t] ?? 0) >= 1)) return false;
  const named = ctx.matches.some((m) => m.kind === 'target' && (rule.target as string[]).includes(m.value) && (m.assertion === 'affirmed' || m.assertion === 'historical') && WORK_SECTIONS.has(m.section));
  return !named;
}

/** Words that tell how many arrays a cranial generator drives: "single-channel", "both extensions", "a single left VIM lead". */
const ARRAY_COUNT = /\b(?:single|dual|one|two|both|each|unilateral|bilateral)(?:[- ](?:channel|sided))?\s+(?:[a-z]+\s+){0,3}?(?:leads?|electrodes?|extensions?|arrays?|generator|ipg|channels?)\b|\b(?:single|dual)[- ]channel\b/i;

/** The number of arrays is told by words, or by the leads placed today (they are what the generator drives). */
function countStated(ctx: CheckContext): boolean {
  if (ARRAY_COUNT.test(ctx.doc.text)) return true;
  return arraysOf(ctx.ledger).some((i) => i.state === 'new-left-in');
}

/** "lead(s)", "electrode(s)": the writer leaves the number of arrays open. */
const EITHER_NUMBER = /\b(?:leads?|electrodes?|arrays?)\s?\(s\)/i;

/**
 * 58 is added only when the dates put this stage inside the earlier stage's global (modifiers applyStaged),
 * so a line with 58 has its stage settled. (An interval outside the global settles 58 but not which parts
 * this session did, so it still asks.)
 */
const stageSettled = (line: Suggestion) => line.modifiers.some((m) => m.code === '58');

const STAGE = /\b(?:stage\s*(?:1|2|one|two|i{1,2})|(?:first|second)[- ]stage|staged)\b/i;

function stageWords(ctx: CheckContext): Fired | null {
  const x = STAGE.exec(ctx.doc.text);
  return x ? { detail: `"${x[0]}"`, evidence: [{ start: x.index, end: x.index + x[0].length, text: x[0] }] } : null;
}

const ORDER: Confidence[] = ['high', 'medium', 'low'];
const lower = (a: Confidence, b: Confidence): Confidence => (ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b);

/** Run every check on every line: lower the band and record each fired check as a review reason. */
export function applyChecks(ctx: CheckContext): Suggestion[] {
  return ctx.suggestions.map((line) => {
    const reasons: ReviewReason[] = [...(line.reviewReasons ?? [])];
    let confidence = line.confidence;
    for (const check of CONFIDENCE_CHECKS) {
      const fired = PREDICATES[check.id]?.(line, ctx);
      if (!fired) continue;
      confidence = lower(confidence, check.band);
      reasons.push({ id: check.id, text: CHECK_BY_ID.get(check.id)!.text.replace('{detail}', fired.detail), ...(check.question ? { question: check.question } : {}), evidence: fired.evidence });
    }
    const status = confidence === 'high' && !reasons.length ? 'ready' : 'review';
    return { ...line, confidence, reviewReasons: reasons, status };
  });
}

/** Ids of checks with a predicate (a kb record without one is a test failure). */
export const CHECK_IDS: readonly string[] = Object.keys(PREDICATES);
