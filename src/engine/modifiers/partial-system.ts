import type { Span, Suggestion } from '../types';
import type { DeviceInstance, Ledger } from '../ledger/types';
import { MODIFIER_ORDER, PARTIAL_SYSTEM_RULES } from '../../kb/modifier-rules';
import { addModifier } from './modifiers';

const PART_WORDS: Record<string, string> = { array: 'stimulation lead', sensor: 'sensing lead', generator: 'generator' };

/** The parts of the rule the ledger shows worked on today, with their evidence. */
function workedParts(ledger: Ledger, parts: readonly string[], states: readonly DeviceInstance['state'][]): Map<string, Span[]> {
  const out = new Map<string, Span[]>();
  for (const i of ledger.instances) {
    if (!parts.includes(i.kind) || !states.includes(i.state)) continue;
    out.set(i.kind, [...(out.get(i.kind) ?? []), ...i.evidence.slice(0, 2)]);
  }
  return out;
}

/** Add the modifier of each partial-system rule whose code is claimed and whose parts were not all worked on. */
export function applyPartialSystem(lines: Suggestion[], ledger: Ledger): Suggestion[] {
  for (const rule of PARTIAL_SYSTEM_RULES) {
    const worked = workedParts(ledger, rule.parts, rule.states);
    if (worked.size === 0 || worked.size >= rule.parts.length) continue;
    const part = [...worked.keys()].map((k) => PART_WORDS[k] ?? k).join(' and ');
    const evidence = [...worked.values()].flat();
    for (const l of lines) {
      if (l.code !== rule.code) continue;
      addModifier(l, rule.modifier, { text: rule.reason.replace('{part}', part), evidence: evidence.slice(0, 3) });
      l.modifiers.sort((a, b) => MODIFIER_ORDER.indexOf(a.code) - MODIFIER_ORDER.indexOf(b.code));
    }
  }
  return lines;
}
