import type { ConceptMatch, Doc, Span, Token } from '../types';
import { DISTRACTORS, timeAnchoredSentences } from '../facts/events';
import type { Act, ActKind, ActStatus, Clause, DeviceInstance, Mention } from './types';
import type { Resolution } from './instances';
import { stepTitleAt } from './step-title';

/** An act read from the note, before it is attached to instances. */
interface RawAct {
  act: ActKind;
  status: ActStatus;
  clause: number;
  tokenStart: number;
  tokenEnd: number;
  evidence: Span;
}

const ACTION_ACT: Record<string, ActKind> = {
  insertion: 'placed',
  implied: 'anchored',
  removal: 'removed',
  replacement: 'replaced',
  revision: 'revised',
  putBack: 'putBack',
  connect: 'connected',
};
const STATUS: Record<string, ActStatus> = { affirmed: 'done', negated: 'negated', historical: 'historical', hypothetical: 'planned' };
/** "disconnected from the header", "unplugged": taking a lead off the generator it was on before this act. */
const DISCONNECTED = /\b(?:dis-?connect(?:ed|ing)?|unplugged|unhooked|detached\s+from\s+the\s+(?:header|generator|ipg))\b/gi;
const LEFT_IN = /\b(?:(?:left|remain(?:ed|s|ing)?|kept|retained)\s+(?:in\s+(?:place|situ|position)|intact|undisturbed|untouched|alone|connected|in\s+the\s+patient)|not\s+(?:touched|disturbed|manipulated))\b/gi;
/** Acts too common around tools and tissue to flag when no device takes them. */
const MINOR_ACTS: ReadonlySet<ActKind> = new Set(['anchored', 'connected', 'disconnected', 'tunneled', 'leftInPlace']);
/** Device nouns the tagger sometimes reads as verbs ("lead removal"). */
const DEVICE_NOUNS = new Set(['lead', 'leads', 'generator', 'battery', 'ipg', 'electrode', 'electrodes']);
const PLURAL_PRONOUN = new Set(['they', 'them', 'both', 'these', 'those', 'all', 'each']);
const SINGULAR_PRONOUN = new Set(['it', 'which', 'this', 'that']);

const DISTANCE_UNIT = /^(cm|mm|centimet(er|re)s?|millimet(er|re)s?|levels?)$/;
const NUMBER_WORD = /^(a|one|two|three|four|five|half|few|several)$/;

/** "withdrawn 2 cm", "pulled back about three centimeters": a distance after the verb. */
function movedByDistance(tokens: Token[], k: number): boolean {
  let j = k;
  for (let skipped = 0; skipped < 3 && /^(back|by|about|approximately|roughly|~)$/.test(tokens[j]?.norm ?? ''); skipped++) j++;
  const n = tokens[j];
  if (!n || !(n.pos === 'NUM' || NUMBER_WORD.test(n.norm))) return false;
  const unit = NUMBER_WORD.test(n.norm) && /^(few|several)$/.test(tokens[j + 1]?.norm ?? '') ? tokens[j + 2] : tokens[j + 1];
  return DISTANCE_UNIT.test(unit?.norm ?? '');
}

function toAct(m: ConceptMatch, tokens: Token[]): ActKind | null {
  if (m.kind === 'action') {
    const a = ACTION_ACT[m.value] ?? null;
    // "replaced into the foramen", "replaced back": put back in position, not a device replacement
    if (a === 'replaced' && /^(into|back|in)$/.test(tokens[m.tokenEnd]?.norm ?? '') && tokens[m.tokenEnd + 1]?.norm !== 'with') return 'putBack';
    if (a === 'removed' && /discard/i.test(m.text)) return 'discarded';
    // "withdrawn 2 cm", "pulled back 1 cm": moved, not taken out
    if (a === 'removed' && movedByDistance(tokens, m.tokenEnd)) return 'revised';
    return a;
  }
  if (m.kind === 'connection') return /^dis/i.test(m.text) || tokens[m.tokenStart - 1]?.norm === 'dis' ? 'disconnected' : 'connected';
  if (m.kind === 'tunnel' && /ed$/i.test(m.text)) return 'tunneled';
  return null;
}

/**
 * "to be placed", "will be removed": the infinitive or future of a plan; "return in 5 days for
 * lead removal", "scheduled for generator replacement": a named procedure after "for" is a purpose.
 */
