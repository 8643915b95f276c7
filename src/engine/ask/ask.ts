import { CODE_BY_ID } from '../../kb/codes';
import { FAMILY_CODES, getCodeRef } from '../../kb/reference/index';
import { classify, MODIFIER_SITUATION, readEntities, type Entities } from './classify';
import { codeHref, compareHref } from './corpus';
import * as F from './facts';
import { facetFactor, questionFacets } from './facets';
import { knownShare, searchTerms, topicalCount, warmIndex, type Hit } from './search';
import { terms } from './terms';
import type { Answer, AnswerLink, AnswerSection, ClosestPage, QuestionType } from './types';
import { citeSource, plainText } from './cite';

/**
 * Answer a coding question from the knowledge base only: read what the question names
 * (codes, modifiers, payers, side, imaging), classify it, retrieve the nearest knowledge-base
 * entries with BM25, and fill the answer template of its type with knowledge-base facts, each
 * with its source and confidence. When nothing in the knowledge base answers it, say so and
 * list the closest pages.
 */

/** Retrieval floor, measured on test/fixtures/questions.json (see eval.test.ts). */
export const MIN_SCORE = 4;
export const MIN_KNOWN_SHARE = 0.3;
export const MAX_QUESTION_CHARS = 500;

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

export interface Retrieval {
  entities: Entities;
  type: QuestionType;
  /** Document ids, best first: named codes, modifiers and devices, then BM25 hits (re-ranked). */
  ranked: string[];
  hits: Hit[];
  /** For a comparison that names fewer than two codes: the two codes retrieved for its two sides. */
  pair: string[];
  /** True when the BM25 hits are strong enough to answer from. */
  confident: boolean;
}

/** Words negated in the question ("without recording", "no generator") do not count as search terms. */
function unnegated(q: string): string {
  return q.replace(/\b(without|no|not|non)[\s-]+(a |an |the )?[a-z]+/gi, ' ');
}

function rank(q: string, qt: string[], type: QuestionType): Hit[] {
  const facets = questionFacets(qt);
  return searchTerms(qt, { limit: 40 })
    .map((h) => {
      const ref = h.doc.kind === 'code' ? getCodeRef(h.doc.key) : undefined;
      let score = ref ? h.score * facetFactor(facets, ref) : h.score;
      // A modifier question is about modifiers; other questions are about codes.
      if (h.doc.kind === 'modifier' && type !== 'modifier') score *= 0.6;
      if (h.doc.kind === 'device' && !/\b(device|hcpcs|c-?code|l-?code|supply|supplies)\b/i.test(q)) score *= 0.5;
      if (ref?.referenceOnly && !/\b(program\w*|interrogat\w*|analy\w*|check)\b/i.test(q)) score *= 0.6;
      return { doc: h.doc, score };
    })
    .sort((a, b) => b.score - a.score);
}

/**
 * "A paddle lead or a percutaneous lead?": the two things compared, each retrieved with the
 * question's shared words but without the other side's own words.
 */
function comparedPair(q: string, qt: string[], type: QuestionType): string[] {
  const m = /^(.*?)\b(?:and|vs\.?|versus|or|compared (?:to|with))\b(.*)$/i.exec(q.replace(/^.*?\bbetween\b/i, ''));
  if (!m) return [];
  const a = new Set(terms(m[1]));
  const b = new Set(terms(m[2]));
  const onlyA = [...a].filter((t) => !b.has(t));
  const onlyB = [...b].filter((t) => !a.has(t));
  if (!onlyA.length || !onlyB.length) return [];
  const best = (drop: string[]) => rank(q, qt.filter((t) => !drop.includes(t)), type).find((h) => h.doc.kind === 'code');
  const x = best(onlyB);
  const y = best(onlyA);
  if (!x || !y || x.doc.key === y.doc.key) return [];
  return [x.doc.key, y.doc.key];
}

