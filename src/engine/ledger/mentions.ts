import type { ConceptMatch, Doc, Token } from '../types';
import { CATALOGUE_BY_BRAND } from '../../kb/device-catalogue';
import type { Clause, DeviceKind, Mention } from './types';
import { frontedSide, sideIndex, sideOfTargetBefore, type SideIndex } from './side-words';
import { stepTitleAt } from './step-title';

const FRESH = new Set(['new', 'another', 'additional', 'replacement', 'fresh']);
const NEW_WORDS = new Set(['a', 'an', 'another', 'new', 'additional', 'replacement', 'fresh', 'second', '2nd', 'third', '3rd']);
const OLD_WORDS = new Set([
  'old', 'existing', 'previous', 'previously', 'prior', 'original', 'indwelling', 'current', 'currently', 'chronic', 'preexisting', 'pre-existing',
  'failed', 'failing', 'malfunctioning', 'depleted', 'abandoned', 'retained', 'remaining', 'her', 'his', 'their', 'patient\'s', 'depleted', 'eri', 'eol', 'fractured', 'broken', 'migrated', 'infected', 'explanted',
]);
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those', 'its', 'each', 'said']);
const COUNT_WORDS: Record<string, number> = { two: 2, '2': 2, both: 2, pair: 2, dual: 2, bilateral: 2, three: 3, '3': 3, four: 4, '4': 4 };
const ORDINALS: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, other: -1 };
const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
const OBLIQUE_PREPS = new Set(['to', 'into', 'from', 'with', 'in', 'within', 'onto', 'inside', 'beside', 'near', 'toward', 'towards', 'through']);
const PREMODIFIER_POS = new Set(['DET', 'ADJ', 'NUM', 'PROPN', 'NOUN', 'ADV', 'PUNCT', 'SYM', 'VERB', 'PRON']);
const LEVEL = /^[ctls]\d{1,2}(-[ctls]?\d{1,2})?$/i;
const PLURAL = /(leads|electrodes|arrays|paddles|generators|ipgs|batteries|octrodes|wires|systems|devices|extensions|sensors)$/i;

function kindOf(m: ConceptMatch): { kind: DeviceKind | null; form?: 'paddle' } {
  switch (m.value) {
    case 'paddle':
      return { kind: 'array', form: 'paddle' };
    case 'array':
    case 'generator':
    case 'integrated':
    case 'sensor':
    case 'extension':
      return { kind: m.value };
    case 'device':
      return { kind: 'generator' };
    default:
      return { kind: null };
  }
}

/** The words before a mention that belong to its noun phrase (at most six, inside the clause: "two 8-contact percutaneous leads"). */
function premodifiers(tokens: Token[], from: number, clauseStart: number): Token[] {
  const out: Token[] = [];
  for (let k = from - 1; k >= Math.max(clauseStart, from - 6); k--) {
    const t = tokens[k];
    if (!PREMODIFIER_POS.has(t.pos) || t.norm === ',' || t.norm === 'and' || t.norm === 'was' || t.norm === 'were') break;
    out.unshift(t);
    if (DEFINITE.has(t.norm) || t.norm === 'a' || t.norm === 'an') break;
  }
  return out;
}

/** Nouns of work on a device already in: "revision of a gastric electrode" names an old electrode, whatever its article. */
const REWORK_NOUNS: ReadonlySet<string> = new Set(['revision', 'removal', 'repositioning', 'explant', 'explantation', 'extraction', 'exchange', 'replacement', 'reposition']);

/** Words that make a device noun generic: the usual case compared with, not a device of this note. */
const GENERIC: ReadonlySet<string> = new Set(['routine', 'typical', 'usual', 'standard', 'average', 'uncomplicated', 'straightforward', 'ordinary']);

function objectOfRework(tokens: Token[], phraseStart: number): boolean {
  return tokens[phraseStart - 1]?.norm === 'of' && REWORK_NOUNS.has(tokens[phraseStart - 2]?.norm ?? '');
}

/** What befalls a device already in the patient: "the paddle had migrated", "the lead was found fractured". */
const DAMAGE: ReadonlySet<string> = new Set(['migrated', 'fractured', 'eroded', 'failed', 'malfunctioned', 'broken', 'dislodged', 'infected', 'exposed', 'flipped', 'slipped', 'slid', 'moved', 'depleted']);
const PERFECT = new Set(['had', 'has', 'have']);
const STATIVE = new Set(['was', 'were', 'is', 'are']);
const PERFECT_ONLY = new Set(['failed', 'moved', 'slipped', 'slid', 'flipped']);

