import { CODE_BY_ID } from '../../kb/codes';
import { CONCEPTS } from '../../kb/concepts';
import { PAIR_EDITS } from '../../kb/edits';
import { MODIFIER_CODES, PAYERS, getCodeRef, getDeviceCode, isNonexistentModifier, type Payer } from '../../kb/reference/index';
import type { QuestionType } from './types';

/** What a question names outright, read with plain patterns before any retrieval. */
export interface Entities {
  /** Codes the knowledge base covers (reference entries or decision-table rules), in order of mention. */
  codes: string[];
  /** Other CPT codes that appear in the bundling edits (imaging: 76942, 77002, 77003, 76000). */
  editCodes: string[];
  /** CPT-shaped numbers the knowledge base does not cover (e.g. 99213). */
  unknownCodes: string[];
  /** Modifiers named (including nonexistent ones such as 11). */
  modifiers: string[];
  devices: string[];
  payers: Payer[];
  side: 'left' | 'right' | 'bilateral' | null;
  imaging: boolean;
  /** Labels of procedures outside the family named in the question (pacemaker, drug pump, ...). */
  outOfScope: string[];
}

const EDIT_CODES = new Set(PAIR_EDITS.flatMap((e) => [...e.column1, ...e.column2]));
const LETTER_MODIFIERS = (MODIFIER_CODES as readonly string[]).filter((m) => /[A-Z]/.test(m));
const NUMBER_MODIFIERS = new Set([...(MODIFIER_CODES as readonly string[]).filter((m) => /^\d+$/.test(m)), '11']);

const PAYER_PATTERNS: [Payer, RegExp][] = [
  ['Medicare', /\b(medicare|cms|mac|lcd|ncd)\b/i],
  ['Aetna', /\baetna\b/i],
  ['Cigna', /\bcigna\b/i],
  ['UnitedHealthcare', /\b(united ?health ?care|uhc|united)\b/i],
  ['Blue Cross Blue Shield', /\b(blue cross|blue shield|bcbs|anthem)\b/i],
];

/** Every phrase a concept pattern stands for: `pacing lead|leads` → "pacing lead", "pacing leads". */
function expand(pattern: string): string[] {
  let out = [''];
  for (const part of pattern.replace(/ - /g, '-').split(/\s+/).filter(Boolean)) {
    const alts = part.split('|');
    out = out.flatMap((prefix) => alts.map((a) => (prefix ? `${prefix} ${a}` : a)));
  }
  return out;
}
const escape = (w: string) => w.replace(/[.*+?^${}()[\]\\]/g, '\\$&');
const OUT_OF_SCOPE = CONCEPTS.filter((c) => c.kind === 'outOfScope').map((c) => ({
  label: c.label,
  re: new RegExp(`\\b(${c.patterns.filter((p) => !p.includes('/') && !p.includes('~')).flatMap(expand).map(escape).join('|')})\\b`, 'i'),
}));

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

const isModifier = (c: string) => (MODIFIER_CODES as readonly string[]).includes(c) || isNonexistentModifier(c);

/** CPT-shaped numbers, sorted into covered codes, other codes of the edit tables, and unknown ones. */
function readCodes(q: string): { codes: string[]; editCodes: string[]; unknownCodes: string[] } {
  const codes: string[] = [];
  const editCodes: string[] = [];
  const unknownCodes: string[] = [];
  for (const m of q.matchAll(/\b(\d{4}[0-9T])\b/gi)) {
    const c = m[1].toUpperCase();
    if (getCodeRef(c) || CODE_BY_ID.has(c)) codes.push(c);
    else if (EDIT_CODES.has(c)) editCodes.push(c);
    else unknownCodes.push(c);
  }
  // Ranges such as 63661-63664 name every code in between.
  for (const m of q.matchAll(/\b(\d{5})\s*(?:-|to|through)\s*(\d{5})\b/gi)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (b > a && b - a < 10) for (let x = a + 1; x < b; x++) if (getCodeRef(String(x))) codes.push(String(x));
  }
  return { codes, editCodes, unknownCodes };
}