/** Rank knowledge-base entries for a question (the part the retrieval evaluation measures). */
export function retrieve(question: string): Retrieval {
  const q = question.slice(0, MAX_QUESTION_CHARS);
  const entities = readEntities(q);
  const type = classify(q, entities);
  const qt = terms(unnegated(q)).filter((t) => !entities.codes.includes(t.toUpperCase()));
  const hits = rank(q, qt, type);
  const pair = type === 'compare' && entities.codes.length < 2 ? comparedPair(unnegated(q), qt, type) : [];
  const named = [...entities.codes, ...entities.modifiers.map((m) => `modifier:${m}`), ...entities.devices.map((d) => `device:${d}`)];
  const ranked = [...new Set([...named, ...pair, ...hits.map((h) => h.doc.id)])];
  const confident = hits.length > 0 && hits[0].score >= MIN_SCORE && knownShare(qt) >= MIN_KNOWN_SHARE && topicalCount(qt) > 0;
  return { entities, type, ranked, hits, pair, confident };
}

function closestOf(hits: Hit[], exclude: string[] = [], n = 3): ClosestPage[] {
  return hits
    .filter((h) => h.doc.kind === 'code' && !exclude.includes(h.doc.id))
    .slice(0, n)
    .map((h) => ({ id: h.doc.id, label: h.doc.label, href: h.doc.href, score: Math.round(h.score * 10) / 10 }));
}

function codeLinks(codes: string[]): AnswerLink[] {
  const links: AnswerLink[] = codes.filter((c) => getCodeRef(c)).map((c) => ({ label: `${c} — ${getCodeRef(c)?.short ?? ''}`, href: codeHref(c), kind: 'code' as const }));
  const ref = codes.filter((c) => getCodeRef(c));
  if (ref.length >= 2) links.push({ label: `Compare ${ref[0]} and ${ref[1]}`, href: compareHref(ref[0], ref[1]), kind: 'compare' });
  return links;
}

const dedupe = (sections: AnswerSection[]) => {
  const seen = new Set<string>();
  return sections.filter((s) => (seen.has(s.text) ? false : (seen.add(s.text), true)));
};

function notInReference(question: string, r: Retrieval, why: string, t0: number): Answer {
  const closest = closestOf(r.hits);
  return {
    question,
    type: r.type,
    answered: false,
    summary: `Not in our reference: ${why}`,
    answerText: [
      {
        topic: 'Not in our reference',
        text: `${why} Our reference covers the ${FAMILY_CODES.length} CPT codes of the neurostimulator family (spinal, peripheral, sacral, tibial, gastric, vagus, hypoglossal and deep brain stimulation), their modifiers, bundling edits and payer notes; it has no answer to this question.${closest.length ? ' The closest pages are listed below.' : ''}`,
        source: 'OpNote Coder’s built-in reference',
        confidence: 'high',
      },
    ],
    codes: [],
    modifiers: [],
    links: [],
    closest,
    ms: Math.round((now() - t0) * 10) / 10,
  };
}

/** The question's main codes: named ones, else the best retrieved code(s). */
function subjectCodes(r: Retrieval, want: number): string[] {
  const named = r.entities.codes;
  if (want >= 2 && named.length < 2 && r.pair.length === 2 && r.confident) return [...new Set([...named, ...r.pair])].slice(0, 2);
  if (named.length) return named;
  if (!r.confident) return [];
  const codes = r.hits.filter((h) => h.doc.kind === 'code');
  if (!codes.length) return [];
  const top = codes[0];
  if (want >= 2 && codes[1] && codes[1].score >= top.score * 0.5) return [top.doc.key, codes[1].doc.key];
  return [top.doc.key];
}

/** What a composer builds for one question type: the facts, the codes and modifiers they are about, and a headline. */
interface Composed {
  sections: AnswerSection[];
  codes: string[];
  modifiers: string[];
  summary: string;
}

/** The input of a composer: the question, what retrieval found, and the subject codes. */
interface ComposeInput {
  question: string;
  r: Retrieval;
  e: Entities;
  codes: string[];
}

const composed = (sections: AnswerSection[], codes: string[], modifiers: string[], summary: string): Composed => ({ sections, codes, modifiers, summary });

