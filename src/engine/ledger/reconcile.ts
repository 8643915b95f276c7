import type { Reason, Span } from '../types';
import type { EventDetail, Reading } from '../facts/events';
import { LEDGER_RULES, type LedgerRule } from '../../kb/ledger-rules';
import type { DeviceInstance, Ledger } from './types';

type Condition = (arrays: DeviceInstance[]) => boolean;

const acted = (i: DeviceInstance) => i.acts.some((a) => a.status === 'done');

/** The ledger conditions the rules name (kb/ledger-rules.ts), one small predicate each. */
const CONDITIONS: Record<LedgerRule['ledger'], Condition> = {
  // leads were placed today and every lead acted on was opened today
  onlyNewArrays: (arrays) =>
    arrays.some((i) => i.state === 'new-left-in') &&
    arrays.filter(acted).every((i) => !i.preExisting && (i.openedAs === 'new' || i.state === 'new-discarded') && !i.acts.some((a) => a.act === 'leftInPlace')),
  // leads named as already in the patient, none placed today
  onlyExistingArrays: (arrays) => arrays.length > 0 && arrays.some((i) => i.openedAs === 'old') && arrays.filter(acted).every((i) => i.preExisting) && !arrays.some((i) => i.state === 'new-left-in' || i.state === 'new-discarded'),
};

function evidenceOf(arrays: DeviceInstance[]): Span[] {
  return arrays.flatMap((i) => i.acts.filter((a) => a.status === 'done').flatMap((a) => a.evidence)).slice(0, 4);
}

function applies(rule: LedgerRule, ev: EventDetail): boolean {
  return rule.when.component === ev.component && (rule.when.actions as string[]).includes(ev.action);
}

/** The reconciled event (or null to drop it), with the reason the ledger gives. */
function reconcileOne(ev: EventDetail, arrays: DeviceInstance[]): { ev: EventDetail | null; reason?: Reason; rule?: string } {
  for (const rule of LEDGER_RULES) {
    if (!applies(rule, ev) || !CONDITIONS[rule.ledger](arrays)) continue;
    const reason: Reason = { text: rule.reason, evidence: evidenceOf(arrays) };
    if ('drop' in rule.then) return { ev: null, reason, rule: rule.id };
    const n = arrays.filter((i) => i.state === 'new-left-in').length;
    return { ev: { ...ev, action: rule.then.action, arrays: rule.then.arrays === 'newLeftIn' ? n : ev.arrays, ledgerReason: reason }, reason, rule: rule.id };
  }
  return { ev };
}

export interface Reconciliation {
  reading: Reading;
  /** Events the ledger changed or dropped, with the rule and its reason. */
  changes: { rule: string; reason: Reason; dropped: boolean }[];
}

/** Apply the ledger rules to the events read from the note. */
export function reconcileEvents(reading: Reading, ledger: Ledger): Reconciliation {
  const arrays = ledger.instances.filter((i) => i.kind === 'array');
  const changes: Reconciliation['changes'] = [];
  const events: EventDetail[] = [];
  for (const ev of reading.events) {
    const out = reconcileOne(ev, arrays);
    if (out.rule && out.reason) changes.push({ rule: out.rule, reason: out.reason, dropped: out.ev === null });
    if (out.ev) events.push(out.ev);
  }
  return { reading: changes.length ? { ...reading, events } : reading, changes };
}
