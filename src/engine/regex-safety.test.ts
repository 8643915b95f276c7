/**
 * Regular expressions on user text must run in linear time (issue 19). The lint
 * (eslint-plugin-regexp: no-super-linear-backtracking / no-super-linear-move) checks the
 * literals; this file checks the expressions built at run time and the three that were
 * super-linear, against adversarial strings (long runs of spaces, tabs, dots, hyphens,
 * newlines, a keyword followed by 100k of padding).
 *
 * Timing is a ratio against a same-run linear baseline (one pass over the same string), never
 * an absolute time. Before the fix, "modifier" + 100k spaces took 4.7 s, "Assistant:" + 100k
 * spaces + "x" 4.5 s and "Model" + 4k spaces 14.7 s: ratios of 10⁴ and more against the
 * baseline. A linear expression stays within a few dozen.
 *
 * The rewritten expressions are also checked to accept exactly what the old ones did, on
 * random short strings (where the old ones are still fast).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nonexistentModifierSource } from './modifiers/modifiers';
import { isEmptyFieldBody } from './context/empty-fields';
import { MODEL_SERIAL_RE, findAll } from './doccheck/patterns';
import { plainText } from './ask/cite';
import { gapKey } from './audit/batch';
import { parseBilled } from './audit/billed';
import { readEntities } from './ask/classify';

/** Adversarial length: 100k by default; REGEX_SAFETY_N lowers it (to time the old expressions). */
const N = Number(process.env.REGEX_SAFETY_N ?? 100_000);
/** Generous: linear expressions measure 1–30× the baseline here, the old ones 10⁴× and more. */
const MAX_RATIO = 400;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timed(fn: () => unknown, reps: number): number {
  const t: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}