function composeCompare({ e, codes }: ComposeInput): Composed {
  if (codes.length >= 2) {
    const [a, b] = codes;
    return composed(
      [...F.describeCode(a), ...F.describeCode(b), ...F.differences(a, b), ...F.contrast(a, b), ...F.editSections(F.editsFor([a, b], false))],
      codes,
      e.modifiers,
      `${a} or ${b}: what decides between them.`,
    );
  }
  if (codes.length === 1) {
    const [a] = codes;
    const confused = getCodeRef(a)?.confusableWith.map((c) => c.code).filter((c) => getCodeRef(c)) ?? [];
    return composed([...F.describeCode(a), ...F.decidesCode(a), ...F.differences(a)], [a, ...confused], e.modifiers, `${a} and the codes it is confused with.`);
  }
  if (e.modifiers.length) return composed(e.modifiers.flatMap((m) => F.modifierSections(m)), codes, e.modifiers, `Modifiers ${e.modifiers.join(' and ')}.`);
  return composed([], codes, e.modifiers, '');
}

/**
 * The modifiers a modifier question is about: named ones, the side's, else the retrieved ones.
 * With a code named, only a clear situation (assistant, co-surgeons, return to the OR) picks
 * modifiers; else the code's own list. A question that names the situation in words is clear
 * on its face; otherwise the retrieval score must show it.
 */
function questionModifiers(question: string, r: Retrieval, code: string | undefined): string[] {
  const e = r.entities;
  if (e.modifiers.length) return e.modifiers;
  if (e.side) {
    const side = F.sideModifiers(e.side, code);
    if (side.length) return side;
  }
  const mods = r.hits.filter((h) => h.doc.kind === 'modifier');
  const clear = MODIFIER_SITUATION.test(question);
  if (mods.length && mods[0].score >= (code && !clear ? 2 * MIN_SCORE : MIN_SCORE)) return mods.filter((h) => h.score >= mods[0].score * 0.8).slice(0, 2).map((h) => h.doc.key);
  return [];
}

const PAYMENT_INDICATOR_MODIFIERS = ['50', '62', '66', '80', '81', '82', 'AS'];

function composeModifier({ question, r, e, codes }: ComposeInput): Composed | null {
  const code = codes[0];
  const modifiers = questionModifiers(question, r, code);
  if (!modifiers.length && !code) return null;
  const sections: AnswerSection[] = [];
  if (code) sections.push(...F.describeCode(code));
  for (const m of modifiers) sections.push(...F.modifierSections(m, code, e.side === 'bilateral'));
  if (code && modifiers.some((m) => PAYMENT_INDICATOR_MODIFIERS.includes(m))) sections.push(...F.medicareIndicators(code));
  if (e.side === 'bilateral' && code) sections.push(...F.bilateralNote(code));
  if (code) sections.push(...F.commonModifiersOf(code));
  const summary = modifiers.length ? `Modifier${modifiers.length > 1 ? 's' : ''} ${modifiers.join(' / ')}${code ? ` on ${code}` : ''}.` : `Modifiers for ${code}.`;
  return composed(sections, codes, modifiers, summary);
}

function bundlingSummary(edits: ReturnType<typeof F.editsFor>, all: string[]): string {
  if (!edits.length) return `No bundling edit in our reference for ${all.join(' with ')}.`;
  const kinds = edits.map((x) => (x.modifierIndicator === 0 ? 'not reported together' : 'together only with a distinct-service modifier'));
  return `Bundling: ${kinds.filter((v, i, a) => a.indexOf(v) === i).join('; ')}.`;
}

function composeBundling({ e, codes }: ComposeInput): Composed | null {
  const all = [...codes, ...e.editCodes];
  if (!all.length) return null;
  const edits = F.editsFor(all, e.imaging || e.editCodes.length > 0);
  const sections: AnswerSection[] = [...F.editSections(edits), ...F.addOnSections(all)];
  for (const c of codes) {
    if (e.imaging) sections.push(...F.pocketImaging(c).filter((s) => /Imaging/.test(s.text)));
    sections.push(...F.requiresIncludes(c).filter((s) => /^Included/.test(s.text)));
  }
  if (!edits.length) {
    sections.unshift({
      topic: 'Bundling',
      text: `Our edit table has no pair for ${all.join(' with ')}. The current NCCI tables were not read into our reference: check them before reporting.`,
      source: 'OpNote Coder’s built-in edit table (the current NCCI tables were not read into it)',
      confidence: 'low',
    });
  }
  return composed(sections, codes, e.modifiers, bundlingSummary(edits, all));
}

