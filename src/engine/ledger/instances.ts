import type { DeviceInstance, DeviceKind, Mention } from './types';

/** Mention → instance resolution (coreference) over one note's work clauses. */
export interface Resolution {
  instances: DeviceInstance[];
  /** Instance ids each mention refers to (by mention id). */
  refs: Map<number, string[]>;
}

const PREFIX: Record<DeviceKind, string> = { array: 'A', generator: 'G', integrated: 'I', sensor: 'S', extension: 'E', external: 'X' };

/**
 * No operative note has more devices of one kind than this; past it, mentions join the most recent
 * instance, which keeps resolution linear on pathological input (a phrase repeated thousands of times).
 */
export const MAX_INSTANCES_PER_KIND = 32;

class Resolver {
  instances: DeviceInstance[] = [];
  refs = new Map<number, string[]>();
  /** Instances an ordinal mention ("lead 2", "the second lead") has named. */
  named = new Set<string>();
  /** Instances opened by a bare numbered label ("Lead #2 anchor freed"), their age only assumed new. */
  labelled = new Set<string>();
  private recent = new Map<string, number>();
  private byKind = new Map<DeviceKind, DeviceInstance[]>();
  private tick = 0;

  ofKind(kind: DeviceKind): DeviceInstance[] {
    return this.byKind.get(kind) ?? [];
  }

  open(m: Mention, kind: DeviceKind, openedAs: DeviceInstance['openedAs'], number?: number): DeviceInstance {
    const same = this.ofKind(kind);
    if (same.length >= MAX_INSTANCES_PER_KIND) return this.byRecency(same)[0];
    const inst: DeviceInstance = {
      id: `${PREFIX[kind]}${same.length + 1}`,
      kind,
      number: number ?? same.length + 1,
      preExisting: openedAs === 'old',
      openedAs,
      fresh: false,
      mentions: [],
      acts: [],
      state: 'mentioned',
      evidence: [],
      ...(m.form ? { form: m.form } : {}),
    };
    this.instances.push(inst);
    this.byKind.set(kind, [...same, inst]);
    return inst;
  }

  touch(inst: DeviceInstance, m: Mention): void {
    inst.mentions.push(m.id);
    if (inst.evidence.length < 6) inst.evidence.push({ start: m.start, end: m.end, text: m.text });
    if (!inst.side && m.side) inst.side = m.side;
    if (!inst.place && m.place) inst.place = m.place;
    if (!inst.level && m.level) inst.level = m.level;
    if (!inst.brand && m.brand) inst.brand = m.brand;
    if (!inst.target && m.target) inst.target = m.target;
    if (m.form === 'paddle') inst.form = 'paddle';
    else if (m.form && !inst.form) inst.form = m.form;
    if (m.fresh) inst.fresh = true;
    this.recent.set(inst.id, ++this.tick);
    this.refs.set(m.id, [...(this.refs.get(m.id) ?? []), inst.id]);
  }

  byRecency(list: DeviceInstance[]): DeviceInstance[] {
    return [...list].sort((a, b) => (this.recent.get(b.id) ?? 0) - (this.recent.get(a.id) ?? 0));
  }
}

/** A mention can name an instance unless side, position word (proximal/distal), array form (paddle vs percutaneous) or array model disagree. */
const compatible = (i: DeviceInstance, m: Mention) =>
  (!m.side || !i.side || i.side === m.side) &&
  (!m.place || !i.place || i.place === m.place) && (!m.form || !i.form || i.form === m.form) && !(i.kind === 'array' && m.brand && i.brand && m.brand !== i.brand);

function resolvePlural(r: Resolver, m: Mention, kind: DeviceKind, acts: ReadonlySet<string>): DeviceInstance[] {
  const acted = acts.size > 0;
  const pool = r.ofKind(kind).filter((i) => (m.determiner === 'old' ? i.preExisting : true) && compatible(i, m));
  const want = m.count || Math.max(pool.length, 1);
  const chosen = r.byRecency(pool).slice(0, want);
  // a count in a clause with no act ("trial, two leads", "two leads total") describes; it opens nothing
  if (!acted) return chosen;
  // "two leads were placed" opens new leads; "both leads were removed" names leads of unknown age
  const age = m.determiner === 'old' ? 'old' : m.determiner === 'new' || (m.plural === 'stated' && m.determiner === 'bare' && acts.has('placed')) ? 'new' : 'unknown';
  while (chosen.length < want) chosen.push(r.open(m, kind, age));
  return chosen;
}

/** "the other lead": the other one of the same age as the lead just named ("Pt's right lead moved ... the other lead is fine"). */
function resolveOther(r: Resolver, m: Mention, kind: DeviceKind, same: DeviceInstance[]): DeviceInstance {
  const latest = r.byRecency(r.ofKind(kind))[0];
  if (latest?.preExisting && m.determiner !== 'new') {
    const rest = r.byRecency(r.ofKind(kind).filter((i) => i.preExisting && i !== latest));
    return rest[0] ?? r.open(m, kind, 'old');
  }
  return r.byRecency(same).slice(1)[0] ?? r.open(m, kind, 'new');
}

