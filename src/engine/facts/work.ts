import type { ConceptMatch, Doc, SectionKind } from '../types';
import { WORK_SECTIONS } from '../sections/sections';

/**
 * Decide which sentences describe work done in this session. Narrative-type sections do;
 * the procedure list, diagnoses, indications, history and plan do not — unless the note has
 * no narrative at all, in which case the procedure section is all we have and is read as work.
 */
// eslint-disable-next-line complexity -- legacy reader kept from before issue 14; to be split into ledger stages
export function workSentenceSet(doc: Doc, matches: ConceptMatch[]): Set<number> {
  const work = new Set<number>();
  const hasAction = new Set<number>();
  for (const m of matches) if (m.kind === 'action' && m.assertion === 'affirmed') hasAction.add(m.sentence);
  let narrativeActions = 0;
  for (const s of doc.sentences) {
    if (WORK_SECTIONS.has(s.section)) {
      work.add(s.index);
      if (hasAction.has(s.index) && s.section !== 'complications' && s.section !== 'staff') narrativeActions++;
    }
  }
  // A procedure section told as an account ("- IPG disconnected and removed", "- both leads
  // pulled"): two or more of its sentences report an action in the past tense. That is work,
  // even when the narrative also mentions actions (a history line, "return to OR for explant").
  // A list of procedure titles ("Lead revision", "Generator replacement") is not.
  const pastAction = new Map<number, number>();
  for (const m of matches) {
    if (m.kind !== 'action' || m.assertion !== 'affirmed' || m.section !== 'procedure') continue;
    if (/(ed|en|wn|ut)$/i.test(m.text.trim()) && !/^(planned|proposed|scheduled)$/i.test(m.text.trim())) pastAction.set(m.sentence, (pastAction.get(m.sentence) ?? 0) + 1);
  }
  if (pastAction.size >= 2) {
    for (const s of doc.sentences) if (s.section === 'procedure') work.add(s.index);
  }
  if (narrativeActions === 0) {
    const fallback: SectionKind[] = ['preamble', 'procedure', 'postop_dx', 'indications'];
    for (const kind of fallback) {
      let added = 0;
      for (const s of doc.sentences) {
        if (s.section === kind && hasAction.has(s.index)) {
          work.add(s.index);
          added++;
        }
      }
      if (added) {
        // the rest of that section belongs to the same account
        for (const s of doc.sentences) if (s.section === kind) work.add(s.index);
        return work;
      }
    }
    // a run-on note ("Dx: FBSS. Proc: IPG exch. Old IPG explanted ...") keeps its story under any header
    const NEVER: ReadonlySet<SectionKind> = new Set<SectionKind>(['plan', 'indications', 'history', 'disposition']);
    for (const s of doc.sentences) if (!NEVER.has(s.section) && hasAction.has(s.index)) work.add(s.index);
  }
  return work;
}