function composeUnits({ question, e, codes }: ComposeInput): Composed | null {
  if (!codes.length) return null;
  const c = codes[0];
  const sections = [...F.unitsOf(c)];
  if (e.side === 'bilateral' || /\b(side|bilateral|both)\b/i.test(question)) sections.push(...F.bilateralNote(c));
  sections.push(F.mueNote());
  return composed(sections, codes, e.modifiers, `Units for ${c}: ${getCodeRef(c)?.unitRule.text ?? ''}`.trim());
}

function composePayer({ question, e, codes }: ComposeInput): Composed | null {
  if (!codes.length) return null;
  const c = codes[0];
  const sections = [...F.describeCode(c), ...F.payerSections(c, e.payers)];
  if (!e.payers.length || e.payers.includes('Medicare')) sections.push(...F.medicareIndicators(c));
  if (/\b(how much|pay(s|ment)?|paid|reimburs\w*|rate|fee|price|dollars?)\b/i.test(question)) {
    sections.push({
      topic: 'Payment',
      text: 'Payment amounts are not in our reference; it records the CY2026 Medicare indicators and work RVU only.',
      source: 'OpNote Coder’s built-in reference',
      confidence: 'high',
    });
  }
  return composed(sections, codes, e.modifiers, `${e.payers.length ? e.payers.join(', ') : 'Payers'} on ${c}.`);
}

function composeDocumentation({ e, codes }: ComposeInput): Composed | null {
  if (!codes.length) return null;
  const c = codes[0];
  const sections = [...F.describeCode(c), ...F.requiresIncludes(c), ...F.pocketImaging(c), ...F.decidesCode(c), ...F.verifyOf(c)];
  return composed(sections, codes, e.modifiers, `What the note must show for ${c}.`);
}

function composeGlobal({ e, codes }: ComposeInput): Composed | null {
  if (!codes.length) return null;
  const summary = codes.map((c) => `${c}: ${getCodeRef(c)?.globalDays ?? CODE_BY_ID.get(c)?.globalDays ?? ''}`).join('; ');
  const sections = [...codes.flatMap((c) => F.globalOf(c)), ...['58', '78', '79'].flatMap((m) => F.modifierSections(m).slice(0, 1))];
  return composed(sections, codes, e.modifiers, summary);
}

function composeDefine({ r, e, codes }: ComposeInput): Composed | null {
  if (e.devices.length && !codes.length) return composed(e.devices.flatMap((d) => F.deviceSections(d)), codes, e.modifiers, `${e.devices.join(', ')}: device code.`);
  if (!codes.length && e.modifiers.length) return composed(e.modifiers.flatMap((m) => F.modifierSections(m)), codes, e.modifiers, `Modifier ${e.modifiers.join(', ')}.`);
  if (!codes.length) return null;
  const c = codes[0];
  const sections = [...F.describeCode(c), ...F.decidesCode(c), ...F.requiresIncludes(c), ...F.pocketImaging(c), ...F.unitsOf(c), ...F.globalOf(c), ...F.notesOf(c, 2)];
  const subject = e.codes.length === 0 && r.hits.length ? [c] : codes;
  return composed(sections, subject, e.modifiers, `${c} — ${getCodeRef(c)?.short ?? CODE_BY_ID.get(c)?.description ?? ''}`);
}

const COMPOSERS: Record<QuestionType, (input: ComposeInput) => Composed | null> = {
  compare: composeCompare,
  modifier: composeModifier,
  bundling: composeBundling,
  units: composeUnits,
  payer: composePayer,
  documentation: composeDocumentation,
  global: composeGlobal,
  define: composeDefine,
};

/** Fill the answer template of the question's type with knowledge-base facts; null when it has none. */
function compose(question: string, r: Retrieval): Composed | null {
  const codes = subjectCodes(r, r.type === 'compare' ? 2 : 1);
  const out = COMPOSERS[r.type]({ question, r, e: r.entities, codes });
  if (!out || !out.sections.length) return null;
  return { ...out, sections: dedupe(out.sections) };
}

