import type { ConceptMatch, Doc, Question, Suggestion, Warning } from './types';
import type { Reading } from './facts/events';

/** What the later stages (modifiers, edits) can read about the note. */
export interface CodingContext {
  doc: Doc;
  /** Every concept hit with its assertion (affirmed / negated / historical / hypothetical). */
  matches: ConceptMatch[];
  /** Sentence indexes that describe this session's work. */
  work: Set<number>;
  /** Target, events, sides, array count, approach. */
  reading: Reading;
}

export interface StageResult {
  suggestions: Suggestion[];
  warnings: Warning[];
  questions: Question[];
}
