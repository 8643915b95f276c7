import { CATALOGUE_BY_BRAND } from '../../kb/device-catalogue';
import type { ConceptMatch, Doc, ProcedureEvent, Span } from '../types';
import { frontedSide } from '../ledger/side-words';

/** What the note says was done, before codes are looked up. */
export interface Reading {
  target: string | null;
  targetScores: Record<string, number>;
  targetEvidence: Span[];
  events: EventDetail[];
  /** Generator mentions that are external (trial stimulators), with evidence. */
  externalGenerator: Span[];
  sides: { values: string[]; evidence: Span[] };
  arrays: { count: number; evidence: Span[] };
  approach: { value: string | null; evidence: Span[]; defaulted: boolean };
  mer: { value: boolean; evidence: Span[] };
  /** The procedure was stopped (evidence), and the events are the planned procedure. */
  discontinued: Span[];
  /** Trial leads pulled at the end of a trial without an incision (part of the trial's code). */
  trialPull: Span[];
}

export interface EventDetail extends ProcedureEvent {
  /** Parts documented for system codes (array, generator, sensor). */
  parts: string[];
  actionEvidence: Span[];
  componentEvidence: Span[];
  /** Why the device ledger changed this event (kb/ledger-rules.ts), when it did. */
  ledgerReason?: { text: string; evidence: Span[] };
  /** Arrays on each side, when the device ledger places every array of the event on a side. */
  sideCounts?: { left: number; right: number };
}

const SPECIFIC = new Set(['sacral', 'gastric', 'vagus', 'hypoglossal', 'intracranial', 'tibial', 'neuromuscular']);
/** Objects that are not devices: an action nearer to one of these is about it, not the device. */
export const DISTRACTORS: ReadonlySet<string> = new Set([
  'needle', 'needles', 'stylet', 'stylets', 'introducer', 'introducers', 'sheath', 'guidewire', 'trocar', 'trocars', 'tuohy', 'drain', 'drape', 'drapes',
  'sponge', 'sponges', 'retractor', 'retractors', 'dilator', 'patient', 'suture', 'sutures', 'staples', 'dressing', 'catheter', 'cannula', 'probe', 'tunneler',
  'tunneller', 'frame', 'microelectrode', 'microelectrodes', 'cannulas', 'clips', 'gauze', 'bovie', 'tape', 'end', 'screw', 'screws', 'setscrew', 'setscrews', 'connector', 'connectors', 'ends', 'tails', 'tail', 'pins', 'obturator', 'stylet', 'needles',
  'packing', 'cautery', 'template', 'sizer', 'tool', 'hemostat', 'clamp', 'instrument', 'instruments', 'dissector', 'elevator', 'forceps', 'freer', 'penfield', 'kittner', 'towel', 'tube', 'foley', 'dilators', 'sheaths', 'guide', 'cannulae', 'coil',
  // anatomy removed on the way in ("removed the ligamentum flavum and passed the paddle")
  'ligamentum', 'flavum', 'lamina', 'laminae', 'osteophyte', 'osteophytes',
]);
const PRONOUNS = new Set(['it', 'they', 'them', 'these', 'both', 'this', 'each']);
const POSITION_AFTER = new Set(['lateral', 'decubitus', 'side', 'prone', 'supine']);
/** Words of movement or deviation: a side after them is a direction ("deviated to the left"). */
const DIRECTION_WORDS = /^(turned|turn|turning|facing|protrusion|protruded|protrudes|protruding|deviation|deviated|deviates|deviating|rotated|rotation|rotates|tilted|tilting|tilt|shifted|shift|migrated|drifted|veered|curved)$/;

function span(m: { start: number; end: number; text: string }): Span {
  return { start: m.start, end: m.end, text: m.text };
}

function counts(m: ConceptMatch): boolean {
  return m.assertion === 'affirmed';
}

const PLANNED_PROCEDURE = /^\W*(?:the\s+)?(?:scheduled|planned|intended)\s+(?:procedure|operation)\s+(?:was|is)\b/i;

/** Sentences that name the procedure that was planned ("scheduled procedure was a two-lead trial"), like a header. */
function plannedProcedureSentences(doc: Doc): Set<number> {
  const out = new Set<number>();
  for (const s of doc.sentences) if (PLANNED_PROCEDURE.test(doc.text.slice(s.start, Math.min(s.end, s.start + 60)))) out.add(s.index);
  return out;
}

/** Body sites where an electrode array lies (not where a generator sits): a side before them is the array's side. */
const ARRAY_SITES: ReadonlySet<string> = new Set([
  'forearm', 'arm', 'upper', 'leg', 'thigh', 'knee', 'ankle', 'foot', 'shoulder', 'hand', 'wrist', 'elbow', 'calf', 'heel', 'groin', 'neck', 'occipital', 'scalp', 'face', 'supraorbital', 'infraorbital', 'popliteal', 'axilla',
]);

const AFTER_LEFT_VERB: ReadonlySet<string> = new Set(['in', 'at', 'near', 'alone', 'behind', 'untouched', 'undisturbed', 'intact', 'inside', 'there', 'on', 'under', 'over', 'coiled', 'capped', 'connected']);
const BEFORE_LEFT_VERB: ReadonlySet<string> = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being', 'loop', 'and']);

/** A target read only from a brand name weighs half: the brand says what the device is usually for,
 *  a named nerve, foramen or level says where this one went (a spinal paddle brand on the median nerve). */
const brandWeight = (m: ConceptMatch): number => (CATALOGUE_BY_BRAND.has(m.text.toLowerCase()) ? 0.5 : 1);

const CONTACT_WORD = /^(contacts?|columns?|channels?|polars?)$/;
/** "lead 4-contact", "lead 8 contacts": the number just read is followed by what it counts on one lead */
function contactsFollow(tokens: Doc['tokens'], at: number): boolean {
  const next = tokens[at]?.norm ?? '';
  if (CONTACT_WORD.test(next)) return true;
  return next === '-' && CONTACT_WORD.test(tokens[at + 1]?.norm ?? '');
}

/** "the nerve was left in its bed", "a loop left near the knee": "left" the verb, not a side. */
function leftAsVerb(tokens: Doc['tokens'], at: number): boolean {
  if (tokens[at].norm !== 'left') return false;
  return BEFORE_LEFT_VERB.has(tokens[at - 1]?.norm ?? '') || AFTER_LEFT_VERB.has(tokens[at + 1]?.norm ?? '');
}

const KEPT_LINE = /\b(?:retained|kept|left in(?: place)?|in situ|not removed|remain(?:s|ed)?(?: in place)?|unchanged)\b/i;

function lineAround(text: string, at: number): string {
  const start = text.lastIndexOf('\n', at) + 1;
  const end = text.indexOf('\n', at);
  return text.slice(start, end < 0 ? text.length : end);
}

/** Systems whose array codes take a side, where the history may tell the side of the device worked on today. */
const SIDED_FROM_HISTORY: ReadonlySet<string> = new Set(['peripheral', 'sacral', 'vagus', 'hypoglossal', 'neuromuscular']);