/** Modifiers named: after "modifier(s)", in code-modifier form, letter ones in capitals, two-digit ones with a modifier cue. */
function readModifiers(q: string): string[] {
  const modifiers: string[] = [];
  const modifierCue = /\bmod(ifier)?s?\b/i.test(q) || [...q.matchAll(/\b([A-Z]{2})\b/g)].some((m) => LETTER_MODIFIERS.includes(m[1]) && m[1] !== 'AS');
  for (const m of q.matchAll(/\b(?:modifiers?|mods?)\s*(?:[-:#]\s*)?((?:[0-9A-Z]{2}(?:\s*(?:[,/&]|and|or|vs\.?|versus)\s*)?)+)/gi)) {
    for (const x of m[1].split(/(?<!\s)\s*(?:[,/&]|and|or|vs\.?|versus)\s*/i)) {
      const c = x.trim().toUpperCase();
      if (isModifier(c)) modifiers.push(c);
    }
  }
  // Code-modifier form: 64561-50, 63650 59
  for (const m of q.matchAll(/\b\d{4}[0-9T][- ](\d{2}|[A-Z]{2})\b/g)) {
    const c = m[1].toUpperCase();
    if (isModifier(c)) modifiers.push(c);
  }
  // Letter modifiers written in capitals (LT, XS, GA); two-digit ones only with a modifier cue.
  for (const m of q.matchAll(/\b([A-Z]{2})\b/g)) if (LETTER_MODIFIERS.includes(m[1]) && (m[1] !== 'AS' || modifierCue)) modifiers.push(m[1]);
  if (modifierCue) for (const m of q.matchAll(/(?<![\d-])\b(\d{2})\b(?![\d-])/g)) if (NUMBER_MODIFIERS.has(m[1])) modifiers.push(m[1]);
  return modifiers;
}

function readSide(q: string): Entities['side'] {
  if (/\b(bilateral(ly)?|both sides|left and right|right and left|two sides)\b/i.test(q)) return 'bilateral';
  if (/\bleft\b/i.test(q)) return 'left';
  if (/\bright\b/i.test(q)) return 'right';
  return null;
}

export function readEntities(question: string): Entities {
  const q = question.replace(/[\u2010-\u2015]/g, '-');
  const { codes, editCodes, unknownCodes } = readCodes(q);
  const devices = unique([...q.matchAll(/\b([CL]\d{4})\b/gi)].map((m) => m[1].toUpperCase()).filter((d) => getDeviceCode(d)));
  const payers = unique(PAYER_PATTERNS.filter(([, re]) => re.test(q)).map(([p]) => p));
  const imaging = /\b(fluoro\w*|imaging|ultrasound|x-?ray|c-arm|image guid\w*|76942|77002|77003|76000)\b/i.test(q);
  const outOfScope = unique(OUT_OF_SCOPE.filter((o) => o.re.test(q)).map((o) => o.label));
  return {
    codes: unique(codes),
    editCodes: unique(editCodes),
    unknownCodes: unique(unknownCodes),
    modifiers: unique(readModifiers(q)),
    devices,
    payers: payers.filter((p) => (PAYERS as readonly string[]).includes(p)),
    side: readSide(q),
    imaging,
    outOfScope,
  };
}

const CUES: Record<Exclude<QuestionType, 'define'>, RegExp> = {
  payer: /\b(cover(ed|s|age)?|polic(y|ies)|lcd|ncd|prior auth\w*|pre-?auth\w*|reimburs\w*|rvus?|payers?|insurers?|insurance|how much|pay(s|ment)?|paid)\b/i,
  bundling: /\b(bundl\w*|unbundl\w*|billed? (it )?(with|together|separately|alongside)|bill\w* .{0,30}\b(with|together|separately)|separately|together|included|includes?|inclusive|part of|ncci|ptp|edits?|add-?on|primary code|same session|report(ed)? (with|together)|code(d)? (with|together)|alongside|alone|by itself|on its own|standalone|add(ing)? \d{5} with)\b/i,
  units: /\b(units?|how many|per (lead|array|side|electrode)|each (lead|array|electrode)|mue|count(ed|s)?|two leads|2 leads|second lead|additional (lead|array)s?)\b/i,
  modifier: /\b(modifiers?|mods?|left|right|bilateral(ly)?|both sides|laterality|side|assistant|co-?surg\w*|two surgeons|team surgery|return(ed)? to the (or|operating room)|unplanned return|discontinued|aborted|stopped|abandoned|distinct|unrelated)\b/i,
  global: /\b(global( period| days)?|post-?op(erative)? (period|days)|global surgery)\b/i,
  documentation: /\b(document(ed|ation)?|what (must|should|does) the (op )?note|note (must|should|needs?)|required?|requirements?|criteria|must (show|say|state)|needs? to (show|say|state)|support(s|ed)?|justify)\b/i,
  compare: /\b(differ\w*|vs\.?|versus|compare[ds]?|comparison|instead of|rather than|why not|and not|or)\b/i,
};

/** A situation that names its modifiers by itself: an assistant, co-surgeons, a return to the OR. */
export const MODIFIER_SITUATION = /\b(assistant|co-?surg\w*|two surgeons|team surgery|return(ed)? to the (or|operating room)|unplanned return)\b/i;

/** Modifier words that outrank payer words ("is an assistant paid on 63655?" is a modifier question). */
const STRONG_MODIFIER = /\b(modifiers?|mods?|assistant|co-?surg\w*|two surgeons|team surgery|laterality)\b/i;
const COMPARE_WORDS = /\b(differ\w*|vs\.?|versus|compare[ds]?|comparison)\b/i;

/** The question type: the first cue that matches, in this order, with "compare" needing two things to compare. */
export function classify(question: string, e: Entities): QuestionType {
  const q = question;
  const has = (t: Exclude<QuestionType, 'define'>) => CUES[t].test(q);
  const named = e.codes.length + e.editCodes.length;
  if (COMPARE_WORDS.test(q) && (named >= 2 || e.modifiers.length < 2)) {
    if (!(has('bundling') && /\b(together|bundl\w*)\b/i.test(q) && !/\bdiffer/i.test(q))) return 'compare';
  }
  if (e.payers.length && !STRONG_MODIFIER.test(q)) return 'payer';
  if (e.modifiers.length || STRONG_MODIFIER.test(q)) return 'modifier';
  if (has('payer')) return 'payer';
  if (e.imaging && named >= 1) return 'bundling';
  if (has('bundling')) return 'bundling';
  if (has('units')) return 'units';
  if (has('modifier')) return 'modifier';
  if (has('global')) return 'global';
  if (has('documentation')) return 'documentation';
  if (e.codes.length >= 2 && has('compare')) return 'compare';
  if (e.codes.length >= 1 && /\bwhy\b.+\bnot\b|\bwhy not\b/i.test(q)) return 'compare';
  return 'define';
}
