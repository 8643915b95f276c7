/**
 * Sources as a coder would cite them. The knowledge base records where each fact came from in
 * its own working terms (research-note sections, confidence letters, file names); an answer
 * names the public source instead — the CPT code descriptor, CPT Assistant, the CMS fee
 * schedule file and year, an NCCI edit table, a Medicare article — and labels our own choices
 * "OpNote Coder convention". Secondary web pages are named as what they summarise.
 */
import type { PairEdit } from '../../kb/edits';

export const CONVENTION = 'OpNote Coder convention';

/** Recognisers for one part of a raw source string, first match wins. */
const PARTS: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/A56876/, () => 'Medicare billing and coding article A56876 (LCD L37632, spinal cord stimulators)'],
  [/MLN59|MLN1783722/, () => 'CMS MLN1783722, Proper use of modifiers 59, XE, XP, XS and XU'],
  [/\bMUE/, () => 'CMS NCCI medically unlikely edits (MUE) table'],
  [/(?:CMS\s+)?(?:PFS|Physician Fee Schedule)[^;]*?CY\s?(\d{4})|CY\s?(\d{4})\s+(?:PFS|Physician Fee Schedule)/i, (m) => `CMS Physician Fee Schedule relative value file, CY${m[1] ?? m[2]}`],
  [/PFS\s?(\d{2})\b/, (m) => `CMS Physician Fee Schedule relative value file, CY20${m[1]}`],
  [/CPT Assistant|CPTA\d*/, () => 'CPT Assistant, April 2011 (neurostimulator questions and answers)'],
  [/Medical Coding Buff|\bMCB\b/, () => 'CPT code descriptor of 64561 (as quoted by Medical Coding Buff, 2023)'],
  [/OpenPayer|\bOP\b/, () => 'CPT code descriptor (as summarised by OpenPayer)'],
  [/Coding Ahead|\bCA\b/, () => 'CPT code descriptor (as summarised by Coding Ahead)'],
  [/HIAcode|\bHIA\b/, () => 'CPT neurostimulator section guidelines (as summarised by HIAcode, 2025)'],
  [/HCPCS/, () => 'HCPCS Level II code set (CMS)'],
  [/AAPC/, () => 'AAPC Neurosurgery Coding Alert (modifiers 58, 78 and 79)'],
  [/manufacturer|CEO draft/i, () => 'device makers’ coding guides'],
  [/descriptor/i, () => 'CPT code descriptors'],
  [/NCD\s?160\.7/, () => 'Medicare NCD 160.7 (electrical nerve stimulators)'],
  [/\bL\d{5}\b/, (m) => `Medicare LCD ${m[0]}`],
  [/neurostimulator-coding|sourced-facts|working reference|decision table|edit table|knowledge base|kb\/|src\/|OpNote Coder/i, () => CONVENTION],
];

/**
 * Text that must never reach a user: file names, section signs, our confidence letters.
 * Runs only on our own reference text (src/kb, fixed at build time), never on a note or a
 * question, so its polynomial worst case on a long run of "§" cannot be reached by input.
 */
// eslint-disable-next-line regexp/no-super-linear-backtracking -- reference text only, see above
const INTERNAL = /\([^()]*(?:\.md|\.ts|kb\/|src\/|§|\b[CUP]\))[^()]*\)|\b[\w./-]+\.(?:md|ts)\b(?:\s*§[\w.,\s]+)?|§\s*[\w.]+/g;

/** Remove internal references from a piece of answer text. */
export function plainText(text: string): string {
  return text.replace(INTERNAL, '').replace(/(?<!\s)\s+([.,;:])/g, '$1').replace(/\(\s*\)/g, '').replace(/\s{2,}/g, ' ').trim();
}

/** Split at the semicolons that are not inside parentheses. */
function topLevelParts(raw: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of raw) {
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ';' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** One source as a citation: a known source by its recogniser, else the text without internal notes. */
function citePart(part: string): string {
  for (const [re, f] of PARTS) {
    const m = part.match(re);
    if (m) return f(m);
  }
  return plainText(part.replace(/\([^()]*\)/g, ''));
}

/** A raw knowledge-base source string as a coder's citation (several sources joined by "; "). */
export function citeSource(raw: string): string {
  const out: string[] = [];
  for (const part of topLevelParts(raw)) {
    const c = citePart(part);
    if (c.length > 3 && !out.includes(c)) out.push(c);
  }
  // public sources first; our convention last
  out.sort((a, b) => Number(a === CONVENTION) - Number(b === CONVENTION));
  return out.join('; ') || CONVENTION;
}

/** How to cite a bundling edit: the descriptor, the NCCI table (with what was and was not checked), or the payer. */
export function citeEdit(e: PairEdit): string {
  if (e.status === 'descriptor') return `CPT code descriptor of ${e.column1.join('/')} (the other service is part of the code); ${CONVENTION}`;
  if (e.status === 'unconfirmed') {
    return `CMS NCCI procedure-to-procedure edits, practitioner table (expected pair; not checked against the current quarterly version); ${citeSource(e.source)}`;
  }
  return citeSource(e.source);
}

/** What "unconfirmed" means for a coder, in plain words. */
export const UNCONFIRMED_PLAIN =
  'We expect this pair in the CMS NCCI edit table but have not checked it against the current quarterly table: look the pair up there before billing both.';
