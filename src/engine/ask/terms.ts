import { nlpForText } from '../nlp/nlp';

/**
 * Search terms of a text: wink-nlp tokens, lower-cased, stop words removed, words stemmed.
 * Numbers and words with digits (codes such as 63685, C1778, S3) are kept as written, since
 * the stemmer would mangle them. A few stop words matter to coding questions and are kept.
 */
const KEEP = new Set(['side', 'sides', 'first', 'each', 'both', 'two', 'second', 'out', 'back', 'additional', 'one', 'same']);

export function terms(text: string): string[] {
  const nlp = nlpForText();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const types = doc.tokens().out(its.type) as string[];
  const stops = doc.tokens().out(its.stopWordFlag) as unknown as boolean[];
  // The typings leave `stem` out of ItsFunction; it works like the other token properties.
  const stems = doc.tokens().out(its.stem as unknown as typeof its.value) as string[];
  const out: string[] = [];
  for (let i = 0; i < values.length; i++) {
    const type = types[i];
    if (type !== 'word' && type !== 'number') continue;
    const value = values[i].toLowerCase();
    if (stops[i] && !KEEP.has(value)) continue;
    if (/\d/.test(value)) {
      out.push(value);
      continue;
    }
    if (value.length < 2) continue;
    out.push(stems[i].toLowerCase());
  }
  return out;
}

/** The plain words of a concept pattern (see kb/concept-schema.ts): alternatives, no operators or regexes. */
export function patternWords(pattern: string): string[] {
  return pattern
    .split(/\s+/)
    .filter((p) => p && !p.startsWith('/') && !p.startsWith('~') && p !== '-')
    .flatMap((p) => p.split('|'))
    .map((w) => w.replace(/\*$/, ''))
    .filter((w) => w.length > 1);
}
