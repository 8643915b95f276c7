/**
 * "left" is also the past of "leave": "retrusor branches left out", "the lead was left in
 * place", "a strain-relief loop left in the neck". Those are not a side.
 */
import type { ConceptMatch, Doc } from '../types';

const AFTER = new Set(['out', 'outside', 'inside', 'within', 'free', 'in', 'behind', 'alone', 'intact', 'undisturbed', 'untouched', 'open', 'unchanged', 'attached', 'connected', 'capped', 'coiled', 'at', 'on', 'off', 'there', 'as', 'to', 'for', 'with', 'without', 'unplugged', 'disconnected']);
const BEFORE = new Set(['was', 'were', 'is', 'are', 'been', 'be', 'being']);
/** "battery ~6 yrs left", "20% left": what remains, not a side. */
const REMAINING = new Set(['yrs', 'yr', 'years', 'year', 'months', 'month', 'mo', 'mos', 'weeks', 'week', 'wks', 'days', 'day', 'hours', 'hrs', 'minutes', 'min', 'mins', '%', 'percent', 'life', 'time', 'capacity', 'charge']);
// "left in" / "left at" can still be a side before a body part: "left in the groin" is rare; "left
// at T8" is not. Those words after "left" keep it a side when the word after them names a level.
const LEVEL = /^([ctls]\d{1,2})$/i;

export function dropLeftAsVerb(doc: Doc, matches: ConceptMatch[]): ConceptMatch[] {
  return matches.filter((m) => {
    if (m.kind !== 'side' || m.value !== 'left' || m.tokenEnd - m.tokenStart !== 1) return true;
    const prev = doc.tokens[m.tokenStart - 1];
    const next = doc.tokens[m.tokenEnd];
    const after2 = doc.tokens[m.tokenEnd + 1];
    const sameSentence = (t: typeof next) => t !== undefined && t.sentence === m.sentence;
    if (sameSentence(prev) && REMAINING.has(prev.norm)) return false;
    if (sameSentence(prev) && BEFORE.has(prev.norm) && !(sameSentence(next) && /^(side|sided|l\d|s\d)$/i.test(next.norm))) return false;
    if (sameSentence(next) && AFTER.has(next.norm) && !(after2 && LEVEL.test(after2.norm))) return false;
    return true;
  });
}
