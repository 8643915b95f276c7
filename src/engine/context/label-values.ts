/**
 * Short labelled fields whose value denies them: "MER: NOT performed (asleep, image-verified)",
 * "Pocket: not needed", "Fluoroscopy: none". The label and its value often fall into separate
 * sentences, out of reach of the ordinary negation rules, so what the label names is negated here.
 * Only whole-value denials count ("Leads: not connected to the generator" is a sentence, not a value).
 */
import type { ConceptMatch, Doc } from '../types';

/** At most this many characters of label before the colon. */
const MAX_LABEL = 40;
const DENIAL = /^\s*(not performed|not done|not used|not placed|not implanted|not required|not needed|not applicable|not indicated|none|nil|no|n\/a|deferred|omitted)\s*(?:$|[(.,;])/i;

export function applyLabelDenials(doc: Doc, matches: ConceptMatch[]): void {
  const text = doc.text;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const colon = text.indexOf(':', lineStart);
    if (colon > lineStart && colon < lineEnd && colon - lineStart <= MAX_LABEL) {
      const value = text.slice(colon + 1, lineEnd);
      const hit = DENIAL.exec(value);
      if (hit) negateLabel(matches, lineStart, colon, colon + 1 + value.indexOf(hit[1]), hit[1]);
    }
    lineStart = lineEnd + 1;
  }
}

function negateLabel(matches: ConceptMatch[], from: number, to: number, cueStart: number, cue: string): void {
  for (const m of matches) {
    if (m.start < from || m.end > to || m.assertion !== 'affirmed') continue;
    m.assertion = 'negated';
    m.cue = { start: cueStart, end: cueStart + cue.length, text: cue, category: 'NEGATED_EXISTENCE' };
  }
}
