import type { Reason, Span } from '../types';
import type { EventDetail, Reading } from '../facts/events';
import { LEDGER_ADDITIONS, LEDGER_RULES, type LedgerAddition, type LedgerRule } from '../../kb/ledger-rules';
import { CATALOGUE_BY_BRAND } from '../../kb/device-catalogue';
import type { DeviceInstance, Ledger } from './types';

type Condition = (arrays: DeviceInstance[], ledger: Ledger) => boolean;

/** The first act done to the device that moves it (connecting, anchoring or tunnelling only carries it). */
const CARRYING: ReadonlySet<string> = new Set(['connected', 'anchored', 'tunneled']);
const firstDone = (i: DeviceInstance) => i.acts.find((a) => a.status === 'done' && !CARRYING.has(a.act))?.act;
const acted = (i: DeviceInstance) => i.acts.some((a) => a.status === 'done');

/** A lead of unstated age only tunnelled, anchored or connected (the other side's lead in "same on the right"). */
const onlyCarried = (i: DeviceInstance) => i.openedAs === 'unknown' && i.acts.every((a) => a.status !== 'done' || a.act === 'tunneled' || a.act === 'connected' || a.act === 'anchored');

/** The ledger conditions the rules name (kb/ledger-rules.ts), one small predicate each. */
const CONDITIONS: Record<LedgerRule['ledger'], Condition> = {
  // leads were placed today and every lead acted on was opened today
  onlyNewArrays: (arrays) => {
    // a lead of unstated age counts as new only when no lead came out (a lead taken out may be an old one)
    const noneOut = !arrays.some((i) => i.acts.some((a) => a.status === 'done' && (a.act === 'removed' || a.act === 'discarded')));
    return (
      arrays.some((i) => i.state === 'new-left-in') &&
      arrays.filter(acted).every((i) => !i.preExisting && (i.openedAs === 'new' || i.state === 'new-discarded' || firstDone(i) === 'placed' || (noneOut && onlyCarried(i))) && !i.acts.some((a) => a.act === 'leftInPlace'))
    );
  },
  // leads named as already in the patient (or first taken off the generator they were on), none placed today
  // the generator already in was lifted, disconnected, reconnected or put back; no new one, no pocket work
  generatorOnlyReconnected: (_arrays, ledger) => {
    const gens = ledger.instances.filter((i) => i.kind === 'generator' && i.acts.some((a) => a.status === 'done'));
    const pocketWork = ledger.pockets.some((p) => p.status === 'done' && (p.act === 'revised' || p.act === 'created'));
    const backIn = (i: DeviceInstance) => i.state === 'pre-kept' || (i.state === 'pre-revised' && i.acts.some((a) => a.act === 'putBack' && a.status === 'done') && !i.acts.some((a) => a.act === 'revised' && a.status === 'done'));
    return gens.length > 0 && !pocketWork && gens.every((i) => i.preExisting && backIn(i));
  },
  // a brand of integrated device names the leads, and no generator is part of the work
  integratedBrand: (_arrays, ledger) =>
    ledger.instances.some((i) => i.brand && CATALOGUE_BY_BRAND.get(i.brand)?.kind === 'integrated') &&
    !ledger.instances.some((i) => i.kind === 'generator' && i.acts.some((a) => a.status === 'done')),
  // "returns for the planned second stage": a generator goes in today and no lead is opened as new
  secondStageGenerator: (arrays, ledger) =>
    ledger.secondStage.length > 0 &&
    ledger.instances.some((i) => i.kind === 'generator' && i.state === 'new-left-in') &&
    !arrays.some((i) => i.fresh),
  // every lead acted on was already in and ends kept, at least one said to be left in place
  arraysLeftInPlace: (arrays, ledger) => {
    // a sensing lead is one of the arrays of a hypoglossal system
    const act = [...arrays, ...ledger.instances.filter((i) => i.kind === 'sensor')].filter(acted);
    return act.length > 0 && act.every((i) => i.preExisting && i.state === 'pre-kept') && act.some((i) => i.acts.some((a) => a.act === 'leftInPlace' && a.status === 'done'));
  },
  // a new paddle and a new percutaneous lead, both left in
  paddleAndPercutaneous: (arrays) => {
    const kept = arrays.filter((i) => i.state === 'new-left-in');
    return kept.some((i) => i.form === 'paddle') && kept.some((i) => i.form === 'percutaneous');
  },
  // a new generator connected to the leads and a pocket made for it
  generatorInNewPocket: (_arrays, ledger) =>
    ledger.pockets.some((p) => p.status === 'done' && p.act === 'created') &&
    ledger.instances.some((i) => i.kind === 'generator' && i.state === 'new-left-in' && i.acts.some((a) => a.act === 'connected' && a.status === 'done')),
  // every lead placed today is percutaneous by its words or model, and no paddle is in the ledger
  onlyPercutaneousArrays: (arrays) => {
    const placed = arrays.filter((i) => i.state === 'new-left-in');
    return placed.length > 0 && placed.some((i) => i.form === 'percutaneous') && !arrays.some((i) => i.form === 'paddle');
  },
  // the hypoglossal generator already in stays in, and a stimulation or sensing lead was replaced or revised
  hypoglossalGeneratorKept: (arrays, ledger) => {
    const gens = ledger.instances.filter((i) => i.kind === 'generator' && i.acts.some((a) => a.status === 'done'));
    const stays = (i: DeviceInstance) => i.preExisting && (i.state === 'pre-kept' || (i.state === 'pre-revised' && i.acts.some((a) => (a.act === 'leftInPlace' || a.act === 'putBack') && a.status === 'done')));
    const leads = [...arrays, ...ledger.instances.filter((i) => i.kind === 'sensor')];
    const leadWork = leads.some((i) => i.state === 'pre-replaced' || i.state === 'pre-revised' || (i.state === 'new-left-in' && !i.preExisting));
    return gens.length > 0 && gens.every(stays) && !ledger.instances.some((i) => i.kind === 'generator' && i.state === 'new-left-in') && leadWork;
  },
  // the generators named were all in the patient before and nothing but a connection was done to them today
  generatorsOnlyKept: (_arrays, ledger) => {
    const gens = ledger.instances.filter((i) => i.kind === 'generator');
    const MINOR = new Set(['connected', 'disconnected', 'anchored', 'tunneled', 'leftInPlace']);
    return gens.length > 0 && gens.every((i) => i.preExisting && i.state === 'pre-kept' && !i.acts.some((a) => a.status === 'done' && !MINOR.has(a.act)));
  },
  // every lead acted on was already in and was revised or put back; none replaced, none new
  arraysOnlyRevised: (arrays) => {
    const act = arrays.filter(acted);
    return act.some((i) => i.state === 'pre-revised') && act.every((i) => i.preExisting && (i.state === 'pre-revised' || i.state === 'pre-kept'));
  },
  // one old lead taken out on one side, one new lead placed on the other, no other lead worked on
  resitedToOtherSide: (arrays) => {
    const act = arrays.filter(acted);
    const out = act.filter((i) => i.preExisting && i.state === 'pre-removed');
    const placed = act.filter(placedToday);
    return act.length === 2 && out.length === 1 && placed.length === 1 && !!out[0].side && !!placed[0].side && out[0].side !== placed[0].side;
  },
  // every lead acted on was opened today and taken out again; none was left in, none was in before
  onlyDiscardedArrays: (arrays) => {
    const act = arrays.filter(acted);
    return act.length > 0 && act.every((i) => !i.preExisting && i.state === 'new-discarded');
  },
  // the note says the pocket was not opened ("the generator pocket was not entered"), no pocket work
  // was done, and no generator named had anything done to it
  generatorUntouched: (_arrays, ledger) => {
    const gens = ledger.instances.filter((i) => i.kind === 'generator');
    const denied = ledger.pockets.some((p) => p.status === 'negated' && p.act === 'opened');
    return denied && !ledger.pockets.some((p) => p.status === 'done') && gens.every((i) => !acted(i));
  },
  // two or more leads placed today, each named by its own number in the account ("Lead 1 ... lead 2"), all left in
  numberedNewArrays: (arrays, ledger) => {
    const left = arrays.filter((i) => i.state === 'new-left-in');
    if (left.length < 2 || arrays.some((i) => acted(i) && i.state !== 'new-left-in')) return false;
    const numbered = (i: DeviceInstance) => i.mentions.some((k) => {
      const m = ledger.mentions.find((x) => x.id === k);
      return !!m && m.ordinal === i.number && ledger.clauses[m.clause]?.work;
    });
    return left.every(numbered);
  },
  // every lead acted on was named as already in ("the paddle had migrated") and was moved today, none new
  namedOldArraysMoved: (arrays) => {
    const act = arrays.filter(acted);
    return act.length > 0 && act.every((i) => i.preExisting && i.openedAs === 'old' && i.state === 'pre-revised');
  },
  onlyExistingArrays: (arrays) => arrays.length > 0 && arrays.some((i) => i.openedAs === 'old' || i.acts.find((a) => a.status === 'done')?.act === 'disconnected') && arrays.filter(acted).every((i) => i.preExisting) && !arrays.some((i) => i.state === 'new-left-in' || i.state === 'new-discarded'),
};

