/**
 * Assertion context from the command line.
 *
 *   npm run -s assert -- --tsv FILE          (FILE may be "-" for stdin)
 *   npm run -s assert -- --tsv FILE --axes
 *   npm run -s assert -- --tsv FILE --kind component
 *
 * Input: one row per line, `id<TAB>sentence<TAB>concept[<TAB>start]`. The concept is looked up
 * in the sentence (exact case first, then case-insensitive, runs of white space matched loosely);
 * the optional fourth column gives its character offset when the caller knows it. When the
 * concept is not found, the whole sentence is the target. Blank lines and lines starting with
 * "#" are skipped; malformed lines are reported on stderr and skipped.
 *
 * Output: `id<TAB>Affirmed|Negated|Historical|Hypothetical` (one label, priority
 * negated > hypothetical > historical), or with --axes `id<TAB>Negated|Affirmed<TAB>Recent|Historical|Hypothetical`
 * (each axis on its own, as the public test sets label them).
 *
 * --kind names what the concepts are, for the rules that reach only some kinds of target
 * (`allowedKinds` / `excludedKinds` in src/kb/context-rules.ts): "condition" (a symptom, finding or
 * disease; the default, and what the public test sets annotate) or one of the engine's fact kinds
 * ("component", "action", "pocket", ...) for operative-note mentions.
 */
import { closeSync, openSync } from 'node:fs';
import { readBounded } from './read-input';

/** Largest TSV read (the public sets are well under 1 MB); a bigger input or an endless pipe stops here. */
const MAX_TSV_BYTES = 64 * 1024 * 1024;
import { pathToFileURL } from 'node:url';
import { buildDoc } from '../engine/nlp/nlp';
import { applyContext, contextAxes, targetForSpan, type ContextTarget } from '../engine/context/context';
import type { Assertion } from '../engine/types';
import { CONDITION_KIND } from '../kb/context-rules';
import { CONCEPTS } from '../kb/concepts';

/** The kinds a concept may be: a condition, or a kind the engine's own concepts have. */
export const TARGET_KINDS: ReadonlySet<string> = new Set([CONDITION_KIND, ...CONCEPTS.filter((c) => c.kind !== 'mask').map((c) => c.kind)]);

export interface AssertRow {
  id: string;
  sentence: string;
  concept: string;
  /** Character offset of the concept in the sentence, when known. */
  start?: number;
}

export interface AssertOutput {
  id: string;
  label: 'Affirmed' | 'Negated' | 'Historical' | 'Hypothetical';
  negation: 'Negated' | 'Affirmed';
  temporality: 'Recent' | 'Historical' | 'Hypothetical';
}

const LABEL: Record<Assertion, AssertOutput['label']> = {
  affirmed: 'Affirmed',
  negated: 'Negated',
  historical: 'Historical',
  hypothetical: 'Hypothetical',
};

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Character range of the concept in the sentence, or the whole sentence. */
export function locateConcept(sentence: string, concept: string, start?: number): [number, number] {
  return findConcept(sentence, concept, start) ?? [0, sentence.length];
}

/** Character range of the concept in the sentence, or null when it is not there. */
export function findConcept(sentence: string, concept: string, start?: number): [number, number] | null {
  const c = concept.trim();
  if (start !== undefined && start >= 0 && start < sentence.length) {
    // trust the offset, but measure the concept's length with loose white space
    const words = c.split(/\s+/).filter(Boolean);
    if (words.length) {
      const re = new RegExp(words.map(escapeRe).join('\\s+'), 'iy');
      re.lastIndex = start;
      const m = re.exec(sentence);
      if (m) return [start, start + m[0].length];
    }
    return [start, Math.min(sentence.length, start + Math.max(1, c.length))];
  }
  const words = c.split(/\s+/).filter(Boolean);
  if (words.length) {
    const body = words.map(escapeRe).join('\\s+');
    const m = new RegExp(body).exec(sentence) ?? new RegExp(body, 'i').exec(sentence);
    if (m) return [m.index, m.index + m[0].length];
  }
  return null;
}

