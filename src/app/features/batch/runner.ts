/**
 * Runs a batch: the notes go, in chunks, to at most two batch workers (this is a 2-core
 * target; the page keeps the main thread). Without Worker support (component tests, very old
 * browsers) it falls back to the app's Analyzer, one chunk at a time, yielding between chunks.
 * Cancel terminates the workers at once; results already received are kept.
 */
import { wrap, type Remote } from 'comlink';
import type { Analyzer } from '../../../worker/api';
import type { BatchWorkerApi } from '../../../worker/api';
import { startEngineWorker } from '../../../worker/client';
import { checkInput, toBatchRow, type BatchInput, type BatchOutcome } from '../../../engine/audit/index';

export const CHUNK_SIZE = 10;
export const MAX_WORKERS = 2;

export interface BatchRunOptions {
  /** Called with each chunk's outcomes as they arrive (chunks may finish out of order). */
  onOutcomes(outcomes: BatchOutcome[]): void;
  /** Used when Web Workers are not available. */
  analyzer: Analyzer;
  chunkSize?: number;
  /** Force the fallback path (tests) or cap the number of workers. */
  workers?: number;
}

export interface BatchRun {
  cancel(): void;
  /** 'done' when every note has an outcome, 'cancelled' after cancel(). */
  finished: Promise<'done' | 'cancelled'>;
}

function chunks<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

export function workerCount(requested?: number): number {
  if (typeof Worker === 'undefined') return 0;
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
  return Math.max(0, Math.min(requested ?? MAX_WORKERS, MAX_WORKERS, cores));
}

const failAll = (chunk: BatchInput[], error: string): BatchOutcome[] => chunk.map((i) => ({ ok: false, error: { index: i.index, id: i.id, error } }));

export function startBatch(inputs: BatchInput[], opts: BatchRunOptions): BatchRun {
  const queue = chunks(inputs, opts.chunkSize ?? CHUNK_SIZE);
  const n = Math.min(workerCount(opts.workers), queue.length);
  let cancelled = false;
  let resolveCancel: (v: 'cancelled') => void = () => {};
  const onCancel = new Promise<'cancelled'>((r) => (resolveCancel = r));
  const workers: Worker[] = [];

  const deliver = (o: BatchOutcome[]) => {
    if (!cancelled) opts.onOutcomes(o);
  };

  async function workerLoop(): Promise<void> {
    let worker: Worker;
    try {
      worker = startEngineWorker('opnote-batch');
    } catch {
      return fallbackLoop(); // workers refused (e.g. a strict CSP): analyse through the app's engine instead
    }
    workers.push(worker);
    const remote: Remote<BatchWorkerApi> = wrap<BatchWorkerApi>(worker);
    let crash: (e: Error) => void = () => {};
    const crashed = new Promise<never>((_, reject) => (crash = reject));
    crashed.catch(() => {});
    worker.addEventListener('error', (ev) => crash(new Error(ev.message || 'batch worker error')));
    try {
      while (!cancelled && queue.length) {
        const chunk = queue.shift()!;
        try {
          deliver(await Promise.race([remote.run(chunk), crashed]));
        } catch (e) {
          deliver(failAll(chunk, `analysis failed: ${(e as Error).message}`));
        }
      }
    } finally {
      worker.terminate();
    }
  }

  async function fallbackLoop(): Promise<void> {
    while (!cancelled && queue.length) {
      const chunk = queue.shift()!;
      const out: BatchOutcome[] = [];
      for (const input of chunk) {
        const checked = checkInput(input);
        if (!checked.ok) {
          out.push({ ok: false, error: { index: input.index, id: input.id, error: checked.error } });
          continue;
        }
        try {
          out.push({ ok: true, row: toBatchRow(input, await opts.analyzer.analyze(input.text), checked.billed) });
        } catch (e) {
          out.push({ ok: false, error: { index: input.index, id: input.id, error: `analysis failed: ${(e as Error).message}` } });
        }
        if (cancelled) return;
      }
      deliver(out);
      await new Promise((r) => setTimeout(r, 0));
    }
  }

  const loops = n > 0 ? Array.from({ length: n }, () => workerLoop()) : [fallbackLoop()];
  const finished = Promise.race([Promise.all(loops).then(() => (cancelled ? 'cancelled' : 'done') as 'done' | 'cancelled'), onCancel]);
  return {
    cancel() {
      if (cancelled) return;
      cancelled = true;
      for (const w of workers) w.terminate();
      resolveCancel('cancelled');
    },
    finished,
  };
}