function evidenceOf(arrays: DeviceInstance[]): Span[] {
  return arrays.flatMap((i) => i.acts.filter((a) => a.status === 'done').flatMap((a) => a.evidence)).slice(0, 4);
}

function applies(rule: LedgerRule, ev: EventDetail): boolean {
  return rule.when.component === ev.component && (!rule.when.target || rule.when.target === ev.target) && (rule.when.actions as string[]).includes(ev.action);
}

/** The paddle part (open approach, one unit) and the percutaneous part (one unit per lead) of one array event. */
function splitByForm(ev: EventDetail, arrays: DeviceInstance[], reason: Reason): EventDetail[] {
  const kept = arrays.filter((i) => i.state === 'new-left-in');
  const part = (form: 'paddle' | 'percutaneous', approach: string): EventDetail => {
    const own = kept.filter((i) => i.form === form);
    const evidence = own.flatMap((i) => i.evidence).slice(0, 6);
    return { ...ev, approach, arrays: own.length, evidence: evidence.length ? evidence : ev.evidence, componentEvidence: evidence.length ? evidence : ev.componentEvidence, ledgerReason: reason };
  };
  return [part('paddle', 'laminectomy'), part('percutaneous', 'percutaneous')];
}

/** The removal on the old lead's side and the placement on the new lead's side, one array each. */
function splitBySide(ev: EventDetail, arrays: DeviceInstance[], reason: Reason): EventDetail[] {
  const out = arrays.find((i) => i.preExisting && i.state === 'pre-removed')!;
  const placed = arrays.find(placedToday)!;
  const part = (i: DeviceInstance, action: string): EventDetail => {
    const evidence = i.evidence.slice(0, 4);
    return { ...ev, action, arrays: 1, sides: [i.side!], evidence: evidence.length ? evidence : ev.evidence, componentEvidence: evidence, ledgerReason: reason };
  };
  return [part(out, 'removal'), part(placed, 'insertion')];
}

