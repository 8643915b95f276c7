import type { Abstention, Analysis, Span, Suggestion } from '../../engine/types';
import { plainReason } from './plain-labels';

/** "64590-RT" — the code with its modifiers joined by '-'. */
export function lineCode(s: Pick<Suggestion, 'code' | 'modifiers'>): string {
  return [s.code, ...s.modifiers.map((m) => m.code)].join('-');
}

/** "64590-RT x1" */
export function claimLine(s: Pick<Suggestion, 'code' | 'modifiers' | 'units'>): string {
  return `${lineCode(s)} x${s.units}`;
}

export type LineStatus = 'ready' | 'review';

/**
 * The line's status as the engine set it; for an older result without one, the same rule the
 * engine uses (ready = high confidence and nothing to check).
 */
export function lineStatus(s: Pick<Suggestion, 'status' | 'confidence' | 'reviewReasons'>): LineStatus {
  if (s.status) return s.status;
  return s.confidence === 'high' && !(s.reviewReasons?.length ?? 0) ? 'ready' : 'review';
}

/** One thing to check, merged across the lines it concerns. */
export interface ReviewItem {
  key: string;
  id: string;
  text: string;
  question?: string;
  evidence: Span[];
  /** Claim lines ("63650 x2") the reason concerns. */
  lines: string[];
}

/** The distinct review reasons of the analysis (the same check with the same words counts once). */
export function reviewItems(a: Pick<Analysis, 'suggestions'>): ReviewItem[] {
  const byKey = new Map<string, ReviewItem>();
  for (const s of a.suggestions) {
    for (const r of s.reviewReasons ?? []) {
      const key = `${r.id}|${r.text}`;
      const item = byKey.get(key);
      if (item) {
        if (!item.lines.includes(claimLine(s))) item.lines.push(claimLine(s));
      } else byKey.set(key, { key, id: r.id, text: r.text, question: r.question, evidence: r.evidence, lines: [claimLine(s)] });
    }
  }
  return [...byKey.values()];
}

/** Lines whose status is review but the engine gave no reason (e.g. medium confidence from an old result). */
export function unexplainedReviewLines(a: Pick<Analysis, 'suggestions'>): Suggestion[] {
  return a.suggestions.filter((s) => lineStatus(s) === 'review' && !(s.reviewReasons?.length ?? 0));
}

/** "ready", or "review: <the questions>" — the status as one cell of text. */
export function statusText(s: Suggestion): string {
  if (lineStatus(s) === 'ready') return 'ready';
  const asks = [...new Set((s.reviewReasons ?? []).map((r) => r.question ?? r.text))];
  return asks.length ? `review: ${asks.join(' / ')}` : `review: ${s.confidence} confidence, read the reasons`;
}

/**
 * Lines that code generator work (the event the line codes is on the generator): generator codes
 * never take LT/RT. Read from the analysis, so the code table stays out of the first-paint bundle.
 */
function codesGenerator(a: Pick<Analysis, 'events'>, s: Pick<Suggestion, 'event'>): boolean {
  return s.event !== undefined && a.events[s.event]?.component === 'generator';
}

/**
 * For a generator line when the note names a side: why the line has no LT/RT, in plain words,
 * with the words that name the side. Null when it does not apply.
 */
export function noSideNote(a: Pick<Analysis, 'facts' | 'events'>, s: Pick<Suggestion, 'code' | 'modifiers' | 'event'>): { text: string; evidence: Span[] } | null {
  if (!codesGenerator(a, s) || s.modifiers.some((m) => m.code === 'LT' || m.code === 'RT' || m.code === '50')) return null;
  const sides = a.facts.filter((f) => f.kind === 'side' && f.assertion === 'affirmed' && /^(left|right|bilateral)$/.test(f.value));
  if (!sides.length) return null;
  const named = [...new Set(sides.map((f) => f.value))];
  const said = named.length === 1 ? named[0] : named.join(' and ');
  return {
    text: `No LT or RT: the note says ${said}, but generator codes take no side — the side belongs on the electrode line when that code takes one.`,
    evidence: sides.flatMap((f) => f.evidence).slice(0, 4),
  };
}

/** A cell of tab-separated text: no tab or line break inside. */
const cell = (t: string) => t.replace(/[\t\r\n]+/g, ' ').trim();

export const TSV_COLUMNS = ['CPT', 'Mod1', 'Mod2', 'Mod3', 'Mod4', 'Units', 'Status'] as const;

