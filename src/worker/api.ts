import type { Analysis } from '../engine/types';
import type { Answer } from '../engine/ask/types';
import type { DocCheck } from '../engine/doccheck';
import type { BatchInput, BatchOutcome } from '../engine/audit/batch';

/** What the engine reports once wink and its model are loaded. */
export interface EngineReady {
  /** Milliseconds from the first request to a warmed-up engine. */
  loadMs: number;
}

/**
 * The analyzer the UI depends on. The worker client implements it in the browser;
 * component tests implement it with the engine running in Node.
 */
export interface Analyzer {
  /** Analyse one note. Resolves with the engine's result for exactly this text. */
  analyze(text: string): Promise<Analysis>;
  /** Resolves when the language model is loaded (loading starts on the first call). */
  ready(): Promise<EngineReady>;
  /** Resolves as soon as the engine host answers at all (before the model loads). */
  ping?(): Promise<'pong'>;
  /** Answer a coding question from the knowledge base (optional: hosts without it hide the Ask view's answers). */
  ask?(question: string): Promise<Answer>;
  /** The documentation check of one note, computed where the engine runs (never on the UI thread). */
  checkDocumentation?(text: string, against?: string): Promise<DocCheck>;
}

/** The functions the engine worker exposes through comlink. */
export interface EngineWorkerApi {
  ping(): 'pong';
  ready(): Promise<EngineReady>;
  analyze(text: string): Promise<Analysis>;
  ask(question: string): Promise<Answer>;
  checkDocumentation(text: string, against?: string): Promise<DocCheck>;
  /** Analyse and audit a chunk of notes for the batch view, in order. A bad note becomes an error outcome. */
  run(chunk: BatchInput[]): Promise<BatchOutcome[]>;
}

/** What the batch view's workers offer (the same engine worker, started under another name). */
export type BatchWorkerApi = Pick<EngineWorkerApi, 'ready' | 'run'>;