/** An integrated-looking event with its own generator: the array event plus a generator placement. */
function separateGenerator(ev: EventDetail, ledger: Ledger, reason: Reason): EventDetail[] {
  const gen = ledger.instances.find((i) => i.kind === 'generator' && i.state === 'new-left-in');
  const genEvidence = gen ? gen.evidence.slice(0, 4) : [];
  const array: EventDetail = { ...ev, component: 'array', ledgerReason: reason };
  const generator: EventDetail = { ...ev, component: 'generator', arrays: 1, sides: [], evidence: genEvidence, componentEvidence: genEvidence, parts: [], ledgerReason: reason };
  return [array, generator];
}

/** The reconciled event (or null to drop it), with the reason the ledger gives. */
function reconcileOne(ev: EventDetail, arrays: DeviceInstance[], ledger: Ledger): { ev: EventDetail | EventDetail[] | null; reason?: Reason; rule?: string } {
  for (const rule of LEDGER_RULES) {
    if (!applies(rule, ev) || !CONDITIONS[rule.ledger](arrays, ledger)) continue;
    const reason: Reason = { text: rule.reason, evidence: evidenceOf(arrays) };
    if ('drop' in rule.then) return { ev: null, reason, rule: rule.id };
    if ('splitByForm' in rule.then) return { ev: splitByForm(ev, arrays, reason), reason, rule: rule.id };
    if ('splitBySide' in rule.then) {
      // spinal arrays take no side: there a side tells nothing about the access used
      if (ev.target === 'spinal') continue;
      return { ev: splitBySide(ev, arrays, reason), reason, rule: rule.id };
    }
    if ('approach' in rule.then) {
      if (ev.approach === rule.then.approach) continue;
      return { ev: { ...ev, approach: rule.then.approach, ledgerReason: reason }, reason, rule: rule.id };
    }
    if ('separateGenerator' in rule.then) return { ev: separateGenerator(ev, ledger, reason), reason, rule: rule.id };
    if ('recode' in rule.then) return { ev: { ...ev, ...rule.then.recode, ledgerReason: reason }, reason, rule: rule.id };
    if ('component' in rule.then) return { ev: { ...ev, component: rule.then.component, ledgerReason: reason }, reason, rule: rule.id };
    const n = arrays.filter((i) => i.state === 'new-left-in').length;
    return { ev: { ...ev, action: rule.then.action, arrays: rule.then.arrays === 'newLeftIn' ? n : rule.then.arrays === 'one' ? 1 : ev.arrays, ledgerReason: reason }, reason, rule: rule.id };
  }
  return { ev };
}