/**
 * The claim lines in billing-system shape, one line per claim line, tab-separated:
 * CPT, Mod1–Mod4, Units, then Status ("ready" or "review: <question>"). No header row, so the
 * lines paste straight into a claim grid; the Status column comes last so a grid that takes six
 * columns gets exactly the billing fields. When the engine abstains there is nothing to bill:
 * the text says which fact is missing, the candidates and the question.
 */
export function claimLinesText(a: Analysis): string {
  if (!a.suggestions.length && a.abstain) return abstainText(a.abstain);
  return a.suggestions
    .map((s) => {
      const mods = s.modifiers.map((m) => m.code);
      const four = [0, 1, 2, 3].map((i) => (i === 3 && mods.length > 4 ? mods.slice(3).join(' ') : (mods[i] ?? '')));
      return [s.code, ...four, String(s.units), cell(statusText(s))].join('\t');
    })
    .join('\n');
}

/** The abstention as plain text: what is missing, the candidate codes, the question. */
export function abstainText(ab: Abstention): string {
  return [
    `No code chosen: ${cell(ab.message)}`,
    `Missing fact: ${FACT_WORDS[ab.fact]}`,
    ...ab.candidates.map((c) => `Candidate ${c.code}: ${cell(c.when)}`),
    `Ask the surgeon: ${cell(ab.question)}`,
  ].join('\n');
}

/** Plain words for the deciding fact of an abstention. */
export const FACT_WORDS: Record<Abstention['fact'], string> = {
  target: 'which system or nerve the device is on',
  action: 'what was done to the device',
  approach: 'how the device was placed (approach)',
  side: 'which side',
  component: 'which part of the system was worked on',
  arrays: 'how many leads (arrays) the generator drives',
};

/** The claim lines as JSON: what a billing system or a script would want. */
export function claimLinesJson(a: Analysis): string {
  return JSON.stringify(
    {
      inScope: a.inScope,
      ...(a.inScope ? {} : { outOfScopeReason: a.outOfScopeReason ?? null }),
      ...(a.abstain ? { abstain: { fact: a.abstain.fact, message: a.abstain.message, question: a.abstain.question, candidates: a.abstain.candidates } } : {}),
      lines: a.suggestions.map((s) => ({
        code: s.code,
        units: s.units,
        modifiers: s.modifiers.map((m) => m.code),
        description: s.description,
        confidence: s.confidence,
        status: lineStatus(s),
        review: (s.reviewReasons ?? []).map((r) => ({ check: r.id, text: r.text, ...(r.question ? { question: r.question } : {}) })),
        reasons: s.reasons.map((r) => plainReason(r.text)),
        modifierReasons: s.modifiers.flatMap((m) => m.reasons.map((r) => plainReason(r.text))),
      })),
      warnings: a.warnings.filter((w) => w.kind !== 'device').map((w) => plainReason(w.message)),
      deviceCodes: a.warnings.filter((w) => w.kind === 'device').map((w) => w.message),
      questions: a.questions.map((q) => q.text),
    },
    null,
    2,
  );
}

export const CSV_COLUMNS = ['cpt', 'mod1', 'mod2', 'mod3', 'mod4', 'units', 'description', 'confidence', 'status', 'review_reasons', 'questions'] as const;

const csvCell = (t: string) => (/[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);

/**
 * The single note's claim lines as CSV, one row per claim line, with the status and the review
 * reasons and questions. An abstention is one row with no code, status "review" and the question.
 */
export function claimLinesCsv(a: Analysis): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const s of a.suggestions) {
    const mods = s.modifiers.map((m) => m.code);
    rows.push([
      s.code,
      mods[0] ?? '',
      mods[1] ?? '',
      mods[2] ?? '',
      mods.slice(3).join(' '),
      String(s.units),
      s.description,
      s.confidence,
      lineStatus(s),
      (s.reviewReasons ?? []).map((r) => r.text).join(' | '),
      [...new Set((s.reviewReasons ?? []).flatMap((r) => (r.question ? [r.question] : [])))].join(' | '),
    ]);
  }
  if (!a.suggestions.length && a.abstain) {
    const ab = a.abstain;
    rows.push(['', '', '', '', '', '', `No code chosen: ${ab.message} Candidates: ${ab.candidates.map((c) => `${c.code} (${c.when})`).join('; ')}`, 'low', 'review', `missing fact: ${FACT_WORDS[ab.fact]}`, ab.question]);
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