const LEFT_ALONE = /\b(?:not touched|untouched|left alone|interrogated|not (?:opened|revised|replaced|disturbed|entered))\b/i;

/** Sentences with no device act done and words that leave a system alone or only check it. */
function untouchedSentences(doc: Doc, matches: ConceptMatch[]): Set<number> {
  const acted = new Set(matches.filter((m) => m.kind === 'action' && m.assertion === 'affirmed').map((m) => m.sentence));
  const out = new Set<number>();
  for (const s of doc.sentences) if (!acted.has(s.index) && LEFT_ALONE.test(doc.text.slice(s.start, s.end))) out.add(s.index);
  return out;
}

/** A side that frames its sentence ("On the left, a needle ..."), in a sentence that names a target or device part after it. */
function frontedSideOf(tokens: Doc['tokens'], sentence: Doc['sentences'][number], m: ConceptMatch, anchors: ConceptMatch[]): boolean {
  const front = frontedSide(tokens, sentence.tokenStart, sentence.tokenEnd);
  return front !== null && m.tokenEnd <= front.after && anchors.some((a) => a.sentence === m.sentence && a.tokenStart >= front.after);
}

/** The side follows its device or target in a phrase "on the left", "at the right". */
function sideAfterAnchor(tokens: Doc['tokens'], anchor: ConceptMatch, m: ConceptMatch): boolean {
  // "hardware on the right" may be any implant (spinal screws, a plate): only a named device or target
  // (and a device only planned, "the plan was to place a second lead on the right", has no side yet)
  if (anchor.tokenEnd > m.tokenStart || anchor.assertion === 'hypothetical' || /\b(hardware|instrumentation|implants?)$/i.test(anchor.text)) return false;
  const between = tokens.slice(anchor.tokenEnd, m.tokenStart).map((t) => t.norm);
  return between.length >= 1 && between.length <= 2 && /^(on|at)$/.test(between[0]) && (between.length === 1 || between[1] === 'the');
}