/** The device's own clause says something befell it before today ("had migrated", "was fractured"): an old device. */
function damagedAfter(tokens: Token[], from: number, clauseEnd: number): boolean {
  for (let k = from; k < Math.min(clauseEnd, from + 8) - 1; k++) {
    const aux = tokens[k].norm;
    if (!PERFECT.has(aux) && !STATIVE.has(aux)) continue;
    let j = k + 1;
    while (j < clauseEnd && j <= k + 3 && ['been', 'now', 'since', 'clearly', 'found', 'noted', 'previously', 'also'].includes(tokens[j].norm)) j++;
    const w = tokens[j]?.norm ?? '';
    return DAMAGE.has(w) && (PERFECT.has(aux) || !PERFECT_ONLY.has(w));
  }
  return false;
}

/** "Pt's right lead", "the patient's generator": the patient's own device is one already in. */
function patientsOwn(tokens: Token[], phraseStart: number): boolean {
  return tokens[phraseStart - 1]?.norm === "'s" && ['pt', 'patient', 'pts'].includes(tokens[phraseStart - 2]?.norm ?? '');
}

/** Old when the phrase is the object of rework or its clause says what befell it; else by its premodifiers. */
function mentionDeterminer(tokens: Token[], m: ConceptMatch, outerLength: number, clauseEnd: number, pre: Token[]): Mention['determiner'] {
  if (objectOfRework(tokens, m.tokenStart - outerLength) || damagedAfter(tokens, m.tokenEnd, clauseEnd) || patientsOwn(tokens, m.tokenStart - outerLength)) return 'old';
  return determinerOf(pre, m.assertion === 'historical');
}

function determinerOf(pre: Token[], historical: boolean): Mention['determiner'] {
  const words = pre.map((t) => t.norm);
  if (words.some((w) => w === 'new' || w === 'replacement' || w === 'another' || w === 'additional' || w === 'fresh')) return 'new';
  // "a second lead": an indefinite ordinal introduces one more device
  if ((words[0] === 'a' || words[0] === 'an') && words.some((w) => (ORDINALS[w] ?? 0) > 1)) return 'new';
  // "the second electrode": a definite ordinal refers to a device of that number, new or old
  if (DEFINITE.has(words[0] ?? '') && words.some((w) => (ORDINALS[w] ?? 0) > 1) && !words.some((w) => w === 'new' || w === 'replacement' || w === 'another')) return 'definite';
  if (historical || words.some((w) => OLD_WORDS.has(w))) return 'old';
  if (words.some((w) => NEW_WORDS.has(w))) return 'new';
  if (words.some((w) => DEFINITE.has(w))) return 'definite';
  return 'bare';
}

/** "four-contact", "8 electrode", "16-channel": a number of contacts on one device, not of devices. */
const PER_DEVICE = /^(contacts?|channels?|polar|column|columns|electrodes?|cm|mm|french|fr)$/;

