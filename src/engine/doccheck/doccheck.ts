/**
 * Documentation check: for the code(s) a note is heading toward, what each code needs, whether
 * the note documents it (with evidence), a neutral clarification question for each gap, what
 * fact would switch to the nearest alternative code, and a score. Pure: Analysis + text in.
 */
import type { Analysis, Fact, ProcedureEvent, Span, Suggestion } from '../types';
import { CODE_BY_ID, CODE_RULES, type CodeRule } from '../../kb/codes';
import { DOC_ITEMS, docGroupsFor, type DocCondition, type DocItemId, type DocWeight } from '../../kb/doc-requirements';
import { label } from '../decide/decide';
import {
  ANESTHESIA_RE,
  BRAND_RE,
  COMPLICATIONS_RE,
  DIAGNOSIS_RE,
  LEAD_STATUS_RE,
  MAC_RE,
  MODEL_SERIAL_RE,
  TRIAL_RESULT_RES,
  TRIAL_WORD_RE,
  findAll,
  isPlaceholder,
  sectionBody,
} from './patterns';

export type DocStatus = 'documented' | 'missing' | 'ambiguous';

export interface DocCheckItem {
  /** Unique within one check (item id, plus the code for per-code items). */
  key: string;
  id: DocItemId;
  label: string;
  /** The codes that need this item. */
  codes: string[];
  status: DocStatus;
  /** What the note says (or does not say) about it, in plain words. */
  detail: string;
  evidence: Span[];
  /** The neutral clarification question, for missing and ambiguous items. */
  question?: string;
  help: string;
  /** Whether a gap blocks the code or is good practice (kb/doc-requirements.ts weight). */
  weight: DocWeight;
  /** Why the item has that weight, named as a coder would cite it. */
  basis: string;
}

export interface DocQuestion {
  key: string;
  item: DocItemId;
  label: string;
  text: string;
}

export interface CodeChange {
  /** The code suggested now. */
  from: string;
  /** The code the fact would lead to (null when the current code would simply lose its support). */
  to: string | null;
  /** instead = replaces `from`; add = reported alongside `from`; drop = `from` no longer supported. */
  relation: 'instead' | 'add' | 'drop';
  /** The fact, as a condition ("a pocket was created and ..."). */
  condition: string;
  /** One line for display. */
  text: string;
}

export interface DocCheck {
  /** The codes checked, in suggestion order. */
  codes: string[];
  items: DocCheckItem[];
  questions: DocQuestion[];
  whatWouldChange: CodeChange[];
  score: { documented: number; total: number; percent: number };
  /** Why nothing could be checked, when `codes` is empty. */
  message?: string;
}

interface Eval {
  status: DocStatus;
  detail: string;
  evidence: Span[];
}

interface CodeCtx {
  code: string;
  rule: CodeRule | undefined;
  event: ProcedureEvent | undefined;
}

/* ------------------------------------------------------------------ helpers */

const affirmed = (facts: Fact[], kind: Fact['kind'], values?: string[]) =>
  facts.filter((f) => f.kind === kind && f.assertion === 'affirmed' && (!values || values.includes(f.value)));
const notAffirmed = (facts: Fact[], kind: Fact['kind'], values?: string[]) =>
  facts.filter((f) => f.kind === kind && f.assertion !== 'affirmed' && (!values || values.includes(f.value)));
const spansOf = (facts: Fact[], max = 6): Span[] => dedupe(facts.flatMap((f) => f.evidence)).slice(0, max);
const quote = (spans: Span[]) => spans.slice(0, 3).map((s) => `“${s.text.trim()}”`).join(', ');

