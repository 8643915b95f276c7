/**
 * The browser's analyzer: the engine in a Web Worker behind comlink. If the worker fails
 * to start, every pending and later call rejects instead of hanging.
 */
import { wrap, releaseProxy } from 'comlink';
import type { Analysis } from '../engine/types';
import type { Answer } from '../engine/ask/types';
import type { DocCheck } from '../engine/doccheck';
import type { Analyzer, EngineReady, EngineWorkerApi } from './api';

export interface WorkerAnalyzer extends Analyzer {
  ping(): Promise<'pong'>;
  ask(question: string): Promise<Answer>;
  checkDocumentation(text: string, against?: string): Promise<DocCheck>;
  dispose(): void;
}

/**
 * Start an engine worker. Every worker of the app is this one script (the batch view's too), so
 * the engine and its model are one chunk, downloaded and cached once.
 */
export function startEngineWorker(name: 'opnote-engine' | 'opnote-batch' = 'opnote-engine'): Worker {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name });
}

export function createWorkerAnalyzer(): WorkerAnalyzer {
  const worker = startEngineWorker('opnote-engine');
  const remote = wrap<EngineWorkerApi>(worker);

  let fail: (e: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  failed.catch(() => {});
  worker.addEventListener('error', (ev) => {
    fail(new Error(`The analysis engine failed to start: ${ev.message || 'worker error'}`));
  });

  const guard = <T>(p: Promise<T>): Promise<T> => Promise.race([p, failed]);

  return {
    ping: () => guard(remote.ping() as Promise<'pong'>),
    ready: (): Promise<EngineReady> => guard(remote.ready()),
    analyze: (text: string): Promise<Analysis> => guard(remote.analyze(text)),
    ask: (question: string): Promise<Answer> => guard(remote.ask(question)),
    checkDocumentation: (text: string, against?: string): Promise<DocCheck> => guard(remote.checkDocumentation(text, against)),
    dispose() {
      remote[releaseProxy]();
      worker.terminate();
    },
  };
}
