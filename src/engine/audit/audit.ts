/**
 * Billed claim lines checked against what the note supports (the engine's suggestions).
 * Pure: takes an Analysis and parsed billed lines, returns a verdict with reasons.
 */
import type { Analysis, Confidence, Suggestion } from '../types';
import { CODE_BY_ID } from '../../kb/codes';
import { PAIR_EDITS } from '../../kb/edits';
import { formatLine, sameModifiers, type ClaimLineSpec } from './billed';

export type Verdict = 'agrees' | 'differs' | 'missing-documentation';

export const VERDICT_LABEL: Record<Verdict, string> = {
  agrees: 'Agrees',
  differs: 'Differs',
  'missing-documentation': 'Missing documentation',
};

export type DifferenceKind =
  /** Billed, but the note supports no line with this code. */
  | 'extra'
  /** The note supports this line, but it was not billed. */
  | 'missing'
  /** Same code, different units. */
  | 'units'
  /** Same code, different modifiers. */
  | 'modifiers';

export interface Difference {
  kind: DifferenceKind;
  code: string;
  /** The billed line, as "64590-RT x1" (absent for `missing`). */
  billed?: string;
  /** The line the note supports (absent for `extra`). */
  suggested?: string;
  message: string;
  /**
   * How much weight the difference carries: `likely-error` when the line the note supports is
   * high confidence and ready (the billed line is probably wrong); `check` when that line is
   * medium or low confidence or needs review (the billed line may be right: read the note).
   */
  flag?: AuditFlag;
  /** Confidence of the suggested line the billed line is compared with (the lowest, for `extra`); null when there is none. */
  suggestedConfidence?: Confidence | null;
}

export type AuditFlag = 'likely-error' | 'check';

export const FLAG_LABEL: Record<AuditFlag, string> = {
  'likely-error': 'Likely error',
  check: 'Check',
};

export interface AuditResult {
  verdict: Verdict;
  differences: Difference[];
  /** Plain-language reasons for the verdict. */
  reasons: string[];
  /** Billed codes the note does not support (no line, or a line with a documentation gap). */
  unsupported: string[];
  /** The strongest flag among the differences (`likely-error` over `check`); null when the claim agrees. */
  flag?: AuditFlag | null;
}

/** The documentation gaps the engine flags for a note: warnings of kind 'documentation' / 'no-code', and its questions. */
export function documentationGaps(a: Pick<Analysis, 'warnings' | 'questions'>): string[] {
  return [
    ...a.warnings.filter((w) => w.kind === 'documentation' || w.kind === 'no-code').map((w) => w.message),
    ...a.questions.map((q) => q.text),
  ];
}

export function suggestionLine(s: Pick<Suggestion, 'code' | 'units' | 'modifiers'>): ClaimLineSpec {
  return { code: s.code, units: s.units, modifiers: s.modifiers.map((m) => m.code) };
}

/** Codes whose suggested line carries a documentation gap (a low-confidence line the note does not fully support). */
function gappedCodes(a: Analysis): Set<string> {
  const out = new Set<string>();
  for (const w of a.warnings) if (w.kind === 'documentation') for (const c of w.codes ?? []) out.add(c);
  for (const s of a.suggestions) if ((s.warnings ?? []).some((w) => /^Documentation gap/i.test(w))) out.add(s.code);
  return out;
}

const SIDE_MODS = new Set(['LT', 'RT', '50']);

/** Why a billed side modifier does not fit the code: the code takes no side (e.g. a generator in a pocket). */
function sideReason(code: string, mods: readonly string[]): string | null {
  const side = mods.filter((m) => SIDE_MODS.has(m));
  const rule = CODE_BY_ID.get(code);
  if (!side.length || !rule || rule.sided) return null;
  const what = rule.component === 'generator' ? 'generator codes take no side' : `${code} is not a sided code`;
  return `billed with ${side.join(', ')}, but ${what} (LT/RT apply only to paired structures)`;
}

/** Why the note supports no line with a billed code, citing the edit or convention where one applies. */
function extraReason(code: string, suggested: readonly ClaimLineSpec[]): string {
  const codes = new Set(suggested.map((l) => l.code));
  const edit = PAIR_EDITS.find((e) => e.column2.includes(code) && e.column1.some((c) => codes.has(c)));
  if (edit) {
    const c1 = edit.column1.find((c) => codes.has(c))!;
    const kind = edit.status === 'descriptor' ? 'CPT code descriptor' : edit.status === 'unconfirmed' ? 'OpNote Coder convention, not verified in the NCCI table' : 'payer policy';
    return `${code} is not reported with ${c1}: ${edit.rule} (${kind}${edit.modifierIndicator === 0 ? '; no modifier makes the pair payable' : `; only ${edit.bypass.join('/')} with a documented distinct service`}).`;
  }
  const rule = CODE_BY_ID.get(code);
  if (!rule && /^7[67]\d{3}$/.test(code)) {
    const inc = suggested.find((l) => CODE_BY_ID.get(l.code)?.includesImaging);
    if (inc) return `imaging guidance is part of ${inc.code} (CPT code descriptor): no separate ${code} line.`;
  }
  return `the note supports no ${code} line.`;
}

/**
 * Pair billed lines with suggested lines: exact matches first, then same code and modifiers
 * (a unit difference), then same code (a modifier difference, perhaps also units).
 * What is left over is billed-only (`extra`) or suggested-only (`missing`).
 */
