/**
 * Tolerance for typos in the device, target and approach words of a note ("generater",
 * "stimulater", "percutanous", "flouroscopy"): a token that is not itself a word of those
 * concepts, at least 7 letters long, and one edit (insertion, deletion, substitution or swap of
 * neighbours) away from exactly one such word, is read as that word. Only nouns and adjectives
 * of those kinds are corrected: actions and negations never are, so a real word cannot turn into
 * an act ("remained" never becomes "retained"). Words of wink's English lexicon are never
 * corrected at all (the matcher skips tokens marked `lexeme`): "percent" stays "percent" and is
 * not read as the "Percept" generator.
 */
export interface Speller {
  vocab: ReadonlySet<string>;
  /** word and each one-letter deletion of it → the vocabulary words it comes from */
  deletes: ReadonlyMap<string, readonly string[]>;
  /** Answers already worked out (a note repeats its words; bounded). */
  cache: Map<string, string>;
}

const MIN = 7;

function deletions(w: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}

export function buildSpeller(words: Iterable<string>): Speller {
  const vocab = new Set<string>();
  const deletes = new Map<string, string[]>();
  const add = (k: string, w: string) => {
    const l = deletes.get(k);
    if (!l) deletes.set(k, [w]);
    else if (!l.includes(w)) l.push(w);
  };
  for (const w of words) {
    if (w.length < MIN || !/^[a-z]+$/.test(w)) continue;
    vocab.add(w);
    add(w, w);
    for (const d of deletions(w)) add(d, w);
  }
  return { vocab, deletes, cache: new Map() };
}

/** Optimal string alignment distance, capped: true when a and b are at most one edit apart. */
function withinOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const diff: number[] = [];
    for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
    if (diff.length <= 1) return true;
    return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
  }
  const [s, l] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < s.length && s[i] === l[i]) i++;
  return s.slice(i) === l.slice(i + 1);
}

/** The vocabulary word a token stands for, or the token itself. */
export function correct(sp: Speller, norm: string): string {
  if (norm.length < MIN || sp.vocab.has(norm)) return norm;
  const known = sp.cache.get(norm);
  if (known !== undefined) return known;
  let out = norm;
  if (/^[a-z]+$/.test(norm)) {
    const cands = new Set<string>();
    for (const k of [norm, ...deletions(norm)]) for (const w of sp.deletes.get(k) ?? []) if (withinOne(norm, w)) cands.add(w);
    if (cands.size === 1) out = [...cands][0];
  }
  if (sp.cache.size > 50_000) sp.cache.clear();
  sp.cache.set(norm, out);
  return out;
}