export interface Reconciliation {
  reading: Reading;
  /** Events the ledger changed or dropped, with the rule and its reason. */
  changes: { rule: string; reason: Reason; dropped: boolean }[];
}

const placedToday = (i: DeviceInstance) => i.state === 'new-left-in' && !i.preExisting && i.acts.some((a) => a.act === 'placed' && a.status === 'done');

/** An event that codes generator work: the generator itself, a whole system, or an integrated device. */
const codesGenerator = (e: EventDetail) => e.component === 'generator' || e.component === 'system' || e.component === 'integrated';

type Addition = { placed: DeviceInstance[]; gen: EventDetail } | { generator: DeviceInstance; target: string } | { sensors: DeviceInstance[]; target: string };

/** What an addition rule (kb LEDGER_ADDITIONS) adds, or null. */
const ADDITION_CONDITIONS: Record<LedgerAddition['ledger'], (events: EventDetail[], arrays: DeviceInstance[], ledger: Ledger, reading: Reading) => Addition | null> = {
  // leads placed and left in today, no array event, and a generator event of the same system
  placedArraysWithoutEvent: (events, arrays) => {
    if (events.some((e) => e.component === 'array' || e.component === 'integrated' || e.component === 'system')) return null;
    const placed = arrays.filter(placedToday);
    const gen = events.find((e) => e.component === 'generator' && (e.action === 'insertion' || e.action === 'replacement'));
    if (!placed.length || !gen) return null;
    return (placed.find((i) => i.target)?.target ?? gen.target) === gen.target ? { placed, gen } : null;
  },
  // a generator new today, connected to the leads and left in, with no generator or system event,
  // in a stated second stage or with a pocket made today
  placedGeneratorWithoutEvent: (events, _arrays, ledger, reading) => {
    if (!reading.target || events.some(codesGenerator)) return null;
    const gens = ledger.instances.filter((i) => i.kind === 'generator' && acted(i));
    const generator = gens.length === 1 && gens[0].state === 'new-left-in' && !gens[0].preExisting ? gens[0] : undefined;
    if (!generator || !generator.acts.some((a) => a.status === 'done' && a.act === 'connected')) return null;
    const pocketMade = ledger.pockets.some((p) => p.status === 'done' && p.act === 'created');
    return ledger.secondStage.length > 0 || pocketMade ? { generator, target: reading.target } : null;
  },
  // the generator already in was taken out today, none was placed, and no generator or system event was read
  removedGeneratorWithoutEvent: (events, _arrays, ledger, reading) => {
    if (!reading.target || events.some(codesGenerator)) return null;
    const gens = ledger.instances.filter((i) => i.kind === 'generator' && acted(i));
    const out = gens.filter((i) => i.preExisting && i.state === 'pre-removed');
    return out.length === 1 && gens.length === 1 ? { generator: out[0], target: reading.target } : null;
  },
  // hypoglossal sensing-lead work (out, replaced or revised) with no event left, the generator not placed
  sensorWorkWithoutEvent: (events, _arrays, ledger, reading) => {
    if (events.length || reading.target !== 'hypoglossal') return null;
    const sensors = ledger.instances.filter((i) => i.kind === 'sensor' && acted(i));
    const worked = sensors.filter((i) => (i.preExisting && i.state !== 'pre-kept') || (!i.preExisting && i.state === 'new-left-in'));
    const newGen = ledger.instances.some((i) => i.kind === 'generator' && !i.preExisting && i.state === 'new-left-in');
    return worked.length && !newGen ? { sensors: worked, target: 'hypoglossal' } : null;
  },
};

