/// <reference lib="webworker" />
/**
 * The engine worker. It starts small (comlink only) so it can answer `ping` at once,
 * then imports the engine — wink-nlp and its model — in a separate chunk.
 */
import { expose } from 'comlink';
import type { EngineReady, EngineWorkerApi } from './api';

type EngineModule = typeof import('../engine/index');
type AskModule = typeof import('../engine/ask/index');

let loading: Promise<{ engine: EngineModule; info: EngineReady }> | null = null;

function load(): Promise<{ engine: EngineModule; info: EngineReady }> {
  if (!loading) {
    const t0 = performance.now();
    loading = import('../engine/index').then((engine) => {
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

const api: EngineWorkerApi = {
  ping: () => 'pong',
  async ready() {
    return (await load()).info;
  },
  async analyze(text: string) {
    return analyzeOnce((await load()).engine, text);
  },
  async checkDocumentation(text: string) {
    const { engine } = await load();
    const { checkDocumentation } = await import('../engine/doccheck');
    return checkDocumentation(analyzeOnce(engine, text), text);
  },
  async ask(question: string) {
    return (await loadAsk()).ask(question);
  },
};

expose(api);
void load();
