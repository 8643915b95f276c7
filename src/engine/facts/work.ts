import type { ConceptMatch, Doc, SectionKind } from '../types';
import { WORK_SECTIONS } from '../sections/sections';

/**
 * Decide which sentences describe work done in this session. Narrative-type sections do;
 * the procedure list, diagnoses, indications, history and plan do not — unless the note has
 * no narrative at all, in which case the procedure section is all we have and is read as work.
 */
export function workSentenceSet(doc: Doc, matches: ConceptMatch[]): Set<number> {
  const work = new Set<number>();
  const hasAction = affirmedActionSentences(matches);
  const narrativeActions = addNarrativeSentences(doc, hasAction, work);
  addProcedureAccount(doc, matches, work);
  if (narrativeActions === 0) addFallbackWork(doc, hasAction, work);
  return work;
}

/** The sentences holding at least one affirmed action. */
function affirmedActionSentences(matches: ConceptMatch[]): Set<number> {
  const hasAction = new Set<number>();
  for (const m of matches) if (m.kind === 'action' && m.assertion === 'affirmed') hasAction.add(m.sentence);
  return hasAction;
}

/**
 * Add every sentence of a narrative (work) section to `work`; returns how many of them report
 * an affirmed action outside the complications and staff sections.
 */
function addNarrativeSentences(doc: Doc, hasAction: ReadonlySet<number>, work: Set<number>): number {
  let narrativeActions = 0;
  for (const s of doc.sentences) {
    if (WORK_SECTIONS.has(s.section)) {
      work.add(s.index);
      if (hasAction.has(s.index) && s.section !== 'complications' && s.section !== 'staff') narrativeActions++;
    }
  }
  return narrativeActions;
}

// A procedure section told as an account ("- IPG disconnected and removed", "- both leads
// pulled"): two or more of its sentences report an action in the past tense. That is work,
// even when the narrative also mentions actions (a history line, "return to OR for explant").
// A list of procedure titles ("Lead revision", "Generator replacement") is not.
function addProcedureAccount(doc: Doc, matches: ConceptMatch[], work: Set<number>): void {
  const pastAction = new Map<number, number>();
  for (const m of matches) {
    if (m.kind !== 'action' || m.assertion !== 'affirmed' || m.section !== 'procedure') continue;
    if (/(ed|en|wn|ut)$/i.test(m.text.trim()) && !/^(planned|proposed|scheduled)$/i.test(m.text.trim())) pastAction.set(m.sentence, (pastAction.get(m.sentence) ?? 0) + 1);
  }
  if (pastAction.size >= 2) {
    for (const s of doc.sentences) if (s.section === 'procedure') work.add(s.index);
  }
}

/** Where a note with no narrative action keeps its account, in the order they are tried. */
const FALLBACK_SECTIONS: readonly SectionKind[] = ['preamble', 'procedure', 'postop_dx', 'indications'];

// a run-on note ("Dx: FBSS. Proc: IPG exch. Old IPG explanted ...") keeps its story under any header
const NEVER_WORK: ReadonlySet<SectionKind> = new Set<SectionKind>(['plan', 'indications', 'history', 'disposition']);

/**
 * A note with no action in its narrative: the first fallback section that holds an action is
 * read as work, whole; failing that, every action sentence outside plan, indications, history
 * and disposition is.
 */
function addFallbackWork(doc: Doc, hasAction: ReadonlySet<number>, work: Set<number>): void {
  for (const kind of FALLBACK_SECTIONS) {
    if (addSectionAccount(doc, kind, hasAction, work)) return;
  }
  for (const s of doc.sentences) if (!NEVER_WORK.has(s.section) && hasAction.has(s.index)) work.add(s.index);
}

/** Add the action sentences of section `kind`, then (if any) the rest of it; true if any were found. */
function addSectionAccount(doc: Doc, kind: SectionKind, hasAction: ReadonlySet<number>, work: Set<number>): boolean {
  let added = 0;
  for (const s of doc.sentences) {
    if (s.section === kind && hasAction.has(s.index)) {
      work.add(s.index);
      added++;
    }
  }
  if (!added) return false;
  // the rest of that section belongs to the same account
  for (const s of doc.sentences) if (s.section === kind) work.add(s.index);
  return true;
}
