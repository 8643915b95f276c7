import type { Section, SectionKind } from '../types';
import { SECTION_RULES } from '../../kb/section-rules';

interface HeaderEntry {
  words: string;
  kind: SectionKind;
}

/** Header phrases, longest first so "procedure performed" wins over "procedure". */
const HEADERS: HeaderEntry[] = SECTION_RULES.flatMap((r) => r.headers.map((h) => ({ words: normaliseHeader(h), kind: r.kind }))).sort(
  (a, b) => b.words.length - a.words.length,
);
const HEADER_MAP = new Map(HEADERS.map((h) => [h.words, h.kind]));

function normaliseHeader(s: string): string {
  return s
    .toLowerCase()
    .replace(/\(s\)/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A bracketed qualifier that says a label names the booked procedure, not what was done. */
const SCHEDULED_QUALIFIER = /\((?:[^)]{0,20}\b)?(?:scheduled|booked|schedule|booking|planned|consented|posted)\b[^)]{0,20}\)/i;

/**
 * A label that starts with a known header of two or more words and qualifies it after a slash or a
 * comma ("Scheduled procedure / CPT on booking sheet:", "Procedure performed, left side:").
 */
function knownPrefix(raw: string): SectionKind | undefined {
  const cut = raw.search(/[/,]/);
  if (cut <= 0) return undefined;
  const head = normaliseHeader(raw.slice(0, cut));
  return head.includes(' ') ? HEADER_MAP.get(head) : undefined;
}

/** Longest line prefix examined for a header (linear, no backtracking). */
const MAX_HEADER = 60;

/**
 * Recognise a header at the start of a line. Returns the header length (up to and including
 * the colon) and its kind, or null. A header is either "Words:" (known words, any case; or
 * unknown words in capitals) or a whole line in capitals that is a known header.
 */