/** Read targets, components, actions, sides and counts into procedure events. */
// eslint-disable-next-line complexity, max-lines-per-function -- legacy reader kept from before issue 14; to be split into ledger stages
export function readEvents(doc: Doc, matches: ConceptMatch[], work: Set<number>): Reading {
  const inWork = (m: ConceptMatch) => work.has(m.sentence);
  const { tokens } = doc;

  // ---- target --------------------------------------------------------------
  const targetScores: Record<string, number> = {};
  const targetEv = new Map<string, Span[]>();
  // sentences where a device is placed, moved or taken out: a target named there is where the work is
  // ("the second lead was steered to the T8-T9 disc space"), not a system mentioned in passing
  const deviceWork = new Set<number>();
  {
    const withComp = new Set(matches.filter((m) => m.kind === 'component' && m.assertion === 'affirmed' && /^(array|paddle|generator|integrated|system)$/.test(m.value)).map((m) => m.sentence));
    for (const m of matches) {
      if (m.kind === 'action' && m.assertion === 'affirmed' && withComp.has(m.sentence) && inWork(m)) deviceWork.add(m.sentence);
    }
  }
  // sentences that say a system was left alone ("the VNS was interrogated and not touched"): no act done, an act denied or a check only
  const untouched = untouchedSentences(doc, matches);
  for (const m of matches) {
    if (m.kind !== 'target' || m.assertion === 'negated' || m.assertion === 'hypothetical') continue;
    // a system mentioned only as history ("an old abandoned stimulator lead") weighs less
    const w = (inWork(m) ? 1 : 0.4) * (SPECIFIC.has(m.value) ? 1.5 : 1) * (m.assertion === 'historical' ? 0.5 : 1) * (deviceWork.has(m.sentence) ? 2 : 1) * (untouched.has(m.sentence) ? 0.3 : 1) * brandWeight(m);
    targetScores[m.value] = (targetScores[m.value] ?? 0) + w;
    if (inWork(m) || !targetEv.has(m.value)) {
      const list = targetEv.get(m.value) ?? [];
      if (list.length < 4) list.push(span(m));
      targetEv.set(m.value, list);
    }
  }
  let target: string | null = null;
  for (const [t, sc] of Object.entries(targetScores)) if (target === null || sc > targetScores[target]) target = t;
  // another kind of procedure that happens to share words (a cochlear "electrode array and receiver")
  let outScore = 0;
  // (out-of-scope words where a device is placed weigh double, as target words do)
  for (const m of matches) if (m.kind === 'outOfScope' && (m.assertion === 'affirmed' || m.assertion === 'historical')) outScore += (inWork(m) ? 1 : 0.5) * (deviceWork.has(m.sentence) ? 2 : 1);
  if (target && outScore > targetScores[target]) target = null;
  // a percutaneous posterior-tibial needle session is PTNS, not an implant
  if (target === 'peripheral' && (targetScores.tibial ?? 0) > 0) target = 'tibial';
  // a bladder diagnosis does not make a tibial-nerve session sacral: tibial evidence in the work decides
  // (PTNS names the service, even in a title; a sacral note names S3, a foramen or the sacrum)
  if (
    target === 'sacral' &&
    // tibial words in the work or the title ("completed 12 weeks of PTNS" in the indication is the past)
    matches.some((m) => m.kind === 'target' && m.value === 'tibial' && counts(m) && (inWork(m) || m.section === 'procedure' || m.section === 'preamble')) &&
    !matches.some((m) => m.kind === 'target' && m.value === 'sacral' && counts(m) && inWork(m) && /\b(s[1-4]|foram|sacr|tined)/i.test(m.text))
  )
    target = 'tibial';

  // ---- components ----------------------------------------------------------
  const externals = matches.filter((m) => m.kind === 'external' && counts(m));
  // "hardware" in a note about spinal instrumentation (rods, pedicle screws, fusion) is that hardware
  const instrumentation = /\b(pedicle|rods|instrumentation|arthrodesis|interbody|cross-?link)\b/i.test(doc.text);
  const comps = matches.filter(
    (m) =>
      m.kind === 'component' &&
      inWork(m) &&
      (m.assertion === 'affirmed' || m.assertion === 'historical') &&
      !(instrumentation && /^hardware$/i.test(m.text)),
  );
  const externalGenerator: Span[] = [];
  const compClass = new Map<ConceptMatch, string>();
  for (const c of comps) {
    let cls = c.value === 'paddle' ? 'array' : c.value;
    if (cls === 'generator' || cls === 'device') {
      const ext = externals.find((e) => e.sentence === c.sentence && e.tokenEnd >= c.tokenStart - 3 && e.tokenStart <= c.tokenEnd + 3);
      if (ext) {
        cls = 'external';
        externalGenerator.push(span(ext));
      }
    }
    compClass.set(c, cls);
  }
  // what kind of system this is comes from the whole note (a title naming an integrated system counts)
  const namedAnywhere = new Set(
    matches.filter((m) => m.kind === 'component' && m.assertion !== 'negated').map((m) => (m.value === 'paddle' ? 'array' : m.value)),
  );
  const hasPocket = matches.some((m) => m.kind === 'pocket' && m.value !== 'mention' && m.assertion !== 'negated' && inWork(m));
  resolveGenericDevices(comps, compClass, namedAnywhere, hasPocket);
  // "pocket revised": work on the pocket is work on the generator it holds
  const pocketBySentence = new Map<number, ConceptMatch[]>();
  for (const p of matches) {
    if (p.kind !== 'pocket' || !counts(p) || !inWork(p)) continue;
    compClass.set(p, 'generator');
    pocketBySentence.set(p.sentence, [...(pocketBySentence.get(p.sentence) ?? []), p]);
  }
  const compList = [...compClass.keys()].filter((c) => c.kind === 'component');
  const named = new Set(compList.map((c) => compClass.get(c)));
  const systemParts = ['array', 'generator', 'integrated'].filter((p) => named.has(p));
  if (!systemParts.length) systemParts.push('generator');
  const bySentence = new Map<number, ConceptMatch[]>();
  for (const c of compList) {
    const l = bySentence.get(c.sentence) ?? [];
    l.push(c);
    bySentence.set(c.sentence, l);
  }

  // ---- actions -> components ----------------------------------------------
  interface Acc {
    actions: Map<string, Span[]>;
    comps: Span[];
    trialRemoval: boolean;
  }
  const acc = new Map<string, Acc>();
  const getAcc = (cls: string) => {
    let a = acc.get(cls);
    if (!a) acc.set(cls, (a = { actions: new Map(), comps: [], trialRemoval: false }));
    return a;
  };
  const trialSentences = new Set(matches.filter((m) => m.kind === 'trial' && m.value === 'trial').map((m) => m.sentence));
  const anchored = timeAnchoredSentences(doc);
  for (const a of matches) {
    if (a.kind !== 'action' || !inWork(a) || !(counts(a) || deviceAgeOnly(a))) continue;
    if (anchored.has(a.sentence)) continue;
    // "the implanted pulse generator", "her implanted stimulator": a participle used as an
    // adjective names a device that is there, not an act
    if (a.value === 'insertion' && /ed$/i.test(a.text) && attributiveBefore(tokens, a) && tokens[a.tokenStart - 1]?.sentence === a.sentence) {
      // ("the implanted peripheral nerve stimulation lead": system words may stand between)
      const comp = (bySentence.get(a.sentence) ?? []).find((c) => c.tokenStart >= a.tokenEnd && c.tokenStart - a.tokenEnd <= 4 && onlyModifiersBetween(tokens, a.tokenEnd, c.tokenStart, true));
      if (comp) continue;
    }
    // "the device was placed in surgery mode / MRI mode": a setting, not an implant
    if (a.value === 'insertion' && tokens.slice(a.tokenEnd, a.tokenEnd + 4).some((t) => t.norm === 'mode' || t.norm === 'standby')) continue;
    // "removed and passed off (the field)", "handed to the scrub nurse": out, not in
    if (a.value === 'insertion' && /^(passed|handed)$/i.test(a.text) && ['off', 'out'].includes(tokens[a.tokenEnd]?.norm ?? '')) continue;
    // "generator to be placed at a later stage": an infinitive of a plan, not an act
    if (a.tokenStart >= 2 && tokens[a.tokenStart - 1].norm === 'be' && tokens[a.tokenStart - 2].norm === 'to') continue;
    const s = doc.sentences[a.sentence];
    let best: ConceptMatch | null = null;
    let bestDist = Infinity;
    const after = tokens.slice(a.tokenEnd, Math.min(s.tokenEnd, a.tokenEnd + 5)).map((t) => t.norm);
    const intoPocket = (after[0] === 'in' || after[0] === 'into' || after[0] === 'within') && after.includes('pocket');
    // passive voice names what was acted on before the auxiliary: "the displaced lead was disconnected ... and removed"
    const subj = tokens[a.tokenStart].pos === 'VERB' ? passiveSubject(tokens, a.tokenStart, s.tokenStart) : -1;
    const cands = [...(bySentence.get(a.sentence) ?? []), ...(a.value === 'revision' ? (pocketBySentence.get(a.sentence) ?? []) : [])];
    for (const c of cands) {
      // overlapping words; but a terse "IPG out" names its own device
      const ownDevice = a.value === 'removal' && c.tokenStart === a.tokenStart && /\bout\b/i.test(a.text);
      if (c.tokenStart < a.tokenEnd && c.tokenEnd > a.tokenStart && a.value !== 'putBack' && !ownDevice) continue;
      let d = c.tokenStart >= a.tokenEnd ? c.tokenStart - a.tokenEnd : a.tokenStart - c.tokenEnd;
      // "disconnected from the lead and removed": a device after a preposition is rarely what is acted on
      if (c.tokenStart < a.tokenStart && isPrepObject(tokens, c.tokenStart, s.tokenStart)) d += 6;
      // "a new 8-contact lead", "the new Intellis IPG" — not "a new program created on lead 2"
      if (a.value === 'insertion' && a.text.toLowerCase() === 'new' && !(c.tokenStart >= a.tokenEnd && d <= 5 && onlyModifiersBetween(tokens, a.tokenEnd, c.tokenStart))) continue;
      // "... and placed in the pocket": only a generator goes into a pocket
      if (intoPocket && compClass.get(c) !== 'generator') d += 8;
      // "connected to the existing lead, implanted": what goes in today is not the existing device
      if (a.value === 'insertion' && c.assertion === 'historical') d += 10;
      if (d < bestDist || (d === bestDist && best && c.tokenStart > best.tokenStart)) {
        best = c;
        bestDist = d;
      }
    }
    const subjComp = subj >= 0 ? cands.find((c) => c.tokenStart <= subj && subj < c.tokenEnd) : undefined;
    if (subjComp) best = subjComp;
    else if (subj >= 0 && DISTRACTORS.has(tokens[subj].norm)) best = null;
    else if (best) {
      // a nearer non-device object takes the action
      for (let k = Math.max(s.tokenStart, a.tokenStart - bestDist); k < Math.min(s.tokenEnd, a.tokenEnd + bestDist); k++) {
        if (k >= a.tokenStart && k < a.tokenEnd) continue;
        const d = k >= a.tokenEnd ? k - a.tokenEnd : a.tokenStart - k - 1;
        if (d < bestDist && DISTRACTORS.has(tokens[k].norm)) {
          best = null;
          break;
        }
      }
    } else if (cands.length === 0) {
      // "It was removed." — borrow the last device of the previous sentence in the same section
      const words = tokens.slice(s.tokenStart, s.tokenEnd);
      const hasPronoun = words.some((t) => PRONOUNS.has(t.norm) && t.pos === 'PRON') && !words.some((t) => DISTRACTORS.has(t.norm));
      // telegraphic: "Secured to skin, conn to ext trial stim." opens with the verb of the last device
      const firstWord = words.find((t) => /\w/.test(t.norm));
      const subjectless = firstWord !== undefined && firstWord.start === a.start && !words.some((t) => DISTRACTORS.has(t.norm));
      const prev = doc.sentences[a.sentence - 1];
      if ((hasPronoun || subjectless) && prev && prev.sectionIndex === s.sectionIndex) {
        const pc = bySentence.get(prev.index);
        if (pc && pc.length) {
          if (hasPronoun) best = pc[pc.length - 1];
          else {
            // a verb without a subject carries on with the last device that is today's work
            // ("Placed in the existing pocket" goes with the new generator, not "the existing leads")
            const ok = pc.filter((c) => c.assertion === 'affirmed' && (!intoPocket || compClass.get(c) === 'generator'));
            best = ok.length ? ok[ok.length - 1] : null;
          }
        }
      }
    }
    if (!best) continue;
    const bestCls = compClass.get(best)!;
    const classes = bestCls === 'system' ? systemParts : [bestCls];
    for (const cls of classes) {
    const entry = getAcc(cls);
    const list = entry.actions.get(a.value) ?? [];
    list.push(span(a));
    entry.actions.set(a.value, list);
    entry.comps.push(span(best));
    if (a.value === 'removal' && cls === 'array' && trialSentences.has(a.sentence)) entry.trialRemoval = true;
    }
  }

  // Devices sent off as specimens were taken out ("SPECIMENS: Generator and both electrodes"),
  // when the narrative gives that device no other action.
  for (const m of matches) {
    if (m.kind !== 'component' || m.section !== 'specimens' || m.assertion === 'negated' || m.assertion === 'hypothetical') continue;
    // an implant-log line that keeps the device ("Leads 4351 x2: retained") sends nothing off
    if (KEPT_LINE.test(lineAround(doc.text, m.start))) continue;
    const cls = m.value === 'paddle' ? 'array' : m.value;
    if (cls !== 'array' && cls !== 'generator' && cls !== 'integrated') continue;
    const a = getAcc(cls);
    if (['removal', 'replacement', 'revision', 'insertion'].some((k) => a.actions.has(k))) continue;
    a.actions.set('removal', [span(m)]);
    a.comps.push(span(m));
  }

  // ---- sides ---------------------------------------------------------------
  const sideVals = new Set<string>();
  const sideEv: Span[] = [];
  const anchors = matches.filter((m) => (m.kind === 'target' || (m.kind === 'component' && m.value !== 'generator')) && m.assertion !== 'negated');
  const repeatSides: ConceptMatch[] = [];
  // eslint-disable-next-line complexity -- legacy reader kept from before issue 14; to be split into ledger stages
  const collectSides = (accept: (m: ConceptMatch) => boolean, dated = false) => {
    for (const m of matches) {
      if (m.kind !== 'side' || m.assertion === 'negated' || m.assertion === 'hypothetical' || !accept(m)) continue;
      // a side in a sentence dated before today ("attempts in 09/2025 ... both S3 foramina") is
      // not today's side ("the existing left lead" still is)
      // (where the device was placed, read for work on it today, may carry its date)
      if (!dated && m.assertion === 'historical' && /\d{1,2}\/\d{2,4}|\b(19|20)\d\d\b/.test(m.cue?.text ?? '')) continue;
      const next = tokens[m.tokenEnd];
      if (next && POSITION_AFTER.has(next.norm) && doc.sentences[m.sentence].tokenEnd > m.tokenEnd) {
        // "left lateral decubitus", "right side down": patient position, not the target's side
        const after = tokens[m.tokenEnd + 1];
        if (next.norm !== 'side' || (after && ['down', 'up'].includes(after.norm))) continue;
      }
      const sentence = doc.sentences[m.sentence];
      // "tongue protrusion slightly to the left", "paddle rotated to the right": a direction, not the side operated on
      if (tokens.slice(Math.max(sentence.tokenStart, m.tokenStart - 7), m.tokenStart).some((t) => DIRECTION_WORDS.test(t.norm))) continue;
      if (['head', 'neck', 'face', 'eyes', 'gaze'].includes(tokens[m.tokenStart - 1]?.norm ?? '')) continue; // "head right": position
      // where a trial extension leaves the skin is not the side of the lead ("brought out ... on the left side")
      const before = tokens.slice(sentence.tokenStart, m.tokenStart);
      if (before.some((t) => t.norm === 'extension' || t.norm === 'extensions') && before.slice(-10).some((t) => /^(out|exit|exits|exiting|exited|externali[sz]ed)$/.test(t.norm))) continue;
      // a side on a line of its own ("RIGHT" under the title, "Side: left") labels the note
      const short = sentence.tokenEnd - sentence.tokenStart <= 4 && (sentence.section === 'other' || sentence.section === 'preamble');
      // "Same on the right.", "The same steps were repeated on the left side."
      const repeat = /\b(same|repeated|likewise|identical|identically|mirror)\b/i.test(doc.text.slice(sentence.start, sentence.end));
      // "at the left forearm", "left anterior neck": the side of a body site where an array lies
      // ("a loop left near the knee": "left" the verb is no side)
      const site = target !== null && SIDED_FROM_HISTORY.has(target) && !leftAsVerb(tokens, m.tokenStart) && tokens.slice(m.tokenEnd, Math.min(sentence.tokenEnd, m.tokenEnd + 3)).some((t) => ARRAY_SITES.has(t.norm));
      const near = site || anchors.some(
        (t) =>
          t.sentence === m.sentence &&
          ((t.tokenStart >= m.tokenEnd - 1 && t.tokenStart - m.tokenEnd <= 3) ||
            // "toward the RT side with a second lead"
            (next?.norm === 'side' && (t.kind === 'target' || t.value === 'array' || t.value === 'paddle') && Math.abs(t.tokenStart - m.tokenStart) <= 8) ||
            // "the stimulator on the left", "a lead at the right"
            sideAfterAnchor(tokens, t, m)),
      );
      // a ticked template box: "Side: [ ] Left  [x] Right", "(x) Right"
      const ticked = /^[\])]$/.test(tokens[m.tokenStart - 1]?.norm ?? '') && /^[x✓✔]$/.test(tokens[m.tokenStart - 2]?.norm ?? '');
      if (!near && !short && !ticked && !frontedSideOf(tokens, sentence, m, anchors)) {
        // "Same on the right." complements a side found elsewhere; it never stands alone
        if (repeat) repeatSides.push(m);
        continue;
      }
      if (m.value === 'bilateral') {
        sideVals.add('left');
        sideVals.add('right');
      } else sideVals.add(m.value);
      sideEv.push(span(m));
    }
  };
  collectSides(inWork);
  if (sideVals.size > 0) {
    for (const m of repeatSides) {
      if (m.value === 'left' || m.value === 'right') {
        sideVals.add(m.value);
        sideEv.push(span(m));
      }
    }
  }
  if (sideVals.size === 0) collectSides((m) => ['preop_dx', 'postop_dx', 'procedure', 'indications', 'preamble'].includes(m.section));
  // work on a device already in: the history says where it was placed ("integrated lead placed 2024 at the left forearm")
  if (sideVals.size === 0 && target !== null && SIDED_FROM_HISTORY.has(target)) {
    // (also an incision's side in the account of the work: "prior cervical incision, left anterior neck, reopened")
    collectSides((m) => ['history', 'indications', 'narrative', 'other', 'findings'].includes(m.section), true);
    // one side only: the history of a sided device; two sides there tell no side of today's work
    if (sideVals.size > 1) {
      sideVals.clear();
      sideEv.length = 0;
    }
  }
  // An addendum that corrects the side ("placed in the RIGHT S3 foramen, not the left as dictated")
  // replaces the sides read from the body of the note.
  const addendumSection = doc.sections.map((sec) => /^\s*addendum\b/i.test(doc.text.slice(sec.start, sec.start + 20)));
  // (an addendum runs from its heading line, however it is set off, to the end of the note)
  const addendumAt = /^[ \t=*#_-]*addendum\b/im.exec(doc.text)?.index ?? Infinity;
  for (const st of doc.sentences) {
    const t = doc.text.slice(st.start, st.end);
    if (!/\b(addendum|correction)\b/i.test(t) && !addendumSection[st.sectionIndex] && st.start < addendumAt) continue;
    const wrong = /\bnot (?:on )?(?:the )?(left|right)\b/i.exec(t);
    if (!wrong) continue;
    const said = matches.filter((m) => m.kind === 'side' && m.sentence === st.index && m.assertion === 'affirmed' && (m.value === 'left' || m.value === 'right') && m.value !== wrong[1].toLowerCase());
    if (!said.length) continue;
    sideVals.clear();
    sideEv.length = 0;
    for (const m of said) {
      sideVals.add(m.value);
      sideEv.push(span(m));
    }
    break;
  }

  // ---- number of arrays ----------------------------------------------------
  let arrayCount = 1;
  const countEv: Span[] = [];
  for (const m of matches) {
    if (m.kind !== 'count' || !counts(m) || !inWork(m)) continue;
    // "Four-contact lead", "8-contact leads": contacts on one lead, not a number of leads
    if (/^\w+\s*(?:-\s*)?(contact|electrode|column|channel|polar)/i.test(m.text) && !/^(both|two|2|second|2nd|pair|dual)\b/i.test(m.text)) continue;
    // "Paddle lead 4-contact": the number belongs to the contacts that follow it
    if (contactsFollow(tokens, m.tokenEnd)) continue;
    const n = Number(m.value);
    if (n > arrayCount) {
      arrayCount = n;
      countEv.length = 0;
    }
    if (n === arrayCount) countEv.push(span(m));
  }
  // a hypoglossal system's two leads are the stimulation lead and the sensing lead, not two sides
  if (target === 'hypoglossal' && arrayCount === 2 && compList.some((c) => compClass.get(c) === 'sensor' && c.assertion === 'affirmed')) {
    arrayCount = 1;
    countEv.length = 0;
  }
  if (sideVals.size === 2 && arrayCount < 2 && target !== 'vagus') {
    arrayCount = 2;
    countEv.push(...sideEv);
  }

  // ---- approach ------------------------------------------------------------
  const pocketSentences = new Set(matches.filter((m) => m.kind === 'pocket').map((m) => m.sentence));
  // "under ultrasound the nerve was identified / visualized" is imaging, not an exposure
  const imagedSentences = new Set(matches.filter((m) => m.kind === 'imaging' && counts(m)).map((m) => m.sentence));
  // the approach of a device already in ("the existing percutaneous lead") is read as history, but it
  // is what a revision or removal code turns on: when today's work names no approach, it counts
  const anyToday = matches.some((m) => m.kind === 'approach' && counts(m) && inWork(m));
  const countsHere = (m: ConceptMatch) => counts(m) || (!anyToday && m.assertion === 'historical');
  const appr = (v: string) =>
    matches.filter(
      (m) =>
        m.kind === 'approach' &&
        m.value === v &&
        countsHere(m) &&
        inWork(m) &&
        !(v === 'open' && pocketSentences.has(m.sentence)) &&
        !(v === 'open' && imagedSentences.has(m.sentence) && /identif|visuali|isolat/i.test(m.text)),
    );
  const paddle = matches.filter((m) => m.kind === 'component' && m.value === 'paddle' && counts(m) && inWork(m));
  // "percutaneous extension" (the trial cable of a sacral stage 1) says nothing about the array
  const perc = appr('percutaneous').filter((m) => !/^extension/.test(tokens[m.tokenEnd]?.norm ?? ''));
  const open = appr('open');
  const lam = appr('laminectomy');
  const lap = appr('laparoscopic');
  let approach: string | null = null;
  let approachEv: ConceptMatch[] = [];
  let defaulted = false;
  const pick = (v: string, ev: ConceptMatch[]) => {
    approach = v;
    approachEv = ev;
    defaulted = ev.length === 0;
  };
  // "attempted percutaneous placement, converted to open", "converted to upper midline laparotomy":
  // whatever the target, the device left in went in through the open approach
  const conversion = convertedToOpen(doc, work);
  if (conversion && target !== null && target !== 'intracranial') {
    pick(target === 'spinal' ? 'laminectomy' : 'open', []);
    approachEv = [];
    defaulted = false;
  } else switch (target) {
    case 'spinal': {
      // "Tuohy advanced to the lamina" touches the lamina; only removing bone (or a paddle) is open
      const strongLam = lam.filter((m) => !/^laminae?$/i.test(m.text));
      if (strongLam.length || paddle.length || (lam.length && !perc.length)) pick('laminectomy', [...lam, ...paddle]);
      else pick('percutaneous', perc);
      break;
    }
    case 'gastric': {
      // converted to open: the open part decides
      const converted = matches.find((m) => m.kind === 'approach' && m.value === 'open' && counts(m) && inWork(m) && /convert/i.test(doc.text.slice(Math.max(0, m.start - 20), m.end)));
      if (converted) pick('open', [converted]);
      else if (lap.length) pick('laparoscopic', lap);
      else pick('open', open);
      break;
    }
    case 'vagus':
      if (perc.length && !open.length) pick('percutaneous', perc);
      else pick('open', open);
      break;
    case 'hypoglossal':
    case 'neuromuscular':
      pick('open', open);
      break;
    case 'intracranial':
      pick('stereotactic', appr('stereotactic'));
      break;
    case 'sacral':
    case 'peripheral':
    case 'tibial':
      // a paddle (plate) electrode on a peripheral nerve is laid on the exposed nerve
      if (paddle.length && !perc.length) pick('open', [...open, ...paddle]);
      else if (open.length && open.length >= perc.length) pick('open', open);
      else pick('percutaneous', perc);
      break;
    default:
      if (perc.length) pick('percutaneous', perc);
      else if (open.length) pick('open', open);
  }
  // (the procedure title says what was done, "Bilateral STN lead implantation with microelectrode
  // recording", unless the narrative says recording was not done: the narrative decides)
  const merDenied = matches.some((m) => m.kind === 'mer' && m.assertion === 'negated');
  const merM = matches.filter((m) => m.kind === 'mer' && counts(m) && (inWork(m) || (!merDenied && m.section === 'procedure' && m.assertion === 'affirmed')));

  // ---- events ----------------------------------------------------------------
  const events: EventDetail[] = [];
  const sensorDocumented = compList.some((c) => compClass.get(c) === 'sensor' && c.assertion === 'affirmed');
  const integratedDocumented = namedAnywhere.has('integrated');
  const sides = [...sideVals].sort();
  const make = (component: string, action: string, a: Acc, parts: string[] = []): EventDetail => {
    const actionEvidence = [...a.actions.values()].flat();
    return {
      target: target ?? 'unknown',
      component,
      action,
      approach,
      arrays: arrayCount,
      sides,
      parts,
      actionEvidence,
      componentEvidence: a.comps,
      evidence: [...a.comps, ...actionEvidence],
    };
  };
  // "two leads ... connected to the external trial stimulator": trial leads were placed even without a placing verb
  const arrAcc = acc.get('array');
  if (!arrAcc || arrAcc.actions.size === 0) {
    const extConn = matches.find(
      (m) =>
        (m.kind === 'connection' || (m.kind === 'trial' && m.value === 'trial')) &&
        counts(m) &&
        inWork(m) &&
        externals.some((e) => e.sentence === m.sentence && /stim|generator|pulse|trial|ets|epg|device|battery|controller|transmitter|unit/i.test(e.text)) &&
        compList.some((c) => c.sentence === m.sentence && compClass.get(c) === 'array' && c.assertion === 'affirmed'),
    );
    if (extConn) {
      const g = getAcc('array');
      g.actions.set('implied', [span(extConn)]);
      g.comps.push(...compList.filter((c) => c.sentence === extConn.sentence && compClass.get(c) === 'array').map(span));
    }
  }
  // Terse notes name the pocket as a list item ("L flank IPG pocket, leads tunneled + connected"):
  // a generator pocket named on its own, in a note that opens or revises no pocket, was made.
  const terseNewPocket = (m: ConceptMatch) =>
    m.kind === 'pocket' &&
    m.value === 'mention' &&
    m.assertion === 'affirmed' &&
    inWork(m) &&
    compList.some((c) => c.sentence === m.sentence && c.tokenEnd === m.tokenStart && compClass.get(c) === 'generator' && c.assertion === 'affirmed') &&
    (m.tokenEnd >= tokens.length || /^[,;.+]$/.test(tokens[m.tokenEnd].norm) || tokens[m.tokenEnd].sentence !== m.sentence);
  const pocketCreated =
    matches.some((m) => m.kind === 'pocket' && m.value === 'created' && counts(m) && inWork(m)) ||
    (!matches.some((m) => m.kind === 'pocket' && (m.value === 'opened' || m.value === 'revised') && m.assertion !== 'negated') && matches.some(terseNewPocket));
  // "a pocket was made ... the lead connected to the IPG": an implanted generator went in even without a placing verb
  if (pocketCreated && (!acc.get('generator') || acc.get('generator')!.actions.size === 0)) {
    const connectedGen = matches.find(
      (m) =>
        m.kind === 'connection' &&
        counts(m) &&
        inWork(m) &&
        compList.some((c) => c.sentence === m.sentence && compClass.get(c) === 'generator' && c.assertion === 'affirmed'),
    );
    if (connectedGen) {
      const g = getAcc('generator');
      g.actions.set('implied', [span(connectedGen)]);
      g.comps.push(...compList.filter((c) => c.sentence === connectedGen.sentence && compClass.get(c) === 'generator').map(span));
    }
  }
  if (target === 'peripheral' && integratedDocumented) {
    // with an integrated system, "array", "lead", "receiver" and "device" all mean the one implant
    for (const part of ['array', 'generator']) {
      const a = acc.get(part);
      if (!a) continue;
      const i = getAcc('integrated');
      for (const [k, v] of a.actions) i.actions.set(k, [...(i.actions.get(k) ?? []), ...v]);
      i.comps.push(...a.comps);
      acc.delete(part);
    }
  }
  const arr = acc.get('array') ?? acc.get('integrated');
  const integ = acc.get('integrated');
  const gen = acc.get('generator');
  let genAction = gen ? resolveAction(gen.actions, false, 'generator', pocketCreated) : null;
  // A generator "delivered from its capsule" and later connected again (to a new lead or sensor)
  // was exposed, not removed: the note reconnects the generator it kept.
  if (gen && genAction === 'removal') {
    const lastRemoval = Math.max(...(gen.actions.get('removal') ?? []).map((x) => x.start));
    const removalSentence = doc.sentences.find((st) => st.start <= lastRemoval && lastRemoval < st.end)?.index ?? Infinity;
    // a later sentence connects something to it ("It was connected to the existing IPG"), not "after the set screws were loosened"
    const reconnected = matches.some((m) => m.kind === 'connection' && counts(m) && inWork(m) && m.sentence > removalSentence && /connect|plug|attach|mated/i.test(m.text));
    if (reconnected) genAction = null;
  }
  let arrAction = arr ? resolveAction(arr.actions, arr.trialRemoval, 'array') : null;
  // During generator work on an existing system the leads are handled (coiled, sutured,
  // redirected into the new pocket) but not placed: anchoring words alone are no array insertion.
  if (arr && arrAction === 'insertion' && (genAction === 'replacement' || genAction === 'revision' || genAction === 'removal') && [...arr.actions.keys()].every((k) => k === 'implied' || k === 'connect' || k === 'putBack')) {
    arrAction = null;
  }
  // With a new generator, a lead that was only brought into the pocket or coiled there (a stage 2,
  // "tined lead tunneled into the pocket and connected") is the existing lead, not a new one.
  if (
    arr &&
    arrAction === 'insertion' &&
    genAction === 'insertion' &&
    [...arr.actions.keys()].every((k) => k === 'implied' || k === 'connect') &&
    (arr.actions.get('implied') ?? []).every((x) => /pocket|coil|wound|loop/i.test(x.text))
  ) {
    arrAction = null;
  }
  // Leads "retrieved" / "delivered" from a pocket and then connected to a new generator were
  // exposed, not removed: a lead the note later connects cannot have been taken out.
  if (arr && arrAction === 'removal' && gen && (genAction === 'insertion' || genAction === 'replacement')) {
    const lastRemoval = Math.max(...(arr.actions.get('removal') ?? []).map((x) => x.start));
    const connectedAfter = matches.some((m) => m.kind === 'connection' && counts(m) && inWork(m) && m.start > lastRemoval);
    if (connectedAfter) arrAction = null;
  }
  const trialPull: Span[] = [];
  const incisionDocumented = doc.sentences.some((st) => {
    if (!work.has(st.index)) return false;
    const t = doc.text.slice(st.start, st.end);
    // "No incision was made" is the opposite
    return /\b(incision|incised|cut ?down|dissect)/i.test(t) && !/\b(no|without|nor)\s+(\w+\s+){0,2}(incision|cut ?down|dissection)|\b(incision|cut ?down)s?\s+(was|were)\s+(not|never)\b/i.test(t);
  });
  const needle = acc.get('needleElectrode');

  // a PTNS session: a needle at the ankle and a stimulation, whatever verbs are used ("needle put in")
  const tibialNeedle = target === 'tibial' ? matches.filter((m) => counts(m) && inWork(m) && (m.value === 'needleElectrode' || (m.kind === 'approach' && /needle/i.test(m.text)))) : [];
  if (target === 'tibial' && (needle || arr || tibialNeedle.length)) {
    events.push(make('needleElectrode', 'treatment', needle ?? arr ?? { actions: new Map([['treatment', tibialNeedle.slice(0, 2).map(span)]]), comps: tibialNeedle.slice(0, 1).map(span), trialRemoval: false }));
  } else if ((target === 'vagus' || target === 'hypoglossal') && arr && arrAction && approach === 'open' && (arrAction === 'insertion' || arrAction === 'removal')) {
    const parts = ['array'];
    if (gen) parts.push('generator');
    if (target === 'hypoglossal' && sensorDocumented) parts.push('sensor');
    const merged: Acc = { actions: new Map([...arr.actions, ...(gen?.actions ?? new Map())]), comps: [...arr.comps, ...(gen?.comps ?? [])], trialRemoval: false };
    events.push(make('system', arrAction, merged, parts));
  } else {
    if (arr && arrAction === 'removal' && arr.trialRemoval && !incisionDocumented && !gen) {
      // trial leads pulled at the end of the trial, no incision: part of the trial placement (63650 / 64555 / 64561)
      trialPull.push(...(arr.actions.get('removal') ?? []));
    } else if (arr && arrAction) {
      const component = target === 'peripheral' && integratedDocumented ? 'integrated' : 'array';
      events.push(make(component, arrAction, integ && component === 'integrated' ? { ...arr, comps: [...arr.comps, ...integ.comps] } : arr));
    }
    if (gen && genAction) events.push(make('generator', genAction, gen));
  }
  // A procedure stopped before any device went in is coded as the planned procedure (with 53):
  // the planned device is the one the procedure header names; the array before the generator.
  const titleSection = (m: { section: string }) => m.section === 'procedure' || m.section === 'preamble';
  const discontinued = matches.filter(
    (m) => m.kind === 'discontinued' && m.assertion === 'affirmed' && m.section !== 'plan' && (m.value !== 'title' || titleSection(m)),
  );
  const sectionAt = (pos: number) => doc.sections.find((x) => x.start <= pos && pos < x.end)?.kind;
  const onlyFromTitle = events.every((e) => e.actionEvidence.every((sp) => ['procedure', 'preamble'].includes(sectionAt(sp.start) ?? '')));
  if (discontinued.length && target && onlyFromTitle && !discontinued.every((d) => d.value === 'title' && d.text.toLowerCase() === 'attempted')) {
    events.length = 0;
    const stated = plannedProcedureSentences(doc);
    const header = (m: ConceptMatch) => (m.section === 'procedure' || m.section === 'preamble' || stated.has(m.sentence)) && m.assertion !== 'negated';
    const named = matches.filter((m) => m.kind === 'component' && header(m));
    const trialNamed = matches.some((m) => m.kind === 'trial' && m.value === 'trial' && header(m));
    const has = (v: string) => named.some((m) => m.value === v || (v === 'array' && m.value === 'paddle'));
    const component = has('integrated') && target === 'peripheral' ? 'integrated' : has('array') || trialNamed ? 'array' : has('generator') || has('device') ? 'generator' : null;
    if (component) {
      const headerActions = matches.filter((m) => m.kind === 'action' && header(m));
      const planned = headerActions.find((m) => ['removal', 'revision', 'replacement'].includes(m.value))?.value ?? 'insertion';
      const a: Acc = { actions: new Map([[planned, headerActions.filter((m) => m.value === planned).map(span)]]), comps: named.map(span), trialRemoval: false };
      const ev = make(target === 'vagus' || target === 'hypoglossal' ? (component === 'array' ? 'system' : component) : component, planned, a, ['array']);
      ev.arrays = 1;
      ev.evidence.push(...discontinued.map(span));
      events.push(ev);
    }
  }
  // Two generators, one per array (e.g. a single-channel DBS generator on each side): each
  // generator drives one array, and the generator code is the single-array one, once per side.
  const genCount = matches.filter((m) => m.kind === 'generatorCount' && counts(m) && inWork(m));
  if (genCount.length) {
    for (const ev of events) {
      if (ev.component !== 'generator' || ev.arrays > 2) continue;
      ev.generators = 2;
      ev.arrays = 1;
      ev.evidence.push(...genCount.slice(0, 2).map(span));
    }
  }
  // Work on the generator pocket alone (a hematoma evacuated, a washout, a capsulectomy) with
  // the generator left in place is a revision of the generator (its pocket is part of it).
  if (!events.length && target && target !== 'tibial') {
    const pocketWork = matches.filter((m) => m.kind === 'pocket' && m.value === 'revised' && counts(m) && inWork(m));
    if (pocketWork.length) {
      const genComps = compList.filter((c) => compClass.get(c) === 'generator' && c.assertion !== 'negated').map(span);
      events.push(make('generator', 'revision', { actions: new Map([['revision', pocketWork.map(span)]]), comps: genComps, trialRemoval: false }));
    }
  }
  if (!events.length && acc.get('sensor') && target === 'hypoglossal') {
    const s = acc.get('sensor')!;
    const a = resolveAction(s.actions, false, 'array');
    if (a && a !== 'insertion') events.push(make('array', a, s));
  }

  return {
    target,
    targetScores,
    targetEvidence: target ? (targetEv.get(target) ?? []) : [],
    events,
    externalGenerator,
    sides: { values: sides, evidence: sideEv },
    arrays: { count: arrayCount, evidence: countEv },
    approach: { value: approach, evidence: approachEv.slice(0, 4).map(span), defaulted },
    mer: { value: merM.length > 0, evidence: merM.slice(0, 2).map(span) },
    discontinued: discontinued.map(span),
    trialPull,
  };
}