function countOf(pre: Token[], text: string, after: Token[]): { count: number; plural: Mention['plural'] } {
  for (let i = 0; i < pre.length; i++) {
    const n = COUNT_WORDS[pre[i].norm];
    const next = pre[i + 1]?.norm === '-' ? pre[i + 2] : pre[i + 1];
    if (next && PER_DEVICE.test(next.norm)) continue;
    if (n) return { count: n, plural: pre[i].norm === 'both' ? 'all' : 'stated' };
  }
  // "leads x2", "leads (2)", "leads x 2", and a log field "Leads: x2"
  const a = after.map((t) => t.norm).join(' ');
  const x = /^(?:: ?)?(?:x ?|\( ?|times ?)([2-4])\b/.exec(a);
  if (x) return { count: Number(x[1]), plural: 'stated' };
  if (PLURAL.test(text)) return { count: 0, plural: 'all' };
  return { count: 1, plural: null };
}

function ordinalOf(pre: Token[], after: Token[]): number | undefined {
  for (const t of pre) if (ORDINALS[t.norm] !== undefined) return ORDINALS[t.norm];
  // "lead 2", "lead #2", "lead number two"
  let k = 0;
  if (after[k]?.norm === '#' || after[k]?.norm === 'number' || after[k]?.norm === 'no') k++;
  const n = after[k] ? NUMBER_WORDS[after[k].norm.replace(/^#/, '')] : undefined;
  if (n && !/^(cm|mm|contacts?|channels?|levels?|and|leads?)$/.test(after[k + 1]?.norm ?? '')) return n;
  return undefined;
}

function isOblique(tokens: Token[], from: number, clauseStart: number): boolean {
  for (let k = from - 1; k >= Math.max(clauseStart, from - 5); k--) {
    const n = tokens[k].norm;
    if (OBLIQUE_PREPS.has(n)) return true;
    if (!['DET', 'ADJ', 'NUM', 'PROPN', 'NOUN', 'PRON', 'PUNCT'].includes(tokens[k].pos) && !OLD_WORDS.has(n) && n !== 'new') return false;
  }
  return false;
}

interface Ctx {
  doc: Doc;
  clauses: Clause[];
  clauseOf: Int32Array;
  sidesByClause: Map<number, ConceptMatch[]>;
  targetsByClause: Map<number, ConceptMatch[]>;
  externalTokens: Set<number>;
  lines: number[];
  sideWords: SideIndex;
}

const SIDE_LABEL = /^[ \t*•-]*(left|right|lt|rt)\b\s*(?:side\s*)?[:-]/i;

/** Start offsets of every line of the text (computed once per note). */
function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

function lineStartOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return starts[lo];
}

/** "RIGHT: GON identified ..., lead deployed": a side label opening the line is the side of its devices. */
function lineSideLabel(text: string, starts: number[], offset: number): 'left' | 'right' | undefined {
  const lineStart = lineStartOf(starts, offset);
  const x = SIDE_LABEL.exec(text.slice(lineStart, Math.min(offset, lineStart + 24)));
  if (!x) return undefined;
  return /^l/i.test(x[1]) ? 'left' : 'right';
}

function nearestSide(ctx: Ctx, clause: number, from: number, to: number): 'left' | 'right' | undefined {
  let best: ConceptMatch | undefined;
  let bestD = Infinity;
  for (const s of ctx.sidesByClause.get(clause) ?? []) {
    if (s.value !== 'left' && s.value !== 'right') continue;
    const d = s.tokenEnd <= from ? from - s.tokenEnd : s.tokenStart - to;
    // "the lead was tunneled across to the right buttock pocket": a side after a preposition of
    // direction is where the device went, not its side
    if (s.tokenStart >= to && ctx.doc.tokens.slice(to, s.tokenStart).some((t) => /^(to|into|toward|towards|across)$/.test(t.norm))) continue;
    if (d >= 0 && d < bestD && d <= 6) {
      best = s;
      bestD = d;
    }
  }
  return best?.value as 'left' | 'right' | undefined;
}

/** A side the sentence opens with ("On the right, two leads were placed"), else the side of the target named just before. */
function discourseSide(ctx: Ctx, m: ConceptMatch): 'left' | 'right' | undefined {
  const s = ctx.doc.sentences[m.sentence];
  const front = frontedSide(ctx.doc.tokens, s.tokenStart, s.tokenEnd);
  if (front && front.after <= m.tokenStart) return front.side;
  return sideOfTargetBefore(ctx.doc, ctx.sideWords, m.sentence);
}

function levelIn(tokens: Token[], c: Clause): string | undefined {
  for (let k = c.tokenStart; k < c.tokenEnd; k++) if (LEVEL.test(tokens[k].norm)) return tokens[k].norm.toUpperCase();
  return undefined;
}

const PERCUTANEOUS_WORD = /^(percutaneous|perc|cylindrical)$/;

/** An array model of a known form (device catalogue) or "percutaneous lead" tells the array's form. */
function arrayFormOf(brand: string | undefined, pre: Token[]): Mention['form'] {
  const entry = brand ? CATALOGUE_BY_BRAND.get(brand) : undefined;
  if (entry?.kind === 'array' && entry.form) return entry.form;
  return pre.some((t) => PERCUTANEOUS_WORD.test(t.norm)) ? 'percutaneous' : undefined;
}

function brandNear(tokens: Token[], from: number, to: number): string | undefined {
  for (let k = Math.max(0, from - 2); k < Math.min(tokens.length, to + 1); k++) if (CATALOGUE_BY_BRAND.has(tokens[k].norm)) return tokens[k].norm;
  return undefined;
}

/** Nouns for a part of a device or a reading of it: after a device word they, not the device, head the phrase. */
const PART_NOUNS: ReadonlySet<string> = new Set([
  'anchor', 'anchors', 'sleeve', 'sleeves', 'connector', 'connectors', 'header', 'pin', 'pins', 'impedance', 'impedances', 'cap', 'caps',
  // a place named after the device ("the generator pocket", "the lead course") is that place
  'pocket', 'pockets', 'site', 'sites', 'course', 'slack', 'tract', 'track',
]);

/** Position words that tell two devices of one kind apart; each maps to its group's key. */
const PLACES: ReadonlyMap<string, string> = new Map([
  ['proximal', 'proximal'], ['distal', 'distal'], ['upper', 'upper'], ['lower', 'lower'], ['superior', 'upper'], ['inferior', 'lower'],
  ['cephalad', 'upper'], ['caudal', 'lower'], ['rostral', 'upper'], ['medial', 'medial'], ['lateral', 'lateral'],
]);

function placeOf(pre: Token[]): string | undefined {
  for (let k = pre.length - 1; k >= 0; k--) {
    const p = PLACES.get(pre[k].norm);
    if (p) return p;
  }
  return undefined;
}

/** The mention is the whole title of a numbered step ("1. Old lead.", "3. IPG."): no verb, at most three words. */
function stepTitle(ctx: Ctx, m: ConceptMatch): boolean {
  const title = stepTitleAt(ctx.doc.text, lineStartOf(ctx.lines, m.start));
  if (!title?.runsOn || m.start < title.wordsStart || m.end > title.wordsEnd) return false;
  // (the device word itself may be tagged a verb: "New lead.")
  return !ctx.doc.tokens.some((t) => t.start >= title.wordsStart && t.end <= title.wordsEnd && (t.end <= m.start || t.start >= m.end) && (t.pos === 'VERB' || t.pos === 'AUX'));
}

function buildOne(ctx: Ctx, group: ConceptMatch[], id: number): Mention | null {
  // the head of a noun phrase is its last word ("paddle electrode", "InterStim lead"); a paddle anywhere makes it a paddle
  const head = group[group.length - 1];
  const { kind, form: headForm } = kindOf(head);
  const form = headForm ?? (group.some((g) => g.value === 'paddle') ? 'paddle' : undefined);
  const m: ConceptMatch = { ...head, start: group[0].start, tokenStart: group[0].tokenStart, text: ctx.doc.text.slice(group[0].start, head.end) };
  if (!kind) return null;
  const { tokens } = ctx.doc;
  // "the lead anchors were freed", "the IPG header": the device word names a part of it, and the part is the noun
  if (PART_NOUNS.has(tokens[head.tokenEnd]?.norm ?? '')) return null;
  // "2. New lead. The left S3 foramen was accessed ...": a step's title names the topic, not a device of its own
  if (stepTitle(ctx, m)) return null;
  const clause = ctx.clauseOf[m.tokenStart];
  const c = ctx.clauses[clause];
  // the words before the head inside the match belong to the noun phrase too ("the second led")
  const outer = premodifiers(tokens, m.tokenStart, c.tokenStart);
  // "beyond a routine paddle removal", "than a typical lead": a kind of case compared with, no device of this note
  if (outer.some((t) => GENERIC.has(t.norm))) return null;
  const pre = [...outer, ...tokens.slice(m.tokenStart, m.tokenEnd - 1)];
  const after = tokens.slice(m.tokenEnd, Math.min(c.tokenEnd, m.tokenEnd + 3));
  let external = false;
  const s = ctx.doc.sentences[m.sentence];
  for (let k = Math.max(s.tokenStart, m.tokenStart - 3); k <= Math.min(s.tokenEnd - 1, m.tokenEnd + 2); k++) if (ctx.externalTokens.has(k)) external = true;
  const brand = brandNear(tokens, m.tokenStart, m.tokenEnd);
  const targets = ctx.targetsByClause.get(clause) ?? [];
  const arrayForm = form ?? (kind === 'array' ? arrayFormOf(brand, pre) : undefined);
  const { count, plural } = countOf(pre, m.text, after);
  return {
    id,
    start: m.start,
    end: m.end,
    text: m.text,
    clause,
    sentence: m.sentence,
    tokenStart: m.tokenStart,
    tokenEnd: m.tokenEnd,
    kind: kind === 'generator' && external ? 'external' : kind,
    ...(arrayForm ? { form: arrayForm } : {}),
    determiner: mentionDeterminer(tokens, m, outer.length, c.tokenEnd, pre),
    fresh: pre.some((t) => FRESH.has(t.norm)),
    count,
    plural,
    ordinal: ordinalOf(pre, after),
    side: nearestSide(ctx, clause, m.tokenStart, m.tokenEnd) ?? lineSideLabel(ctx.doc.text, ctx.lines, m.start) ?? discourseSide(ctx, m),
    place: placeOf(pre),
    indefinite: ['a', 'an', 'another'].includes(outer[0]?.norm ?? ''),
    level: kind === 'array' ? levelIn(tokens, c) : undefined,
    brand,
    target: brand ? CATALOGUE_BY_BRAND.get(brand)!.target : targets[0]?.value,
    historical: m.assertion === 'historical',
    negated: m.assertion === 'negated',
    oblique: isOblique(tokens, m.tokenStart, c.tokenStart),
  };
}

function groupByClause(matches: ConceptMatch[], kind: string, clauseOf: Int32Array): Map<number, ConceptMatch[]> {
  const out = new Map<number, ConceptMatch[]>();
  for (const m of matches) {
    if (m.kind !== kind || m.assertion === 'negated' || m.assertion === 'hypothetical') continue;
    const c = clauseOf[m.tokenStart];
    out.set(c, [...(out.get(c) ?? []), m]);
  }
  return out;
}

/** Device mentions in reading order; overlapping component hits become one mention. */
export function findMentions(doc: Doc, matches: ConceptMatch[], clauses: Clause[], clauseOf: Int32Array): Mention[] {
  const externalTokens = new Set<number>();
  for (const m of matches) if (m.kind === 'external' && m.assertion !== 'negated') for (let k = m.tokenStart; k < m.tokenEnd; k++) externalTokens.add(k);
  const ctx: Ctx = { doc, clauses, clauseOf, sidesByClause: groupByClause(matches, 'side', clauseOf), targetsByClause: groupByClause(matches, 'target', clauseOf), externalTokens, lines: lineStarts(doc.text), sideWords: sideIndex(matches) };
  const comps = matches
    .filter((m) => m.kind === 'component')
    .sort((a, b) => a.tokenStart - b.tokenStart || b.tokenEnd - a.tokenEnd);
  const out: Mention[] = [];
  for (const group of nounPhrases(doc.tokens, comps, clauseOf)) {
    const mention = buildOne(ctx, group, out.length);
    if (mention) out.push(contactsOfLead(mention, out));
  }
  return out;
}

const CONTACT_WORDS = /^(?:\w+\s+)*(contacts?|electrodes)$/i;

/**
 * "tined lead advanced, all four electrodes with motor response": electrodes or contacts named
 * right after a single lead are that lead's contacts, not more leads.
 */
function contactsOfLead(m: Mention, before: Mention[]): Mention {
  if (m.kind !== 'array' || !CONTACT_WORDS.test(m.text)) return m;
  const lead = before[before.length - 1];
  const close = lead && lead.kind === 'array' && lead.count === 1 && m.clause - lead.clause <= 1;
  if (!close && !/contact/i.test(m.text)) return m;
  return { ...m, count: 1, plural: null, determiner: 'definite', ordinal: undefined };
}

/** Words that may stand between two device words of one noun phrase ("paddle (Specify) lead", "four-contact paddle"). */
const JOINERS = new Set(['-', '(', ')', '/']);

/** Group overlapping and adjacent component hits of one clause into noun phrases. */
function nounPhrases(tokens: Token[], comps: ConceptMatch[], clauseOf: Int32Array): ConceptMatch[][] {
  const groups: ConceptMatch[][] = [];
  let lastEnd = -1;
  for (const m of comps) {
    const prev = groups[groups.length - 1];
    if (m.tokenStart < lastEnd) continue;
    const gapOk = prev && clauseOf[m.tokenStart] === clauseOf[lastEnd - 1] && tokens.slice(lastEnd, m.tokenStart).every((t) => JOINERS.has(t.norm) || t.pos === 'ADJ' || t.pos === 'NUM' || t.pos === 'PROPN');
    if (gapOk && m.tokenStart - lastEnd <= 2) prev.push(m);
    else groups.push([m]);
    lastEnd = m.tokenEnd;
  }
  return groups;
}