function plannedForm(tokens: Token[], k: number, clauseStart: number): boolean {
  const p1 = tokens[k - 1]?.norm;
  const p2 = tokens[k - 2]?.norm;
  if (p1 === 'be' && (p2 === 'to' || p2 === 'will' || p2 === 'would' || p2 === 'can' || p2 === 'may')) return true;
  if (tokens[k].pos !== 'NOUN') return false;
  for (let j = k - 1; j >= Math.max(clauseStart, k - 4); j--) {
    if (tokens[j].norm === 'for') return true;
    if (!['NOUN', 'ADJ', 'DET', 'PROPN', 'NUM'].includes(tokens[j].pos) && !DEVICE_NOUNS.has(tokens[j].norm)) return false;
  }
  return false;
}

/** "No lead was left in place", "nothing was left behind": a denial earlier in the clause. */
const DENIALS: ReadonlySet<string> = new Set(['no', 'not', 'none', 'nothing', 'never', 'neither', 'nor']);
function deniedBefore(tokens: Token[], from: number, to: number): boolean {
  for (let j = Math.max(from, to - 6); j < to; j++) if (DENIALS.has(tokens[j].norm) || tokens[j].norm === "n't") return true;
  return false;
}

function regexActs(doc: Doc, clauses: Clause[], clauseOf: Int32Array, tokenAt: (offset: number) => number): RawAct[] {
  const out: RawAct[] = [];
  for (const [re, act] of [[LEFT_IN, 'leftInPlace'], [DISCONNECTED, 'disconnected']] as const) {
    re.lastIndex = 0;
    for (let x = re.exec(doc.text); x; x = re.exec(doc.text)) {
      const k = tokenAt(x.index);
      const clause = k >= 0 ? clauseOf[k] : -1;
      if (clause < 0 || !clauses[clause].work) continue;
      const last = tokenAt(x.index + x[0].length - 1);
      out.push({ act, status: deniedBefore(doc.tokens, clauses[clause].tokenStart, k) ? 'negated' : 'done', clause, tokenStart: k, tokenEnd: Math.max(k, last) + 1, evidence: { start: x.index, end: x.index + x[0].length, text: x[0] } });
    }
  }
  return out;
}

/** Every act word in the work clauses, with its status. */
export function readActs(doc: Doc, matches: ConceptMatch[], clauses: Clause[], clauseOf: Int32Array, tokenAt: (offset: number) => number): RawAct[] {
  const out: RawAct[] = [];
  // "Paddle placed 07/2024", "implanted two years ago": an act in a sentence anchored before today
  const anchored = timeAnchoredSentences(doc);
  for (const m of matches) {
    const act = toAct(m, doc.tokens);
    const clause = clauseOf[m.tokenStart];
    if (!act || clause < 0 || !clauses[clause].work) continue;
    const planned = plannedForm(doc.tokens, m.tokenStart, clauses[clause].tokenStart);
    const status = planned ? 'planned' : anchored.has(m.sentence) && m.assertion === 'affirmed' ? 'historical' : (STATUS[m.assertion] ?? 'done');
    out.push({ act, status, clause, tokenStart: m.tokenStart, tokenEnd: m.tokenEnd, evidence: { start: m.start, end: m.end, text: m.text } });
  }
  out.push(...regexActs(doc, clauses, clauseOf, tokenAt));
  return out.sort((a, b) => a.tokenStart - b.tokenStart);
}

interface AttachCtx {
  doc: Doc;
  clauses: Clause[];
  mentionsByClause: Map<number, Mention[]>;
  res: Resolution;
  byId: Map<string, DeviceInstance>;
}

/** A tool or other non-device noun is what the verb acts on ("the needle was removed"). */
function toolIsObject(tokens: Token[], a: RawAct, c: Clause, chosen: Mention | undefined): boolean {
  const limit = chosen ? Math.min(Math.abs(chosen.tokenStart - a.tokenEnd), Math.abs(a.tokenStart - chosen.tokenEnd)) : 4;
  for (let d = 1; d <= limit; d++) {
    for (const k of [a.tokenStart - d, a.tokenEnd - 1 + d]) {
      if (k < c.tokenStart || k >= c.tokenEnd) continue;
      if (DISTRACTORS.has(tokens[k].norm) && tokens[k].pos !== 'VERB') return true;
    }
  }
  return false;
}

const ADJECTIVE_ACT = /^(new|fresh|replacement)$/i;

/** The mention an adjective act ("new", "replacement") stands before: starting at most three tokens after it. */
function mentionAfter(a: RawAct, cands: Mention[]): Mention | undefined {
  return cands.find((m) => m.tokenStart >= a.tokenEnd && m.tokenStart - a.tokenEnd <= 3);
}

