/// <reference lib="webworker" />
/**
 * The engine worker, one script for every view: the workspace's analyzer and the batch view's
 * workers (started with the name `opnote-batch`) are the same file, so the engine chunk with
 * wink-nlp and its model is built, downloaded and precached once.
 *
 * It starts small (comlink only) so it can answer `ping` at once, and begins loading the engine
 * the moment it starts: the engine chunk and the wink + model chunk are requested side by side,
 * not one after the other.
 *
 * A worker open all day, or a batch worker given thousands of notes, keeps a bounded vocabulary:
 * the engine's NlpHolder (src/engine/nlp/nlp.ts) replaces the wink instance between notes after
 * 50,000 new words or 20,000 notes, with the same results (issue 19).
 */
import { expose } from 'comlink';
import type { EngineReady, EngineWorkerApi } from './api';

type EngineModule = typeof import('../engine/index');
type AskModule = typeof import('../engine/ask/index');
type AuditModule = typeof import('../engine/audit/batch');

let loading: Promise<{ engine: EngineModule; info: EngineReady }> | null = null;

function load(): Promise<{ engine: EngineModule; info: EngineReady }> {
  if (!loading) {
    const t0 = performance.now();
    // the engine chunk imports the nlp chunk statically; asking for both now saves a round trip
    const nlp = import('../engine/nlp/nlp');
    loading = Promise.all([import('../engine/index'), nlp]).then(([engine]) => {
      // The first call loads wink and compiles the patterns; do it now, not on the user's note.
      engine.analyze('Warm-up.');
      return { engine, info: { loadMs: Math.round(performance.now() - t0) } };
    });
  }
  return loading;
}

/** The last note analysed: the documentation check of the note on screen reuses its analysis. */
let last: { text: string; analysis: ReturnType<EngineModule['analyze']> } | null = null;

function analyzeOnce(engine: EngineModule, text: string): ReturnType<EngineModule['analyze']> {
  if (last?.text !== text) last = { text, analysis: engine.analyze(text) };
  return last.analysis;
}

let asking: Promise<AskModule> | null = null;

/** The question index (knowledge base + BM25), built on the first question, after the engine. */
function loadAsk(): Promise<AskModule> {
  if (!asking) {
    asking = load()
      .then(() => import('../engine/ask/index'))
      .then((m) => {
        m.warmAsk();
        return m;
      });
  }
  return asking;
}

let auditing: Promise<AuditModule> | null = null;

/** Batch rows and audits (the batch view only). */
function loadAudit(): Promise<AuditModule> {
  if (!auditing) auditing = import('../engine/audit/batch');
  return auditing;
}

const api: EngineWorkerApi = {
  ping: () => 'pong',
  async ready() {
    return (await load()).info;
  },
  async analyze(text: string) {
    return analyzeOnce((await load()).engine, text);
  },
  async checkDocumentation(text: string, against?: string) {
    const { engine } = await load();
    const { checkDocumentation } = await import('../engine/doccheck');
    return checkDocumentation(analyzeOnce(engine, text), text, against);
  },
  async ask(question: string) {
    return (await loadAsk()).ask(question);
  },
  async run(chunk) {
    const [{ engine }, audit] = await Promise.all([load(), loadAudit()]);
    return chunk.map((input) => audit.processInput(input, engine.analyze));
  },
};

expose(api);
void load();