/** Parse TSV text into rows; malformed lines go to `errors` as messages. */
export function parseTsv(text: string, errors: string[] = []): AssertRow[] {
  const rows: AssertRow[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || line.startsWith('#')) return;
    const cols = line.split('\t');
    const [id, sentence, concept, start] = cols;
    if (cols.length < 3 || cols.length > 4 || !id?.trim() || !sentence?.trim()) {
      errors.push(`line ${i + 1}: expected id<TAB>sentence<TAB>concept[<TAB>start], got ${cols.length} column(s)`);
      return;
    }
    let offset: number | undefined;
    if (start !== undefined && start.trim() !== '') {
      const n = Number(start);
      if (!Number.isInteger(n) || n < 0) {
        errors.push(`line ${i + 1}: start "${start}" is not a character offset`);
        return;
      }
      offset = n;
    }
    rows.push({ id: id.trim(), sentence, concept: concept ?? '', ...(offset !== undefined ? { start: offset } : {}) });
  });
  return rows;
}

/** Run the context stage on each row (each sentence read as its own small document). */
export function assertRows(rows: AssertRow[], kind: string = CONDITION_KIND): AssertOutput[] {
  return rows.map((row) => {
    const doc = buildDoc(row.sentence);
    const found = findConcept(row.sentence, row.concept, row.start);
    const [s, e] = found ?? [0, row.sentence.length];
    let target: ContextTarget | null = targetForSpan(doc, s, e);
    // the whole sentence stands for a concept that is not in it; its own cues then count
    let whole = !found;
    if (!target) {
      target = targetForSpan(doc, 0, row.sentence.length);
      whole = true;
    }
    if (!target) return { id: row.id, label: 'Affirmed', negation: 'Affirmed', temporality: 'Recent' };
    target.kind = kind;
    const opts = { innerCues: whole };
    const [one] = applyContext(doc, [target], opts);
    const [ax] = contextAxes(doc, [target], opts);
    return {
      id: row.id,
      label: LABEL[one.assertion],
      negation: ax.negated ? 'Negated' : 'Affirmed',
      temporality: ax.hypothetical ? 'Hypothetical' : ax.historical ? 'Historical' : 'Recent',
    };
  });
}

function main(argv: string[]): number {
  let file: string | undefined;
  let axes = false;
  let kind = CONDITION_KIND;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--tsv') file = argv[++i];
    else if (a === '--axes') axes = true;
    else if (a === '--kind') {
      const k = argv[++i];
      if (!k || !TARGET_KINDS.has(k)) {
        console.error(`assert: --kind must be one of ${[...TARGET_KINDS].sort().join(', ')}`);
        return 2;
      }
      kind = k;
    }
    else if (a === '-h' || a === '--help') {
      console.log('usage: assert --tsv FILE|- [--axes] [--kind condition|FACT_KIND]\n  input lines: id<TAB>sentence<TAB>concept[<TAB>start]\n  output: id<TAB>Affirmed|Negated|Historical|Hypothetical');
      return 0;
    } else {
      console.error(`assert: unknown argument ${a}\nusage: assert --tsv FILE|- [--axes] [--kind condition|FACT_KIND]`);
      return 2;
    }
  }
  if (!file) {
    console.error('usage: assert --tsv FILE|- [--axes] [--kind condition|FACT_KIND]');
    return 2;
  }
  let text: string;
  try {
    const fd = file === '-' ? 0 : openSync(file, 'r');
    try {
      const r = readBounded(fd, MAX_TSV_BYTES);
      if (r.truncated) {
        console.error(`assert: ${file} is more than ${MAX_TSV_BYTES} bytes; stopped reading`);
        return 2;
      }
      text = Buffer.from(r.bytes).toString('utf8');
    } finally {
      if (fd !== 0) closeSync(fd);
    }
  } catch (e) {
    console.error(`assert: cannot read ${file}: ${(e as Error).message}`);
    return 2;
  }
  const errors: string[] = [];
  const rows = parseTsv(text, errors);
  for (const err of errors) console.error(`assert: ${err} (skipped)`);
  const out = assertRows(rows, kind)
    .map((o) => (axes ? `${o.id}\t${o.negation}\t${o.temporality}` : `${o.id}\t${o.label}`))
    .join('\n');
  if (out) process.stdout.write(out + '\n');
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