/** Nouns that name the system a device belongs to ("peripheral nerve stimulation lead", "spinal cord stimulator"). */
const SYSTEM_NOUNS = /^(nerve|nerves|stimulation|neurostimulation|stimulator|cord|spinal|sacral|vagus|vagal|hypoglossal|peripheral|pulse|brain|deep|epidural|gastric|occipital)$/;

function onlyModifiersBetween(tokens: Doc['tokens'], from: number, to: number, systemNouns = false): boolean {
  for (let k = from; k < to; k++) if (!['ADJ', 'NUM', 'PROPN', 'PUNCT', 'SYM', 'DET'].includes(tokens[k].pos) && !/^\d|contact|channel|polar|^(single|dual|lead|rechargeable|non|primary|cell)$/.test(tokens[k].norm) && !(systemNouns && SYSTEM_NOUNS.test(tokens[k].norm))) return false;
  return true;
}

/** "the implanted lead", "StimRouter implanted lead": a determiner or a brand name before the participle (not "Smith implanted the lead"). */
function attributiveBefore(tokens: Doc['tokens'], a: ConceptMatch): boolean {
  const prev = tokens[a.tokenStart - 1];
  if (!prev) return false;
  if (ATTRIBUTIVE_DET.has(prev.norm)) return true;
  return CATALOGUE_BY_BRAND.has(prev.norm) && tokens[a.tokenEnd]?.pos !== 'DET';
}

