/**
 * Reduces pasted or dropped HTML and RTF to plain text. Nothing is ever rendered as HTML:
 * HTML is parsed into an inert document (DOMParser runs no scripts and loads nothing) and
 * only its text is kept.
 */

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'TABLE', 'TR', 'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'META', 'LINK', 'IFRAME', 'OBJECT', 'SVG']);

export function looksLikeRtf(s: string): boolean {
  return /^\s*\{\\rtf/.test(s);
}

export function looksLikeHtml(s: string): boolean {
  return /^\s*(<!doctype html|<html|<body|<meta|<div|<p[\s>]|<span|<table|<!--StartFragment)/i.test(s);
}

function decodeEntitiesFallback(s: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : m;
    }
    return named[e.toLowerCase()] ?? m;
  });
}

/**
 * Remove every `<…>` tag, as `.replace(/<[^>]*>/g, '')` would, in linear time (that expression
 * rescans to the end from every "<" when no ">" follows: quadratic on a run of "<").
 */
function stripTags(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const lt = s.indexOf('<', i);
    if (lt < 0) break;
    const gt = s.indexOf('>', lt + 1);
    if (gt < 0) break;
    out += s.slice(i, lt);
    i = gt + 1;
  }
  return out + s.slice(i);
}

/** HTML → text, keeping line structure from block elements and <br>. */
export function htmlToText(html: string): string {
  if (typeof DOMParser === 'undefined') {
    let stripped = html
      .replace(/<(script|style|head|template)[\s\S]*?<\/\1>/gi, '')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|li|tr|h[1-6]|table|ul|ol|pre|blockquote)>/gi, '\n');
    stripped = stripTags(stripped);
    return tidy(decodeEntitiesFallback(stripped));
  }
  const doc = new DOMParser().parseFromString(html, 'text/html');
  let out = '';
  const walk = (node: Node, pre: boolean) => {
    if (node.nodeType === 3) {
      const t = node.nodeValue ?? '';
      out += pre ? t : t.replace(/[ \t\r\n\f]+/g, ' ');
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag)) return;
    if (tag === 'BR') {
      out += '\n';
      return;
    }
    const block = BLOCK.has(tag);
    if (block && out && !out.endsWith('\n')) out += '\n';
    if (tag === 'LI') out += '- ';
    for (const c of Array.from(el.childNodes)) walk(c, pre || tag === 'PRE');
    if (tag === 'TD' || tag === 'TH') out += '\t';
    if (block && !out.endsWith('\n')) out += '\n';
    if (tag === 'P' || /^H[1-6]$/.test(tag)) out += '\n';
  };
  walk(doc.body ?? doc.documentElement, false);
  return tidy(out);
}

/** Destinations whose text is not part of the document. */
const RTF_SKIP_DEST = new Set([
  'fonttbl', 'colortbl', 'stylesheet', 'info', 'pict', 'header', 'footer', 'headerl', 'headerr', 'footerl',
  'footerr', 'listtable', 'listoverridetable', 'rsidtbl', 'generator', 'xmlnstbl', 'themedata',
  'colorschememapping', 'latentstyles', 'datastore', 'object', 'fldinst', 'filetbl', 'revtbl', 'mmathPr',
]);

