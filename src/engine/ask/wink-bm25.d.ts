/** Minimal types for wink-bm25-text-search 3.x (the package ships none). */
declare module 'wink-bm25-text-search' {
  type PrepTask = (input: never) => unknown;
  interface BM25Config {
    fldWeights: Record<string, number>;
    bm25Params?: { k1?: number; b?: number; k?: number };
    ovFldNames?: string[];
  }
  interface BM25Engine {
    defineConfig(config: BM25Config): boolean;
    definePrepTasks(tasks: PrepTask[], field?: string): number;
    addDoc(doc: Record<string, unknown>, id: string | number): number;
    consolidate(fp?: number): boolean;
    /** [id, score] pairs, best first. */
    search(text: string, limit?: number, filter?: (fieldValues: Record<string, unknown>, params: unknown) => boolean, params?: unknown): [string, number][];
    getTotalDocs(): number;
    exportJSON(): string;
    importJSON(json: string): boolean;
    reset(): boolean;
  }
  function bm25(): BM25Engine;
  export default bm25;
}
