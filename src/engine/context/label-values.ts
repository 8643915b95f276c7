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

interface Denial {
  /** The label: from the line start to the colon. */
  from: number;
  to: number;
  cueStart: number;
  cue: string;
}

/** Each line "Label: <denial>" of the note, in order. */
function denials(text: string): Denial[] {
  const out: Denial[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const colon = text.indexOf(':', lineStart);
    if (colon > lineStart && colon < lineEnd && colon - lineStart <= MAX_LABEL) {
      const value = text.slice(colon + 1, lineEnd);
      const hit = DENIAL.exec(value);
      if (hit) out.push({ from: lineStart, to: colon, cueStart: colon + 1 + value.indexOf(hit[1]), cue: hit[1] });
    }
    lineStart = lineEnd + 1;
  }
  return out;
}

/**
 * Negate what each denied label names. Matches come sorted by start and labels by line, so one
 * walk over both is linear (a note of many "X: no" lines and many mentions stays fast).
 */
export function applyLabelDenials(doc: Doc, matches: ConceptMatch[]): void {
  const list = denials(doc.text);
  let k = 0;
  for (const d of list) {
    while (k < matches.length && matches[k].start < d.from) k++;
    for (let j = k; j < matches.length && matches[j].start < d.to; j++) {
      const m = matches[j];
      if (m.end > d.to || m.assertion !== 'affirmed') continue;
      m.assertion = 'negated';
      m.cue = { start: d.cueStart, end: d.cueStart + d.cue.length, text: d.cue, category: 'NEGATED_EXISTENCE' };
    }
  }
}