/** "connected to a new Enterra II": "new" describes a noun that is no device mention here (a model name), not the clause's device. */
function adjectiveOfOtherNoun(tokens: Token[], a: RawAct, cands: Mention[]): boolean {
  if (!ADJECTIVE_ACT.test(a.evidence.text) || mentionAfter(a, cands)) return false;
  // "a new seromuscular tunnel", "a new 5 cm incision": adjectives and numbers may stand between; the noun they lead to decides
  let k = a.tokenEnd;
  while (k < tokens.length && k < a.tokenEnd + 4 && (tokens[k].pos === 'ADJ' || tokens[k].pos === 'NUM' || tokens[k].norm === '-')) k++;
  const next = tokens[k];
  return next !== undefined && (next.pos === 'PROPN' || next.pos === 'NOUN');
}

/** "removed with the lead tails", "explanted together with its extension": the device words after 'with' go along. */
function withPhrase(tokens: Token[], a: RawAct, m: Mention): boolean {
  return tokens.slice(a.tokenEnd, m.tokenStart).some((t) => t.norm === 'with');
}

/** A clause that is a short capitalised line of its own: a heading, not a sentence. */
function headingLine(text: string, c: Clause): boolean {
  const lineStart = text.lastIndexOf('\n', c.start - 1) + 1;
  const eol = text.indexOf('\n', c.end);
  const line = text.slice(lineStart, eol < 0 ? text.length : eol).trim();
  return line === text.slice(c.start, c.end).trim() && line.length <= 40 && !/[a-z]/.test(line) && line.split(/\s+/).length <= 3;
}

/** A clause that is the short title of a numbered step ("2. New lead."): it names the topic, it does nothing. */
function stepTitleClause(text: string, c: Clause): boolean {
  const title = stepTitleAt(text, text.lastIndexOf('\n', c.start - 1) + 1);
  return !!title && c.end <= title.end;
}

function pickMention(a: RawAct, cands: Mention[]): Mention | undefined {
  // "connected to the new Senza IPG": an adjective act belongs to the noun it stands before, even after a preposition
  const head = ADJECTIVE_ACT.test(a.evidence.text) ? mentionAfter(a, cands) : undefined;
  if (head) return head;
  const direct = cands.filter((m) => !m.oblique && !(m.tokenStart < a.tokenEnd && m.tokenEnd > a.tokenStart));
  const pool = direct.length ? direct : cands;
  let best: Mention | undefined;
  let bestD = Infinity;
  for (const m of pool) {
    const d = m.tokenStart >= a.tokenEnd ? m.tokenStart - a.tokenEnd : a.tokenStart - m.tokenEnd;
    if (Math.abs(d) < bestD) {
      best = m;
      bestD = Math.abs(d);
    }
  }
  return best;
}

function intoPocket(tokens: Token[], a: RawAct): boolean {
  const after = tokens.slice(a.tokenEnd, a.tokenEnd + 5).map((t) => t.norm);
  return ['in', 'into', 'within'].includes(after[0]) && after.includes('pocket');
}

/**
 * ", which was positioned behind the ear": a relative clause is about the noun right before it; when
 * that noun is no device ("the connector, which ..."), the act carries over to no device.
 */
function relativeToOtherNoun(ctx: AttachCtx, c: Clause, index: number): boolean {
  const tokens = ctx.doc.tokens;
  if (!['which', 'that'].includes(tokens[c.tokenStart]?.norm ?? '')) return false;
  let k = c.tokenStart - 1;
  while (k >= 0 && tokens[k].pos === 'PUNCT') k--;
  if (k < 0 || (tokens[k].pos !== 'NOUN' && tokens[k].pos !== 'PROPN')) return false;
  const prev = [...(ctx.mentionsByClause.get(index - 1) ?? []), ...(ctx.mentionsByClause.get(index) ?? [])];
  return !prev.some((m) => m.tokenStart <= k && k < m.tokenEnd);
}

/** Instances an act with no device word in its clause carries on with (pronoun or subjectless verb). */
function carriedOver(ctx: AttachCtx, a: RawAct): string[] {
  const c = ctx.clauses[a.clause];
  const words = ctx.doc.tokens.slice(c.tokenStart, c.tokenEnd);
  const plural = words.some((t) => PLURAL_PRONOUN.has(t.norm));
  const singular = words.some((t) => SINGULAR_PRONOUN.has(t.norm));
  // "and replaced into the foramen", "Placed in the existing pocket": no subject before the verb
  const subjectless = !ctx.doc.tokens.slice(c.tokenStart, a.tokenStart).some((t) => t.pos === 'NOUN' || t.pos === 'PROPN');
  if (relativeToOtherNoun(ctx, c, a.clause)) return [];
  for (let k = a.clause - 1; k >= Math.max(0, a.clause - 3); k--) {
    const prev = ctx.clauses[k];
    if (ctx.doc.sentences[prev.sentence].sectionIndex !== ctx.doc.sentences[c.sentence].sectionIndex) return [];
    const ms = ctx.mentionsByClause.get(k) ?? [];
    if (!ms.length) continue;
    const ids = (m: Mention) => ctx.res.refs.get(m.id) ?? [];
    if (intoPocket(ctx.doc.tokens, a)) {
      const gens = ms.flatMap(ids).filter((id) => ctx.byId.get(id)?.kind === 'generator');
      if (gens.length) return [gens[gens.length - 1]];
    }
    const direct = ms.filter((m) => !m.oblique);
    const use = direct.length ? direct : ms;
    if (plural) return [...new Set(use.flatMap(ids))];
    return singular || subjectless ? ids(use[use.length - 1]) : [];
  }
  return [];
}

