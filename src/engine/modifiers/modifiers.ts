import type { ConceptMatch, ModifierSuggestion, Question, Reason, SectionKind, Span, Suggestion, Warning } from '../types';
import { impliedReturn } from './implied-return';
import { intervalFromDates, PROCEDURE_EVENT } from './dates';
import type { CodingContext, StageResult } from '../pipeline-types';
import type { EventDetail } from '../facts/events';
import { CODE_BY_ID, CODE_RULES, type CodeRule } from '../../kb/codes';
import { MODIFIER_ORDER, MODIFIER_RULE_BY_ID, NONEXISTENT_MODIFIERS, PAYMENT_INDICATOR_TEXT, REAL_MODIFIERS } from '../../kb/modifier-rules';

/**
 * Modifier stage: adds the modifiers the note's documented facts support, splits bilateral
 * per-array lines into LT and RT lines, and asks questions where a modifier depends on
 * something the note does not say (timing against an earlier global period).
 *
 * Facts count only when affirmed and inside this session's work sentences (ctx.work); a few
 * circumstances that notes state in the header (stage 2, return to the OR, the timing) are
 * also read from the procedure, diagnosis, indication and history sections.
 *
 * Conventions (neurostimulator-coding.md §8):
 * - Both sides in one session: codes with Medicare bilateral indicator 1 get one line with 50
 *   and 1 unit; sided per-array codes with indicator 0 are split into an LT and an RT line
 *   (units per side, split evenly when the note does not say). DBS 61863/61867 take no 50:
 *   the second side is already the add-on 61864/61868 from the decide stage.
 * - 59 is never suggested; the edits stage adds XS/XE when an indicator-1 pair needs it.
 * - 73/74 are facility notes (warnings of kind "facility"), never claim modifiers.
 * - No modifier outside REAL_MODIFIERS is ever emitted (there is no modifier 11).
 */

const HEADER_SECTIONS: ReadonlySet<SectionKind> = new Set(['preamble', 'procedure', 'preop_dx', 'postop_dx', 'indications', 'history']);
const FUTURE_SECTIONS: ReadonlySet<SectionKind> = new Set(['plan', 'disposition']);

const sp = (m: { start: number; end: number; text: string }): Span => ({ start: m.start, end: m.end, text: m.text });

// ---- co-surgery: who did which part ----------------------------------------------------------
// (the co-surgeon's absence from a part: "Dr. B did not participate in ...", "he was not scrubbed for ...";
// the author's own absence, "I was not scrubbed for ...", is NOT_MINE below)
const ALONE = /\b(by me alone|by myself|alone|solely by me|without the co-?surgeon|(?<!\bi )did not (participate|take part|assist) in|(?<!\bi )(was|were) not (involved|present|scrubbed) (in|for))\b/i;
const GONE = /\b(left (the )?(room|operating room|or|field|theatre|theater)|scrubbed out|broke scrub|departed)\b/i;
const NOT_MINE = /\b(i was not scrubbed|i was not present|(he|she|they) will dictate|dictates? (it|that|this)( portion| part)? separately|dictated separately by)\b/i;
const GENERATOR_PART = /\b(generator|ipg|battery|pocket|receiver)\b/i;
// ("the lead tails were tunneled to the pocket" is the generator's part)
const ARRAY_PART = /\b(lead|leads|paddle|array|electrode)s?\b(?!\s+(?:tails?|ends?|extensions?|connectors?)\b)/i;

/** 52 on a whole-system removal: a part of the system named as left behind. */
const SYSTEM_PART = /\b(sens(?:or|ing lead)|lead|electrode|array|cuff|generator|ipg|battery)s?\b/i;
const LEFT_BEHIND = /\bleft (in (place|situ)|in its|behind)|\b(retained|abandoned) in (place|situ)\b/i;
/** "no fragment was left behind", "nothing was retained in place": the opposite of a part left. */
const NOTHING_BEFORE = /\b(no|nothing|none|without|not)\b[^.;,]*$/i;

function partLeftBehind(sentence: string): boolean {
  const hit = LEFT_BEHIND.exec(sentence);
  return hit !== null && !NOTHING_BEFORE.test(sentence.slice(Math.max(0, hit.index - 40), hit.index));
}

/** Words that name the part of a case a code covers (the generator part, the lead part). */
function partWords(component: string | undefined): RegExp | null {
  return component === 'generator' ? GENERATOR_PART : component === 'array' ? ARRAY_PART : null;
}

