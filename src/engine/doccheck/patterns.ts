/**
 * Simple, linear patterns for the note-level documentation items (device model/serial, lead
 * status, indication, trial result, anesthesia, complications). No nested quantifiers: every
 * repeat is a single character class with a fixed upper bound, so matching stays linear in
 * the length of the note.
 */
import type { Section, Span } from '../types';

export function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

/** All matches of a global regex, as spans (capped, so a pathological note cannot flood us). */
export function findAll(text: string, re: RegExp, max = 8, keep?: (m: string) => boolean): Span[] {
  const out: Span[] = [];
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  let m: RegExpExecArray | null;
  while ((m = g.exec(text)) !== null && out.length < max) {
    if (m[0].length === 0) {
      g.lastIndex++;
      continue;
    }
    if (!keep || keep(m[0])) out.push(span(text, m.index, m.index + m[0].length));
  }
  return out;
}

const EMPTY_BODY = /^(?:same|same as above|see above|none given|n\/a|na|-+)\.?$/i;

/** The first line of a section body (trimmed, at most 200 characters), or null when empty. */
export function sectionBody(text: string, s: Section): Span | null {
  let start = s.bodyStart;
  const end = s.end;
  while (start < end && /[\s:.-]/.test(text[start])) start++;
  if (start >= end) return null;
  let stop = start;
  while (stop < end && stop - start < 200 && text[stop] !== '\n') stop++;
  while (stop > start && /\s/.test(text[stop - 1])) stop--;
  if (stop <= start) return null;
  return span(text, start, stop);
}

export function isPlaceholder(body: Span): boolean {
  return EMPTY_BODY.test(body.text.trim());
}

/**
 * "Model 3889", "SN: NKE123456", "serial number 12-345", "lot # A1234", "REF 97715". Each optional
 * word or sign takes its own trailing blanks, so no two blank runs are adjacent (issue 19: three
 * adjacent `[ \t]*` made "Model" plus a few thousand spaces take seconds to minutes).
 */
export const MODEL_SERIAL_RE =
  /\b(?:model|serial|s\/n|sn|lot|catalog|cat\.|ref|part)\b[ \t]*(?:(?:number|no\.?|num\.?|#)[ \t]*)?(?:[:#][ \t]*)?[A-Z0-9][A-Z0-9-]{2,20}/gi;

/** Manufacturer or product names: the device is named, but not its model and serial. */
export const BRAND_RE =
  /\b(?:medtronic|boston scientific|abbott|st\.? jude|nevro|axonics|livanova|cyberonics|inspire|bioness|stimrouter|spr therapeutics|sprint|nalu|saluda|stimwave|interstim|intellis|vanta|wavewriter|proclaim|senza|sentiva|octrode|lamitrode|infinion|activa|vercise)\b/gi;

/** Condition of existing leads: impedances, inspection, integrity, fracture, migration. */
export const LEAD_STATUS_RE =
  /\bimpedances?\b|\b(?:leads?|electrodes?|arrays?|extensions?)\b[^.\n]{1,60}?\b(?:intact|inspected|interrogated|tested|functional|functioning|fractured?|migrated|migration|integrity|damaged|eroded|disconnected|good condition)\b/gi;

/** A stated trial outcome ("successful trial", "trial ... 70% relief", "failed trial"). */
export const TRIAL_RESULT_RES: RegExp[] = [
  /\b(?:successful|positive|failed|unsuccessful|good|excellent|favou?rable|adequate)\b[^.\n]{1,40}?\b(?:trial|stage 1|first stage|test stimulation|test period|pne)\b/gi,
  /\b(?:trial|test period|stage 1|first stage|pne)\b[^.\n]{1,80}?\b(?:successful|success|relief|improvement|reduction|responded|response|benefit|failed|\d{1,3} ?%|\d{1,3} percent)/gi,
  /\b\d{1,3} ?(?:%|percent) (?:pain )?(?:relief|improvement|reduction)\b/gi,
];

/** A trial is named (but maybe not its result). */
export const TRIAL_WORD_RE = /\b(?:trial|trialed|trialled|test period|stage 1|first stage|stage 2|second stage|pne)\b/gi;

export const ANESTHESIA_RE =
  /\b(?:general (?:endotracheal )?anesthesia|general anaesthesia|general endotracheal|endotracheal anesthesia|monitored anesthesia care|local anesthe(?:sia|tic)|local anaesthe(?:sia|tic)|lidocaine|bupivacaine|(?:conscious|moderate|deep|iv|intravenous) sedation|regional (?:anesthesia|block))\b/gi;
export const MAC_RE = /\bMAC\b/g;

export const COMPLICATIONS_RE =
  /\b(?:no|without)\b[^.\n]{1,30}?\bcomplications?\b|\bcomplications?\b[^.\n]{1,20}?\b(?:none|no)\b|\buncomplicated\b/gi;

/** Diagnosis words when the note has no diagnosis or indications section. */
export const DIAGNOSIS_RE =
  /\b(?:chronic pain|intractable|refractory|neuropathic|neuropathy|neuralgia|radiculopathy|complex regional pain|crps|failed back|postlaminectomy|incontinence|urinary retention|overactive bladder|epilepsy|seizures|gastroparesis|sleep apnea|parkinson(?:'s)?|essential tremor|dystonia|battery depletion|end of life|end-of-life|elective replacement|eri)\b/gi;