function dedupe(spans: Span[]): Span[] {
  const seen = new Set<string>();
  const out: Span[] = [];
  for (const s of spans) {
    const k = `${s.start}:${s.end}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(s);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const ok = (detail: string, evidence: Span[] = []): Eval => ({ status: 'documented', detail, evidence });
const gap = (detail: string, evidence: Span[] = []): Eval => ({ status: 'missing', detail, evidence });
const unclear = (detail: string, evidence: Span[] = []): Eval => ({ status: 'ambiguous', detail, evidence });

const COMPONENT_FACTS: Record<string, string[]> = {
  array: ['array', 'paddle'],
  generator: ['generator'],
  integrated: ['integrated'],
  system: ['array', 'generator', 'system'],
  needleElectrode: ['needleElectrode'],
};

function isReplacement(a: Analysis, c: CodeCtx): boolean {
  const act = c.event?.action;
  if (act) return act === 'replacement' || act === 'revision' || act === 'removal';
  return affirmed(a.facts, 'action', ['replacement', 'revision', 'removal']).length > 0;
}

function isInsertion(c: CodeCtx): boolean {
  const act = c.event?.action;
  if (act) return act === 'insertion' || act === 'replacement';
  return (c.rule?.action ?? []).some((x) => x === 'insertion' || x === 'replacement');
}

/** A permanent implant that usually follows a trial: not a trial itself, not a battery change. */
function isPermanent(a: Analysis, c: CodeCtx): boolean {
  if (!c.rule) return false;
  if (c.event && c.event.action !== 'insertion') return false;
  if (!c.event && !c.rule.action.includes('insertion')) return false;
  const trialTargets = ['spinal', 'sacral', 'peripheral'];
  const target = c.event?.target ?? c.rule.target[0];
  if (!trialTargets.includes(target)) return false;
  if (a.facts.some((f) => f.derived && f.kind === 'external')) return false;
  if (c.rule.component === 'generator') return true;
  return affirmed(a.facts, 'trial', ['permanent']).length > 0 || affirmed(a.facts, 'staged', ['later']).length > 0;
}

function applies(when: DocCondition, a: Analysis, c: CodeCtx): boolean {
  switch (when) {
    case 'always':
      return true;
    case 'insertion':
      return isInsertion(c);
    case 'replacement':
      return isReplacement(a, c);
    case 'permanent':
      return isPermanent(a, c);
    case 'sided':
      return c.rule?.sided ?? false;
  }
}

/* ------------------------------------------------------------------ per-code items */

function evalTarget(a: Analysis): Eval {
  const d = a.facts.find((f) => f.derived && f.kind === 'target');
  if (d && d.evidence.length) return ok(`Target: ${label(d.value)} (${quote(d.evidence)})`, d.evidence.slice(0, 6));
  if (d) return unclear(`Target taken as ${label(d.value)}, but no words in the note name it`);
  const any = affirmed(a.facts, 'target');
  if (any.length) return unclear('A target is named, but not clearly as the site of this session', spansOf(any));
  return gap('The note does not name the nerve or structure stimulated');
}

function evalSide(a: Analysis): Eval {
  const d = a.facts.find((f) => f.derived && f.kind === 'side');
  if (d && d.evidence.length) return ok(`Side: ${d.value.replace('+', ' and ')}`, d.evidence.slice(0, 6));
  const any = affirmed(a.facts, 'side');
  if (any.length) return unclear('A side is named, but not clearly for this procedure', spansOf(any));
  return gap('The note does not state the side');
}

function evalApproach(a: Analysis, c: CodeCtx): Eval | null {
  if (c.rule && c.rule.approach === null) return null; // the code does not depend on it
  const d = a.facts.find((f) => f.derived && f.kind === 'approach');
  if (d && d.evidence.length && !/not stated/.test(d.text)) return ok(`Approach: ${label(d.value)} (${quote(d.evidence)})`, d.evidence.slice(0, 6));
  if (d) return unclear(`The approach is not stated; taken as ${label(d.value)} because it is the usual one for this target`);
  return gap('The note does not say how the array was placed');
}

function evalComponent(a: Analysis, c: CodeCtx): Eval {
  const comp = c.event?.component ?? c.rule?.component ?? 'array';
  const want = COMPONENT_FACTS[comp] ?? [comp];
  const hits = affirmed(a.facts, 'component', want);
  if (hits.length) return ok(`${cap(label(comp))} named (${quote(spansOf(hits))})`, spansOf(hits));
  const generic = affirmed(a.facts, 'component', ['device', 'system']);
  if (generic.length) return unclear(`Only a generic word (${quote(spansOf(generic))}) names the part; which component is not stated`, spansOf(generic));
  return gap(`The note does not name the ${label(comp)}`);
}

function evalAction(a: Analysis, c: CodeCtx): Eval {
  const ev = c.event;
  if (ev) {
    const d = a.facts.find((f) => f.derived && f.kind === 'action' && f.value === `${ev.component}:${ev.action}`);
    const evidence = d?.evidence.length ? d.evidence : ev.evidence.slice(0, 6);
    if (evidence.length) return ok(`${cap(label(ev.action))} of the ${label(ev.component)} (${quote(evidence)})`, evidence);
    return unclear(`${cap(label(ev.action))} of the ${label(ev.component)} is inferred; no verb in the note states it`);
  }
  const any = affirmed(a.facts, 'action');
  if (any.length) return unclear('Actions are named, but not clearly tied to one component', spansOf(any));
  return gap('The note does not say what was done to the device');
}

function evalPocket(a: Analysis): Eval {
  const made = affirmed(a.facts, 'pocket', ['created', 'opened']);
  if (made.length) {
    const opened = made.every((f) => f.value === 'opened');
    return ok(opened ? `An existing pocket was opened (${quote(spansOf(made))})` : `Pocket created (${quote(spansOf(made))})`, spansOf(made));
  }
  const neg = notAffirmed(a.facts, 'pocket');
  if (neg.length) return gap(`The note says no pocket was made (${quote(spansOf(neg))})`, spansOf(neg));
  const mention = affirmed(a.facts, 'pocket', ['mention']);
  if (mention.length) return unclear(`A pocket is named (${quote(spansOf(mention))}), but not that it was created or opened`, spansOf(mention));
  const gen = affirmed(a.facts, 'component', ['generator']);
  if (gen.length) {
    return unclear(`The generator is named (${quote(spansOf(gen))}), but the note does not describe a pocket for it`, spansOf(gen));
  }
  return gap('The note does not describe a pocket for the generator');
}

/** Two spans in one sentence (no full stop or line break between them). */
function sameSentence(text: string, x: Span, y: Span): boolean {
  const [a, b] = x.start <= y.start ? [x, y] : [y, x];
  return !/[.\n]/.test(text.slice(a.end, Math.max(a.end, b.start)));
}

function evalConnection(a: Analysis, text: string): Eval {
  const ext = a.facts.filter((f) => f.derived && f.kind === 'external');
  const extSpans = spansOf(ext);
  // "connected to an external trial stimulator" is no connection to an implanted generator
  const toGenerator = (f: Fact) => !extSpans.length || !f.evidence.length || !f.evidence.every((e) => extSpans.some((x) => sameSentence(text, e, x)));
  const conn = [...affirmed(a.facts, 'connection'), ...affirmed(a.facts, 'action', ['connect'])].filter(toGenerator);
  if (conn.length) return ok(`Array connected (${quote(spansOf(conn))})`, spansOf(conn));
  const neg = notAffirmed(a.facts, 'connection');
  if (neg.length) return gap(`The note says the array was not connected (${quote(spansOf(neg))})`, spansOf(neg));
  if (ext.length) return gap(`The array goes to an external stimulator (${quote(spansOf(ext))}); no connection to an implanted generator`, spansOf(ext));
  const tunnel = affirmed(a.facts, 'tunnel');
  if (tunnel.length) return unclear(`The lead was tunnelled (${quote(spansOf(tunnel))}), but its connection to the generator is not stated`, spansOf(tunnel));
  return gap('The note does not say the array was connected to the generator');
}

function evalImaging(a: Analysis): Eval {
  const img = affirmed(a.facts, 'imaging');
  if (img.length) return ok(`Imaging: ${[...new Set(img.map((f) => f.value))].join(', ')} (${quote(spansOf(img))})`, spansOf(img));
  const neg = notAffirmed(a.facts, 'imaging');
  if (neg.length) return gap(`The note says imaging was not used (${quote(spansOf(neg))})`, spansOf(neg));
  return gap('The note does not mention imaging guidance');
}

function evalArrays(a: Analysis): Eval {
  const d = a.facts.find((f) => f.derived && f.kind === 'count');
  if (d && d.evidence.length) return ok(`${d.value} array${d.value === '1' ? '' : 's'} (${quote(d.evidence)})`, d.evidence.slice(0, 6));
  if (d) return unclear(`The number of arrays is not stated; taken as ${d.value}`);
  return gap('The note does not say how many arrays were placed');
}

function evalMer(a: Analysis): Eval {
  const m = a.facts.filter((f) => f.kind === 'mer');
  const yes = m.filter((f) => f.assertion === 'affirmed');
  if (yes.length) return ok(`Microelectrode recording performed (${quote(spansOf(yes))})`, spansOf(yes));
  if (m.length) return ok(`Microelectrode recording stated as not performed (${quote(spansOf(m))})`, spansOf(m));
  return gap('The note does not say whether microelectrode recording was performed');
}

/* ------------------------------------------------------------------ note-level items */

function sectionSpan(a: Analysis, text: string, kinds: string[]): { body: ReturnType<typeof sectionBody>; placeholder: boolean } | null {
  let found: { body: ReturnType<typeof sectionBody>; placeholder: boolean } | null = null;
  for (const s of a.sections) {
    if (!kinds.includes(s.kind) || !s.header) continue;
    const body = sectionBody(text, s);
    if (body && !isPlaceholder(body)) return { body, placeholder: false };
    found = { body, placeholder: !!body };
  }
  return found;
}

function evalDevice(text: string): Eval {
  const ids = findAll(text, MODEL_SERIAL_RE, 6, (m) => /\d/.test(m));
  if (ids.length) return ok(`Model / serial stated (${quote(ids)})`, ids);
  const brands = findAll(text, BRAND_RE, 6);
  if (brands.length) return unclear(`The device is named (${quote(brands)}), but no model or serial number is given`, brands);
  return gap('The note gives no device manufacturer, model or serial number');
}

function evalLeadStatus(text: string): Eval {
  const hits = findAll(text, LEAD_STATUS_RE, 4);
  if (hits.length) return ok(`Lead condition described (${quote(hits)})`, hits);
  return gap('The note does not describe the condition of the existing lead(s)');
}

function evalIndication(a: Analysis, text: string): Eval {
  const sec = sectionSpan(a, text, ['indications', 'preop_dx', 'postop_dx', 'history']);
  if (sec?.body && !sec.placeholder) return ok(`Indication: ${quote([sec.body])}`, [sec.body]);
  const dx = findAll(text, DIAGNOSIS_RE, 4);
  if (dx.length) return ok(`Diagnosis words in the note (${quote(dx)})`, dx);
  if (sec?.body) return unclear(`The diagnosis line only says ${quote([sec.body])}`, [sec.body]);
  return gap('The note states no diagnosis or indication');
}

function evalTrialResult(text: string): Eval {
  const res = TRIAL_RESULT_RES.flatMap((re) => findAll(text, re, 3));
  if (res.length) return ok(`Trial outcome stated (${quote(dedupe(res))})`, dedupe(res));
  const trial = findAll(text, TRIAL_WORD_RE, 3);
  if (trial.length) return unclear(`A trial or stage is named (${quote(trial)}), but not its result`, trial);
  return gap('The note does not mention a prior trial or its result');
}

function evalAnesthesia(a: Analysis, text: string): Eval {
  const sec = sectionSpan(a, text, ['anesthesia']);
  if (sec?.body && !sec.placeholder) return ok(`Anesthesia: ${quote([sec.body])}`, [sec.body]);
  const hits = [...findAll(text, ANESTHESIA_RE, 3), ...findAll(text, MAC_RE, 2)];
  if (hits.length) return ok(`Anesthesia named (${quote(dedupe(hits))})`, dedupe(hits));
  if (sec) return unclear('The anesthesia heading is present but empty or unclear', sec.body ? [sec.body] : []);
  return gap('The note does not state the type of anesthesia');
}

function evalComplications(a: Analysis, text: string): Eval {
  const sec = sectionSpan(a, text, ['complications']);
  if (sec?.body) return ok(`Complications: ${quote([sec.body])}`, [sec.body]);
  const hits = findAll(text, COMPLICATIONS_RE, 3);
  if (hits.length) return ok(`Complications addressed (${quote(hits)})`, hits);
  if (sec) return unclear('The complications heading is present but empty');
  return gap('The note does not say whether there were complications');
}

function evaluate(id: DocItemId, a: Analysis, text: string, c: CodeCtx): Eval | null {
  switch (id) {
    case 'target':
      return evalTarget(a);
    case 'side':
      return evalSide(a);
    case 'approach':
      return evalApproach(a, c);
    case 'component':
      return evalComponent(a, c);
    case 'action':
      return evalAction(a, c);
    case 'pocket':
      return evalPocket(a);
    case 'connection':
      return evalConnection(a, text);
    case 'imaging':
      return evalImaging(a);
    case 'arrays':
      return evalArrays(a);
    case 'mer':
      return evalMer(a);
    case 'device':
      return evalDevice(text);
    case 'leadStatus':
      return evalLeadStatus(text);
    case 'indication':
      return evalIndication(a, text);
    case 'trialResult':
      return evalTrialResult(text);
    case 'anesthesia':
      return evalAnesthesia(a, text);
    case 'complications':
      return evalComplications(a, text);
  }
}

/** Items whose result depends on the claim line (component, action, approach). */
const PER_CODE: ReadonlySet<DocItemId> = new Set(['component', 'action', 'approach']);

/* ------------------------------------------------------------------ what would change */

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const COMPONENT_FACT: Record<string, string> = {
  generator: 'a pocket was created and the array connected to an implanted generator',
  array: 'an electrode array (lead) was placed in this session',
  integrated: 'the device was one integrated unit (array with a built-in receiver) rather than a separate lead and generator',
  system: 'the array and its pulse generator were placed together in one open procedure',
  needleElectrode: 'only a needle electrode was used and nothing was left implanted',
};
const APPROACH_FACT: Record<string, string> = {
  percutaneous: 'the array was placed through a needle (percutaneously)',
  open: 'the nerve was exposed through an incision (open approach)',
  laminectomy: 'a paddle array was placed through a laminotomy or laminectomy',
  laparoscopic: 'the electrodes were placed laparoscopically',
  stereotactic: 'the arrays were placed stereotactically',
};

function componentFact(cur: string, alt: CodeRule): string {
  if (cur === 'system' && alt.component === 'generator') return 'only the pulse generator was placed or replaced, with the existing array left in place';
  if (cur === 'system' && alt.component === 'array') return 'only the array was worked on, connected to the existing generator';
  if (cur === 'generator' && alt.component === 'system') return 'the array and its generator were both placed in this session';
  return COMPONENT_FACT[alt.component] ?? `the ${label(alt.component)} was worked on`;
}

function actionFact(alt: CodeRule, comp: string): string {
  const acts = alt.action;
  const c = label(comp);
  if (acts.length === 1 && acts[0] === 'removal') return `the ${c} was removed and nothing new was placed`;
  if (acts.includes('removal') && acts.includes('revision') && acts.includes('replacement')) return `an existing ${c} was revised, replaced or removed rather than newly placed`;
  if (acts.includes('removal') && acts.includes('revision') && !acts.includes('insertion')) return `the existing ${c} was revised or removed without placing a new one`;
  if (acts.includes('revision') || (acts.includes('replacement') && !acts.includes('insertion'))) return `an existing ${c} was repositioned or replaced rather than newly placed`;
  return `a new ${c} was placed`;
}

interface Diff {
  dims: string[];
  condition: string;
}

/** One dimension in which an alternative code differs: the fact it needs, or null when it does not differ. */
interface DimDiff {
  dim: string | null;
  part: string;
}

/** Target: only a switch the engine itself names as close crosses targets. */
function targetDiff(alt: CodeRule, target: string, fromEngine: boolean): DimDiff | 'reject' | null {
  if ((alt.target as string[]).includes(target)) return null;
  if (!fromEngine) return 'reject';
  return { dim: 'target', part: `the target was ${alt.target.map(label).join(' or ')} rather than ${label(target)}` };
}

/**
 * Component: only switches that add a part to what was done (a lead session growing a
 * generator, a lead-and-generator system) or that the engine itself names as close.
 */
function componentDiff(cur: CodeRule, alt: CodeRule, fromEngine: boolean): DimDiff | 'reject' | null {
  if (alt.component === cur.component) return null;
  const grows = cur.component === 'array' && ['generator', 'integrated', 'system'].includes(alt.component);
  if (!grows && !fromEngine) return 'reject';
  return { dim: 'component', part: componentFact(cur.component, alt) };
}

function actionDiff(alt: CodeRule, action: string): DimDiff | null {
  return (alt.action as string[]).includes(action) ? null : { dim: 'action', part: actionFact(alt, alt.component) };
}

function approachDiff(cur: CodeRule, alt: CodeRule, approach: string | null): DimDiff | null {
  if (!alt.approach || !cur.approach || !approach || (alt.approach as string[]).includes(approach)) return null;
  return { dim: 'approach', part: APPROACH_FACT[alt.approach[0]] ?? `the approach was ${label(alt.approach[0])}` };
}

/** Arrays: a generator code that names its array count, or a different array count. */
function arraysDiff(cur: CodeRule, alt: CodeRule): DimDiff | null {
  if (alt.arrays && !cur.arrays && alt.component === 'generator') {
    return { dim: null, part: alt.arrays === 'twoOrMore' ? 'it is connected to two or more arrays' : 'it is connected to one array' };
  }
  if (alt.arrays && cur.arrays && alt.arrays !== cur.arrays) {
    return { dim: 'arrays', part: alt.arrays === 'twoOrMore' ? 'the generator was connected to two or more arrays' : 'the generator was connected to only one array' };
  }
  return null;
}

function merDiff(cur: CodeRule, alt: CodeRule): DimDiff | null {
  if (alt.mer === undefined || cur.mer === undefined || alt.mer === cur.mer) return null;
  return { dim: 'mer', part: alt.mer ? 'microelectrode recording was performed' : 'no microelectrode recording was performed' };
}

/** The one fact that would lead from `cur` to `alt`, or null when they differ in none or in more than one dimension. */
function diffRules(cur: CodeRule, alt: CodeRule, ev: ProcedureEvent | undefined, fromEngine: boolean): Diff | null {
  const target = ev?.target ?? cur.target[0];
  const action = ev?.action ?? cur.action[0];
  const approach = ev?.approach ?? null;
  const t = targetDiff(alt, target, fromEngine);
  if (t === 'reject') return null;
  const c = componentDiff(cur, alt, fromEngine);
  if (c === 'reject') return null;
  const found = [t, c, actionDiff(alt, action), approachDiff(cur, alt, approach), arraysDiff(cur, alt), merDiff(cur, alt)].filter((d): d is DimDiff => d !== null);
  if (alt.addOnTo || cur.addOnTo) return null; // add-ons are handled separately
  const dims = found.flatMap((d) => (d.dim ? [d.dim] : []));
  if (dims.length !== 1) return null;
  return { dims, condition: found.map((d) => d.part).join(', and ') };
}

/** The code's own requirements (pocket, connection) that the note does not meet: the code loses its support. */
function requirementDrop(code: string, items: DocCheckItem[]): CodeChange | null {
  const cur = CODE_BY_ID.get(code);
  const missingReq = (cur?.requires ?? []).filter((r) => items.some((i) => i.id === r && i.codes.includes(code) && i.status !== 'documented'));
  if (!missingReq.length) return null;
  const what = missingReq.map((r) => (r === 'pocket' ? 'no pocket was created (or opened)' : 'the array was not connected to the implanted generator'));
  const condition = what.join(' or ');
  return { from: code, to: null, relation: 'drop', condition, text: `If ${condition} → ${code} is not supported` };
}

function whatWouldChange(a: Analysis, items: DocCheckItem[]): CodeChange[] {
  const out: CodeChange[] = [];
  const suggested = new Set(a.suggestions.map((s) => s.code));
  const seen = new Set<string>();
  const push = (c: CodeChange) => {
    const k = `${c.from}>${c.to}>${c.relation}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(c);
  };
  for (const s of a.suggestions) {
    const cur = CODE_BY_ID.get(s.code);
    if (!cur) continue;
    const ev = s.event !== undefined ? a.events[s.event] : undefined;

    // The code's own requirements that the note does not meet.
    const drop = requirementDrop(s.code, items);
    if (drop) push(drop);

    // Add-on for each additional array.
    if (cur.addOn && !suggested.has(cur.addOn)) {
      const condition = 'a second array was placed in the same session';
      push({ from: s.code, to: cur.addOn, relation: 'add', condition, text: `If ${condition} → add ${cur.addOn} for each additional array` });
    }

    const engineAlts = new Set(s.alternatives.map((x) => x.code));
    const candidates: { rule: CodeRule; fromEngine: boolean }[] = [];
    for (const code of engineAlts) {
      const r = CODE_BY_ID.get(code);
      if (r) candidates.push({ rule: r, fromEngine: true });
    }
    for (const r of CODE_RULES) if (!engineAlts.has(r.code)) candidates.push({ rule: r, fromEngine: false });

    const ranked: { rule: CodeRule; diff: Diff; order: number }[] = [];
    candidates.forEach(({ rule, fromEngine }, order) => {
      if (rule.code === s.code || suggested.has(rule.code)) return;
      const diff = diffRules(cur, rule, ev, fromEngine);
      if (diff) ranked.push({ rule, diff, order });
    });
    ranked.sort((x, y) => {
      const tx = x.diff.dims.includes('target') ? 1 : 0;
      const ty = y.diff.dims.includes('target') ? 1 : 0;
      return tx - ty || x.diff.dims.length - y.diff.dims.length || x.order - y.order;
    });
    let targetSwitches = 0;
    const picked = ranked.filter(({ diff }) => !diff.dims.includes('target') || targetSwitches++ < 1).slice(0, 4);
    for (const { rule, diff } of picked) {
      const pair = new Set([cur.component, rule.component]);
      const add = diff.dims.includes('component') && pair.has('array') && pair.has('generator') && pair.size === 2;
      const relation = add ? 'add' : 'instead';
      push({
        from: s.code,
        to: rule.code,
        relation,
        condition: diff.condition,
        text: `If ${diff.condition} → ${rule.code} ${add ? `in addition to ${s.code}` : `instead of ${s.code}`}`,
      });
    }
  }
  return out;
}

