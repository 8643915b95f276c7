import type { Abstention, Suggestion } from '../types';
import type { Reading } from '../facts/events';
import { CODE_RULES, TARGET_WORDS, type CodeRule } from '../../kb/codes';

type ReadEvent = Reading['events'][number];

const COMPONENT_WORDS: Record<string, string> = {
  array: 'electrode array (lead)',
  generator: 'pulse generator or receiver',
  integrated: 'integrated stimulator',
  system: 'stimulation system',
};

const ACTION_WORDS: Record<string, string> = {
  insertion: 'placement',
  replacement: 'replacement',
  revision: 'revision',
  removal: 'removal',
};

/** Code rules that answer this component and action, whatever the target and approach. */
function rulesFor(e: ReadEvent): CodeRule[] {
  return CODE_RULES.filter((r) => r.component === e.component && r.action.includes(e.action as CodeRule['action'][number]) && !r.addOnTo);
}

function targetsOf(r: CodeRule): string {
  const systems = r.target.map((t) => TARGET_WORDS[t]).join(', ');
  if (r.arrays === 'one') return `${systems}, connected to one array`;
  if (r.arrays === 'twoOrMore') return `${systems}, connected to two or more arrays`;
  return systems;
}

function candidates(rules: CodeRule[], when: (r: CodeRule) => string): Abstention['candidates'] {
  const seen = new Set<string>();
  const out: Abstention['candidates'] = [];
  for (const r of rules) {
    if (seen.has(r.code)) continue;
    seen.add(r.code);
    out.push({ code: r.code, when: when(r) });
  }
  return out;
}

function describe(e: ReadEvent): string {
  return `${ACTION_WORDS[e.action] ?? e.action} of a ${COMPONENT_WORDS[e.component] ?? e.component}`;
}

/** The system is not named: every target's code for this component and action is a candidate. */
function missingTarget(e: ReadEvent): Abstention | undefined {
  const rules = rulesFor(e);
  if (!rules.length) return undefined;
  return {
    fact: 'target',
    message: `The note documents ${describe(e)} but not which stimulation system it belongs to; the system decides the code.`,
    question: 'Which stimulation system was worked on (spinal cord, sacral, peripheral nerve, gastric, vagus, hypoglossal or deep brain)?',
    candidates: candidates(rules, (r) => `if the system is ${targetsOf(r)}`),
    evidence: e.evidence,
  };
}

/** The system is named but no single code fits: offer the codes of that target, by approach. */
function missingApproach(e: ReadEvent, target: string): Abstention | undefined {
  const rules = rulesFor(e).filter((r) => (r.target as string[]).includes(target));
  if (rules.length < 2) return undefined;
  const approaches = new Set(rules.map((r) => (r.approach ?? ['any']).join('/')));
  if (approaches.size < 2) return undefined;
  return {
    fact: 'approach',
    message: `The note documents ${describe(e)} on the ${TARGET_WORDS[target as keyof typeof TARGET_WORDS] ?? target} system but not the approach; the approach decides the code.`,
    question: 'Was the device placed or worked on percutaneously (through a needle) or through an open incision (laminotomy, laparoscopy or open exposure)?',
    candidates: candidates(rules, (r) => `if the approach was ${(r.approach ?? ['any']).join(' or ')}`),
    evidence: e.evidence,
  };
}

/**
 * When no line could be coded although device work is documented, say which fact is missing,
 * offer the candidate codes side by side and the question to ask, rather than "no code".
 */
export function abstention(reading: Reading, suggestions: Suggestion[]): Abstention | undefined {
  if (suggestions.length || !reading.events.length) return undefined;
  const known = reading.target && reading.target !== 'unknown' ? reading.target : null;
  for (const e of reading.events) {
    const target = known ?? (e.target !== 'unknown' ? e.target : null);
    const found = target ? missingApproach(e, target) : missingTarget(e);
    if (found) return found;
  }
  return undefined;
}