const AUX = new Set(['was', 'were', 'is', 'are', 'been', 'be', 'being']);
const ATTRIBUTIVE_DET = new Set(['the', 'a', 'an', 'her', 'his', 'their', 'its', 'this', 'that', 'previously', 'currently', 'already']);
const CLAUSE_END = new Set([';', ':', '.', 'then', 'after', 'before', 'while', 'which', 'that']);

/**
 * The subject of a passive verb: scanning back from the verb to its auxiliary ("was", "were"),
 * the noun just before the auxiliary. Returns its token index, or -1 when there is none or it
 * is a relative pronoun ("which was placed": the caller falls back to the nearest device).
 */
function passiveSubject(tokens: Doc['tokens'], verb: number, sentenceStart: number): number {
  // elliptical clause: "... and the introducer withdrawn", "IPG placed in pocket"
  let p = verb - 1;
  while (p >= sentenceStart && tokens[p].pos === 'ADV') p--;
  if (p >= sentenceStart && (tokens[p].pos === 'NOUN' || tokens[p].pos === 'PROPN')) return p;
  for (let k = verb - 1; k >= Math.max(sentenceStart, verb - 14); k--) {
    const n = tokens[k].norm;
    if (CLAUSE_END.has(n)) return -1;
    if (!AUX.has(n)) continue;
    for (let j = k - 1; j >= Math.max(sentenceStart, k - 3); j--) {
      const t = tokens[j];
      if (t.pos === 'ADV' || t.pos === 'PART') continue;
      // "The integrated stimulator, a single array with its receiver, was inserted": the subject stands before the appositive
      if (t.norm === ',') return appositiveHead(tokens, j, sentenceStart);
      return t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM' ? j : -1;
    }
    return -1;
  }
  return -1;
}

