import type { Doc, Span } from '../types';
import { IMPLIED_RETURN } from '../../kb/modifier-rules';

const COMPLICATION = new RegExp(`\\b(?:${IMPLIED_RETURN.complication.join('|')})\\b`, 'i');
const OWN_EARLIER = new RegExp(`\\b(?:${IMPLIED_RETURN.ownEarlier.join('|')})\\b`, 'i');

function firstSpan(doc: Doc, re: RegExp, sentences: number[]): Span | null {
  for (const i of sentences) {
    const s = doc.sentences[i];
    const m = re.exec(doc.text.slice(s.start, s.end));
    if (m) return { start: s.start + m.index, end: s.start + m.index + m[0].length, text: m[0] };
  }
  return null;
}

/**
 * Today's revision or removal answers a complication of the surgeon's own earlier implant:
 * the story of an unplanned return, told without the words. Returns the words (complication,
 * own earlier procedure) or null. The caller still needs the session inside the global period.
 */
export function impliedReturn(doc: Doc, actions: readonly string[]): Span[] | null {
  if (!actions.length || actions.some((a) => a === 'insertion')) return null;
  const all = doc.sentences.map((s) => s.index);
  const own = firstSpan(doc, OWN_EARLIER, all);
  if (!own) return null;
  const complication = firstSpan(doc, COMPLICATION, all);
  return complication ? [complication, own] : null;
}
