import type { Analysis, ConceptMatch, Doc, Question, Warning } from './types';
import { dropLeftAsVerb } from './match/left-as-verb';
import { applyEmptyFields } from './context/empty-fields';
import { applyDatedHistory } from './context/dated';
import { buildDoc } from './nlp/nlp';
import { findConcepts } from './match/matcher';
import { applyContext } from './context/context';
import { workSentenceSet } from './facts/work';
import { readEvents } from './facts/events';
import { derivedFacts, summariseFacts } from './facts/facts';
import { decide } from './decide/decide';
import { applyModifiers } from './modifiers/modifiers';
import { applyEdits } from './edits/edits';
import { abstention } from './decide/abstain';
import { warningsKept, withholdLines } from './decide/withhold';
import { applyPartialSystem } from './modifiers/partial-system';
import { scopeVerdict } from './decide/scope';
import { headerCodes, headerWarnings } from './decide/header';
import { buildLedger } from './ledger/ledger';
import { applyLabelDenials } from './context/label-values';
import { deviceRecords } from './ledger/summary';
import { reconcileEvents } from './ledger/reconcile';
import { applyChecks } from './confidence/checks';

export type { Analysis } from './types';

import { MAX_CHARS } from './limits';
export { MAX_CHARS };

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** Read concepts and decide each one's assertion. */
export function readConcepts(doc: Doc): ConceptMatch[] {
  const matches = dropLeftAsVerb(doc, findConcepts(doc));
  const verdicts = applyContext(doc, matches);
  matches.forEach((m, i) => {
    m.assertion = verdicts[i].assertion;
    if (verdicts[i].cue) m.cue = verdicts[i].cue;
    // "the pocket was not revised or enlarged": a denial inside the hit's own words denies it
    if (m.deniedWithin !== undefined && m.assertion === 'affirmed') {
      const t = doc.tokens[m.deniedWithin];
      m.assertion = 'negated';
      m.cue = { start: t.start, end: t.end, text: doc.text.slice(t.start, t.end), category: 'NEGATED_EXISTENCE' };
    }
  });
  applyEmptyFields(doc, matches);
  applyLabelDenials(doc, matches);
  applyDatedHistory(doc, matches);
  return matches;
}

/**
 * Analyse one operative note: the whole pipeline, text in, claim lines with reasons out.
 * Never throws on any string input.
 */
export function analyze(input: string): Analysis {
  const t0 = now();
  const raw = typeof input === 'string' ? input : String(input ?? '');
  const truncated = raw.length > MAX_CHARS;
  const text = truncated ? raw.slice(0, MAX_CHARS) : raw;
  const doc = buildDoc(text);
  const matches = readConcepts(doc);
  const work = workSentenceSet(doc, matches);
  const ledger = buildLedger(doc, matches, work);
  const { reading } = reconcileEvents(readEvents(doc, matches, work), ledger);
  const decision = decide(reading, matches, work);
  const ctx = { doc, matches, work, reading };
  const mods = applyModifiers(ctx, decision.suggestions);
  const edits = applyEdits(ctx, applyPartialSystem(mods.suggestions, ledger));
  const warnings: Warning[] = [...decision.warnings, ...mods.warnings, ...edits.warnings];
  const questions: Question[] = [...mods.questions, ...edits.questions];
  const claimed = headerCodes(doc);
  warnings.push(...headerWarnings(claimed, edits.suggestions, doc));
  const checked = applyChecks({ doc, matches, reading, ledger, suggestions: edits.suggestions, warnings });
  const withheld = withholdLines(checked, reading);
  const suggestions = withheld.suggestions;
  const shown = warningsKept(warnings, checked, suggestions);
  if (truncated) {
    shown.push({ kind: 'truncated', message: `The note is ${raw.length.toLocaleString('en-US')} characters; only the first ${MAX_CHARS.toLocaleString('en-US')} were analysed.` });
  }
  const scope = scopeVerdict(suggestions, matches, work, reading);
  // another kind of procedure (a pacemaker, a pump) is no missing fact of ours
  const abstain = withheld.abstain ?? (scope.reason && /outside the neurostimulator family|only planned|trial leads/.test(scope.reason) ? undefined : abstention(reading, suggestions));
  return {
    // a missing deciding fact on work of the family is in scope: the note is ours, the code waits on the fact
    inScope: scope.inScope || !!abstain,
    ...(scope.reason ? { outOfScopeReason: scope.reason } : {}),
    ...(abstain ? { abstain } : {}),
    suggestions,
    facts: [...derivedFacts(reading), ...summariseFacts(matches, work)],
    warnings: shown,
    questions,
    events: reading.events.map(({ target, component, action, approach, arrays, sides, evidence, generators }) => ({
      target,
      component,
      action,
      approach,
      arrays,
      sides,
      evidence,
      ...(generators ? { generators } : {}),
    })),
    devices: deviceRecords(ledger),
    matches,
    sections: doc.sections,
    headerCodes: claimed,
    stats: { chars: raw.length, tokens: doc.tokens.length, sentences: doc.sentences.length, ms: Math.round((now() - t0) * 100) / 100, truncated },
  };
}