/** "It was then removed": a pronoun before the act stands for a device the reading could not find. */
function pronounSubject(doc: Doc, c: Clause, a: RawAct): boolean {
  return doc.tokens.slice(c.tokenStart, a.tokenStart).some((t) => t.pos === 'PRON' && (PLURAL_PRONOUN.has(t.norm) || SINGULAR_PRONOUN.has(t.norm)));
}

/** The instances an act applies to; 'tool' when it is about an instrument, not a device. */
function attachOne(ctx: AttachCtx, a: RawAct): string[] | 'tool' {
  const c = ctx.clauses[a.clause];
  const cands = ctx.mentionsByClause.get(a.clause) ?? [];
  if (!cands.length) {
    // "repositioned into a new tunnel": the adjective describes the tunnel, not the device carried over
    if (adjectiveOfOtherNoun(ctx.doc.tokens, a, cands)) return [];
    // "IMPLANT/EXPLANT", "EXPLANTS" standing alone as a heading names no act
    if (headingLine(ctx.doc.text, c) || stepTitleClause(ctx.doc.text, c)) return [];
    const words = ctx.doc.tokens.slice(c.tokenStart, c.tokenEnd);
    return words.some((t) => DISTRACTORS.has(t.norm) && t.pos !== 'VERB') ? 'tool' : carriedOver(ctx, a);
  }
  if (adjectiveOfOtherNoun(ctx.doc.tokens, a, cands)) return [];
  // "neurostimulator freed ... and removed with the lead tails": a subjectless verb whose only device
  // words stand after a preposition acts on the subject carried over from the clause before
  if ((a.act === 'removed' || a.act === 'discarded') && cands.every((m) => m.oblique && m.tokenStart >= a.tokenEnd) && withPhrase(ctx.doc.tokens, a, cands[0])) {
    const carried = carriedOver(ctx, a);
    if (carried.length) return carried;
  }
  const chosen = a.act === 'connected' ? cands.find((m) => !m.oblique) ?? cands[0] : pickMention(a, cands);
  if (a.act !== 'connected' && toolIsObject(ctx.doc.tokens, a, c, chosen)) return 'tool';
  return chosen ? (ctx.res.refs.get(chosen.id) ?? []) : [];
}

function partnersOf(ctx: AttachCtx, a: RawAct, own: string[]): string[] {
  const ms = (ctx.mentionsByClause.get(a.clause) ?? []).filter((m) => m.oblique || !own.some((id) => (ctx.res.refs.get(m.id) ?? []).includes(id)));
  return [...new Set(ms.flatMap((m) => ctx.res.refs.get(m.id) ?? []))].filter((id) => !own.includes(id));
}

/** Attach acts to instances; returns the done device acts no instance took. */
export function attachActs(doc: Doc, raw: RawAct[], clauses: Clause[], mentions: Mention[], res: Resolution): Span[] {
  const mentionsByClause = new Map<number, Mention[]>();
  for (const m of mentions) if (res.refs.has(m.id)) mentionsByClause.set(m.clause, [...(mentionsByClause.get(m.clause) ?? []), m]);
  const byId = new Map(res.instances.map((i) => [i.id, i]));
  const ctx: AttachCtx = { doc, clauses, mentionsByClause, res, byId };
  const unexplained: Span[] = [];
  const seen = new Set<string>();
  for (const a of raw) {
    const ids = attachOne(ctx, a);
    if (ids === 'tool') continue;
    if (!ids.length) {
      if (a.status === 'done' && !MINOR_ACTS.has(a.act) && pronounSubject(doc, clauses[a.clause], a)) unexplained.push(a.evidence);
      continue;
    }
    const partners = a.act === 'connected' ? partnersOf(ctx, a, ids) : undefined;
    for (const id of ids) {
      // one act word per instance and clause ("a new lead was advanced" is one placement)
      const key = `${id}:${a.clause}:${a.act}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const act: Act = { act: a.act, status: a.status, clause: a.clause, evidence: [a.evidence], ...(partners?.length ? { partners } : {}) };
      byId.get(id)!.acts.push(act);
    }
  }
  return unexplained;
}