/** RTF → text. Handles groups, \par, \line, \tab, \'hh, \uN and skipped destinations. */
export function rtfToText(rtf: string): string {
  let out = '';
  let i = 0;
  // Stack of group states: skip = inside an ignored destination; uc = chars to skip after \u.
  const stack: { skip: boolean; uc: number }[] = [];
  let state = { skip: false, uc: 1 };
  let pendingSkip = 0;
  const emit = (s: string) => {
    if (pendingSkip > 0) {
      const n = Math.min(pendingSkip, s.length);
      pendingSkip -= n;
      s = s.slice(n);
    }
    if (!state.skip && s) out += s;
  };
  while (i < rtf.length) {
    const ch = rtf[i];
    if (ch === '{') {
      stack.push(state);
      state = { ...state };
      i++;
      continue;
    }
    if (ch === '}') {
      state = stack.pop() ?? { skip: false, uc: 1 };
      i++;
      continue;
    }
    if (ch === '\\') {
      const next = rtf[i + 1];
      if (next === undefined) break;
      if (next === '\\' || next === '{' || next === '}') {
        emit(next);
        i += 2;
        continue;
      }
      if (next === "'") {
        const hex = rtf.slice(i + 2, i + 4);
        const code = parseInt(hex, 16);
        if (Number.isFinite(code)) emit(cp1252(code));
        i += 4;
        continue;
      }
      if (next === '*') {
        state.skip = true;
        i += 2;
        continue;
      }
      if (next === '~') {
        emit(' ');
        i += 2;
        continue;
      }
      if (next === '-' || next === '_') {
        if (next === '_') emit('-');
        i += 2;
        continue;
      }
      if (next === '\n' || next === '\r') {
        emit('\n');
        i += 2;
        continue;
      }
      const m = /^([a-z]{1,32})(-?\d{1,10})? ?/i.exec(rtf.slice(i + 1, i + 50));
      if (!m) {
        i += 2;
        continue;
      }
      i += 1 + m[0].length;
      const word = m[1];
      const arg = m[2] !== undefined ? parseInt(m[2], 10) : undefined;
      if (RTF_SKIP_DEST.has(word)) state.skip = true;
      else if (word === 'par' || word === 'line' || word === 'sect' || word === 'page') emit('\n');
      else if (word === 'row') emit('\n');
      else if (word === 'tab' || word === 'cell') emit('\t');
      else if (word === 'emdash') emit('—');
      else if (word === 'endash') emit('–');
      else if (word === 'bullet') emit('•');
      else if (word === 'lquote' || word === 'rquote') emit("'");
      else if (word === 'ldblquote' || word === 'rdblquote') emit('"');
      else if (word === 'uc' && arg !== undefined) state.uc = arg;
      else if (word === 'u' && arg !== undefined) {
        emit(String.fromCharCode(arg < 0 ? arg + 65536 : arg));
        pendingSkip = state.uc;
      }
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      i++;
      continue;
    }
    emit(ch);
    i++;
  }
  return tidy(out);
}

const CP1252: Record<number, string> = {
  0x80: '€', 0x82: '‚', 0x84: '„', 0x85: '…', 0x91: "'", 0x92: "'", 0x93: '"', 0x94: '"', 0x95: '•', 0x96: '–', 0x97: '—', 0x99: '™',
};
function cp1252(code: number): string {
  return CP1252[code] ?? String.fromCharCode(code);
}

function tidy(s: string): string {
  return s
    .replace(/\u00a0/g, ' ')
    .replace(/(?<![ \t])[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+/, '')
    .trimEnd();
}

/** Normalise line endings and drop characters that only confuse the reader. */
export function normalizeNote(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(/[\u200b\ufeff]/g, '');
}

/**
 * The plain text of a clipboard or drop payload. Returns null when the platform's own
 * plain-text handling is fine (ordinary text/plain).
 */
export function payloadToText(get: (type: string) => string): string | null {
  const plain = get('text/plain');
  if (plain && looksLikeRtf(plain)) return rtfToText(plain);
  if (plain && looksLikeHtml(plain)) return htmlToText(plain);
  if (plain) return null;
  const html = get('text/html');
  if (html) return htmlToText(html);
  const rtf = get('text/rtf') || get('application/rtf');
  if (rtf) return rtfToText(rtf);
  return null;
}

/** Text of a dropped or opened file, by name and content. */
export function fileToText(name: string, content: string): string {
  const lower = name.toLowerCase();
  if (lower.endsWith('.rtf') || looksLikeRtf(content)) return normalizeNote(rtfToText(content));
  if (lower.endsWith('.html') || lower.endsWith('.htm') || looksLikeHtml(content)) return normalizeNote(htmlToText(content));
  return normalizeNote(content);
}
