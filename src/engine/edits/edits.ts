import type { Confidence, Question, Span, Suggestion, Warning } from '../types';
import type { CodingContext, StageResult } from '../pipeline-types';
import { CODE_BY_ID } from '../../kb/codes';
import { ADD_ON_EDITS, DEVICE_HINTS, DEVICE_SOURCE, NATIONAL_MUE_NOTE, PAIR_EDITS, UNIT_EDITS, type PairEdit } from '../../kb/edits';
import { MODIFIER_ORDER, MODIFIER_RULE_BY_ID } from '../../kb/modifier-rules';
import { headerCodes } from '../decide/header';
import { addModifier, readTiming, type Timing } from '../modifiers/modifiers';

/**
 * Edits stage: the checks a payer would run on the claim lines — pairs not reported together
 * (kb/edits.ts PAIR_EDITS), add-on codes without their primary, unit limits where a source
 * gives one, the global-period note, and device HCPCS hints.
 *
 * - Lines are never removed: a bundled line stays visible with a warning on it and its
 *   confidence lowered to "low", so the coder sees what the note supports and what a payer
 *   would do with it.
 * - An indicator-1 pair is let through only by a modifier the note supports: LT/RT on
 *   different sides, XE (separate session documented) or XS (separate site/level documented).
 *   59 is never added: an X modifier always describes the documented distinction better.
 * - Warnings of unconfirmed NCCI pairs say, in plain words, that the pair is expected but not
 *   checked against the current quarterly NCCI table, and to look it up before billing both.
 * - Device codes are shown as warnings of kind "device" (one per procedure code): they belong
 *   on the facility or supplier claim, never on the surgeon's lines.
 */

// what "unconfirmed" means to a coder
const UNCONFIRMED = 'expected NCCI pair, not yet checked against the current quarterly CMS table: look it up there before billing both';
const PROCEDURE_WORD = /surg|procedure|operat|implant|placement|placed|stage|trial|lead|generator|battery|ipg/i;

function sideOf(l: Suggestion): string | null {
  return l.modifiers.find((m) => m.code === 'LT' || m.code === 'RT')?.code ?? null;
}

function addLineWarning(line: Suggestion, text: string): void {
  if (!line.warnings) line.warnings = [];
  if (!line.warnings.includes(text)) line.warnings.push(text);
}

function pairMessage(e: PairEdit, c1: string, c2: string, claimedOnly: boolean): string {
  const status = e.status === 'unconfirmed' ? ` (${UNCONFIRMED})` : e.status === 'descriptor' ? ' (in the code descriptor)' : ' (payer note)';
  const ind =
    e.modifierIndicator === 0
      ? 'No modifier makes the pair payable.'
      : `Modifier indicator 1: only ${e.bypass.join(' / ')} with a documented distinct service lets both pay.`;
  return `${c2}${claimedOnly ? ' (listed in the procedure header)' : ''} is not reported with ${c1}: ${e.rule}${status} ${ind}`;
}

/** What every edit check reads and adds to: the copied claim lines and the stage's output. */
interface EditRun {
  ctx: CodingContext;
  lines: Suggestion[];
  warnings: Warning[];
  questions: Question[];
  /** Codes named in the procedure header. */
  claimed: string[];
}

function toSpan(m: { start: number; end: number; text: string }): Span {
  return { start: m.start, end: m.end, text: m.text };
}

/** Affirmed matches of `kind` in this session's work sentences. */
function affirmedInWork(run: EditRun, kind: string) {
  const { matches, work } = run.ctx;
  return matches.filter((m) => m.kind === kind && m.assertion === 'affirmed' && work.has(m.sentence));
}

function byCode(run: EditRun, codes: string[]): Suggestion[] {
  return run.lines.filter((l) => codes.includes(l.code));
}

