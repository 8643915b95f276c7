/// <reference lib="webworker" />
/**
 * The batch worker: analyses and audits chunks of notes for the batch view. Several may run
 * side by side (the view starts at most two). It returns compact rows (BatchOutcome), not full
 * analyses, so a thousand results cross the worker boundary cheaply.
 */
import { expose } from 'comlink';
import { analyze } from '../engine/index';
import { processInput, type BatchInput, type BatchOutcome } from '../engine/audit/index';

export interface BatchWorkerApi {
  /** Resolves once the engine is loaded and warmed up; the milliseconds that took. */
  ready(): number;
  /** Analyse and audit a chunk of notes, in order. Never throws for a bad note: it becomes an error outcome. */
  run(chunk: BatchInput[]): BatchOutcome[];
}

let warmMs: number | null = null;
function warm(): number {
  if (warmMs === null) {
    const t0 = performance.now();
    analyze('Warm-up.');
    warmMs = Math.round(performance.now() - t0);
  }
  return warmMs;
}

const api: BatchWorkerApi = {
  ready: warm,
  run(chunk) {
    warm();
    return chunk.map((input) => processInput(input, analyze));
  },
};

expose(api);
