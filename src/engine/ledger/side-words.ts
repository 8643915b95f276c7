import type { ConceptMatch, Doc } from '../types';

type Tokens = Doc['tokens'];

const FRONT_WORDS = /^(on|at|to|for|over|the|then|and|next|now)$/;

/**
 * A side that frames its sentence: "On the left, a needle was advanced into S3.", "Right side: lead
 * placed." — at most three words of a preposition and article, the side, then a comma or colon.
 * Returns the side and the token after the closing punctuation.
 */
export function frontedSide(tokens: Tokens, sentenceStart: number, sentenceEnd: number): { side: 'left' | 'right'; after: number } | null {
  let k = sentenceStart;
  while (k < sentenceEnd && k - sentenceStart < 3 && FRONT_WORDS.test(tokens[k].norm)) k++;
  const side = /^(left|lt)$/.test(tokens[k]?.norm ?? '') ? 'left' : /^(right|rt)$/.test(tokens[k]?.norm ?? '') ? 'right' : null;
  if (!side) return null;
  k++;
  if (tokens[k]?.norm === 'side') k++;
  if (k >= sentenceEnd || !/^[,:;]$/.test(tokens[k].norm)) return null;
  return { side, after: k + 1 };
}

/** The left/right/bilateral side words and the target words of a note, by sentence (built once per note). */
export interface SideIndex {
  sides: Map<number, ConceptMatch[]>;
  targets: Map<number, ConceptMatch[]>;
}

export function sideIndex(matches: ConceptMatch[]): SideIndex {
  const sides = new Map<number, ConceptMatch[]>();
  const targets = new Map<number, ConceptMatch[]>();
  for (const m of matches) {
    const into = m.kind === 'side' && (m.value === 'left' || m.value === 'right' || m.value === 'bilateral') && m.assertion !== 'negated' ? sides : m.kind === 'target' ? targets : null;
    if (into) into.set(m.sentence, [...(into.get(m.sentence) ?? []), m]);
  }
  return { sides, targets };
}

/**
 * "The left greater occipital nerve was identified. One lead was placed across it.": the side of a
 * target named in the sentence before, in the same section, when that sentence names one side only.
 */
export function sideOfTargetBefore(doc: Doc, index: SideIndex, sentence: number): 'left' | 'right' | undefined {
  const prev = doc.sentences[sentence - 1];
  const cur = doc.sentences[sentence];
  if (!prev || !cur || prev.sectionIndex !== cur.sectionIndex) return undefined;
  if (index.sides.get(sentence)?.length) return undefined;
  const sides = index.sides.get(prev.index) ?? [];
  if (sides.length === 0 || new Set(sides.map((s) => s.value)).size > 1 || sides[0].assertion !== 'affirmed' || sides[0].value === 'bilateral') return undefined;
  const s = sides[0];
  const onTarget = (index.targets.get(prev.index) ?? []).some((m) => m.tokenStart >= s.tokenEnd && m.tokenStart - s.tokenEnd <= 1);
  return onTarget ? (s.value as 'left' | 'right') : undefined;
}