// eslint-disable-next-line complexity -- legacy reader kept from before issue 14; to be split into ledger stages
export function matchHeader(line: string): { length: number; kind: SectionKind; known: boolean } | null {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  // numbered headers like "1." or "#" are tolerated before the words
  while (i < line.length && /[#*\-•]/.test(line[i])) i++;
  while (i < line.length && line[i] === ' ') i++;
  const start = i;
  const limit = Math.min(line.length, start + MAX_HEADER);
  let colon = -1;
  for (let j = start; j < limit; j++) {
    const c = line[j];
    if (c === ':') {
      colon = j;
      break;
    }
    if (!/[a-z0-9 /&()'.,-]/i.test(c)) return null;
  }
  if (colon > start) {
    const raw = line.slice(start, colon);
    const words = normaliseHeader(raw);
    if (!words) return null;
    const kind = HEADER_MAP.get(words) ?? HEADER_MAP.get(normaliseHeader(raw.replace(/\([^)]{0,40}\)/g, ' '))) ?? knownPrefix(raw);
    if (kind) return { length: colon + 1, kind, known: true };
    // a procedure label in capitals qualified as the booking ("HEADER PROCEDURE (as scheduled):") is a title
    if (SCHEDULED_QUALIFIER.test(raw) && /^[A-Z /-]*\b(?:PROCEDURES?|OPERATIONS?)\b[A-Z /-]*\(/.test(raw.trim())) return { length: colon + 1, kind: 'procedure', known: false };
    // unknown header in capitals, e.g. "TRIAL LEAD DATA:" → other
    if (/^[A-Z0-9 /&()'-]+$/.test(raw.trim()) && /[A-Z]{3}/.test(raw) && raw.trim().split(/\s+/).length <= 6) {
      return { length: colon + 1, kind: 'other', known: false };
    }
    // an unknown label alone on its line, its content below ("Arrays placed today:") → other
    if (line.slice(colon + 1).trim() === '' && /^[A-Z][A-Za-z /&()',-]*$/.test(raw.trim()) && raw.trim().split(/\s+/).length <= 8) {
      return { length: colon + 1, kind: 'other', known: false };
    }
    return null;
  }
  // A header alone on its line, without a colon (e.g. "DESCRIPTION OF PROCEDURE").
  const rest = line.slice(start).trim();
  // A known header in Title case alone on its line also counts ("Indication", "Plan", "Procedure details").
  if (rest.length === 0 || rest.length > MAX_HEADER || !/[A-Z]/.test(rest)) return null;
  if (rest === rest.toUpperCase() || /^[A-Z][a-z]+(?:(?: +| *[/&] *)[A-Za-z][a-z]*){0,6}$/.test(rest)) {
    const kind = HEADER_MAP.get(normaliseHeader(rest));
    if (kind) return { length: line.length, kind, known: true };
  }
  return null;
}

/**
 * Split a note into sections. Text before the first header is a 'preamble' section unless the
 * note has no headers at all, in which case the whole note is one 'narrative' section.
 */
export function splitSections(text: string): Section[] {
  const sections: Section[] = [];
  let pos = 0;
  let current: Section | null = null;
  while (pos <= text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const line = text.slice(pos, eol).replace(/\r$/, '');
    const h = line.length ? matchHeader(line) : null;
    if (h) {
      if (current) current.end = pos;
      else if (pos > 0) sections.push({ kind: 'preamble', header: null, start: 0, bodyStart: 0, end: pos });
      const headerStart = pos + (line.length - line.trimStart().length);
      const headerText = text.slice(headerStart, pos + h.length);
      current = {
        kind: h.kind,
        header: { start: headerStart, end: pos + h.length, text: headerText },
        start: pos,
        bodyStart: pos + h.length,
        end: text.length,
      };
      sections.push(current);
    }
    if (eol >= text.length) break;
    pos = eol + 1;
  }
  if (sections.length === 0) return [{ kind: 'narrative', header: null, start: 0, bodyStart: 0, end: text.length }];
  if (current) current.end = text.length;
  for (const s of sections) if (proseProcedure(text, s)) s.kind = 'narrative';
  splitInlineSections(text, sections);
  splitStoryParagraphs(text, sections);
  // "Procedure: Under MAC, prone. The incision was..." — a procedure header followed by prose is the narrative
  for (const s of sections) {
    if (s.kind === 'procedure' && s.header && text.slice(s.bodyStart, s.end).trim().length > 200 && /[.;]\s+\S[\s\S]*[.;]/.test(text.slice(s.bodyStart, Math.min(s.end, s.bodyStart + 600)))) {
      const first = text.slice(s.bodyStart, s.end).trimStart();
      if (!/^\s*(1[.)]|[-*•])/.test(first)) s.kind = 'narrative';
    }
  }
  // a preamble that holds the whole story (no narrative header) reads as narrative
  if (!sections.some((s) => s.kind === 'narrative')) {
    const pre = sections.find((s) => s.kind === 'preamble');
    const size = (x: Section) => text.slice(x.bodyStart, x.end).trim().length;
    // long enough to be prose, or the bulk of a short note that has only a header section after it
    if (pre && (size(pre) > 200 || sections.every((x) => x === pre || size(x) < size(pre)))) pre.kind = 'narrative';
  }
  return sections;
}

/** A paragraph that tells the operation itself ("We started laparoscopically ...", "Prone, prepped and draped ..."). */
const STORY = /\b(prepped|draped|prep and drape|sterile(ly)? prep\w*|time-?out\b(?! was not)|under (fluoroscop\w*|ultrasound)( guidance)?,? (access|a |the |an |epidural|needle)|incision was (made|opened)|incisions? (were|was) made|was placed (prone|supine)|was positioned|positioned (prone|supine)|(lay|laid|lying|turned|placed) (prone|supine|in the (prone|supine|lateral))|(prone|supine|lateral decubitus) position|incisions? (from [\w ]{1,20} )?(was|were) reopened|under (general|local|mac)|we (started|began|made|placed|opened|then)|i then|performed the (exposure|laminotomy|laminectomy|hemilaminotomy|dissection)|time-?out was|induction of|was brought to the operating room|brought to the or)\b/i;

/**
 * An indications or history section with no narrative header after it may run on into the
 * account of the operation: a later paragraph (after a blank line) that tells the operation
 * starts an unheaded narrative section.
 */
function splitStoryParagraphs(text: string, sections: Section[]): void {
  // a narrative section that tells the operation exists: the story is told there ("OPERATIVE NOTE" as a
  // title, or a title followed by an unrelated paragraph, does not count)
  if (sections.some((s) => s.kind === 'narrative' && s.header && text.slice(s.bodyStart, s.end).trim().length > 100 && STORY.test(text.slice(s.bodyStart, s.end)))) return;
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i];
    if (s.kind !== 'indications' && s.kind !== 'history') continue;
    const re = /\n[ \t]*\r?\n/g;
    re.lastIndex = s.bodyStart;
    for (let m = re.exec(text); m && m.index < s.end; m = re.exec(text)) {
      const cut = m.index + m[0].length;
      if (cut >= s.end) break;
      const para = text.slice(cut, Math.min(s.end, cut + 400));
      // a consent paragraph ends at its blank line: what follows, unheaded, is the operation
      if (!STORY.test(para) && !/consent/i.test(s.header?.text ?? '')) continue;
      sections.splice(i + 1, 0, { kind: 'narrative', header: null, start: cut, bodyStart: cut, end: s.end });
      s.end = cut;
      break;
    }
  }
}

/**
 * "Procedure: Prone. The right buttock incision was opened and ...": a procedure header whose own
 * line already breaks into sentences told in the past tense is the account of the operation.
 */
function proseProcedure(text: string, s: Section): boolean {
  if (s.kind !== 'procedure' || !s.header) return false;
  const eol = text.indexOf('\n', s.bodyStart);
  const lineEnd = eol < 0 || eol > s.end ? s.end : eol;
  if (!/[.;]\s+[A-Z][a-z]/.test(text.slice(s.bodyStart, lineEnd))) return false;
  return /\b(?:was|were)\s+(?:\w+ly\s+)?\w+(?:ed|en|ne|wn)\b/i.test(text.slice(s.bodyStart, Math.min(s.end, s.bodyStart + 300)));
}

/** Sections that hold a short label or list, not prose: "Dx: FBSS", "EBL: 5 mL". */
const LIST_KINDS: ReadonlySet<SectionKind> = new Set<SectionKind>([
  'preop_dx', 'postop_dx', 'procedure', 'anesthesia', 'ebl', 'specimens', 'staff', 'other', 'complications', 'implants',
]);

/**
 * A list-like header with its content on the same line ("Proc: SCS trial") ends with that line,
 * unless the next lines continue it (list items, indented lines, or a wrapped long line).
 * Unheaded prose after it becomes a narrative section of its own.
 */
function splitInlineSections(text: string, sections: Section[]): void {
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i];
    if (!LIST_KINDS.has(s.kind) || !s.header) continue;
    let lineEnd = text.indexOf('\n', s.bodyStart);
    if (lineEnd < 0 || lineEnd >= s.end) continue;
    if (text.slice(s.bodyStart, lineEnd).trim().length === 0) continue; // header alone on its line: a list follows
    let cut = -1;
    const lineStart = text.lastIndexOf('\n', s.start - 1) + 1;
    const bulletHeader = /^\s*[-*•]\s*$/.test(text.slice(lineStart, s.start)) || /^\s*[-*•]\s/.test(text.slice(lineStart, s.bodyStart));
    for (;;) {
      const line = text.slice(s.bodyStart > lineEnd ? lineEnd : s.bodyStart, lineEnd).trimEnd();
      const nextStart = lineEnd + 1;
      if (nextStart >= s.end) break;
      let nextEnd = text.indexOf('\n', nextStart);
      if (nextEnd < 0 || nextEnd > s.end) nextEnd = s.end;
      const next = text.slice(nextStart, nextEnd);
      // "- Dx: ..." in a bulleted list: the next bullet is a sibling, not a continuation
      const nextIsSibling = bulletHeader && /^\s*[-*•]\s/.test(next);
      // a wrapped line: the header line was long, or the next line carries on in lower case
      const fullLine = text.slice(text.lastIndexOf('\n', lineEnd - 1) + 1, lineEnd).trimEnd();
      const wrapped = !/[.:!?]$/.test(line) && (fullLine.length > 70 || /^[a-z]/.test(next));
      const continues = !nextIsSibling && (/^(\s+\S|\s*([-*•]|\d{1,2}[.)])\s)/.test(next) || /[,;]$/.test(line) || wrapped);
      if (!continues || next.trim().length === 0) {
        cut = nextStart;
        break;
      }
      lineEnd = nextEnd;
      if (nextEnd >= s.end) break;
    }
    if (cut < 0 || cut >= s.end) continue;
    const rest = text.slice(cut, s.end);
    if (rest.trim().length === 0) continue;
    const tail: Section = { kind: 'narrative', header: null, start: cut, bodyStart: cut, end: s.end };
    s.end = cut;
    sections.splice(i + 1, 0, tail);
    i++;
  }
}

/**
 * Sections whose text describes what was done in this session. The procedure header list is a
 * claim, not proof, so it is not among them.
 */
export const WORK_SECTIONS: ReadonlySet<SectionKind> = new Set<SectionKind>([
  'narrative',
  'findings',
  'implants',
  'other',
  'complications',
  'staff',
]);
