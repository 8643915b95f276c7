/**
 * The batch's state lives outside React (a zustand store at module level) so a run keeps going,
 * and its results stay, while the user opens a note in the workspace and comes back.
 * Notes stay in memory only; nothing is stored or sent.
 */
import { createStore } from 'zustand/vanilla';
import type { Analyzer } from '../../../worker/api';
import type { BatchError, BatchInput, BatchOutcome } from '../../../engine/audit/index';
import { startBatch, type BatchRun } from './runner';
import type { LoadedBatch } from './load';

export type BatchStatus = 'idle' | 'running' | 'done' | 'cancelled';

export interface BatchState {
  status: BatchStatus;
  source: string;
  inputs: BatchInput[];
  /** Outcomes by input position (index); undefined until analysed. */
  outcomes: (BatchOutcome | undefined)[];
  total: number;
  done: number;
  hasBilled: boolean;
  skipped: string[];
  startedAt: number;
  finishedAt: number | null;
  /** Load problem that stopped the batch (no note column, nothing to read). */
  message: string | null;
}

const initial: BatchState = {
  status: 'idle',
  source: '',
  inputs: [],
  outcomes: [],
  total: 0,
  done: 0,
  hasBilled: false,
  skipped: [],
  startedAt: 0,
  finishedAt: null,
  message: null,
};

export const batchStore = createStore<BatchState>()(() => ({ ...initial }));

let current: BatchRun | null = null;

/** Cancel any run and forget the results (also used between tests). */
export function resetBatch(): void {
  current?.cancel();
  current = null;
  batchStore.setState({ ...initial });
}

export function cancelBatch(): void {
  if (batchStore.getState().status !== 'running') return;
  current?.cancel();
  current = null;
  batchStore.setState({ status: 'cancelled', finishedAt: performance.now() });
}

const errorOutcome = (e: BatchError): BatchOutcome => ({ ok: false, error: e });

export function runBatch(loaded: LoadedBatch, analyzer: Analyzer, opts: { workers?: number; chunkSize?: number } = {}): void {
  resetBatch();
  const total = loaded.inputs.length + loaded.errors.length;
  const outcomes: (BatchOutcome | undefined)[] = new Array(total);
  for (const e of loaded.errors) outcomes[e.index] = errorOutcome(e);
  const byIndex: BatchInput[] = new Array(total);
  for (const i of loaded.inputs) byIndex[i.index] = i;
  if (!loaded.inputs.length) {
    batchStore.setState({
      ...initial,
      status: total ? 'done' : 'idle',
      source: loaded.source,
      outcomes,
      total,
      done: total,
      skipped: loaded.skipped,
      message: total ? null : `No notes found${loaded.skipped.length ? ` (skipped ${loaded.skipped.length} file${loaded.skipped.length === 1 ? '' : 's'} that are not .txt or .csv)` : ''}.`,
    });
    return;
  }
  const startedAt = performance.now();
  batchStore.setState({
    ...initial,
    status: 'running',
    source: loaded.source,
    inputs: byIndex,
    outcomes,
    total,
    done: loaded.errors.length,
    hasBilled: loaded.hasBilled,
    skipped: loaded.skipped,
    startedAt,
  });
  const run = startBatch(loaded.inputs, {
    analyzer,
    ...opts,
    onOutcomes(chunk) {
      const s = batchStore.getState();
      const next = s.outcomes.slice();
      for (const o of chunk) next[o.ok ? o.row.index : o.error.index] = o;
      batchStore.setState({ outcomes: next, done: s.done + chunk.length });
    },
  });
  current = run;
  const end = (how: 'done' | 'cancelled') => {
    if (current !== run) return;
    current = null;
    if (how === 'done') batchStore.setState({ status: 'done', finishedAt: performance.now() });
  };
  run.finished.then(end, () => end('done'));
}