/* ------------------------------------------------------------------ entry */

interface Target {
  code: string;
  s?: Suggestion;
}

/**
 * The codes to check: the suggested ones (else the header's), plus `against` when the user
 * picked another code of the family, so a note is not only checked against the code it led to.
 */
function codesToCheck(a: Analysis, against?: string): Target[] {
  const seen = new Set<string>();
  const out: Target[] = [];
  const add = (code: string, s?: Suggestion) => {
    if (seen.has(code) || docGroupsFor(code).length === 0) return;
    seen.add(code);
    out.push(s ? { code, s } : { code });
  };
  for (const s of a.suggestions) add(s.code, s);
  if (out.length === 0 && a.inScope) for (const code of a.headerCodes) add(code);
  if (against && (a.inScope || a.abstain)) add(against);
  return out;
}

/** Evaluate every item the groups of each code need; an item shared by codes is evaluated once. */
function buildItems(analysis: Analysis, text: string, targets: Target[]): DocCheckItem[] {
  const byKey = new Map<string, DocCheckItem>();
  for (const { code, s } of targets) {
    const ctx: CodeCtx = { code, rule: CODE_BY_ID.get(code), event: s?.event !== undefined ? analysis.events[s.event] : undefined };
    for (const g of docGroupsFor(code)) {
      for (const { id, when } of g.items) {
        if (!applies(when, analysis, ctx)) continue;
        const key = PER_CODE.has(id) ? `${id}:${code}` : id;
        const existing = byKey.get(key);
        if (existing) {
          if (!existing.codes.includes(code)) existing.codes.push(code);
          continue;
        }
        const e = evaluate(id, analysis, text, ctx);
        if (!e) continue;
        byKey.set(key, makeItem(id, key, code, e, targets.length > 1));
      }
    }
  }
  return [...byKey.values()];
}