export function applyEdits(ctx: CodingContext, input: Suggestion[]): StageResult {
  const lines = input.map((s) => ({ ...s, modifiers: s.modifiers.map((m) => ({ ...m, reasons: [...m.reasons] })), warnings: [...(s.warnings ?? [])] }));
  const run: EditRun = { ctx, lines, warnings: [], questions: [], claimed: headerCodes(ctx.doc) };
  for (const e of PAIR_EDITS) checkPairEdit(run, e);
  checkImagingPairs(run);
  checkAddOnsAlone(run);
  checkUnits(run);
  checkGlobalPeriod(run);
  addDeviceHints(run);
  return { suggestions: lines, warnings: run.warnings, questions: run.questions };
}

// ---- pairs not reported together ----------------------------------------------------------------
function checkPairEdit(run: EditRun, e: PairEdit): void {
  const { lines, warnings, claimed } = run;
  const c1Lines = byCode(run, e.column1);
  if (!c1Lines.length) return;
  const c2Lines = byCode(run, e.column2);
  // a column-2 code claimed only in the header (e.g. "77002" next to 64561)
  for (const code of claimed) {
    if (!e.column2.includes(code) || lines.some((l) => l.code === code)) continue;
    const msg = pairMessage(e, c1Lines[0].code, code, true);
    warnings.push({ kind: 'bundling', message: msg, codes: [c1Lines[0].code, code], source: `${e.source} (${e.year})` });
    addLineWarning(c1Lines[0], msg);
  }
  for (const c2 of c2Lines) {
    const c1 = c1Lines.find((l) => l !== c2);
    if (!c1) continue;
    // anatomic modifiers on different sides bypass an indicator-1 edit
    if (e.modifierIndicator === 1 && sideOf(c1) && sideOf(c2) && sideOf(c1) !== sideOf(c2)) continue;
    if (e.modifierIndicator === 1 && bypassPair(run, e, c1, c2)) continue;
    const msg = pairMessage(e, c1.code, c2.code, false);
    addLineWarning(c2, msg);
    addLineWarning(c1, msg);
    c2.confidence = 'low' satisfies Confidence;
    run.warnings.push({ kind: 'bundling', message: msg, codes: [c1.code, c2.code], source: `${e.source} (${e.year})` });
  }
}

/**
 * An indicator-1 pair the note lets through: XE for a documented separate session, else XS for
 * a documented separate site. Adds the modifier to `c2` and says so; false when neither applies.
 */
function bypassPair(run: EditRun, e: PairEdit, c1: Suggestion, c2: Suggestion): boolean {
  const session = affirmedInWork(run, 'separateSession');
  const distinct = affirmedInWork(run, 'distinct');
  const bypass = e.bypass.includes('XE') && session.length ? 'XE' : e.bypass.includes('XS') && distinct.length ? 'XS' : null;
  if (!bypass) return false;
  const ev = (bypass === 'XE' ? session : distinct).slice(0, 3).map(toSpan);
  addModifier(c2, bypass, {
    text: `${bypass}: ${c2.code} would otherwise be bundled into ${c1.code}; the note documents a ${bypass === 'XE' ? 'separate encounter' : 'separate site, structure or level'} (${MODIFIER_RULE_BY_ID.get(bypass === 'XE' ? 'distinct-xe' : 'distinct-xs')!.source}). X modifiers are preferred to 59.`,
    evidence: ev,
  });
  c2.modifiers.sort((a, b) => MODIFIER_ORDER.indexOf(a.code) - MODIFIER_ORDER.indexOf(b.code));
  const msg = `${c2.code} with ${c1.code}: ${e.rule} ${bypass} added because the note documents the distinction${e.status === 'unconfirmed' ? ` (${UNCONFIRMED})` : ''}.`;
  addLineWarning(c2, msg);
  run.warnings.push({ kind: 'bundling', message: msg, codes: [c1.code, c2.code], evidence: ev, source: `${e.source} (${e.year})` });
  return true;
}

