/**
 * Voice-recognition transcripts spell punctuation out: "the lead was placed period the needle was
 * withdrawn comma ...", "new paragraph". In a note written that way the words are read as the marks
 * they stand for, so sentences, clauses and headers ("procedure colon") come out as dictated.
 * The rewrite keeps every offset (each word becomes its mark padded with spaces), so evidence
 * spans still point at the user's text; it is only used for tokenising and section splitting.
 */

const SPOKEN = / ?\b(?:period|full stop|comma|semicolon|semi colon|colon|new paragraph|next paragraph|new line|next line)\b/gi;
const COUNTED = /\b(?:period|comma)\b/gi;
const MARKS = /[.,;]/g;

/** Words before "period" that make it a span of time ("global period", "the 90 day period"). */
// eslint-disable-next-line regexp/no-super-linear-move -- tested only on the 24 characters before the word (keepsItsMeaning)
const PERIOD_OF_TIME = /(?:global|postoperative|postop|operative|waiting|time|recovery|healing|refractory|grace|follow up|followup|day|days|week|the|a|this|that|\d+)\s+$/i;
/** Words before "colon" that make it the organ ("sigmoid colon"). */
const ORGAN = /(?:the|sigmoid|transverse|ascending|descending|right|left)\s+$/i;

/** A note dictated with spoken punctuation: at least three spoken marks and more of them than written ones. */
export function isSpokenTranscript(text: string): boolean {
  const spoken = text.match(COUNTED)?.length ?? 0;
  if (spoken < 3) return false;
  const written = text.match(MARKS)?.length ?? 0;
  return spoken > written;
}

function markFor(word: string): string {
  const w = word.toLowerCase();
  if (w === 'period' || w === 'full stop') return '.';
  if (w === 'comma') return ',';
  if (w === 'colon') return ':';
  if (w.startsWith('semi')) return ';';
  return w.endsWith('paragraph') ? '\n\n' : '\n';
}

function keepsItsMeaning(text: string, offset: number, word: string): boolean {
  const before = text.slice(Math.max(0, offset - 24), offset);
  const w = word.toLowerCase();
  if (w === 'period') return PERIOD_OF_TIME.test(before) || /^\s+of\b/i.test(text.slice(offset + word.length, offset + word.length + 4));
  if (w === 'colon') return ORGAN.test(before);
  return false;
}

/** The text with spoken punctuation read as marks, same length; unchanged unless the note is a spoken transcript. */
export function readSpokenPunctuation(text: string): string {
  if (!isSpokenTranscript(text)) return text;
  // the mark takes the place of the space before the word ("procedure colon" → "procedure:")
  return text.replace(SPOKEN, (found: string, offset: number) => {
    const lead = found.startsWith(' ') ? 1 : 0;
    const word = found.slice(lead);
    return keepsItsMeaning(text, offset + lead, word) ? found : markFor(word).padEnd(found.length, ' ');
  });
}
