import type { Suggestion } from '../types';
import type { CodingContext, StageResult } from '../pipeline-types';

/** Edits stage (being written): returns the lines unchanged for now. */
export function applyEdits(_ctx: CodingContext, suggestions: Suggestion[]): StageResult {
  return { suggestions, warnings: [], questions: [] };
}