// ---- imaging documented with 63650: do not add fluoroscopy by default ----------------------------------
function checkImagingPairs(run: EditRun): void {
  const { lines, claimed } = run;
  const imaging = affirmedInWork(run, 'imaging');
  if (!imaging.length) return;
  for (const e of PAIR_EDITS.filter((p) => p.status === 'unconfirmed' && p.column2.every((c) => c.startsWith('7')))) {
    const c1 = byCode(run, e.column1)[0];
    if (!c1 || lines.some((l) => e.column2.includes(l.code)) || claimed.some((c) => e.column2.includes(c))) continue;
    const msg = `Imaging is documented with ${c1.code}: ${e.rule} Do not add ${e.column2.join('/')} (${UNCONFIRMED}).`;
    run.warnings.push({ kind: 'bundling', message: msg, codes: [c1.code, ...e.column2], evidence: imaging.slice(0, 2).map(toSpan), source: `${e.source} (${e.year})` });
  }
}

// ---- add-on codes never alone ----------------------------------------------------------------------
function checkAddOnsAlone(run: EditRun): void {
  const { lines } = run;
  for (const a of ADD_ON_EDITS) {
    const add = lines.filter((l) => l.code === a.addOn);
    if (!add.length || lines.some((l) => a.primary.includes(l.code))) continue;
    const msg = `${a.addOn} is an add-on code: it is never reported alone and needs ${a.primary.join(' or ')} on the same claim.`;
    for (const l of add) {
      addLineWarning(l, msg);
      l.confidence = 'low';
    }
    run.warnings.push({ kind: 'bundling', message: msg, codes: [a.addOn, ...a.primary], source: `${a.source} (${a.year})` });
  }
}

// ---- units ----------------------------------------------------------------------------------------
function checkUnits(run: EditRun): void {
  const { lines } = run;
  const unitTotals = new Map<string, number>();
  for (const l of lines) unitTotals.set(l.code, (unitTotals.get(l.code) ?? 0) + l.units);
  for (const [code, total] of unitTotals) checkCodeUnits(run, code, total);
  for (const l of lines) {
    if (l.modifiers.some((m) => m.code === '50') && l.units !== 1) addLineWarning(l, 'Modifier 50 lines are 1 unit for Medicare (the 150% adjustment covers both sides).');
  }
}

/** Unit limits for one code, `total` units over all its lines. */
function checkCodeUnits(run: EditRun, code: string, total: number): void {
  const { warnings } = run;
  const rule = CODE_BY_ID.get(code);
  const codeLines = run.lines.filter((l) => l.code === code);
  for (const u of UNIT_EDITS.filter((x) => x.code === code)) {
    if (total <= u.maxUnits) continue;
    const msg = `${code} × ${total}: above ${u.maxUnits} per ${u.per} for one payer. ${u.note}`;
    for (const l of codeLines) addLineWarning(l, msg);
    warnings.push({ kind: 'mue', message: msg, codes: [code], source: `${u.source} (${u.year})` });
  }
  if (rule && (rule.unit === 'per-session' || rule.unit === 'first-array') && total > 1 && codeLines.length === 1) {
    const msg = `${code} is reported once per session (${rule.unit === 'first-array' ? 'first array only' : 'whatever the number of arrays'}); ${total} units will be denied.`;
    addLineWarning(codeLines[0], msg);
    warnings.push({ kind: 'mue', message: msg, codes: [code], source: rule.source });
  }
  if (rule && total > 1 && rule.unit === 'per-array' && !UNIT_EDITS.some((x) => x.code === code)) {
    for (const l of codeLines) if (l.units > 1) addLineWarning(l, `${l.units} units: ${NATIONAL_MUE_NOTE}`);
  }
}