export function compareLines(billed: readonly ClaimLineSpec[], suggested: readonly ClaimLineSpec[]): Difference[] {
  const b = billed.map((l) => ({ l, used: false }));
  const s = suggested.map((l) => ({ l, used: false }));
  const diffs: Difference[] = [];
  const pass = (fits: (x: ClaimLineSpec, y: ClaimLineSpec) => boolean, report: (x: ClaimLineSpec, y: ClaimLineSpec) => void) => {
    for (const x of b) {
      if (x.used) continue;
      const y = s.find((c) => !c.used && fits(x.l, c.l));
      if (!y) continue;
      x.used = y.used = true;
      report(x.l, y.l);
    }
  };
  pass(
    (x, y) => x.code === y.code && x.units === y.units && sameModifiers(x.modifiers, y.modifiers),
    () => {},
  );
  pass(
    (x, y) => x.code === y.code && sameModifiers(x.modifiers, y.modifiers),
    (x, y) =>
      diffs.push({
        kind: 'units',
        code: x.code,
        billed: formatLine(x),
        suggested: formatLine(y),
        message: `${x.code}: billed ${x.units} unit${x.units === 1 ? '' : 's'}, the note supports ${y.units}.`,
      }),
  );
  pass(
    (x, y) => x.code === y.code,
    (x, y) => {
      const extraMods = x.modifiers.filter((m) => !y.modifiers.includes(m));
      const missingMods = y.modifiers.filter((m) => !x.modifiers.includes(m));
      const side = sideReason(x.code, extraMods);
      const otherExtra = side ? extraMods.filter((m) => !SIDE_MODS.has(m)) : extraMods;
      const parts = [
        side ?? '',
        otherExtra.length ? `billed with ${otherExtra.join(', ')} the note does not support` : '',
        missingMods.length ? `the note supports ${missingMods.join(', ')}, not billed` : '',
      ].filter(Boolean);
      diffs.push({
        kind: 'modifiers',
        code: x.code,
        billed: formatLine(x),
        suggested: formatLine(y),
        message: `${x.code}: modifiers differ (${parts.join('; ') || 'order'})${x.units !== y.units ? `; billed ${x.units} units, the note supports ${y.units}` : ''}.`,
      });
    },
  );
  for (const x of b)
    if (!x.used) diffs.push({ kind: 'extra', code: x.l.code, billed: formatLine(x.l), message: `Billed ${formatLine(x.l)}, but ${extraReason(x.l.code, suggested)}` });
  for (const y of s)
    if (!y.used) diffs.push({ kind: 'missing', code: y.l.code, suggested: formatLine(y.l), message: `The note supports ${formatLine(y.l)}, which was not billed.` });
  return diffs;
}

/**
 * The audit verdict for one note:
 * - agrees: the billed lines are the lines the note supports (code, units, modifiers);
 * - missing-documentation: a billed code is not supported and the engine flags a documentation
 *   gap (or the note is out of scope) — the claim may be right, but the note does not show it;
 * - differs: anything else, with the differing lines.
 */
export function auditNote(a: Analysis, billed: readonly ClaimLineSpec[]): AuditResult {
  const differences = compareLines(billed, a.suggestions.map(suggestionLine)).map((d) => flagDifference(d, a));
  const gapped = gappedCodes(a);
  const suggestedCodes = new Set(a.suggestions.map((s) => s.code));
  const unsupported = [...new Set(billed.map((l) => l.code).filter((c) => !suggestedCodes.has(c) || gapped.has(c)))];
  const gaps = documentationGaps(a);
  const reasons: string[] = [];
  let verdict: Verdict;
  if (unsupported.length && (!a.inScope || gaps.length)) {
    verdict = 'missing-documentation';
    reasons.push(
      !a.inScope
        ? `Billed ${unsupported.join(', ')}, but the note documents no neurostimulator procedure: ${a.outOfScopeReason ?? 'out of scope'}`
        : `Billed ${unsupported.join(', ')}, which the note does not support as written; the engine flags a documentation gap.`,
    );
    for (const g of gaps.slice(0, 3)) reasons.push(g);
  } else if (differences.length) {
    verdict = 'differs';
    reasons.push(`${differences.length} line difference${differences.length === 1 ? '' : 's'} between the claim and the note.`);
  } else {
    verdict = 'agrees';
    reasons.push(billed.length ? 'The billed lines match the lines the note supports.' : 'Nothing was billed and the note supports no line.');
  }
  for (const d of differences) reasons.push(d.message);
  const flag = differences.some((d) => d.flag === 'likely-error') ? 'likely-error' : differences.length || verdict !== 'agrees' ? 'check' : null;
  return { verdict, differences, reasons, unsupported, flag };
}

const RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

/** A suggestion that can be trusted unread: high confidence and nothing to check. */
const trusted = (s: Suggestion) => s.confidence === 'high' && s.status !== 'review' && !(s.reviewReasons ?? []).length;

/**
 * Flag a difference by the confidence of the line it disagrees with: against a high, ready line
 * the billed line is a likely error; against a medium or low one (or one under review, or when
 * the engine abstains) it is a thing to check, as the billed line may be the right one.
 */
export function flagDifference(d: Difference, a: Pick<Analysis, 'suggestions' | 'abstain'>): Difference {
  const same = a.suggestions.filter((s) => s.code === d.code);
  const exact = d.suggested ? same.filter((s) => formatLine(suggestionLine(s)) === d.suggested) : [];
  const against = d.kind === 'extra' ? a.suggestions : exact.length ? exact : same;
  if (!against.length) return { ...d, flag: a.abstain ? 'check' : 'likely-error', suggestedConfidence: null };
  const lowest = against.reduce<Confidence>((lo, s) => (RANK[s.confidence] < RANK[lo] ? s.confidence : lo), 'high');
  const flag = !a.abstain && against.every(trusted) ? 'likely-error' : 'check';
  return { ...d, flag, suggestedConfidence: lowest };
}