/** The noun before an appositive that closes at the comma `close` (", a single array with its receiver,"). */
function appositiveHead(tokens: Doc['tokens'], close: number, sentenceStart: number): number {
  for (let k = close - 1; k >= Math.max(sentenceStart, close - 14); k--) {
    if (tokens[k].norm !== ',') continue;
    const t = tokens[k - 1];
    return t && (t.pos === 'NOUN' || t.pos === 'PROPN') ? k - 1 : -1;
  }
  return -1;
}

const PREPS = new Set(['from', 'to', 'into', 'with', 'onto', 'of', 'off']);
/** Is the token at `i` the object of a preposition ("from the lead")? */
function isPrepObject(tokens: Doc['tokens'], i: number, sentenceStart: number): boolean {
  for (let k = i - 1; k >= Math.max(sentenceStart, i - 3); k--) {
    const n = tokens[k].norm;
    if (PREPS.has(n)) return true;
    if (!['DET', 'ADJ', 'NUM', 'PROPN', 'NOUN', 'PRON'].includes(tokens[k].pos) && !['existing', 'old', 'new', 'left', 'right', 'tined'].includes(n)) return false;
  }
  return false;
}

const CONVERTED = /\bconver(?:ted|sion|ting)\s+(?:was\s+made\s+)?(?:to|into)\s+(?:an?\s+)?(?:\w+\s+){0,3}?(?:open|laparotomy|incision|cut-?down|laminotomy|laminectomy|exposure)\b/i;

