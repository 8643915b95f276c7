import type { Abstention, Suggestion, Warning } from '../types';
import type { Reading } from '../facts/events';
import { CODE_BY_ID, CODE_RULES, TARGET_WORDS, type CodeRule } from '../../kb/codes';
import { CHECK_BY_ID } from '../../kb/confidence-checks';

const ARRAY_WORDS: Record<NonNullable<CodeRule['arrays']>, string> = {
  one: 'if the generator drives one array (one lead or extension)',
  twoOrMore: 'if the generator drives two or more arrays',
};

/** The fact a line's fired checks say is missing and decides its code, if any. */
function withheldFact(line: Suggestion): 'arrays' | undefined {
  for (const r of line.reviewReasons ?? []) {
    const fact = CHECK_BY_ID.get(r.id)?.withhold;
    if (fact) return fact;
  }
  return undefined;
}

/** Codes of the same component, action and system that differ only in the number of arrays. */
function arrayCandidates(rule: CodeRule, action: CodeRule['action'][number]): Abstention['candidates'] {
  const shared = (r: CodeRule) => r.component === rule.component && r.action.includes(action) && r.target.some((t) => rule.target.includes(t));
  return CODE_RULES.filter((r) => r.arrays && !r.addOnTo && shared(r)).map((r) => ({ code: r.code, when: ARRAY_WORDS[r.arrays!] }));
}

/** A code counted once per array, with the number of arrays unknown: the count is the missing fact. */
function unitsAbstention(line: Suggestion, rule: CodeRule): Abstention {
  return {
    fact: 'arrays',
    message: `The note documents placement of ${TARGET_WORDS[rule.target[0]]} electrode arrays but not how many; ${rule.code} is reported once per array, so the number decides the units.`,
    question: CHECK_BY_ID.get('array-units-unstated')?.question ?? 'How many leads (arrays) were placed?',
    candidates: [{ code: rule.code, when: `one unit for each array left in (${rule.code} x1 for one lead, x2 for two)` }],
    evidence: line.reasons.flatMap((r) => r.evidence).slice(0, 4),
  };
}

function arraysAbstention(line: Suggestion, reading: Reading): Abstention | undefined {
  const rule = CODE_BY_ID.get(line.code);
  if (!rule) return undefined;
  if (rule.unit === 'per-array') return unitsAbstention(line, rule);
  const read = line.event !== undefined ? reading.events[line.event]?.action : undefined;
  const action = rule.action.find((a) => a === read) ?? rule.action[0];
  const candidates = arrayCandidates(rule, action);
  if (candidates.length < 2) return undefined;
  const system = TARGET_WORDS[rule.target.find((t) => t === 'intracranial') ?? rule.target[0]];
  return {
    fact: 'arrays',
    message: `The note documents work on a ${system} pulse generator but not how many arrays it drives; the number decides the code.`,
    question: CHECK_BY_ID.get('array-count-unstated')?.question ?? 'How many leads (extensions) are connected to the generator?',
    candidates,
    evidence: line.reasons.flatMap((r) => r.evidence).slice(0, 4),
  };
}

/**
 * Withhold every line whose deciding fact a check found missing (kb/confidence-checks `withhold`):
 * the note abstains on that fact with the candidate codes side by side, rather than a guessed line.
 */
export function withholdLines(suggestions: Suggestion[], reading: Reading): { suggestions: Suggestion[]; abstain?: Abstention } {
  let abstain: Abstention | undefined;
  const kept = suggestions.filter((line) => {
    if (withheldFact(line) !== 'arrays') return true;
    const a = arraysAbstention(line, reading);
    if (!a) return true;
    abstain ??= a;
    return false;
  });
  return abstain ? { suggestions: kept, abstain } : { suggestions };
}

/** Warnings about a withheld code (its device codes, its bundling) go with it, unless a kept line has the code. */
export function warningsKept(warnings: Warning[], before: Suggestion[], after: Suggestion[]): Warning[] {
  const kept = new Set(after.map((l) => l.code));
  const gone = new Set(before.map((l) => l.code).filter((c) => !kept.has(c)));
  return gone.size ? warnings.filter((w) => !(w.codes?.length && gone.has(w.codes[0]))) : warnings;
}
