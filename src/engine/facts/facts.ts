import type { ConceptMatch, Fact, Span } from '../types';
import { CONCEPTS } from '../../kb/concepts';

const LABELS = new Map(CONCEPTS.map((c) => [c.id, c.label]));

const WHY: Record<string, string> = {
  negated: 'negated — the note says it was not done',
  historical: 'historical — it refers to an earlier procedure or an existing device',
  hypothetical: 'planned or conditional — not done in this session',
};

/**
 * Summarise concept hits into facts: one fact per concept and assertion, with every span that
 * supports it. Facts from sentences that do not describe this session's work keep their
 * assertion but say where they came from.
 */
export function summariseFacts(matches: ConceptMatch[], work: Set<number>): Fact[] {
  const groups = new Map<string, { m: ConceptMatch; spans: Span[]; inWork: boolean }>();
  for (const m of matches) {
    const inWork = work.has(m.sentence);
    const key = `${m.concept}|${m.assertion}|${inWork ? 'w' : 'o'}`;
    const g = groups.get(key);
    const span = { start: m.start, end: m.end, text: m.text };
    if (g) g.spans.push(span);
    else groups.set(key, { m, spans: [span], inWork });
  }
  const facts: Fact[] = [];
  for (const { m, spans, inWork } of groups.values()) {
    const label = LABELS.get(m.concept) ?? m.value;
    const fact: Fact = {
      kind: m.kind,
      value: m.value,
      assertion: m.assertion,
      text: inWork ? label : `${label} (named outside the operative narrative: ${m.section.replace('_', ' ')})`,
      evidence: spans,
    };
    if (m.assertion !== 'affirmed') fact.why = WHY[m.assertion] + (m.cue ? ` (cue: "${m.cue.text}")` : '');
    facts.push(fact);
  }
  facts.sort((a, b) => a.evidence[0].start - b.evidence[0].start);
  return facts;
}
