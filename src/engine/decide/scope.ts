import type { ConceptMatch, Suggestion } from '../types';
import type { Reading } from '../facts/events';
import { CONCEPTS } from '../../kb/concepts';

const LABELS = new Map(CONCEPTS.map((c) => [c.id, c.label]));

/**
 * Is the note inside the neurostimulator family? When no code applies, say why in plain words:
 * another kind of procedure, work only planned or negated, or nothing of the family at all.
 */
export function scopeVerdict(suggestions: Suggestion[], matches: ConceptMatch[], work: Set<number>, reading: Reading): { inScope: boolean; reason?: string } {
  if (suggestions.length) return { inScope: true };
  const other = new Map<string, number>();
  for (const m of matches) if (m.kind === 'outOfScope' && (m.assertion === 'affirmed' || m.assertion === 'historical')) other.set(m.concept, (other.get(m.concept) ?? 0) + 1);
  const familyWords = matches.filter((m) => (m.kind === 'component' || m.kind === 'target') && m.value !== 'sensor');
  const planned = familyWords.filter((m) => m.assertion === 'hypothetical' || m.assertion === 'negated');
  const affirmedActions = matches.filter((m) => m.kind === 'action' && m.assertion === 'affirmed' && work.has(m.sentence));
  if (other.size && (!reading.target || [...other.values()].reduce((a, b) => a + b, 0) >= 2)) {
    const top = [...other.entries()].sort((a, b) => b[1] - a[1])[0][0];
    return { inScope: false, reason: `No neurostimulator code applies: the note describes a ${LABELS.get(top)}, which is outside the neurostimulator family.` };
  }
  if (familyWords.length && planned.length >= familyWords.length / 2 && !affirmedActions.length) {
    return { inScope: false, reason: 'No neurostimulator code applies: the neurostimulator work in this note is only planned, discussed or negated; nothing was placed, revised or removed.' };
  }
  if (reading.trialPull.length) {
    return {
      inScope: false,
      reason: 'No neurostimulator code applies: pulling trial leads at the end of a trial, without an incision, is part of the trial placement already reported (source: Medicare article A56876 and coding guidance in shared/domain/sourced-facts.md §2b).',
    };
  }
  if (reading.target && !reading.events.length) {
    return { inScope: false, reason: `No neurostimulator code applies: the note mentions a ${reading.target} stimulation system but documents no insertion, replacement, revision or removal of an array or generator.` };
  }
  if (reading.events.length && !reading.target) {
    return {
      inScope: false,
      reason: 'No code can be chosen: the note documents work on a stimulator but does not say which system it belongs to (spinal, sacral, peripheral, gastric, vagus, hypoglossal or deep brain), and the target decides the code.',
    };
  }
  if (reading.events.length) {
    return { inScope: false, reason: 'No neurostimulator code applies: the documented work does not match any code of the family (see warnings).' };
  }
  return { inScope: false, reason: 'No neurostimulator code applies: the note does not describe a neurostimulator procedure.' };
}
