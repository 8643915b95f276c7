import type { ConceptMatch, Doc, Span, Token } from '../types';
import { clauseOfToken, splitClauses } from './clauses';
import { findMentions } from './mentions';
import { resolveInstances } from './instances';
import { attachActs, readActs } from './acts';
import { resolveLifecycle } from './lifecycle';
import type { Clause, DeviceInstance, Ledger, PocketAct } from './types';

export type { Ledger, DeviceInstance } from './types';

const REPEAT = /\b(?:same|identical(?:ly)?|likewise|similar(?:ly)?|mirror(?:ed)?|repeated)\b/i;
const OTHER_SIDE = /\b(?:contralateral|opposite|other)\s+side\b/i;
const SIDE_WORD = /\b(left|right)\b/i;
const SECOND_STAGE = /\b(?:second|2nd)[\s-]+stage\b|\bstage\s*(?:2|two|ii)\b/gi;
const STAGE_SECTIONS = new Set(['procedure', 'preamble', 'narrative', 'indications', 'other', 'findings']);

function sentenceAt(doc: Doc, offset: number): Doc['sentences'][number] | undefined {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = doc.sentences[mid];
    if (s.end <= offset) lo = mid + 1;
    else if (s.start > offset) hi = mid - 1;
    else return s;
  }
  return undefined;
}

/** "returns today for the planned second stage", "PROCEDURE: Stage 2 ...": this session is a second stage. */
function secondStageWords(doc: Doc, matches: ConceptMatch[]): Span[] {
  const out: Span[] = [];
  const plannedSentences = new Set(matches.filter((m) => m.kind === 'staged' && m.assertion === 'hypothetical').map((m) => m.sentence));
  SECOND_STAGE.lastIndex = 0;
  for (let x = SECOND_STAGE.exec(doc.text); x && out.length < 3; x = SECOND_STAGE.exec(doc.text)) {
    const at = x.index;
    const sentence = sentenceAt(doc, at);
    if (!sentence || !STAGE_SECTIONS.has(sentence.section)) continue;
    // a stage only planned for later ("second stage in two weeks") is not this session
    if (!plannedSentences.has(sentence.index)) out.push({ start: at, end: at + x[0].length, text: x[0] });
  }
  return out;
}

const STATUS = { affirmed: 'done', negated: 'negated', historical: 'historical', hypothetical: 'planned' } as const;

function tokenFinder(tokens: Token[]): (offset: number) => number {
  return (offset) => {
    let lo = 0;
    let hi = tokens.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid].end <= offset) lo = mid + 1;
      else if (tokens[mid].start > offset) hi = mid - 1;
      else return mid;
    }
    return lo < tokens.length ? lo : -1;
  };
}

/** "The identical procedure was performed on the left": copy the arrays placed on the other side. */
function mirrorSides(doc: Doc, clauses: Clause[], instances: DeviceInstance[]): void {
  for (const c of clauses) {
    if (!c.work) continue;
    const text = doc.text.slice(c.start, c.end);
    if (!REPEAT.test(text)) continue;
    const named = SIDE_WORD.exec(text)?.[1]?.toLowerCase() as 'left' | 'right' | undefined;
    if (!named && !OTHER_SIDE.test(text)) continue;
    const before = instances.filter((i) => i.kind === 'array' && !i.preExisting && i.acts.some((a) => a.clause < c.index && a.status === 'done'));
    const sides = new Set(before.map((i) => i.side).filter(Boolean));
    const side = named ?? (sides.has('left') ? 'right' : sides.has('right') ? 'left' : undefined);
    if (!side || sides.has(side) || !before.length) continue;
    const source = before.filter((i) => i.side !== side);
    for (const src of source) {
      const ev: Span = { start: c.start, end: c.end, text };
      instances.push({ ...src, id: `A${instances.filter((i) => i.kind === 'array').length + 1}`, number: instances.filter((i) => i.kind === 'array').length + 1, side, mentions: [], evidence: [ev], acts: src.acts.map((a) => ({ ...a, clause: c.index, evidence: [ev] })) });
    }
  }
}

function pocketActs(matches: ConceptMatch[], work: Set<number>): PocketAct[] {
  return matches
    .filter((m) => m.kind === 'pocket' && m.value !== 'mention' && work.has(m.sentence))
    .map((m) => ({ act: m.value as PocketAct['act'], status: STATUS[m.assertion], evidence: [{ start: m.start, end: m.end, text: m.text }] }));
}

function statedCounts(matches: ConceptMatch[], work: Set<number>): Ledger['statedArrayCounts'] {
  return matches
    .filter((m) => m.kind === 'count' && m.assertion === 'affirmed' && work.has(m.sentence) && !/contact|channel|polar|column/i.test(m.text))
    .map((m) => ({ n: Number(m.value), evidence: { start: m.start, end: m.end, text: m.text } }));
}

/** Read the note as a ledger of device instances and what was done to each in this session. */
export function buildLedger(doc: Doc, matches: ConceptMatch[], work: Set<number>): Ledger {
  const clauses = splitClauses(doc, work);
  const clauseOf = clauseOfToken(clauses, doc.tokens.length);
  const mentions = findMentions(doc, matches, clauses, clauseOf);
  const raw = readActs(doc, matches, clauses, clauseOf, tokenFinder(doc.tokens));
  const acts = new Map<number, Set<string>>();
  for (const a of raw) if (a.status === 'done') acts.set(a.clause, (acts.get(a.clause) ?? new Set()).add(a.act));
  const res = resolveInstances(mentions, (m) => clauses[m.clause].work, acts);
  const unexplained = attachActs(doc, raw, clauses, mentions, res);
  mirrorSides(doc, clauses, res.instances);
  resolveLifecycle(res.instances);
  return {
    clauses,
    mentions,
    instances: res.instances,
    pockets: pocketActs(matches, work),
    unexplained,
    statedArrayCounts: statedCounts(matches, work),
    secondStage: secondStageWords(doc, matches),
  };
}
