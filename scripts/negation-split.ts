/**
 * The fixed split of the Chapman set into a tuning half and a reporting half.
 *
 * Chapman rows are concepts, and 132 of its 2,056 sentences carry more than one concept; hashing
 * the row id would put one sentence in both halves, so that a rule chosen for a tuning-half row
 * would also be checked on its own sentence in the reporting half. The key is therefore the
 * sentence itself (its text with white space collapsed and lower-cased): every concept of a
 * sentence falls in the same half. The hash is 32-bit FNV-1a over the UTF-16 code units; an even
 * hash is tuning, odd is reporting. Nothing here depends on the labels.
 */

/** 32-bit FNV-1a hash of a string (UTF-16 code units), as an unsigned integer. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The key a sentence is split by: its text, white space collapsed, lower-cased. */
export function sentenceKey(sentence: string): string {
  return sentence.replace(/\s+/g, ' ').trim().toLowerCase();
}

export type Half = 'tuning' | 'reporting';

/** Which half a sentence belongs to. */
export function halfOf(sentence: string): Half {
  return fnv1a(sentenceKey(sentence)) % 2 === 0 ? 'tuning' : 'reporting';
}