// ---- global period note ------------------------------------------------------------------------------
function checkGlobalPeriod(run: EditRun): void {
  const { ctx, lines } = run;
  const { doc, matches } = ctx;
  const timing = readTiming(ctx);
  const staged = matches.filter((m) => m.kind === 'staged' && m.value === 'later' && m.assertion !== 'negated' && m.section !== 'plan');
  const returns = matches.filter((m) => m.kind === 'returnToOr' && m.assertion === 'affirmed');
  const timingAboutSurgery = timing.evidence.filter((e) => {
    const m = matches.find((x) => x.start === e.start && x.kind === 'globalPeriod');
    if (!m) return false;
    const s = doc.sentences[m.sentence];
    return timing.explicitGlobal || PROCEDURE_WORD.test(doc.text.slice(s.start, s.end));
  });
  const inside = timing.explicitGlobal || (timing.days !== null && timing.days <= 90);
  if (!(timingAboutSurgery.length && inside && lines.length)) return;
  const global = lines.filter((l) => ['010', '090'].includes(CODE_BY_ID.get(l.code)?.globalDays ?? ''));
  const has = (mod: string) => lines.some((l) => l.modifiers.some((m) => m.code === mod));
  const modsDone = ['58', '78', '79'].filter(has);
  run.warnings.push({
    kind: 'global',
    message: globalPeriodMessage(timing, modsDone),
    codes: global.map((l) => l.code),
    evidence: timingAboutSurgery.slice(0, 3),
    source: MODIFIER_RULE_BY_ID.get('staged-58')!.source,
  });
  if (!modsDone.length && !staged.length && !returns.length && global.length) {
    run.questions.push({
      modifier: '58',
      code: global[0].code,
      text: `The note places this session ${timing.explicitGlobal ? 'inside a global period' : `${timing.days} days after an earlier procedure`}. If it falls within that procedure's global period, which applies: 58 (planned or staged), 78 (unplanned return, related) or 79 (unrelated)?`,
      evidence: timingAboutSurgery.slice(0, 2),
    });
  }
}

/** The global-period warning: how sure the note makes it, then what was added or is needed. */
function globalPeriodMessage(timing: Timing, modsDone: string[]): string {
  return `${
    timing.explicitGlobal || (timing.days !== null && timing.days <= 10)
      ? `This session falls inside the global period of an earlier procedure (${timing.explicitGlobal ? 'the note says so' : `${timing.days} days later; the implant codes of the family carry 10- or 90-day globals`}).`
      : `This session may fall inside the global period of an earlier procedure (${timing.days} days later: inside a 90-day global, outside a 10-day one).`
  } ${
    modsDone.length ? `Modifier ${modsDone.join('/')} was added from the note's facts.` : 'The claim needs 58 (planned stage), 78 (unplanned, related return to the OR) or 79 (unrelated) — see the questions.'
  }`;
}

// ---- device HCPCS hints (facility / supplier, never the surgeon's claim) -------------------------------------
function addDeviceHints(run: EditRun): void {
  const seen = new Set<string>();
  for (const l of run.lines) {
    if (seen.has(l.code)) continue;
    seen.add(l.code);
    const hints = DEVICE_HINTS.get(l.code);
    if (!hints?.length) continue;
    const fac = hints.filter((h) => h.setting === 'facility');
    const sup = hints.filter((h) => h.setting === 'supplier');
    const fmt = (h: (typeof hints)[number]) => `${h.code} (${h.meaning.replace(/\.$/, '')}${h.mue ? `; MUE ${h.mue}` : ''})`;
    const parts: string[] = [];
    if (fac.length) parts.push(`facility claim (hospital outpatient / ASC) C-codes: ${fac.map(fmt).join('; ')}`);
    if (sup.length) parts.push(`supplier L-codes, where the payer pays the device separately: ${sup.map(fmt).join('; ')}`);
    run.warnings.push({
      kind: 'device',
      message: `Device codes that usually go with ${l.code} — not on the surgeon's claim; pick by the device actually used: ${parts.join('. ')}.`,
      codes: [l.code, ...hints.map((h) => h.code)],
      source: DEVICE_SOURCE,
    });
  }
}