/** The event an addition rule adds for leads the reader missed, modelled on the generator event of their system. */
function addedArrayEvent(rule: LedgerAddition, placed: DeviceInstance[], gen: EventDetail): { ev: EventDetail; reason: Reason } {
  const acts = placed.flatMap((i) => i.acts.filter((a) => a.act === 'placed' && a.status === 'done').flatMap((a) => a.evidence));
  const devices = placed.flatMap((i) => i.evidence).slice(0, 6);
  const reason: Reason = { text: rule.reason, evidence: acts.slice(0, 4) };
  const sides: string[] = [...new Set(placed.flatMap((i) => (i.side ? [i.side] : [])))];
  const approach = placed.some((i) => i.form === 'paddle') ? 'laminectomy' : gen.approach;
  const ev: EventDetail = { ...gen, component: rule.add.component, action: rule.add.action, approach, arrays: placed.length, sides: sides.length ? sides : gen.sides, evidence: [...devices, ...acts.slice(0, 4)], componentEvidence: devices, actionEvidence: acts.slice(0, 4), parts: [], ledgerReason: reason };
  delete ev.generators;
  return { ev, reason };
}

/** The event an addition rule adds for devices the ledger holds as worked on today, with their act and device evidence. */
function eventFromLedger(rule: LedgerAddition, devices: DeviceInstance[], target: string, shape: Pick<EventDetail, 'approach' | 'sides' | 'parts'>): { ev: EventDetail; reason: Reason } {
  const acts = devices.flatMap((i) => i.acts.filter((a) => a.status === 'done').flatMap((a) => a.evidence)).slice(0, 4);
  const named = devices.flatMap((i) => i.evidence).slice(0, 4);
  const reason: Reason = { text: rule.reason, evidence: acts };
  const ev: EventDetail = { target, component: rule.add.component, action: rule.add.action, arrays: 1, ...shape, evidence: [...named, ...acts], componentEvidence: named, actionEvidence: acts, ledgerReason: reason };
  return { ev, reason };
}

function addedEvent(rule: LedgerAddition, found: Addition): { ev: EventDetail; reason: Reason } {
  // a generator carries no side; the sensing leads of a hypoglossal system were worked on through an incision
  if ('generator' in found) return eventFromLedger(rule, [found.generator], found.target, { approach: null, sides: [], parts: [] });
  if ('sensors' in found) {
    const sides = [...new Set(found.sensors.flatMap((i) => (i.side ? [i.side] : [])))];
    return eventFromLedger(rule, found.sensors, found.target, { approach: 'open', sides, parts: ['sensor'] });
  }
  return addedArrayEvent(rule, found.placed, found.gen);
}

/** Events for devices the ledger holds as placed today that no event codes (kb LEDGER_ADDITIONS). */
function additions(events: EventDetail[], arrays: DeviceInstance[], ledger: Ledger, reading: Reading): { events: EventDetail[]; changes: Reconciliation['changes'] } {
  const out: EventDetail[] = [];
  const changes: Reconciliation['changes'] = [];
  for (const rule of LEDGER_ADDITIONS) {
    const found = ADDITION_CONDITIONS[rule.ledger]([...out, ...events], arrays, ledger, reading);
    if (!found) continue;
    const { ev, reason } = addedEvent(rule, found);
    out.push(ev);
    changes.push({ rule: rule.id, reason, dropped: false });
  }
  return { events: out, changes };
}

/**
 * Arrays placed today on each side, when the ledger puts every placed array on a side and the count
 * agrees with the event's ("one lead on the left; on the right, two leads").
 */
function withSideCounts(ev: EventDetail, arrays: DeviceInstance[]): EventDetail {
  if (ev.component !== 'array' || ev.action !== 'insertion' || ev.sides.length !== 2) return ev;
  const placed = arrays.filter(placedToday);
  if (placed.length !== ev.arrays || placed.some((i) => !i.side)) return ev;
  const left = placed.filter((i) => i.side === 'left').length;
  return left > 0 && left < placed.length ? { ...ev, sideCounts: { left, right: placed.length - left } } : ev;
}

/** Apply the ledger rules to the events read from the note. */
export function reconcileEvents(reading: Reading, ledger: Ledger): Reconciliation {
  const arrays = ledger.instances.filter((i) => i.kind === 'array');
  const changes: Reconciliation['changes'] = [];
  const events: EventDetail[] = [];
  for (const ev of reading.events) {
    const out = reconcileOne(ev, arrays, ledger);
    if (out.rule && out.reason) changes.push({ rule: out.rule, reason: out.reason, dropped: out.ev === null });
    if (Array.isArray(out.ev)) events.push(...out.ev);
    else if (out.ev) events.push(out.ev);
  }
  const added = additions(events, arrays, ledger, reading);
  changes.push(...added.changes);
  events.unshift(...added.events);
  const counted = events.map((e) => withSideCounts(e, arrays));
  const changed = changes.length > 0 || counted.some((e, i) => e !== events[i]);
  return { reading: changed ? { ...reading, events: counted } : reading, changes };
}
