import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../engine/index';

export interface ExpectedLine {
  code: string;
  units: number;
  modifiers: string[];
}
export interface ExpectedNote {
  file: string;
  inScope: boolean;
  lines: ExpectedLine[];
  notes?: string;
}

export interface CodeScore {
  code: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface CorpusScore {
  notes: number;
  exact: number;
  exactRate: number;
  codeExact: number;
  codeExactRate: number;
  scopeCorrect: number;
  perCode: CodeScore[];
  modifiers: { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number };
  failures: { file: string; expected: string; got: string; codesDiffer: boolean }[];
  /** Per confidence band of the note (its lowest line; 'none' when no line): notes and exact. */
  bands: Record<string, { notes: number; exact: number; inFamily: number }>;
}

const BAND_ORDER = ['high', 'medium', 'low'] as const;
/** A note's band is its least confident line; a note with no line is 'none'. */
export function noteBand(a: { suggestions: { confidence: string }[] }): string {
  if (!a.suggestions.length) return 'none';
  return BAND_ORDER[Math.max(...a.suggestions.map((s) => BAND_ORDER.indexOf(s.confidence as (typeof BAND_ORDER)[number])))];
}

const key = (l: ExpectedLine) => `${[l.code, ...[...l.modifiers].sort()].join('-')} x${l.units}`;
const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/** Score the engine on a fixture corpus: exact claim-line match, per-code P/R, modifier P/R/F1. */
export function evaluateCorpus(dir: string, expectedFile: string): CorpusScore {
  const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as ExpectedNote[];
  const perCode = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (code: string, k: 'tp' | 'fp' | 'fn', n = 1) => {
    const s = perCode.get(code) ?? { tp: 0, fp: 0, fn: 0 };
    s[k] += n;
    perCode.set(code, s);
  };
  let exact = 0;
  let codeExact = 0;
  let scopeCorrect = 0;
  const mod = { tp: 0, fp: 0, fn: 0 };
  const failures: CorpusScore['failures'] = [];
  const bands: CorpusScore['bands'] = {};
  for (const e of expected) {
    const a = analyze(readFileSync(join(dir, e.file), 'utf8'));
    const got: ExpectedLine[] = a.suggestions.map((s) => ({ code: s.code, units: s.units, modifiers: s.modifiers.map((m) => m.code) }));
    if (a.inScope === e.inScope) scopeCorrect++;
    const gk = got.map(key).sort();
    const ek = e.lines.map(key).sort();
    const gc = got.map((l) => `${l.code} x${l.units}`).sort();
    const ec = e.lines.map((l) => `${l.code} x${l.units}`).sort();
    const ok = gk.join('|') === ek.join('|') && a.inScope === e.inScope;
    const b = (bands[noteBand(a)] ??= { notes: 0, exact: 0, inFamily: 0 });
    b.notes++;
    if (ok) b.exact++;
    if (e.inScope) b.inFamily++;
    if (ok) exact++;
    else failures.push({ file: e.file, expected: ek.join(', ') || '(none)', got: gk.join(', ') || '(none)', codesDiffer: gc.join('|') !== ec.join('|') });
    if (gc.join('|') === ec.join('|')) codeExact++;
    // per code (multiset of codes)
    const gcount = new Map<string, number>();
    const ecount = new Map<string, number>();
    got.forEach((l) => gcount.set(l.code, (gcount.get(l.code) ?? 0) + 1));
    e.lines.forEach((l) => ecount.set(l.code, (ecount.get(l.code) ?? 0) + 1));
    for (const c of new Set([...gcount.keys(), ...ecount.keys()])) {
      const g = gcount.get(c) ?? 0;
      const x = ecount.get(c) ?? 0;
      bump(c, 'tp', Math.min(g, x));
      if (g > x) bump(c, 'fp', g - x);
      if (x > g) bump(c, 'fn', x - g);
    }
    // modifiers (code:modifier pairs)
    const gm = new Map<string, number>();
    const em = new Map<string, number>();
    got.forEach((l) => l.modifiers.forEach((m) => gm.set(`${l.code}:${m}`, (gm.get(`${l.code}:${m}`) ?? 0) + 1)));
    e.lines.forEach((l) => l.modifiers.forEach((m) => em.set(`${l.code}:${m}`, (em.get(`${l.code}:${m}`) ?? 0) + 1)));
    for (const k of new Set([...gm.keys(), ...em.keys()])) {
      const g = gm.get(k) ?? 0;
      const x = em.get(k) ?? 0;
      mod.tp += Math.min(g, x);
      mod.fp += Math.max(0, g - x);
      mod.fn += Math.max(0, x - g);
    }
  }
  const mp = ratio(mod.tp, mod.tp + mod.fp);
  const mr = ratio(mod.tp, mod.tp + mod.fn);
  return {
    notes: expected.length,
    exact,
    exactRate: ratio(exact, expected.length),
    codeExact,
    codeExactRate: ratio(codeExact, expected.length),
    scopeCorrect,
    perCode: [...perCode.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([code, s]) => ({ code, ...s, precision: ratio(s.tp, s.tp + s.fp), recall: ratio(s.tp, s.tp + s.fn) })),
    modifiers: { ...mod, precision: mp, recall: mr, f1: mp + mr === 0 ? 0 : (2 * mp * mr) / (mp + mr) },
    failures,
    bands,
  };
}