function makeItem(id: DocItemId, key: string, code: string, e: Eval, several: boolean): DocCheckItem {
  const def = DOC_ITEMS.get(id)!;
  return {
    key,
    id,
    label: PER_CODE.has(id) && several ? `${def.label} (${code})` : def.label,
    codes: [code],
    status: e.status,
    detail: e.detail,
    evidence: e.evidence,
    help: def.help,
    weight: def.weight,
    basis: def.weightSource.title,
    ...(e.status !== 'documented' ? { question: def.question } : {}),
  };
}

function questionsOf(items: DocCheckItem[]): DocQuestion[] {
  const questions: DocQuestion[] = [];
  const asked = new Set<string>();
  for (const i of items) {
    if (!i.question || asked.has(i.question)) continue;
    asked.add(i.question);
    questions.push({ key: i.key, item: i.id, label: i.label, text: i.question });
  }
  return questions;
}

/** A picked code that is not a suggestion: what its own requirements would change. */
function pickedChanges(items: DocCheckItem[], targets: Target[], against: string | undefined): CodeChange[] {
  const picked = targets.find((t) => t.code === against && !t.s);
  const drop = picked ? requirementDrop(picked.code, items) : null;
  return drop ? [drop] : [];
}

/**
 * Check the documentation of an analysed note.
 * `text` must be the exact text the analysis was computed from (evidence offsets refer to it).
 * `against`: another code of the family to check the note against as well (the "Check against" pick).
 */
