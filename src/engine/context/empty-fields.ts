/**
 * Template fields left empty: "DEVICES IMPLANTED: none", "Explants: ___", "Assistant: N/A".
 * A recognised header whose whole body is empty says the thing it names did not happen, so
 * what the header mentions is negated (the header and its value are split into two sentences,
 * out of reach of the ordinary ": none" rule).
 */
import type { ConceptMatch, Doc } from '../types';

const EMPTY = /^[\s:.\-–—]*(none|nil|n\/?a|not applicable|no|0|zero|_{2,}|-{2,})?[\s.]*$/i;

export function applyEmptyFields(doc: Doc, matches: ConceptMatch[]): void {
  for (const s of doc.sections) {
    if (!s.header || s.bodyStart >= s.end) continue;
    const body = doc.text.slice(s.bodyStart, s.end);
    if (body.trim().length > 20 || !EMPTY.test(body)) continue;
    const value = body.trim();
    const at = s.bodyStart + body.indexOf(value);
    for (const m of matches) {
      if (m.start < s.start || m.end > s.bodyStart || m.assertion !== 'affirmed') continue;
      m.assertion = 'negated';
      m.cue = { start: at, end: at + value.length, text: value, category: 'NEGATED_EXISTENCE' };
    }
  }
}
