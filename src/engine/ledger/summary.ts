import type { Span } from '../types';
import type { ActKind, DeviceInstance, FinalState, Ledger } from './types';

/** One device of the session as the CLI and the app show it. */
export interface DeviceRecord {
  id: string;
  /** "Lead 1", "Generator", "External stimulator". */
  label: string;
  kind: DeviceInstance['kind'];
  form?: 'paddle' | 'percutaneous';
  target?: string;
  side?: 'left' | 'right';
  level?: string;
  brand?: string;
  preExisting: boolean;
  state: FinalState;
  /** The final state in plain words ("placed today and left in"). */
  stateText: string;
  acts: { act: ActKind; status: string; text: string; evidence: Span[] }[];
  evidence: Span[];
}

/** Acts listed per device (a pathological note can repeat one act thousands of times). */
const MAX_ACTS_SHOWN = 40;
const NOUN: Record<DeviceInstance['kind'], string> = { array: 'Lead', generator: 'Generator', integrated: 'Integrated device', sensor: 'Sensor lead', extension: 'Extension', external: 'External stimulator' };
const ACT_TEXT: Record<ActKind, string> = {
  placed: 'placed', anchored: 'anchored or positioned', revised: 'revised or repositioned', putBack: 'put back', removed: 'removed', discarded: 'discarded',
  replaced: 'replaced', connected: 'connected', disconnected: 'disconnected', tunneled: 'tunnelled', leftInPlace: 'left in place',
};
const STATE_TEXT: Record<FinalState, string> = {
  'new-left-in': 'placed today and left in',
  'new-discarded': 'placed today, then taken out (not left in)',
  'pre-removed': 'already in the patient; removed today',
  'pre-replaced': 'already in the patient; replaced today',
  'pre-revised': 'already in the patient; revised today',
  'pre-kept': 'already in the patient; kept',
  external: 'outside the body (not an implant)',
  mentioned: 'named, but nothing done to it today',
};
const STATUS_TEXT: Record<string, string> = { done: '', negated: ' (not done)', historical: ' (before today)', planned: ' (planned)' };

function labelOf(inst: DeviceInstance, all: DeviceInstance[]): string {
  const noun = inst.kind === 'array' && inst.form === 'paddle' ? 'Paddle lead' : NOUN[inst.kind];
  return all.filter((i) => i.kind === inst.kind).length > 1 ? `${noun} ${inst.number}` : noun;
}

function actText(act: DeviceInstance['acts'][number], names: Map<string, string>): string {
  const to = act.partners?.length ? ` to ${act.partners.map((p) => names.get(p) ?? p).join(' and ')}` : '';
  return `${ACT_TEXT[act.act]}${to}${STATUS_TEXT[act.status] ?? ''}`;
}

/** The ledger's instances in the CLI/app shape; devices named but never acted on are left out. */
export function deviceRecords(ledger: Ledger): DeviceRecord[] {
  const shown = ledger.instances.filter((i) => i.acts.length > 0 || i.state !== 'mentioned');
  const names = new Map(shown.map((i) => [i.id, labelOf(i, shown)]));
  return shown.map((i) => ({
    id: i.id,
    label: names.get(i.id)!,
    kind: i.kind,
    ...(i.form ? { form: i.form } : {}),
    ...(i.target ? { target: i.target } : {}),
    ...(i.side ? { side: i.side } : {}),
    ...(i.level ? { level: i.level } : {}),
    ...(i.brand ? { brand: i.brand } : {}),
    preExisting: i.preExisting,
    state: i.state,
    stateText: STATE_TEXT[i.state],
    acts: i.acts.slice(0, MAX_ACTS_SHOWN).map((a) => ({ act: a.act, status: a.status, text: actText(a, names), evidence: a.evidence })),
    evidence: i.evidence,
  }));
}

/** "Lead 1 — placed, connected to Generator; placed today and left in". */
export function deviceLine(d: DeviceRecord): string {
  const acts = d.acts.map((a) => a.text).join(', ');
  return `${d.label}${d.side ? ` (${d.side})` : ''} — ${acts || 'no act read'}; ${d.stateText}`;
}