export function checkDocumentation(analysis: Analysis, text: string, against?: string): DocCheck {
  const targets = codesToCheck(analysis, against);
  if (targets.length === 0) {
    return {
      codes: [],
      items: [],
      questions: [],
      whatWouldChange: [],
      score: { documented: 0, total: 0, percent: 0 },
      // an abstention is in scope, but its reason (the missing fact) is what to say
      message: analysis.inScope && !analysis.abstain
        ? 'The note does not yet point to a neurostimulator code, so there is nothing to check against.'
        : (analysis.outOfScopeReason ?? 'No neurostimulator code applies to this note.'),
    };
  }
  const items = buildItems(analysis, text, targets);
  const documented = items.filter((i) => i.status === 'documented').length;
  const total = items.length;
  return {
    codes: targets.map((t) => t.code),
    items,
    questions: questionsOf(items),
    whatWouldChange: [...whatWouldChange(analysis, items), ...pickedChanges(items, targets, against)],
    score: { documented, total, percent: total ? Math.round((documented / total) * 100) : 0 },
  };
}

/** The score of one checked code, split into the items that block the code and good practice. */
export function scoreFor(check: DocCheck, code: string): { blocking: Tally; practice: Tally } {
  const items = check.items.filter((i) => i.codes.includes(code));
  return { blocking: tally(items.filter((i) => i.weight === 'blocking')), practice: tally(items.filter((i) => i.weight !== 'blocking')) };
}

export interface Tally {
  documented: number;
  total: number;
  percent: number;
}

function tally(items: DocCheckItem[]): Tally {
  const documented = items.filter((i) => i.status === 'documented').length;
  return { documented, total: items.length, percent: items.length ? Math.round((100 * documented) / items.length) : 100 };
}

export { questionsText } from './questions';