/** A stated conversion from a percutaneous or laparoscopic attempt to an open approach, in the work. */
function convertedToOpen(doc: Doc, work: Set<number>): boolean {
  for (const i of work) {
    const s = doc.sentences[i];
    if (CONVERTED.test(doc.text.slice(s.start, s.end))) return true;
  }
  return false;
}

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const TIME_ANCHOR = new RegExp(`\\b(ago|last (week|month|year|spring|summer|fall|winter)|earlier this (week|month|year)|in (${MONTHS})\\b|in (19|20)\\d\\d|(19|20)\\d\\d\\b|years? (earlier|before|prior)|months? (earlier|before|prior)|on \\d{1,2}/\\d{1,2}\\b(?!\\s+(contacts?|electrodes?|leads?|channels?|strength|power))|\\d{1,2}/\\d{1,2}/\\d{2,4})`, 'i');
const NOW = /\b(today|now|this (procedure|session|operation|surgery)|currently)\b/i;

/**
 * Sentences dated to another time ("implanted in January, about four months ago") tell the
 * history: the actions in them were not done in this session.
 */
export function timeAnchoredSentences(doc: Doc): Set<number> {
  const out = new Set<number>();
  for (const s of doc.sentences) {
    const text = doc.text.slice(s.start, Math.min(s.end, s.start + 2000));
    if (TIME_ANCHOR.test(text) && !NOW.test(text)) out.add(s.index);
  }
  return out;
}

