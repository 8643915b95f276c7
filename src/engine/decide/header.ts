import type { Doc, Suggestion, Warning } from '../types';
import { CODE_BY_ID } from '../../kb/codes';

const CODE_RE = /\b(\d{5})\b/g;

/**
 * Codes the note's own procedure header (or a "CPT" line) claims. They are a claim, not proof:
 * the narrative decides, and a disagreement is reported.
 */
export function headerCodes(doc: Doc): string[] {
  const out: string[] = [];
  for (const s of doc.sections) {
    if (s.kind !== 'procedure') continue;
    const body = doc.text.slice(s.bodyStart, Math.min(s.end, s.bodyStart + 2000));
    for (const m of body.matchAll(CODE_RE)) if (!out.includes(m[1]) && looksLikeCpt(m[1])) out.push(m[1]);
  }
  return out;
}

function looksLikeCpt(code: string): boolean {
  return CODE_BY_ID.has(code) || /^(6[1-4]\d{3}|43\d{3}|959\d\d|7\d{4})$/.test(code);
}

export function headerWarnings(claimed: string[], suggestions: Suggestion[], doc: Doc): Warning[] {
  if (!claimed.length) return [];
  const suggested = new Set(suggestions.map((s) => s.code));
  const warnings: Warning[] = [];
  const proc = doc.sections.find((s) => s.kind === 'procedure');
  const ev = proc ? [{ start: proc.start, end: Math.min(proc.end, proc.bodyStart + 120), text: doc.text.slice(proc.start, Math.min(proc.end, proc.bodyStart + 120)) }] : [];
  const unsupported = claimed.filter((c) => !suggested.has(c));
  if (unsupported.length) {
    warnings.push({
      kind: 'header-mismatch',
      message: `The procedure header lists ${unsupported.join(', ')}, but the narrative ${suggestions.length ? `supports ${[...suggested].join(', ')}` : 'does not support a code of the family'}. The narrative decides; check the header.`,
      codes: unsupported,
      evidence: ev,
    });
  }
  return warnings;
}