/** One linear pass over the string: a regex that looks at every character once. */
function baseline(s: string): number {
  const re = /[\s.\-:#]/g;
  return Math.max(
    timed(() => {
      let c = 0;
      re.lastIndex = 0;
      while (re.exec(s) !== null) c++;
      return c;
    }, 5),
    0.05,
  );
}

const PADS: Record<string, (n: number) => string> = {
  spaces: (n) => ' '.repeat(n),
  tabs: (n) => '\t'.repeat(n),
  'spaces and tabs': (n) => ' \t'.repeat(n / 2),
  dots: (n) => '.'.repeat(n),
  hyphens: (n) => '-'.repeat(n),
  newlines: (n) => '\n'.repeat(n),
  'dots and spaces': (n) => '. '.repeat(n / 2),
};

function expectLinear(label: string, input: string, run: (s: string) => unknown): { label: string; ms: number; base: number; ratio: number } {
  run(input.slice(0, 1000)); // warm up
  const base = baseline(input);
  const ms = timed(() => run(input), 3);
  const ratio = ms / base;
  expect(ratio, `${label}: ${ms.toFixed(2)} ms vs linear baseline ${base.toFixed(3)} ms`).toBeLessThan(MAX_RATIO);
  return { label, ms: Math.round(ms * 100) / 100, base: Math.round(base * 1000) / 1000, ratio: Math.round(ratio * 100) / 100 };
}

describe('regular expressions on note text are linear (adversarial padding, ratio to a same-run linear pass)', () => {
  it('finding 1a: the "modifier 11" search (built at run time) — "modifier" or "63685" followed by padding', () => {
    const rows = [];
    for (const code of ['11']) {
      const re = new RegExp(nonexistentModifierSource(code), 'gi');
      for (const [name, pad] of Object.entries(PADS)) {
        for (const head of ['modifier', 'modifiers:', '63685']) {
          rows.push(expectLinear(`${head} + ${N} ${name}`, `${head}${pad(N)}x`, (s) => [...s.matchAll(re)].length));
        }
      }
      rows.push(expectLinear(`"modifier " × ${N / 9}`, 'modifier '.repeat(N / 9), (s) => [...s.matchAll(re)].length));
    }
    console.table(rows.slice(0, 6));
  });

  it('finding 1b: an empty template field ("Assistant:" + padding + one other character)', () => {
    const rows = [];
    for (const [name, pad] of Object.entries(PADS)) {
      rows.push(expectLinear(`${N} ${name} + x`, `${pad(N)}x`, isEmptyFieldBody));
      rows.push(expectLinear(`: + ${N} ${name} + none.x`, `:${pad(N)}none.x`, isEmptyFieldBody));
    }
    console.table(rows.slice(0, 6));
  });

  it('finding 1c: the device model / serial search — "Model" followed by blanks and no number', () => {
    const rows = [];
    for (const [name, pad] of Object.entries(PADS)) {
      for (const head of ['Model', 'Model #', 'serial number', 'Model no.', 'SN:']) {
        rows.push(expectLinear(`${head} + ${N} ${name}`, `${head}${pad(N)}`, (s) => findAll(s, MODEL_SERIAL_RE, 6, (m) => /\d/.test(m))));
      }
    }
    rows.push(expectLinear(`"Model " × ${N / 6}`, 'Model '.repeat(N / 6), (s) => findAll(s, MODEL_SERIAL_RE, 6, (m) => /\d/.test(m))));
    console.table(rows.slice(0, 6));
  });

  it('the other expressions the lint flagged: answer text, gap keys, billed codes, questions', () => {
    for (const [name, pad] of Object.entries(PADS)) {
      expectLinear(`plainText: x + ${name} + y`, `x${pad(N)}y`, plainText);
      expectLinear(`gapKey: ${name} + (`, `a${pad(N)}(b`, gapKey);
      expectLinear(`billed: 63685 + ${name} + y`, `63685${pad(N)}y`, parseBilled);
      expectLinear(`question: modifier + ${name} + 59`, `modifier${pad(N)}59 ?`, readEntities);
    }
    expectLinear('gapKey: ( × N', '('.repeat(N), gapKey);
  });
});

// ---- the rewrites accept exactly what the old expressions accepted (short strings: the old ones are fast there)

const OLD_MODIFIER = (code: string) => new RegExp(`\\bmodifiers?\\s*[-:#]?\\s*${code}\\b|\\b\\d{5}\\s*-\\s*${code}\\b`, 'gi');
// eslint-disable-next-line regexp/no-super-linear-backtracking, regexp/optimal-quantifier-concatenation -- the old expression, compared on short strings only
const OLD_EMPTY = /^[\s:.\-–—]*(none|nil|n\/?a|not applicable|no|0|zero|_{2,}|-{2,})?[\s.]*$/i;
// eslint-disable-next-line regexp/no-super-linear-backtracking -- the old expression, kept to compare on short strings
const OLD_MODEL_SERIAL = /\b(?:model|serial|s\/n|sn|lot|catalog|cat\.|ref|part)\b[ \t]*(?:number|no\.?|num\.?|#)?[ \t]*[:#]?[ \t]*[A-Z0-9][A-Z0-9-]{2,20}/gi;

const piece = (words: string[]) => fc.array(fc.constantFrom(...words), { maxLength: 10 }).map((a) => a.join(''));
const matchesOf = (s: string, re: RegExp) => [...s.matchAll(re)].map((m) => `${m.index}:${m[0]}`);

describe('the linear rewrites are the same expressions (seeded fast-check)', () => {
  it('modifier search', () => {
    const s = piece(['modifier', 'modifiers', 'Modifier', ' ', '\t', '\n', '-', ':', '#', '11', '111', '63685', '6368', 'x', '.']);
    fc.assert(
      fc.property(s, (t) => {
        expect(matchesOf(t, new RegExp(nonexistentModifierSource('11'), 'gi'))).toEqual(matchesOf(t, OLD_MODIFIER('11')));
      }),
      { seed: 19, numRuns: 3000 },
    );
  });

  it('empty field body', () => {
    const s = piece([' ', '\t', '\n', ':', '.', '-', '–', '—', 'none', 'NONE', 'nil', 'n/a', 'na', 'not applicable', 'no', '0', 'zero', '_', '__', 'x', 'o', 'n']);
    fc.assert(
      fc.property(s, (t) => {
        expect(isEmptyFieldBody(t), JSON.stringify(t)).toBe(OLD_EMPTY.test(t));
      }),
      { seed: 19, numRuns: 5000 },
    );
  });

  it('model / serial search', () => {
    const s = piece(['Model', 'model', 'serial', 'SN', 's/n', 'lot', 'cat.', 'ref', ' ', '\t', 'number', 'no', 'no.', 'num.', '#', ':', 'A', '3', '38', '3889', '-', 'x', '.', '\n']);
    fc.assert(
      fc.property(s, (t) => {
        expect(matchesOf(t, MODEL_SERIAL_RE)).toEqual(matchesOf(t, OLD_MODEL_SERIAL));
      }),
      { seed: 19, numRuns: 5000 },
    );
  });
});