/** "(Dr. Osei only)" where Dr. Osei is the note's surgeon: the part is the author's alone. */
function authorOnlyPattern(text: string): RegExp | null {
  const surgeon = /^[ \t]*(?:surgeon|primary surgeon|attending surgeon|attending)\b[^:\n]{0,20}:\s*(?:dr\.?\s+)?([^\n,]{2,60})/im.exec(text.slice(0, 1500));
  const surname = surgeon?.[1].replace(/\b(md|do|mbbs|frcs|phd)\b.*$/i, '').trim().split(/\s+/).pop()?.replace(/[^a-z'-]/gi, '');
  return surname && surname.length > 1 ? new RegExp(`\\b(?:dr\\.?\\s+)?${surname}\\s+only\\b`, 'i') : null;
}

/** Lines the modifier and edit stages work on: a copy, so the input stays untouched. */
function cloneLine(s: Suggestion): Suggestion {
  return { ...s, modifiers: [...s.modifiers], warnings: [...(s.warnings ?? [])], unitReasons: [...(s.unitReasons ?? [])], reasons: [...s.reasons] };
}

export function addModifier(line: Suggestion, code: string, reason: Reason): void {
  if (!(REAL_MODIFIERS as readonly string[]).includes(code)) return;
  const existing = line.modifiers.find((m) => m.code === code);
  if (existing) {
    existing.reasons.push(reason);
    return;
  }
  line.modifiers.push({ code, reasons: [reason] });
}

function addLineWarning(line: Suggestion, text: string): void {
  if (!line.warnings) line.warnings = [];
  if (!line.warnings.includes(text)) line.warnings.push(text);
}

function sortModifiers(mods: ModifierSuggestion[]): ModifierSuggestion[] {
  const rank = (c: string) => {
    const i = MODIFIER_ORDER.indexOf(c);
    return i < 0 ? 99 : i;
  };
  return mods.filter((m) => (REAL_MODIFIERS as readonly string[]).includes(m.code)).sort((a, b) => rank(a.code) - rank(b.code));
}

// ---------------------------------------------------------------------------------------------
// timing against an earlier global period

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fourteen: 14, thirty: 30,
};

export interface Timing {
  /** The note says in so many words that the session is within a global period. */
  explicitGlobal: boolean;
  /** Days since the earlier procedure, when a number is documented. */
  days: number | null;
  evidence: Span[];
}

function numberOf(norm: string): number | null {
  const clean = norm.replace(/^pod#?/, '');
  if (/^\d{1,3}$/.test(clean)) return Number(clean);
  return NUMBER_WORDS[norm] ?? null;
}

/** Read the documented interval since an earlier procedure (POD 5, "three weeks ago", "within the global period"). */
export function readTiming(ctx: CodingContext): Timing {
  const { doc, matches } = ctx;
  const evidence: Span[] = [];
  let explicitGlobal = false;
  let days: number | null = null;
  for (const m of matches) {
    if (m.kind !== 'globalPeriod' || m.assertion === 'negated' || FUTURE_SECTIONS.has(m.section)) continue;
    const lower = m.text.toLowerCase();
    const s = doc.sentences[m.sentence];
    // "drainage began 5 days ago" dates a symptom; only an interval since a procedure counts
    if (!lower.includes('global') && !/pod|post/.test(lower) && !PROCEDURE_EVENT.test(doc.text.slice(s.start, s.end))) continue;
    evidence.push(sp(m));
    if (lower.includes('global')) {
      explicitGlobal = true;
      continue;
    }
    const from = Math.max(s.tokenStart, m.tokenStart - 2);
    const to = Math.min(s.tokenEnd, m.tokenEnd + 1);
    let n: number | null = null;
    let unit = 1;
    for (let k = from; k < to; k++) {
      const norm = doc.tokens[k].norm;
      if (n === null) n = numberOf(norm);
      if (/^weeks?$/.test(norm)) unit = 7;
      if (/^months?$/.test(norm)) unit = 30;
    }
    if (n !== null) {
      const d = n * unit;
      if (days === null || d < days) days = d;
    }
  }
  if (days === null) {
    // "Date: 08/13/2025 ... lead placement on 08/04/2025"
    const fromDates = intervalFromDates(doc);
    if (fromDates) {
      days = fromDates.days;
      evidence.push(...fromDates.evidence);
    }
  }
  return { explicitGlobal, days, evidence };
}

/** The global days of the earlier stage, when the target makes it unambiguous. */
function earlierStage(target: string | null, matches: readonly ConceptMatch[], text: string): { label: string; days: number } | null {
  if (target === 'sacral') {
    // stage 1 told in the history: "lead placed through an open sacral incision" (64581) or
    // percutaneously (64561); "after failed percutaneous access" is not how it was placed
    const told = (v: string) =>
      matches.some(
        (m) =>
          m.kind === 'approach' &&
          m.value === v &&
          m.assertion !== 'negated' &&
          m.assertion !== 'hypothetical' &&
          (m.assertion === 'historical' || ['history', 'indications', 'preop_dx'].includes(m.section)) &&
          !/\b(failed|unsuccessful|attempted|abandoned|aborted)\s+$/i.test(text.slice(Math.max(0, m.start - 16), m.start)),
      );
    if (told('open') && !told('percutaneous')) return { label: 'the open stage 1 lead placement (64581, 90-day global)', days: 90 };
    if (told('percutaneous') && !told('open')) return { label: 'the percutaneous stage 1 (64561, 10-day global)', days: 10 };
    return null;
  }
  switch (target) {
    case 'spinal':
      return { label: 'the percutaneous trial (63650, 10-day global)', days: 10 };
    case 'peripheral':
      return { label: 'the percutaneous trial (64555, 10-day global)', days: 10 };
    case 'intracranial':
      return { label: 'the lead placement (61863/61867, 90-day global)', days: 90 };
    default:
      return null; // sacral stage 1 may be 64561 (10 days) or 64581 (90 days)
  }
}

/**
 * The global days of the implant that a return to the OR goes back to, when every insertion code
 * of that system has the same global (hypoglossal, vagus, DBS, open sacral or gastric systems:
 * 90 days); null when it depends on which code the first operation was.
 */
function implantGlobalDays(target: string | null, approaches: (string | null)[]): number | null {
  if (!target) return null;
  const open = approaches.some((a) => a === 'open' || a === 'laminectomy' || a === 'laparoscopic' || a === 'stereotactic');
  const days = new Set(
    CODE_RULES.filter((r) => (r.target as readonly string[]).includes(target) && r.action.includes('insertion') && !r.addOnTo && (r.globalDays === '010' || r.globalDays === '090'))
      .filter((r) => !open || !r.approach || r.approach.some((a) => a !== 'percutaneous'))
      .map((r) => r.globalDays),
  );
  return days.size === 1 ? (days.has('090') ? 90 : 10) : null;
}

/**
 * The global period of the earlier placement of the devices reworked today: the insertion code of
 * the same target, component and approach ("a paddle revised" → the paddle's placement, 90 days).
 * Falls back to the target-wide answer when the reworked parts do not settle it.
 */
function reworkedGlobalDays(target: string | null, events: readonly { component: string; action: string; approach: string | null }[]): number | null {
  const byTarget = implantGlobalDays(target, events.map((e) => e.approach));
  if (byTarget !== null || !target) return byTarget;
  const days = new Set<string>();
  for (const e of events) {
    if (e.action === 'insertion') continue;
    const open = e.approach !== null && e.approach !== 'percutaneous';
    for (const r of CODE_RULES) {
      if (!(r.target as readonly string[]).includes(target) || r.component !== e.component || !r.action.includes('insertion') || r.addOnTo) continue;
      if (e.approach && r.approach && !r.approach.some((a) => (open ? a !== 'percutaneous' : a === 'percutaneous'))) continue;
      if (r.globalDays === '010' || r.globalDays === '090') days.add(r.globalDays);
    }
  }
  return days.size === 1 ? (days.has('090') ? 90 : 10) : null;
}

type Verdict = 'within' | 'outside' | 'unknown';
function verdictFor(t: Timing, earlierDays: number | null): Verdict {
  if (t.explicitGlobal) return 'within';
  if (t.days === null) return 'unknown';
  if (t.days <= 10) return 'within';
  if (t.days > 90) return 'outside';
  if (earlierDays === 90) return 'within';
  if (earlierDays === 10) return 'outside';
  return 'unknown';
}

// ---------------------------------------------------------------------------------------------

/** What every modifier step reads and adds to: the lines being worked on and the stage's output. */
interface ModifierRun {
  ctx: CodingContext;
  /** Replaced by the side and co-surgery steps (split lines, lines that are not the author's). */
  lines: Suggestion[];
  warnings: Warning[];
  questions: Question[];
}

type SideRead = { values: string[]; evidence: Span[] };
type SideWhere = (m: ConceptMatch) => boolean;

const ruleOf = (l: Suggestion): CodeRule | undefined => CODE_BY_ID.get(l.code);
const isPrimary = (l: Suggestion) => !ruleOf(l)?.addOnTo;
const primaries = (run: ModifierRun) => run.lines.filter(isPrimary);
const inWork = (run: ModifierRun) => (m: ConceptMatch) => run.ctx.work.has(m.sentence);
const inWorkOrHeader = (run: ModifierRun) => (m: ConceptMatch) => run.ctx.work.has(m.sentence) || HEADER_SECTIONS.has(m.section);
function affirmed(run: ModifierRun, kind: string, where: SideWhere = inWork(run), value?: string): ConceptMatch[] {
  return run.ctx.matches.filter((m) => m.kind === kind && m.assertion === 'affirmed' && where(m) && (value === undefined || m.value === value));
}
function sentenceText(run: ModifierRun, i: number): string {
  const { doc } = run.ctx;
  const s = doc.sentences[i];
  return doc.text.slice(s.start, s.end).replace(/\s+/g, ' ').trim();
}

/** The primary line whose evidence lies nearest to a span (for 22, 52, 53). */
function nearestLine(run: ModifierRun, at: Span): Suggestion | undefined {
  const { reading } = run.ctx;
  let best: Suggestion | undefined;
  let bestD = Infinity;
  for (const l of primaries(run)) {
    const ev = l.event !== undefined ? (reading.events[l.event]?.evidence ?? []) : [];
    const spans = ev.length ? ev : l.reasons.flatMap((r) => r.evidence);
    for (const e of spans) {
      const d = e.end <= at.start ? at.start - e.end : e.start >= at.end ? e.start - at.end : 0;
      if (d < bestD) {
        bestD = d;
        best = l;
      }
    }
  }
  return best ?? primaries(run)[0];
}

export function applyModifiers(ctx: CodingContext, input: Suggestion[]): StageResult {
  const run: ModifierRun = { ctx, lines: input.map(cloneLine), warnings: [], questions: [] };
  applySides(run);
  applyIncreasedWork(run);
  applyDiscontinued(run);
  applyReduced(run);
  applyGlobalPeriod(run);
  applyCoSurgery(run);
  applyAssistant(run);
  warnNonexistentModifiers(run);
  for (const l of run.lines) l.modifiers = sortModifiers(l.modifiers);
  return { suggestions: run.lines, warnings: run.warnings, questions: run.questions };
}

// ---- side: LT / RT / 50 -------------------------------------------------------------------
function sideEvidenceOf(sideRead: SideRead, side: 'left' | 'right'): Span[] {
  const ev = sideRead.evidence.filter((e) => new RegExp(`${side}|bilat|both|^${side[0]}$`, 'i').test(e.text));
  return ev.length ? ev : sideRead.evidence;
}
const takesSide = (r: CodeRule) => r.sided && r.component !== 'generator' && !r.target.every((t) => t === 'spinal' || t === 'gastric');

function applySides(run: ModifierRun): void {
  const { ctx } = run;
  const { reading } = ctx;
  const sideRead = reading.sides.values.length ? reading.sides : fallbackSides(ctx);
  const sides = sideRead.values;
  // a line whose event the device ledger puts on one side ("old right lead out, new left lead in")
  // takes that side, whatever the note's other sides
  const ownSide = sides.length === 2 ? sidedByEvent(run.lines, reading, ruleOf, takesSide) : [];
  if (ownSide.length) run.lines = run.lines.filter((l) => !ownSide.includes(l));
  if (sides.length === 1 && (sides[0] === 'left' || sides[0] === 'right')) {
    const side = sides[0];
    const mod = side === 'left' ? 'LT' : 'RT';
    for (const l of run.lines) {
      const r = ruleOf(l);
      if (!r || !takesSide(r)) continue;
      addModifier(l, mod, {
        text: `${mod}: the procedure was on the ${side} side of a paired structure (${MODIFIER_RULE_BY_ID.get('side-one')!.source}).`,
        evidence: sideEvidenceOf(sideRead, side).slice(0, 3),
      });
    }
  } else if (sides.length === 2) {
    applyBothSides(run, sideRead);
  } else {
    for (const l of run.lines) {
      const r = ruleOf(l);
      if (r && takesSide(r) && !r.addOnTo) addLineWarning(l, `No side is documented for ${r.code}: LT or RT cannot be added.`);
    }
  }
  run.lines.push(...ownSide);
}

/** The lines of a session done on both sides, as they are being rebuilt. */
interface BothSides {
  sideRead: SideRead;
  /** Evidence that both sides were done. */
  both: Span[];
  out: Suggestion[];
  /** Add-on lines already split with their primary. */
  handled: Set<Suggestion>;
}

/**
 * Both sides in one session: each line, in order, goes to the first handler that takes it
 * (50, the DBS add-on, a generator per side, a per-array or per-session split), else stays
 * as it is.
 */
function applyBothSides(run: ModifierRun, sideRead: SideRead): void {
  const b: BothSides = { sideRead, both: sideRead.evidence.slice(0, 4), out: [], handled: new Set<Suggestion>() };
  for (const l of run.lines) {
    if (b.handled.has(l)) continue;
    const r = ruleOf(l);
    if (!r) {
      b.out.push(l);
      continue;
    }
    if (BOTH_SIDES_HANDLERS.some((handle) => handle(run, b, l, r))) continue;
    if (takesSide(r) && !r.addOnTo) {
      addLineWarning(l, `Both sides documented, but ${r.code} has bilateral indicator 0: Medicare pays it once (no 50). If each side was a separate procedure, check the payer's rule for LT and RT lines.`);
    }
    b.out.push(l);
  }
  run.lines = b.out;
}

type BothSidesHandler = (run: ModifierRun, b: BothSides, l: Suggestion, r: CodeRule) => boolean;

/** Bilateral indicator 1 on a sided (or DBS) code: one line with 50 and 1 unit. */
const bilateral50: BothSidesHandler = (_run, b, l, r) => {
  if (!(r.bilateral === 1 && !r.addOn && !r.addOnTo && r.component !== 'generator' && (r.sided || r.target.includes('intracranial')))) return false;
  l.units = 1;
  addModifier(l, '50', {
    text: `50: the same procedure was done on both sides in one session, and ${r.code} has Medicare bilateral indicator 1 — one line, 1 unit (paid at 150% of one side).`,
    evidence: b.both,
  });
  l.unitReasons = [{ text: 'Bilateral procedure reported once with modifier 50: 1 unit.', evidence: b.both }];
  b.out.push(l);
  return true;
};

const dbsAddOnSide: BothSidesHandler = (_run, b, l, r) => {
  if (!(r.bilateral === 1 && (r.addOn || r.addOnTo) && r.target.includes('intracranial'))) return false;
  // DBS: the second side is the add-on line (61864/61868), not modifier 50.
  if (r.addOn) addLineWarning(l, `Both sides documented: reported as ${r.code} + add-on ${r.addOn} (first array + each additional array), not ${r.code}-50. Some payers may want ${r.code}-50 instead (not confirmed for every payer): check the payer's rule.`);
  b.out.push(l);
  return true;
};

/** A generator placed on each side (the event counts two): 50, 1 unit. */
const generatorPerSide50: BothSidesHandler = (run, b, l, r) => {
  const { reading } = run.ctx;
  if (!(r.bilateral === 1 && r.component === 'generator' && l.event !== undefined && (reading.events[l.event]?.generators ?? 1) >= 2)) return false;
  l.units = 1;
  addModifier(l, '50', {
    text: `50: a generator was placed on each side, each driving one array, and ${r.code} has Medicare bilateral indicator 1 — one line, 1 unit.`,
    evidence: [...b.both, ...(reading.events[l.event]?.evidence ?? []).filter((e) => /second|two|each|both|other|separate/i.test(e.text)).slice(0, 2)],
  });
  l.unitReasons = [{ text: 'Bilateral procedure reported once with modifier 50: 1 unit.', evidence: b.both }];
  b.out.push(l);
  return true;
};

/** A generator code with indicator 1 and no count of generators: ask. */
const generatorQuestion50: BothSidesHandler = (run, b, l, r) => {
  if (!(r.bilateral === 1 && r.component === 'generator')) return false;
  run.questions.push({
    modifier: '50',
    code: r.code,
    text: `Both sides are documented. If two ${r.code === '61888' ? 'generators were revised or removed' : 'single-array generators were placed'} (one per side), report ${r.code}-50 (bilateral indicator 1); if one generator, no 50.`,
    evidence: b.both,
  });
  b.out.push(l);
  return true;
};

/** How the arrays of a per-array code fall on the two sides, and the reasons for each side. */
interface SideSplit {
  left: number;
  right: number;
  /** Split evenly because the note does not give the count per side. */
  guess: boolean;
  splitNote: string;
  reasonL: Reason;
  reasonR: Reason;
  unitEv: Span[];
}

const splitPerArray: BothSidesHandler = (run, b, l, r) => {
  if (!(takesSide(r) && (r.unit === 'per-array' || r.unit === 'first-array') && !r.addOnTo)) return false;
  const { reading } = run.ctx;
  // split a per-array code (and its add-on) into left and right lines
  const addOn = r.addOn ? run.lines.find((x) => x.code === r.addOn && x.event === l.event) : undefined;
  const total = r.addOn ? 1 + (addOn?.units ?? 0) : Math.max(2, l.units);
  // the device ledger's count per side, when it has one; else split evenly and say so
  const counted = l.event !== undefined ? (reading.events[l.event] as EventDetail | undefined)?.sideCounts : undefined;
  const known = counted && counted.left + counted.right === total ? counted : undefined;
  const left = known ? known.left : Math.ceil(total / 2);
  const right = total - left;
  const guess = total > 2 && !known;
  const splitNote = known && total > 2
    ? `${total} arrays on two sides: ${left} on the left, ${right} on the right, as the note places them.`
    : guess
    ? `${total} arrays on two sides; the note does not give the count per side, so they were split evenly (${left} left, ${right} right) — check.`
    : 'One array on each side.';
  const reasonL: Reason = { text: `LT: left-side array(s) of a procedure done on both sides; ${r.code} has bilateral indicator 0, so the sides are shown as LT and RT lines (product convention).`, evidence: sideEvidenceOf(b.sideRead, 'left').slice(0, 3) };
  const reasonR: Reason = { text: `RT: right-side array(s) of a procedure done on both sides; ${r.code} has bilateral indicator 0, so the sides are shown as LT and RT lines (product convention).`, evidence: sideEvidenceOf(b.sideRead, 'right').slice(0, 3) };
  const split: SideSplit = { left, right, guess, splitNote, reasonL, reasonR, unitEv: reading.arrays.evidence.slice(0, 3) };
  if (!r.addOn) splitLineBySide(b, l, split);
  else splitWithAddOn(b, l, addOn, split);
  return true;
};

/** A per-array code with no add-on: an LT line and an RT line, each with its own count. */
function splitLineBySide(b: BothSides, l: Suggestion, split: SideSplit): void {
  const { left, right, guess, splitNote, reasonL, reasonR, unitEv } = split;
  const lt = cloneLine(l);
  lt.units = left;
  lt.unitReasons = [{ text: `${left} array(s) on the left. ${splitNote}`, evidence: unitEv }];
  addModifier(lt, 'LT', reasonL);
  const rt = cloneLine(l);
  rt.modifiers = l.modifiers.map((m) => ({ ...m, reasons: [...m.reasons] }));
  rt.units = right;
  rt.unitReasons = [{ text: `${right} array(s) on the right. ${splitNote}`, evidence: unitEv }];
  addModifier(rt, 'RT', reasonR);
  if (guess) {
    addLineWarning(lt, splitNote);
    addLineWarning(rt, splitNote);
  }
  b.out.push(lt, rt);
}

function splitWithAddOn(b: BothSides, l: Suggestion, addOn: Suggestion | undefined, split: SideSplit): void {
  const { left, right, guess, splitNote, reasonL, reasonR, unitEv } = split;
  // first array (primary) on the left; the add-on carries the rest, split by side
  l.units = 1;
  addModifier(l, 'LT', reasonL);
  l.unitReasons = [{ text: `First array (left side). ${splitNote}`, evidence: unitEv }];
  if (guess) addLineWarning(l, splitNote);
  b.out.push(l);
  if (!addOn) return;
  b.handled.add(addOn);
  const leftAdd = left - 1;
  if (leftAdd > 0) {
    const al = cloneLine(addOn);
    al.units = leftAdd;
    al.unitReasons = [{ text: `${leftAdd} additional array(s) on the left. ${splitNote}`, evidence: unitEv }];
    addModifier(al, 'LT', reasonL);
    if (guess) addLineWarning(al, splitNote);
    b.out.push(al);
  }
  if (right > 0) {
    const ar = cloneLine(addOn);
    ar.modifiers = addOn.modifiers.map((m) => ({ ...m, reasons: [...m.reasons] }));
    ar.units = right;
    ar.unitReasons = [{ text: `${right} additional array(s) on the right. ${splitNote}`, evidence: unitEv }];
    addModifier(ar, 'RT', reasonR);
    if (guess) addLineWarning(ar, splitNote);
    b.out.push(ar);
  }
}

const splitPerSession: BothSidesHandler = (_run, b, l, r) => {
  if (!(takesSide(r) && !r.addOnTo && r.bilateral === 0 && r.component !== 'generator')) return false;
  // a per-session code done on both sides: one line per side (product convention, as for per-array codes)
  const why = (side: 'left' | 'right', mod: 'LT' | 'RT'): Reason => ({
    text: `${mod}: the ${side} side of a procedure done on both sides; ${r.code} has bilateral indicator 0 (no 50), so the sides are shown as LT and RT lines (product convention).`,
    evidence: sideEvidenceOf(b.sideRead, side).slice(0, 3),
  });
  const lt = cloneLine(l);
  lt.units = 1;
  addModifier(lt, 'LT', why('left', 'LT'));
  const rt = cloneLine(l);
  rt.modifiers = l.modifiers.map((m) => ({ ...m, reasons: [...m.reasons] }));
  rt.units = 1;
  addModifier(rt, 'RT', why('right', 'RT'));
  const pay = `Both sides documented; ${r.code} has bilateral indicator 0: Medicare pays one side at 100% whether it is billed as LT and RT lines or once — check the payer's rule.`;
  addLineWarning(lt, pay);
  addLineWarning(rt, pay);
  b.out.push(lt, rt);
  return true;
};

/** Tried in this order on each line of a both-sides session. */
const BOTH_SIDES_HANDLERS: readonly BothSidesHandler[] = [bilateral50, dbsAddOnSide, generatorPerSide50, generatorQuestion50, splitPerArray, splitPerSession];

// ---- 22 increased work ----------------------------------------------------------------------
function applyIncreasedWork(run: ModifierRun): void {
  const work22 = affirmed(run, 'increasedWork');
  const hasV = (v: string) => work22.some((m) => m.value === v);
  const enough = hasV('time') || (hasV('cause') && hasV('statement'));
  const strong = enough ? work22.filter((m) => m.value !== 'weak') : [];
  if (strong.length) {
    const line = nearestLine(run, strong[0]);
    if (line) {
      const sentences = [...new Set(strong.map((m) => m.sentence))];
      const quoted = sentences.map((i) => `"${sentenceText(run, i)}"`).join(' ');
      const hasCause = strong.some((m) => m.value === 'cause' || m.value === 'statement');
      const hasTime = strong.some((m) => m.value === 'time');
      addModifier(line, '22', {
        text: `22: the note documents substantially greater work than usual${hasCause ? ' with its cause' : ''}${hasTime ? ' and the extra time' : ''}: ${quoted}`,
        evidence: work22.slice(0, 4).map(sp),
      });
      addLineWarning(line, '22: payers review the note; it should state how this case differed from the usual procedure (cause and extra time).');
      if (!(hasCause && hasTime)) addLineWarning(line, `22 is stronger with both a cause and the extra time; the note documents only ${hasCause ? 'the cause' : 'the time'}.`);
    }
  } else if (work22.length) {
    run.questions.push({
      modifier: '22',
      code: primaries(run)[0]?.code,
      text: `The note describes harder work than usual (${work22.slice(0, 3).map((m) => `"${m.text}"`).join(', ')}) but does not document the extra time or state that the work was substantially greater than usual. Consider 22 only if it was, and the note says so with the reason.`,
      evidence: work22.slice(0, 3).map(sp),
    });
  }
}

// ---- 53 discontinued, 73/74 facility notes ----------------------------------------------------
function applyDiscontinued(run: ModifierRun): void {
  const { matches, work, reading } = run.ctx;
  const stoppedAll = affirmed(run, 'discontinued', inWorkOrHeader(run));
  const stopped = stoppedAll.filter((m) => m.value === 'stopped');
  const familyWork = reading.target !== null && matches.some((m) => m.kind === 'component' && m.assertion === 'affirmed' && work.has(m.sentence));
  if (!stopped.length && stoppedAll.length && run.lines.length) {
    run.questions.push({
      modifier: '53',
      code: primaries(run)[0]?.code,
      text: `The note calls the procedure "${stoppedAll[0].text}" but does not say that it was stopped after it began. Consider 53 only if the physician stopped the procedure after anesthesia or sedation because of a risk to the patient.`,
      evidence: stoppedAll.slice(0, 2).map(sp),
    });
  }
  if (stopped.length && (run.lines.length || familyWork)) applyStopped(run, stopped[0]);
}

/** Evidence that anesthesia or sedation was given: the anesthesia section, then work sentences (up to 3). */
function anesthesiaEvidence(run: ModifierRun): Span[] {
  const { doc, work } = run.ctx;
  const anesthesiaSection = doc.sections.find((x) => x.kind === 'anesthesia');
  const anesthesiaText = anesthesiaSection ? doc.text.slice(anesthesiaSection.bodyStart, anesthesiaSection.end).trim() : '';
  const anesthesiaEv: Span[] = [];
  if (anesthesiaSection && anesthesiaText && !/^(none|n\/a)\b/i.test(anesthesiaText)) {
    const start = anesthesiaSection.bodyStart + doc.text.slice(anesthesiaSection.bodyStart, anesthesiaSection.end).indexOf(anesthesiaText);
    const text = anesthesiaText.split('\n')[0];
    anesthesiaEv.push({ start, end: start + text.length, text });
  }
  const re = /\b(sedation|sedated|anesthesia|anaesthesia|anesthetized|induction|induced|intubated|general endotracheal)\b/i;
  for (const i of work) {
    const t = doc.sentences[i];
    const mm = re.exec(doc.text.slice(t.start, t.end));
    if (mm && anesthesiaEv.length < 3) anesthesiaEv.push({ start: t.start + mm.index, end: t.start + mm.index + mm[0].length, text: mm[0] });
  }
  return anesthesiaEv;
}

/** A procedure documented as stopped: 73 before anesthesia (facility), else 53 and 73/74. */
function applyStopped(run: ModifierRun, s: ConceptMatch): void {
  const sentence = sentenceText(run, s.sentence).toLowerCase();
  const beforeAnesthesia = /\b(before|prior to)\b[^.]+\b(anesthesia|anaesthesia|induction|sedation|incision)\b/.test(sentence);
  const anesthesiaEv = anesthesiaEvidence(run);
  const afterAnesthesia = !beforeAnesthesia && anesthesiaEv.length > 0;
  const target = nearestLine(run, s);
  if (beforeAnesthesia) {
    run.warnings.push({
      kind: 'facility',
      message: 'Facility claim: the procedure was stopped before anesthesia — modifier 73 on the hospital outpatient / ASC claim. The physician does not report 53 for a procedure cancelled before anesthesia.',
      codes: target ? [target.code] : undefined,
      evidence: [sp(s)],
      source: MODIFIER_RULE_BY_ID.get('facility-73')!.source,
    });
    return;
  }
  if (target) {
    addModifier(target, '53', {
      text: `53: the procedure was started and then stopped${afterAnesthesia ? ' after anesthesia/sedation' : ''}: "${sentenceText(run, s.sentence)}"`,
      evidence: [sp(s), ...anesthesiaEv.slice(0, 2)],
    });
    if (!afterAnesthesia) addLineWarning(target, '53: the note does not show that anesthesia or sedation had started; 53 applies only after the procedure began.');
    addLineWarning(target, '53: the payer pays a reduced amount; the note should say why the procedure was stopped (patient risk).');
  } else {
    run.warnings.push({
      kind: 'discontinued',
      message: 'The note documents a discontinued procedure, but no procedure line could be coded from what was done. The intended procedure is usually reported with 53; choose the code by hand.',
      evidence: [sp(s)],
      source: MODIFIER_RULE_BY_ID.get('discontinued-53')!.source,
    });
  }
  run.warnings.push({
    kind: 'facility',
    message: afterAnesthesia
      ? 'Facility claim: the procedure was discontinued after anesthesia was given — modifier 74 on the hospital outpatient / ASC claim (not on the physician claim).'
      : 'Facility claim: the procedure was discontinued — modifier 73 (before anesthesia) or 74 (after anesthesia) on the hospital outpatient / ASC claim; the note does not say which.',
    codes: target ? [target.code] : undefined,
    evidence: [sp(s), ...anesthesiaEv.slice(0, 1)],
    source: MODIFIER_RULE_BY_ID.get('facility-74')!.source,
  });
}

// ---- 52 reduced service ---------------------------------------------------------------------
function applyReduced(run: ModifierRun): void {
  applySystemPartLeft(run);
  applyReducedService(run);
}

// A whole-system removal code with one of its parts documented as left behind ("the sensing
// lead was not removed", "cut, capped and left in place"): the service was reduced.
function applySystemPartLeft(run: ModifierRun): void {
  const { doc, matches } = run.ctx;
  for (const l of run.lines) {
    const r = ruleOf(l);
    if (!r || r.component !== 'system' || !r.action.includes('removal') || l.modifiers.some((x) => x.code === '52' || x.code === '53')) continue;
    const left = matches.find((m) => {
      if (!inWork(run)(m)) return false;
      const st = doc.sentences[m.sentence];
      const t = doc.text.slice(st.start, st.end);
      if (!SYSTEM_PART.test(t)) return false;
      if (m.kind === 'action' && m.value === 'removal' && m.assertion === 'negated' && m.cue && /\b(not|n't|never)\b/i.test(m.cue.text)) return true;
      return m.kind === 'component' && m.assertion === 'affirmed' && partLeftBehind(t);
    });
    if (!left) continue;
    const st = doc.sentences[left.sentence];
    addModifier(l, '52', {
      text: `52: part of the system was left in place, so the removal was reduced: "${doc.text.slice(st.start, st.end).trim()}"`,
      evidence: [sp(left)],
    });
    addLineWarning(l, '52: reduced payment by report; the note should say which part was left and why.');
  }
}

/** "Only one of the two planned leads was placed" and the like: 52 on the nearest line, unless units or sides show it. */
function applyReducedService(run: ModifierRun): void {
  const reduced = run.ctx.matches.filter(
    (m) => m.kind === 'reduced' && inWork(run)(m) && (m.assertion === 'affirmed' || (m.assertion === 'hypothetical' && /^(plan\w*|could)$/i.test(m.cue?.text ?? ''))),
  );
  for (const m of reduced) {
    const target = nearestLine(run, m);
    if (!target || target.modifiers.some((x) => x.code === '53')) continue;
    const r = ruleOf(target);
    const shownByUnits = r && (r.unit === 'per-array' || r.unit === 'first-array');
    const shownBySide = target.modifiers.some((x) => x.code === 'LT' || x.code === 'RT');
    if (m.value === 'count' && (shownByUnits || shownBySide)) {
      addLineWarning(target, `Fewer arrays or sides than planned ("${m.text}"): the ${shownByUnits ? 'units' : 'side modifier'} already show what was done, so 52 is not added.`);
      continue;
    }
    addModifier(target, '52', {
      text: `52: part of the service was not done: "${sentenceText(run, m.sentence)}"`,
      evidence: [sp(m)],
    });
    addLineWarning(target, '52: reduced payment by report; the note should say what was not done and why. If the reason was patient safety after anesthesia, 53 fits instead.');
  }
}

// ---- 58 / 78 / 79 -------------------------------------------------------------------------------
/** The facts the global-period modifiers are chosen from. */
interface GlobalFacts {
  timing: Timing;
  /** How the note places this session in the global period: "global period stated" or "9 days after". */
  when: (stated?: string, after?: string) => string;
  returns: ConceptMatch[];
  unrelated: ConceptMatch[];
  staged: ConceptMatch[];
  /** Primary lines that carry a global period (not ZZZ add-ons), read when needed. */
  globalLines: () => Suggestion[];
}

function applyGlobalPeriod(run: ModifierRun): void {
  const { doc, reading } = run.ctx;
  const f = globalFacts(run);
  const { timing, returns, unrelated, staged } = f;
  const implied = returns.length || staged.length ? null : impliedReturn(doc, reading.events.map((e) => e.action));
  const earlierGlobal = reworkedGlobalDays(reading.target, reading.events);
  if (returns.length || (implied && verdictFor(timing, earlierGlobal) === 'within')) applyReturnToOr(run, f, implied, earlierGlobal);
  else if (unrelated.length && !staged.length) applyUnrelated(run, f);
  else if (staged.length) applyStaged(run, f);
}

function globalFacts(run: ModifierRun): GlobalFacts {
  const { doc, matches } = run.ctx;
  const timing = readTiming(run.ctx);
  const when = (stated = 'global period stated', after = '') => (timing.explicitGlobal ? stated : `${timing.days} days after${after}`);
  // "this return to the OR was not planned" / "not planned - unplanned return": the negation is of the plan, not the return
  const notPlanned = (m: ConceptMatch) =>
    m.assertion === 'negated' && !!m.cue && (/planned/i.test(m.cue.text) || /^\W*planned/i.test(doc.text.slice(m.cue.end, m.cue.end + 12)));
  // the story before the operation may name today's session: "This return to the OR was not planned"
  const thisSession = (m: ConceptMatch) => {
    const s = doc.sentences[m.sentence];
    return !!s && /\b(this|today'?s?|now|current)\s*$/i.test(doc.text.slice(s.start, m.start).split(/[,;]/).pop() ?? '');
  };
  const returns = matches.filter(
    (m) =>
      m.kind === 'returnToOr' &&
      !FUTURE_SECTIONS.has(m.section) &&
      ((inWorkOrHeader(run)(m) && (m.assertion === 'affirmed' || notPlanned(m))) ||
        // a history section's cue covers the whole section, but "this return" is today's
        (thisSession(m) && (m.assertion === 'affirmed' || m.assertion === 'historical' || notPlanned(m)))),
  );
  const unrelated = affirmed(run, 'unrelated', inWorkOrHeader(run));
  const futureWord = /\b(will|would|plan to|plans to|scheduled|future|later date|return for|come back|to follow|if)\b/i;
  const staged = matches.filter(
    (m) =>
      m.kind === 'staged' &&
      m.value === 'later' &&
      // "coiled for connection at stage 2", "until stage 2": a stage still to come
      !/\b(at|for|until|before|awaiting|pending)\s+$/i.test(doc.text.slice(Math.max(0, m.start - 12), m.start)) &&
      inWorkOrHeader(run)(m) &&
      !FUTURE_SECTIONS.has(m.section) &&
      (m.assertion === 'affirmed' || (m.assertion === 'hypothetical' && /^planned$/i.test(m.cue?.text ?? '') && !futureWord.test(sentenceText(run, m.sentence)))),
  );
  const globalLines = () => primaries(run).filter((l) => ruleOf(l)?.globalDays !== 'ZZZ');
  return { timing, when, returns, unrelated, staged, globalLines };
}

/** A return to the OR (documented or implied): 78, or 79 when the note calls it unrelated. */
function applyReturnToOr(run: ModifierRun, f: GlobalFacts, implied: Span[] | null, earlierGlobal: number | null): void {
  const { timing, when, returns, unrelated, staged, globalLines } = f;
  const ev = [...(implied ?? returns.slice(0, 2).map(sp)), ...timing.evidence.slice(0, 2)];
  const v = verdictFor(timing, earlierGlobal);
  const mod = unrelated.length ? '79' : '78';
  if (v === 'within') {
    for (const l of globalLines()) {
      addModifier(l, mod, {
        text:
          mod === '78'
            ? `78: unplanned return to the operating room for a related problem inside the earlier procedure's global period (${when()}).`
            : `79: procedure unrelated to the earlier surgery, inside its global period (${when()}).`,
        evidence: mod === '79' ? [...ev, ...unrelated.slice(0, 1).map(sp)] : ev,
      });
    }
  } else if (v === 'unknown') {
    run.questions.push({
      modifier: mod,
      code: globalLines()[0]?.code,
      text: `The note documents a return to the operating room${timing.days !== null ? ` ${timing.days} days after the earlier procedure` : ''}. Consider ${mod === '79' ? '79 (unrelated)' : '78 (related, unplanned) or 79 (unrelated)'} if this session falls within the global period of the earlier procedure (10 or 90 days depending on its code).`,
      evidence: ev,
    });
  }
  if (staged.length && returns.length) {
    run.warnings.push({ kind: 'modifier', message: 'The note reads both as a planned stage and as an unplanned return to the OR; 78/79 were considered instead of 58 — check which applies.', evidence: [sp(staged[0]), sp(returns[0])] });
  }
}

function applyUnrelated(run: ModifierRun, f: GlobalFacts): void {
  const { timing, when, unrelated, globalLines } = f;
  // a new, unrelated procedure inside another surgery's global period (no return to the OR)
  const v = verdictFor(timing, null); // 'within' when the note states the global period
  const ev = [...unrelated.slice(0, 1).map(sp), ...timing.evidence.slice(0, 2)];
  if (v === 'within') {
    for (const l of globalLines()) {
      addModifier(l, '79', {
        text: `79: procedure unrelated to an earlier surgery, inside its global period (${when()}).`,
        evidence: ev,
      });
    }
  } else if (v === 'unknown' && timing.days !== null) {
    run.questions.push({
      modifier: '79',
      code: globalLines()[0]?.code,
      text: `The note says this procedure is unrelated to an earlier surgery ${timing.days} days before. Consider 79 if this session falls within that surgery's global period (10 or 90 days depending on its code).`,
      evidence: ev,
    });
  }
}

/** A planned later stage: 58 inside the earlier stage's global period, a question when unknown, a note when outside. */
function applyStaged(run: ModifierRun, f: GlobalFacts): void {
  const { doc, matches, reading } = run.ctx;
  const { timing, when, staged, globalLines } = f;
  const earlier = earlierStage(reading.target, matches, doc.text);
  const v = verdictFor(timing, earlier?.days ?? null);
  const ev = [...staged.slice(0, 2).map(sp), ...timing.evidence.slice(0, 2)];
  if (v === 'within') {
    for (const l of globalLines()) {
      addModifier(l, '58', {
        text: `58: this session is a planned later stage, inside the global period of the earlier stage (${when('global period stated in the note', earlier ? ` ${earlier.label}` : '')}).`,
        evidence: ev,
      });
    }
  } else if (v === 'unknown') {
    run.questions.push({
      modifier: '58',
      code: globalLines()[0]?.code,
      text: `Consider 58 if this session falls within the global period of the earlier stage (${earlier ? earlier.label : reading.target === 'sacral' ? 'stage 1: 64561 has a 10-day global, 64581 a 90-day global' : 'its global days depend on its code'})${timing.days !== null ? `; the note puts it ${timing.days} days later` : '; the note does not say how long ago it was'}.`,
      evidence: ev,
    });
  } else {
    run.warnings.push({
      kind: 'global',
      message: `Planned later stage documented, but ${timing.days} days after ${earlier ? earlier.label : 'the earlier stage'} — outside its global period, so 58 is not needed.`,
      evidence: ev,
      source: MODIFIER_RULE_BY_ID.get('staged-58')!.source,
    });
  }
}

// ---- 62 co-surgery ------------------------------------------------------------------------------
function applyCoSurgery(run: ModifierRun): void {
  const cos = affirmed(run, 'cosurgeon', (m) => inWork(run)(m) || m.section === 'procedure');
  if (!cos.length) return;
  // the assistant's own report: the other surgeon ("with two surgeons") is the primary surgeon, and
  // the author's claim is an assistant's (80/82/AS), never a co-surgeon's
  if (authorIsAssistant(run.ctx.doc.text)) {
    run.warnings.push({ kind: 'modifier', message: 'The note is the assistant surgeon\'s own report: the other surgeon is the primary surgeon, so the author claims as assistant at surgery, not co-surgeon (no 62).', evidence: cos.slice(0, 2).map(sp), source: MODIFIER_RULE_BY_ID.get('cosurgery-62')!.source });
    return;
  }
  dropCoSurgeonParts(run);
  const ONLY = authorOnlyPattern(run.ctx.doc.text);
  for (const l of run.lines) {
    const r = ruleOf(l);
    if (!r) continue;
    const alone = aloneEvidence(run, l, ONLY);
    if (alone) {
      addLineWarning(l, `No 62 on ${r.code}: the note says the author did this part alone ("${alone.text}").`);
      continue;
    }
    if (r.coSurgery === 1 || r.coSurgery === 2) {
      addModifier(l, '62', {
        text: `62: two surgeons each did a distinct part of this procedure; ${PAYMENT_INDICATOR_TEXT.coSurgery[r.coSurgery]}. Each surgeon reports the code with 62 and documents their own part.`,
        evidence: cos.slice(0, 3).map(sp),
      });
      if (r.coSurgery === 1) addLineWarning(l, '62: co-surgery indicator 1 — each surgeon needs documentation of medical necessity and of their distinct part.');
    } else {
      const msg = `A co-surgeon is documented, but 62 is not allowed on ${r.code} (Medicare co-surgery indicator ${r.coSurgery}).`;
      addLineWarning(l, msg);
      run.warnings.push({ kind: 'modifier', message: msg, codes: [r.code], evidence: cos.slice(0, 2).map(sp), source: MODIFIER_RULE_BY_ID.get('cosurgery-62')!.source });
    }
  }
}

function sentenceAt(doc: CodingContext['doc'], i: number): string {
  const st = doc.sentences[i];
  return st ? doc.text.slice(st.start, st.end) : '';
}

// "Dr. X created the generator pocket ... I was not scrubbed for that portion and he will
// dictate it separately": the co-surgeon's own part is not on this author's claim
function dropCoSurgeonParts(run: ModifierRun): void {
  const { doc, work } = run.ctx;
  const notMine = doc.sentences.filter((x) => work.has(x.index) && NOT_MINE.test(sentenceAt(doc, x.index)));
  const kept: Suggestion[] = [];
  for (const l of run.lines) {
    const comp = ruleOf(l)?.component;
    const PART = comp === 'generator' ? partWords(comp) : null;
    const st = PART ? notMine.find((x) => PART.test(sentenceAt(doc, x.index))) : undefined;
    if (!st || run.lines.length < 2) {
      kept.push(l);
      continue;
    }
    const mm = NOT_MINE.exec(sentenceAt(doc, st.index))!;
    run.warnings.push({
      kind: 'modifier',
      message: `${l.code} is not on this author's claim: the note says the co-surgeon did that part and reports it separately ("${mm[0]}").`,
      codes: [l.code],
      evidence: [{ start: st.start + mm.index, end: st.start + mm.index + mm[0].length, text: mm[0] }],
    });
  }
  run.lines = kept;
}

/** A sentence of the line's own evidence (or a statement elsewhere) that says the author did that part alone. */
function aloneEvidence(run: ModifierRun, l: Suggestion, ONLY: RegExp | null): Span | null {
  const { doc, reading } = run.ctx;
  const ev = l.event !== undefined ? (reading.events[l.event]?.evidence ?? []) : [];
  const seen = new Set<number>();
  const find = (re: RegExp, i: number): Span | null => {
    const s = doc.sentences[i];
    const mm = s ? re.exec(sentenceAt(doc, i)) : null;
    return mm && s ? { start: s.start + mm.index, end: s.start + mm.index + mm[0].length, text: mm[0] } : null;
  };
  for (const e of ev) {
    const s = doc.sentences.find((x) => x.start <= e.start && e.start < x.end);
    if (!s || seen.has(s.index)) continue;
    seen.add(s.index);
    const hit = find(ALONE, s.index) ?? find(GONE, s.index) ?? find(GONE, s.index - 1);
    if (hit) return hit;
  }
  // a statement elsewhere: "I did the generator part of the case alone", "(Dr. Osei only)"
  const PART = partWords(ruleOf(l)?.component);
  return PART ? aloneStatement(doc, PART, ONLY, seen) : null;
}

/** A sentence (not among `seen`) saying the author did the part `PART` names alone. */
function aloneStatement(doc: CodingContext['doc'], PART: RegExp, ONLY: RegExp | null, seen: ReadonlySet<number>): Span | null {
  for (const st of doc.sentences) {
    if (seen.has(st.index)) continue;
    const t = sentenceAt(doc, st.index);
    const mm = ALONE.exec(t) ?? (ONLY ? ONLY.exec(t) : null);
    if (!mm) continue;
    // the part named in the same clause: "I did the generator part alone", "Dr. A alone then created the pocket"
    const open = Math.max(t.lastIndexOf(';', mm.index), t.lastIndexOf(':', mm.index)) + 1;
    // (after "alone", only its own verb phrase, to the first comma; "alone:" names its part in the rest of the sentence)
    const colon = /^\s*:/.test(t.slice(mm.index + mm[0].length));
    const close = colon ? t.length : t.slice(mm.index).search(/[;,]/) + mm.index;
    // a part named before "alone" ("The generator portion was done by me alone: ...") decides by itself
    const before = t.slice(open, mm.index);
    const named = GENERATOR_PART.test(before) || ARRAY_PART.test(before);
    const clause = named ? before : t.slice(open, close < mm.index ? t.length : close);
    if (PART.test(clause)) return { start: st.start + mm.index, end: st.start + mm.index + mm[0].length, text: mm[0] };
  }
  return null;
}

// ---- 80 / 82 / AS assistant at surgery ----------------------------------------------------------
function applyAssistant(run: ModifierRun): void {
  const { doc } = run.ctx;
  let assistant = readAssistant(run.ctx);
  // The claim lines are the note author's own (see below); a note written by the assistant names
  // its author's credentials ("Author: M. Doyle, PA-C")
  const authorAssists = assistant !== null && authorIsAssistant(doc.text);
  if (assistant && assistant.kind !== 'resident' && authorAssists) assistant = withAuthorCredentials(assistant, doc.text);
  if (!assistant) return;
  const mod = assistant.kind === 'nonphysician' ? 'AS' : assistant.kind === 'physician' ? (assistant.noResident ? '82' : '80') : null;
  if (!mod) {
    run.warnings.push({
      kind: 'modifier',
      message: 'A resident or fellow assisted: Medicare does not pay an assistant-at-surgery modifier for a resident in a teaching hospital. 82 applies only to a physician assistant when no qualified resident was available.',
      evidence: assistant.evidence,
      source: MODIFIER_RULE_BY_ID.get('assistant-82')!.source,
    });
    return;
  }
  const who = mod === 'AS' ? 'a physician assistant, nurse practitioner or clinical nurse specialist' : mod === '82' ? 'a physician, and no qualified resident was available' : 'a physician';
  // The claim lines are the note author's own. The surgeon's note that names an assistant
  // gets no 80/82/AS (that modifier goes on the assistant's separate claim): it is shown as
  // a question. Only a note written by the assistant carries it on its lines.
  if (!authorAssists) askAssistantClaim(run, assistant, mod, who);
  for (const l of authorAssists ? run.lines : []) addAssistantModifier(l, assistant, mod, who);
}

/** The author line of a note written by the assistant settles the assistant's credentials. */
function withAuthorCredentials(assistant: AssistantReading, text: string): AssistantReading {
  const author = /\b(?:author|dictated by|written by|note by)\b[^\n]{0,80}/i.exec(text.slice(0, 800));
  if (author && /\b(pa-?c|pa|np|aprn|cns|crna|physician assistant|nurse practitioner|clinical nurse specialist)\b/i.test(author[0])) {
    return { ...assistant, kind: 'nonphysician', noResident: false, credentialUnknown: false, evidence: [...assistant.evidence, { start: author.index, end: author.index + author[0].length, text: author[0] }] };
  }
  if (author && /\b(md|m\.d\.|do|d\.o\.|mbbs|frcs)\b/i.test(author[0]) && assistant.kind === 'nonphysician') {
    return { ...assistant, kind: 'physician', credentialUnknown: false };
  }
  return assistant;
}

function askAssistantClaim(run: ModifierRun, assistant: AssistantReading, mod: string, who: string): void {
  const payable = run.lines.filter((l) => {
    const ind = ruleOf(l)?.assistant;
    return ind === 2 || ind === 0;
  });
  if (!payable.length) return;
  run.questions.push({
    modifier: mod,
    code: payable[0].code,
    text: `The note names an assistant at surgery (${who}). The surgeon's own lines carry no ${mod}; the assistant's separate claim would be ${payable.map((l) => `${l.code}-${mod}`).join(', ')}${payable.some((l) => ruleOf(l)?.assistant === 0) ? ' (ASST indicator 0 on some: paid only with documented medical necessity)' : ''}. If this note is the assistant's own, add ${mod}.`,
    evidence: assistant.evidence,
  });
}

function addAssistantModifier(l: Suggestion, assistant: AssistantReading, mod: string, who: string): void {
  const r = ruleOf(l);
  if (!r) return;
  const ind = r.assistant as 0 | 1 | 2;
  if (ind === 2 || ind === 0) {
    addModifier(l, mod, {
      text: `${mod}: the assistant at surgery is ${who}; ${PAYMENT_INDICATOR_TEXT.assistant[ind]}. The modifier goes on the assistant's claim for this code.`,
      evidence: assistant.evidence,
    });
    if (ind === 0) addLineWarning(l, `${mod} on ${r.code}: ASST indicator 0 — the assistant is paid only when the note documents why an assistant was medically necessary.`);
    if (assistant.credentialUnknown) addLineWarning(l, `${mod}: the assistant's credentials are not stated; 80 assumes a physician (AS for a PA, NP or CNS).`);
  } else if (ind === 1) {
    addLineWarning(l, `An assistant at surgery is documented, but ${r.code} has ASST indicator 1: an assistant is not paid on this code (no ${mod}).`);
  }
}

// ---- "modifier 11" in the note: warn, never emit -----------------------------------------------------
function warnNonexistentModifiers(run: ModifierRun): void {
  const { doc } = run.ctx;
  for (const n of NONEXISTENT_MODIFIERS) {
    const re = new RegExp(nonexistentModifierSource(n.code), 'gi');
    for (const mm of doc.text.matchAll(re)) {
      run.warnings.push({
        kind: 'nonexistent-modifier',
        message: `The note mentions modifier ${n.code}, which does not exist. ${n.reason} It is not suggested.`,
        evidence: [{ start: mm.index!, end: mm.index! + mm[0].length, text: mm[0] }],
        source: n.source,
      });
    }
  }
}

/**
 * "modifier 11", "modifier: 11", "63685-11". Linear: the separator takes its own trailing
 * spaces, so no two unbounded space runs sit side by side (issue 19: "modifier" followed by a
 * long run of spaces was quadratic). Exported for the adversarial-input test.
 */
export function nonexistentModifierSource(code: string): string {
  return `\\bmodifiers?\\s*(?:[-:#]\\s*)?${code}\\b|\\b\\d{5}\\s*-\\s*${code}\\b`;
}

const POSITION_AFTER = new Set(['lateral', 'decubitus', 'prone', 'supine', 'arm', 'hand', 'wrist', 'radial', 'antecubital', 'forearm']);

/**
 * Sides from the side words of the session when the facts stage found none next to the target
 * name ("RIGHT: GON identified", "Femoral nerve, right", "LEFT" in the title). Counts affirmed
 * side words in this session's work and in the procedure line, leaving out patient position and
 * line sites ("left lateral", "right arm IV").
 */
/** Lines of sided codes whose event has one side of its own; each gets LT or RT from it. */
function sidedByEvent(lines: Suggestion[], reading: CodingContext['reading'], ruleOf: (l: Suggestion) => CodeRule | undefined, takesSide: (r: CodeRule) => boolean): Suggestion[] {
  const out: Suggestion[] = [];
  for (const l of lines) {
    const ev = l.event !== undefined ? reading.events[l.event] : undefined;
    const r = ruleOf(l);
    if (!ev || !r || !takesSide(r) || ev.sides.length !== 1 || !(ev as EventDetail).ledgerReason) continue;
    const side = ev.sides[0];
    if (side !== 'left' && side !== 'right') continue;
    const mod = side === 'left' ? 'LT' : 'RT';
    addModifier(l, mod, { text: `${mod}: the device ledger places this ${r.code} work on the ${side} side (${MODIFIER_RULE_BY_ID.get('side-one')!.source}).`, evidence: ev.evidence.slice(0, 3) });
    out.push(l);
  }
  return out;
}

export function fallbackSides(ctx: CodingContext): { values: string[]; evidence: Span[] } {
  const { doc, matches, work } = ctx;
  const values = new Set<string>();
  const evidence: Span[] = [];
  let said = false;
  for (const m of matches) {
    if (m.kind !== 'side' || m.assertion !== 'affirmed') continue;
    if (!(work.has(m.sentence) || m.section === 'procedure')) continue;
    const next = doc.tokens[m.tokenEnd];
    if (next && next.sentence === m.sentence && POSITION_AFTER.has(next.norm)) continue;
    if (next && next.norm === 'side' && ['down', 'up'].includes(doc.tokens[m.tokenEnd + 1]?.norm ?? '')) continue;
    // "head to the right", "neck turned left": the patient's position
    if (doc.tokens.slice(Math.max(0, m.tokenStart - 3), m.tokenStart).some((t) => /^(head|neck|face|gaze|turned|rotated)$/.test(t.norm))) continue;
    if (m.value === 'bilateral') {
      values.add('left');
      values.add('right');
      said = true;
    } else if (m.value === 'left' || m.value === 'right') values.add(m.value);
    else continue;
    if (evidence.length < 6) evidence.push(sp(m));
  }
  // a left and a right picked up here and there tell no bilateral procedure; only the word does
  if (values.size === 2 && !said) return { values: [], evidence: [] };
  return { values: [...values].sort(), evidence };
}

/**
 * Is the note written by the assistant at surgery ("Assistant surgeon operative note",
 * "with my assistance", "I assisted", "Author: ..., acting as assistant")?
 */
export function authorIsAssistant(text: string): boolean {
  const head = text.slice(0, 600);
  return (
    /\bassist(?:ant|ing)(?:'s)?(?:[ \t-]+(?:surgeon|at[ \t-]+surgery|physician)(?:'s)?)?(?:[ \t]+operative)?[ \t]+(?:note|report|documentation)\b/i.test(head) ||
    /\bassist(?:ant|ing)\b[^\n]{0,40}\(author\b/i.test(head) ||
    /\bassistant[ \t]+at[ \t]+surgery[ \t]*\n/i.test(head.slice(0, 120)) ||
    /\bauthor\b[^\n]{1,100}\bassist/i.test(head) ||
    /\b(?:with|under)[ \t]+my[ \t]+assistance\b/i.test(text) ||
    /\bI[ \t]+(?:first[- ])?assisted\b/i.test(text) ||
    /\bI[ \t]+(?:served|acted|was|am|functioned)[ \t]+as[ \t]+(?:the[ \t]+|an?[ \t]+)?(?:first[ \t]+|surgical[ \t]+|primary[ \t]+)?assist/i.test(text) ||
    /\bmy[ \t]+role(?:[ \t]+(?:was|as)|[ \t]*:)[ \t]+(?:the[ \t]+)?(?:first[ \t]+)?assist/i.test(text)
  );
}

interface AssistantReading {
  kind: 'physician' | 'nonphysician' | 'resident';
  noResident: boolean;
  credentialUnknown: boolean;
  evidence: Span[];
}

const STRONG_ASSIST = /^(assistant surgeon|assistant at surgery|first assistant|assisted by|surgical assistant|(acting|served|serving) as .*assistant.*)$/i;
const PHYSICIAN_TOKENS = new Set(['dr', 'dr.', 'md', 'm.d.', 'do', 'd.o.', 'physician', 'surgeon']);

/** Who assisted, from affirmed mentions in the staff lines or the narrative. */
function readAssistant(ctx: CodingContext): AssistantReading | null {
  const { doc, matches, work } = ctx;
  const all = matches.filter((m) => m.kind === 'assistant' && m.assertion === 'affirmed' && (work.has(m.sentence) || m.section === 'preamble' || m.section === 'staff'));
  if (!all.length) return null;
  // staff lines ("ASSISTANT:" header, name on the next line) are read as one group per section
  const groups = new Map<string, { ms: ConceptMatch[]; staff: boolean; tokenStart: number; tokenEnd: number; start: number; end: number }>();
  for (const m of all) {
    const s = doc.sentences[m.sentence];
    const staff = s.section === 'staff';
    const key = staff ? `sec${s.sectionIndex}` : `s${s.index}`;
    let g = groups.get(key);
    if (!g) {
      if (staff) {
        const sec = doc.sections[s.sectionIndex];
        const inSec = doc.sentences.filter((x) => x.sectionIndex === s.sectionIndex);
        g = { ms: [], staff, tokenStart: inSec[0].tokenStart, tokenEnd: inSec[inSec.length - 1].tokenEnd, start: sec.start, end: sec.end };
      } else g = { ms: [], staff, tokenStart: s.tokenStart, tokenEnd: s.tokenEnd, start: s.start, end: s.end };
      groups.set(key, g);
    }
    g.ms.push(m);
  }
  const found: AssistantReading[] = [];
  for (const { ms, staff, tokenStart, tokenEnd, end } of groups.values()) {
    const anchor = ms.find((m) => m.value === 'physician' && (staff || STRONG_ASSIST.test(m.text)));
    const toks = doc.tokens.slice(tokenStart, tokenEnd).map((t) => t.norm);
    // a PA / NP named in the narrative is an assistant only when the sentence says they assisted
    // ("settings were matched by the nurse practitioner" is not assisting at surgery)
    const assistWord = toks.some((t) => /^(assist|resident|fellow)/.test(t));
    // "Provider: C. Dubois, NP" names who performed the service, not an assistant
    const nonPhys = ms.filter((m) => m.value === 'nonphysician' && (anchor || assistWord));
    const resident = ms.filter((m) => m.value === 'resident' && ((staff && assistWord) || anchor));
    // "first assistant to Dr. Whitfield": that doctor is the surgeon, not the assistant
    const physicianWord = toks.some((t, k) => PHYSICIAN_TOKENS.has(t) && !['to', 'with', 'for', 'of'].includes(toks[k - 1] ?? ''));
    if (nonPhys.length) found.push({ kind: 'nonphysician', noResident: false, credentialUnknown: false, evidence: [...(anchor ? [sp(anchor)] : []), ...nonPhys.slice(0, 2).map(sp)] });
    else if (resident.length) found.push({ kind: 'resident', noResident: false, credentialUnknown: false, evidence: [...(anchor ? [sp(anchor)] : []), sp(resident[0])] });
    else if (anchor && (staff || physicianWord || STRONG_ASSIST.test(anchor.text))) {
      // a staff line with no name after the header ("ASSISTANT: none") is no assistant
      const rest = doc.text.slice(anchor.end, end).replace(/[:\s.,;()\-_/[\]—–]/g, '');
      if (!STRONG_ASSIST.test(anchor.text) && (!rest || /^(none|na|nil|no|nobody|notapplicable)$/i.test(rest))) continue;
      found.push({ kind: 'physician', noResident: false, credentialUnknown: !physicianWord, evidence: [sp(anchor)] });
    }
  }
  if (!found.length) return null;
  const pick = found.find((f) => f.kind === 'physician' && !f.credentialUnknown) ?? found.find((f) => f.kind === 'nonphysician') ?? found.find((f) => f.kind === 'physician') ?? found[0];
  // "no qualified resident was available" carries its own negation: a "no" before it ("has no
  // residency program, and no qualified resident ...") does not undo it
  const noRes = matches.filter(
    (m) =>
      m.kind === 'residentUnavailable' &&
      (m.assertion === 'affirmed' || (m.assertion === 'negated' && /^(no|not|none)\b/i.test(m.text))) &&
      (work.has(m.sentence) || ['preamble', 'staff', 'other'].includes(m.section)),
  );
  if (noRes.length && pick.kind !== 'nonphysician') {
    return { kind: 'physician', noResident: true, credentialUnknown: pick.kind === 'physician' ? pick.credentialUnknown : false, evidence: [...pick.evidence, sp(noRes[0])] };
  }
  return pick;
}