function resolveOrdinal(r: Resolver, m: Mention, kind: DeviceKind): DeviceInstance[] {
  // "the second electrode was left as it was", in a note about devices already in: an old one
  const old = r.ofKind(kind).filter((i) => i.preExisting);
  if (m.determiner !== 'new' && old.length && old.length === r.ofKind(kind).length && (m.ordinal ?? 0) > 0) {
    const pick = old.find((i) => i !== old[0] && !r.named.has(i.id) && compatible(i, m)) ?? (old.length >= (m.ordinal ?? 1) ? undefined : r.open(m, kind, 'old'));
    if (pick) {
      r.named.add(pick.id);
      return [pick];
    }
  }
  const same = r.ofKind(kind).filter((i) => !i.preExisting);
  if (m.ordinal === -1) return [resolveOther(r, m, kind, same)];
  const found = same.find((i) => i.number === m.ordinal);
  // "a second lead" after a lead was swapped out: one more device, unless a mention named that number ("Lead 2: a second lead ...")
  if (found && m.determiner === 'new' && !r.named.has(found.id)) return [r.open(m, kind, 'new')];
  if (found) {
    r.named.add(found.id);
    // "Fractured lead #2 withdrawn" after "Lead #2 anchor freed": the numbered lead is the old one
    if (m.determiner === 'old' && (found.openedAs === 'unknown' || r.labelled.has(found.id))) {
      found.openedAs = 'old';
      found.preExisting = true;
    }
    return [found];
  }
  const n = m.ordinal ?? 1;
  const age = m.determiner === 'old' ? 'old' : 'new';
  for (let k = r.ofKind(kind).filter((i) => !i.preExisting).length; k < n - 1; k++) r.open(m, kind, age);
  const inst = r.open(m, kind, age);
  // a bare numbered label ("Lead #2 anchor freed") only assumes the device is new; an old mention may correct it
  if (m.determiner === 'bare') r.labelled.add(inst.id);
  r.named.add(inst.id);
  return [inst];
}

function resolveSingular(r: Resolver, m: Mention, kind: DeviceKind): DeviceInstance[] {
  const pool = r.ofKind(kind).filter((i) => compatible(i, m));
  if (m.determiner === 'old') {
    const old = r.byRecency(pool.filter((i) => i.preExisting))[0];
    if (old) return [old];
    // "the IPG was delivered from its pocket ... connected to the existing IPG": the device already
    // talked about, whose age was not yet stated, is the existing one
    const unaged = r.byRecency(pool.filter((i) => i.openedAs === 'unknown'))[0];
    if (unaged) {
      unaged.openedAs = 'old';
      unaged.preExisting = true;
      return [unaged];
    }
    return [r.open(m, kind, 'old')];
  }
  if (m.determiner === 'new') {
    // "the new lead" refers back to a new one; "a new lead" opens one
    // (telegraphic "New lead anchored", with no article, names the new lead already placed)
    const definite = /^(the|this|that)\b/i.test(m.text) || m.plural !== null || (m.indefinite === false && m.clause > 0 && r.ofKind(kind).some((i) => i.openedAs === 'new'));
    const prior = definite ? r.byRecency(pool.filter((i) => !i.preExisting))[0] : undefined;
    return [prior ?? r.open(m, kind, 'new')];
  }
  const latest = r.byRecency(pool)[0];
  return [latest ?? r.open(m, kind, m.historical ? 'old' : 'unknown')];
}

/** "The sensing lead was disconnected ... the lead was removed": a bare "lead" right after a sensing lead is that sensing lead. */
function sensorNamedAsLead(r: Resolver, m: Mention, kind: DeviceKind): DeviceInstance | undefined {
  if (kind !== 'array' || m.determiner === 'old' || !/^(?:the\s+)?(?:lead|electrode)$/i.test(m.text)) return undefined;
  // "A new sensing lead was placed ... The new lead was tunneled": the new lead named last is that sensing lead
  if (m.determiner === 'new') {
    if (m.indefinite || m.plural !== null) return undefined;
    const latestNew = r.byRecency([...r.ofKind('array'), ...r.ofKind('sensor')].filter((i) => !i.preExisting))[0];
    return latestNew?.kind === 'sensor' ? latestNew : undefined;
  }
  const latest = r.byRecency([...r.ofKind('array'), ...r.ofKind('sensor')])[0];
  return latest?.kind === 'sensor' ? latest : undefined;
}

function resolveOne(r: Resolver, m: Mention, acts: ReadonlySet<string>): DeviceInstance[] {
  const kind = m.kind === 'pronoun' ? null : m.kind;
  if (!kind) return [];
  if (kind === 'external') return [r.ofKind('external')[0] ?? r.open(m, 'external', 'new')];
  // "no generator was placed" names nothing in the patient; it refers back only to a device already named
  if (m.negated) return r.byRecency(r.ofKind(kind)).slice(0, 1);
  if (m.ordinal !== undefined) return resolveOrdinal(r, m, kind);
  if (m.plural) return resolvePlural(r, m, kind, acts);
  const sensor = sensorNamedAsLead(r, m, kind);
  if (sensor) return [sensor];
  return resolveSingular(r, m, kind);
}

const NO_ACTS: ReadonlySet<string> = new Set();

/** Link every work-clause mention to the device instances it names, in reading order; `acts` gives each clause's act kinds. */
export function resolveInstances(mentions: Mention[], isWork: (m: Mention) => boolean, acts: ReadonlyMap<number, ReadonlySet<string>>): Resolution {
  const r = new Resolver();
  for (const m of mentions) {
    if (!isWork(m)) continue;
    for (const inst of resolveOne(r, m, acts.get(m.clause) ?? NO_ACTS)) r.touch(inst, m);
  }
  return { instances: r.instances, refs: r.refs };
}
