import type { Suggestion } from '../types';
import type { CodingContext, StageResult } from '../pipeline-types';

/** Modifier stage (being written): returns the lines unchanged for now. */
export function applyModifiers(_ctx: CodingContext, suggestions: Suggestion[]): StageResult {
  return { suggestions, warnings: [], questions: [] };
}
