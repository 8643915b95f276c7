import type { ConceptMatch, Fact, Span } from '../types';
import type { Reading } from './events';
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

/** The conclusions the coding rests on, each with the spans behind it. */
export function derivedFacts(r: Reading): Fact[] {
  const out: Fact[] = [];
  if (r.target) out.push({ kind: 'target', value: r.target, assertion: 'affirmed', text: `Target of this session: ${r.target}`, evidence: r.targetEvidence, derived: true });
  if (r.events.length) {
    if (r.approach.value) {
      out.push({
        kind: 'approach',
        value: r.approach.value,
        assertion: 'affirmed',
        text: r.approach.defaulted ? `Approach: ${r.approach.value} (not stated; the usual approach for this target)` : `Approach: ${r.approach.value}`,
        evidence: r.approach.evidence,
        derived: true,
      });
    }
    out.push({ kind: 'count', value: String(r.arrays.count), assertion: 'affirmed', text: `Number of arrays: ${r.arrays.count}`, evidence: r.arrays.evidence, derived: true });
    if (r.sides.values.length) out.push({ kind: 'side', value: r.sides.values.join('+'), assertion: 'affirmed', text: `Side: ${r.sides.values.join(' and ')}`, evidence: r.sides.evidence, derived: true });
    for (const e of r.events) {
      out.push({ kind: 'action', value: `${e.component}:${e.action}`, assertion: 'affirmed', text: `${e.action} of the ${e.component}`, evidence: e.evidence.slice(0, 6), derived: true });
    }
  }
  if (r.externalGenerator.length) out.push({ kind: 'external', value: 'external', assertion: 'affirmed', text: 'The generator is external (trial stimulator), not implanted', evidence: r.externalGenerator, derived: true });
  if (r.mer.value) out.push({ kind: 'mer', value: 'recording', assertion: 'affirmed', text: 'Microelectrode recording documented', evidence: r.mer.evidence, derived: true });
  if (r.discontinued.length) out.push({ kind: 'discontinued', value: 'stopped', assertion: 'affirmed', text: 'The procedure was stopped before completion', evidence: r.discontinued, derived: true });
  return out;
}