/** Words that date a device ("old", "existing") do not make the action done to it historical. */
const DEVICE_AGE = new Set(['old', 'existing', 'prior', 'previous', 'original', 'current', 'same', 'indwelling', 'preexisting', 'pre-existing', 'previously placed', 'previously implanted']);
function deviceAgeOnly(m: ConceptMatch): boolean {
  return m.assertion === 'historical' && !!m.cue && DEVICE_AGE.has(m.cue.text.toLowerCase());
}

/**
 * "device", "unit", "stimulator": in a note that names an implanted generator it is the
 * generator; with an integrated system it is that system; otherwise the array. "system" means
 * every part named.
 */
function resolveGenericDevices(comps: ConceptMatch[], compClass: Map<ConceptMatch, string>, named: Set<string>, hasPocket: boolean): void {
  const classes = new Set([...comps.map((c) => compClass.get(c)), ...named]);
  // a pocket houses a generator: in a note with a pocket, an unnamed "neurostimulator" is the generator
  const generic = classes.has('integrated') ? 'integrated' : classes.has('generator') || hasPocket ? 'generator' : classes.has('array') ? 'array' : 'generator';
  for (const c of comps) if (compClass.get(c) === 'device') compClass.set(c, generic);
}

/**
 * Turn the set of actions done to one component into one action. Removal plus insertion of a
 * generator is a replacement; the same device taken out and put back is no action at all
 * unless the pocket or device was revised.
 */
// eslint-disable-next-line complexity -- legacy reader kept from before issue 14; to be split into ledger stages
export function resolveAction(actions: Map<string, Span[]>, trialRemoval: boolean, cls: string, newPocket = false): string | null {
  const has = (a: string) => actions.has(a);
  const isNew = (actions.get('insertion') ?? []).some((s) => s.text.toLowerCase() === 'new');
  const removal = has('removal') && !(cls === 'array' && trialRemoval && has('insertion'));
  if (has('replacement') && !(has('putBack') && !isNew && !removal)) return 'replacement';
  if (has('revision')) return removal && isNew ? 'replacement' : 'revision';
  if (removal && has('insertion')) return has('putBack') && !isNew ? 'revision' : 'replacement';
  // taken out and put back: nothing, unless it went into a new pocket (a relocation is a revision)
  if (removal) return has('putBack') ? (newPocket ? 'revision' : null) : 'removal';
  // the same generator reconnected and secured again: a relocation (new pocket) or nothing
  if (cls === 'generator' && has('putBack') && !isNew) return newPocket ? 'revision' : null;
  if (has('insertion')) return 'insertion';
  // anchored, sutured, parked at T8: the device was placed even if no placing verb is used
  if (has('implied')) return 'insertion';
  return null;
}
