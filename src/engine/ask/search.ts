import bm25 from 'wink-bm25-text-search';
import { askDocs, type AskDoc } from './corpus';
import { terms } from './terms';

/**
 * The question index: BM25 (wink-bm25-text-search) over the knowledge-base documents, with
 * wink-nlp terms (see terms.ts) for both the documents and the questions. Built once per
 * process or worker, on the first question (about a hundred documents, tens of milliseconds).
 */
export const FIELD_WEIGHTS = { name: 4, title: 2, body: 1, syn: 0.5 } as const;

export interface Hit {
  doc: AskDoc;
  score: number;
}

interface Index {
  engine: ReturnType<typeof bm25>;
  byId: Map<string, AskDoc>;
  vocabulary: Set<string>;
  /** Terms of the name, title and synonym fields: the words that say what an entry is about. */
  topical: Set<string>;
  /** In how many documents each term occurs in a name, title or synonym field. */
  df: Map<string, number>;
}

let index: Index | null = null;

function build(): Index {
  const engine = bm25();
  engine.defineConfig({ fldWeights: { ...FIELD_WEIGHTS }, bm25Params: { k1: 1.2, b: 0.6, k: 1 }, ovFldNames: ['kind'] });
  // Documents are tokenised before they are added: the prep task only splits the term list.
  engine.definePrepTasks([(s: string) => (s ? s.split(' ') : [])]);
  const byId = new Map<string, AskDoc>();
  const vocabulary = new Set<string>();
  const topical = new Set<string>();
  const df = new Map<string, number>();
  for (const d of askDocs()) {
    byId.set(d.id, d);
    const fields: Record<string, string> = { kind: d.kind };
    for (const f of Object.keys(FIELD_WEIGHTS)) {
      const t = terms((d as unknown as Record<string, string>)[f]);
      for (const x of t) vocabulary.add(x);
      if (f !== 'body') for (const x of t) topical.add(x);
      fields[f] = t.join(' ');
    }
    for (const x of new Set([fields.name, fields.title, fields.syn].join(' ').split(' '))) df.set(x, (df.get(x) ?? 0) + 1);
    engine.addDoc(fields, d.id);
  }
  engine.consolidate(4);
  return { engine, byId, vocabulary, topical, df };
}

function getIndex(): Index {
  if (!index) index = build();
  return index;
}

/** Build the index now (the worker does this while the user types). */
export function warmIndex(): void {
  getIndex();
}

export function docById(id: string): AskDoc | undefined {
  return getIndex().byId.get(id);
}

/** Ranked documents for already-computed query terms, optionally of one kind only. */
export function searchTerms(queryTerms: string[], opts: { kind?: AskDoc['kind']; limit?: number } = {}): Hit[] {
  const { engine, byId } = getIndex();
  const unique = [...new Set(queryTerms)];
  if (!unique.length) return [];
  const filter = opts.kind ? (v: Record<string, unknown>) => v.kind === opts.kind : undefined;
  return engine
    .search(unique.join(' '), opts.limit ?? 10, filter)
    .map(([id, score]) => ({ doc: byId.get(id) as AskDoc, score }))
    .filter((h) => h.doc);
}

/** The share of the query terms the index knows at all (0 when none: nothing to retrieve). */
export function knownShare(queryTerms: string[]): number {
  const unique = [...new Set(queryTerms)];
  if (!unique.length) return 0;
  const { vocabulary } = getIndex();
  return unique.filter((t) => vocabulary.has(t)).length / unique.length;
}

/**
 * How many of the query terms name what an entry is about: terms of a name, title or synonym
 * field (not only body text) that are specific (in those fields of at most a fifth of the documents), so that
 * "hospital" or "open" alone does not make a question answerable.
 */
export function topicalCount(queryTerms: string[]): number {
  const { topical, df, byId } = getIndex();
  const limit = byId.size / 5;
  return [...new Set(queryTerms)].filter((t) => topical.has(t) && (df.get(t) ?? 0) <= limit).length;
}
