import type { Act, ActKind, DeviceInstance, FinalState } from './types';

const OUT: ReadonlySet<ActKind> = new Set(['removed', 'discarded']);
const IN: ReadonlySet<ActKind> = new Set(['placed', 'putBack']);
const WORKED_ON: ReadonlySet<ActKind> = new Set(['revised', 'putBack', 'replaced', 'removed', 'discarded']);

const lastIndex = (acts: Act[], set: ReadonlySet<ActKind>) => {
  for (let i = acts.length - 1; i >= 0; i--) if (set.has(acts[i].act)) return i;
  return -1;
};

/**
 * An instance was in the patient before today when it was named as old or historical, or when
 * the first thing done to it today is work on an existing device (revised, removed, replaced,
 * put back) rather than a placement.
 */
function wasThere(inst: DeviceInstance, done: Act[]): boolean {
  if (inst.openedAs === 'old') return true;
  // a device opened as new today, or opened and thrown away, was not in the patient before
  if (inst.openedAs === 'new' || done.some((a) => a.act === 'discarded')) return false;
  if (inst.acts.some((a) => a.act === 'placed' && a.status === 'historical')) return true;
  const first = done.find((a) => a.act !== 'connected' && a.act !== 'tunneled' && a.act !== 'anchored');
  if (first?.act === 'leftInPlace' || (first && first.act === 'disconnected')) return true;
  // put back or revised, never placed today: "the proximal electrode was replaced into a new tunnel"
  if (!done.some((a) => a.act === 'placed') && done.some((a) => a.act === 'revised' || a.act === 'putBack')) return true;
  return !!first && WORKED_ON.has(first.act) && first.act !== 'putBack';
}

/** For a device opened today, the acts that leave it in position. */
const IN_NEW: ReadonlySet<ActKind> = new Set(['placed', 'putBack', 'revised']);

function stateOfNew(done: Act[]): FinalState {
  const placed = lastIndex(done, IN_NEW);
  const out = lastIndex(done, OUT);
  if (out >= 0 && placed < out && !done.slice(out).some((a) => a.act === 'leftInPlace')) return 'new-discarded';
  if (placed < 0 && !done.some((a) => a.act === 'anchored' || a.act === 'leftInPlace' || a.act === 'connected' || a.act === 'tunneled')) return 'mentioned';
  if (out > placed && !done.slice(out).some((a) => a.act === 'leftInPlace')) return 'new-discarded';
  return 'new-left-in';
}

function stateOfOld(done: Act[], namedOld: boolean): FinalState {
  const out = lastIndex(done, OUT);
  const back = lastIndex(done, IN);
  if (done.some((a) => a.act === 'replaced')) return 'pre-replaced';
  // "the IPG delivered from its capsule ... connected to the existing IPG": lifted out, then connected, it stayed
  const reconnected = out >= 0 && done.slice(out + 1).some((a) => a.act === 'connected');
  // "pulled back partially and then re-steered": revised after coming out, it stayed in
  const revisedAfter = out >= 0 && done.slice(out + 1).some((a) => a.act === 'revised');
  if (out >= 0 && back < out && !reconnected && !revisedAfter) return 'pre-removed';
  if (done.some((a) => a.act === 'revised' || a.act === 'putBack') || (out >= 0 && back > out)) return 'pre-revised';
  // "the paddle had migrated ... it was advanced cephalad": a device named as already in, moved into place
  // today (not a device of another time's placement, nor one "left in place")
  if (namedOld && back >= 0 && !done.some((a) => a.act === 'leftInPlace')) return 'pre-revised';
  return 'pre-kept';
}

/** Settle each instance's final state from its ordered acts that were done today. */
export function resolveLifecycle(instances: DeviceInstance[]): void {
  for (const inst of instances) {
    const done = inst.acts.filter((a) => a.status === 'done');
    if (inst.kind === 'external') {
      inst.state = 'external';
      continue;
    }
    inst.preExisting = wasThere(inst, done);
    inst.state = inst.preExisting ? stateOfOld(done, inst.openedAs === 'old') : stateOfNew(done);
  }
}