const firstSentence = (t: string) => {
  const m = t.match(/^.*?[.!?](?=\s+[A-Z(]|$)/);
  return (m ? m[0] : t).trim();
};
const STATUS_SENTENCE = /(?<!\s)\s*(This follows from the code description\.|One payer's rule\.|We expect this pair.*)$/;

/**
 * The one-line answer shown first: the sentence among the facts that answers the question
 * (what decides between two codes, whether a pair is billed together, what the note must show,
 * what a modifier means), else the composed headline.
 */
function oneLine(type: QuestionType, sections: AnswerSection[], codes: string[], modifiers: string[], fallback: string): string {
  const find = (p: (s: AnswerSection) => boolean) => sections.find(p)?.text;
  const [a, b] = codes;
  if (type === 'compare' && a && b) return find((s) => s.text.startsWith(`${a} or ${b}:`)) ?? fallback;
  if (type === 'bundling') {
    const t = find((s) => s.topic === 'Bundling');
    if (!t || !t.includes('): ')) return t ?? fallback;
    const body = t.slice(t.indexOf('): ') + 3).replace(STATUS_SENTENCE, '');
    return `${/Never reported together/.test(body) ? 'No' : 'Only with a modifier'} — ${body}`;
  }
  if (type === 'documentation' && a) return find((s) => s.text.startsWith(`For ${a} the note must show:`)) ?? fallback;
  if (type === 'global' && a) return find((s) => s.text.startsWith(`${a}: `) && /global|add-on/.test(s.text)) ?? fallback;
  if (type === 'payer') {
    const t = find((s) => s.topic.includes(' — '));
    return t ? firstSentence(t) : fallback;
  }
  if ((type === 'modifier' || type === 'define') && modifiers.length && !(type === 'define' && a)) {
    const m = modifiers[0];
    const t = find((s) => s.topic === `Modifier ${m}` && s.text.startsWith(`${m}: `));
    return t ? `${m}${a ? ` on ${a}` : ''} — ${firstSentence(t.slice(m.length + 2))}` : fallback;
  }
  return fallback;
}

/** Last line of defence: no file names or internal shorthand in what a user reads. */
function userFacing(s: AnswerSection): AnswerSection {
  const internal = /\.(md|ts)\b|src\/|kb\/|§/;
  return { ...s, text: plainText(s.text), source: internal.test(s.source) ? citeSource(s.source) : s.source };
}

/** Answer one question. Pure and synchronous; tens of milliseconds at most once the index is built. */
export function ask(question: string): Answer {
  const t0 = now();
  const q = question.trim().slice(0, MAX_QUESTION_CHARS);
  const r = retrieve(q);
  const e = r.entities;
  const namesSomething = e.codes.length + e.modifiers.length + e.devices.length + e.editCodes.length > 0;
  if (!q) return notInReference(q, r, 'The question is empty.', t0);
  if (!namesSomething && e.unknownCodes.length) {
    return notInReference(q, r, `${e.unknownCodes.join(', ')} ${e.unknownCodes.length > 1 ? 'are' : 'is'} not a code our reference covers.`, t0);
  }
  if (!namesSomething && e.outOfScope.length) {
    return notInReference(q, r, `${e.outOfScope.join(', ')} ${e.outOfScope.length > 1 ? 'are' : 'is'} outside the neurostimulator family our reference covers.`, t0);
  }
  if (!namesSomething && !r.confident) return notInReference(q, r, 'Nothing in our reference matches this question.', t0);
  const answer = compose(q, r);
  if (!answer) return notInReference(q, r, 'Our reference has no facts of this kind for what the question names.', t0);
  const extra: AnswerSection[] = [];
  if (e.unknownCodes.length) {
    extra.push({ topic: 'Not covered', text: `${e.unknownCodes.join(', ')}: not in our reference.`, source: 'OpNote Coder’s built-in reference', confidence: 'high' });
  }
  const codes = [...new Set(answer.codes)];
  return {
    question: q,
    type: r.type,
    answered: true,
    summary: oneLine(r.type, answer.sections, codes, answer.modifiers, answer.summary),
    answerText: [...answer.sections, ...extra].map(userFacing),
    codes,
    modifiers: answer.modifiers,
    links: codeLinks(codes),
    closest: closestOf(r.hits, codes),
    ms: Math.round((now() - t0) * 10) / 10,
  };
}

/** Build the index ahead of the first question. */
export function warmAsk(): void {
  warmIndex();
}
