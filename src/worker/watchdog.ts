/**
 * A time budget for every analysis. The analyzer made by `createAnalyzer` (the engine
 * worker) is wrapped so that an analysis running longer than `budgetMs` is abandoned: the
 * worker is terminated, a fresh one is started, and the call rejects with a message the UI
 * can show. Calls run one after another, so a call's budget starts only when the engine
 * begins working on it (queued calls do not eat each other's time), and loading the
 * language model never counts against it.
 */
import type { Analysis } from '../engine/types';
import type { Analyzer, EngineReady } from './api';

/** An analyzer that may own resources (a Worker) to release when it is replaced. */
export type DisposableAnalyzer = Analyzer & { dispose?(): void };

export interface WatchdogOptions {
  /** Called after a stuck engine was replaced (e.g. to show a notice). */
  onRestart?(info: { budgetMs: number; restarts: number }): void;
  /** Timer functions; injectable for tests. */
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (id: unknown) => void;
}

export interface WatchdogAnalyzer extends Analyzer {
  ping(): Promise<'pong'>;
  /** How many times the engine was restarted because an analysis ran over budget. */
  restarts(): number;
  dispose(): void;
}

/** The error an over-budget analysis rejects with. */
export class AnalysisTimeoutError extends Error {
  readonly budgetMs: number;
  constructor(budgetMs: number) {
    super(
      `The analysis took longer than ${(budgetMs / 1000).toLocaleString('en-US')} s and was stopped; the engine was restarted. ` +
        'Try a shorter note, or remove long runs of characters without spaces.',
    );
    this.name = 'AnalysisTimeoutError';
    this.budgetMs = budgetMs;
  }
}

/** Default budget for one analysis. */
export const ANALYSIS_BUDGET_MS = 5000;

const OWN = new Set(['analyze', 'ready', 'ping', 'dispose', 'restarts']);
/** Other engine calls on user text that get the same budget and queue as `analyze` (issue 19). */
export const BUDGETED = new Set(['checkDocumentation', 'ask']);

/**
 * Wrap an analyzer factory with the time budget. The other calls on user text (`BUDGETED`:
 * the documentation check, questions) share the queue and the budget; any other method is
 * passed through to the current engine unchanged.
 */
export function withWatchdog<A extends DisposableAnalyzer>(
  createAnalyzer: () => A,
  budgetMs: number = ANALYSIS_BUDGET_MS,
  opts: WatchdogOptions = {},
): WatchdogAnalyzer & Omit<A, 'analyze' | 'ready' | 'ping' | 'dispose'> {
  const setT = opts.setTimeout ?? ((fn: () => void, ms: number) => globalThis.setTimeout(fn, ms));
  const clearT = opts.clearTimeout ?? ((id: unknown) => globalThis.clearTimeout(id as ReturnType<typeof setTimeout>));
  let current = createAnalyzer();
  let restarts = 0;
  /** Tail of the queue of analyses: each starts when the previous one settled. */
  let tail: Promise<unknown> = Promise.resolve();

  const restart = () => {
    const old = current;
    current = createAnalyzer();
    restarts++;
    try {
      old.dispose?.();
    } catch {
      // a dead worker cannot be disposed twice; nothing to do
    }
    opts.onRestart?.({ budgetMs, restarts });
  };

  const runOne = async <T,>(call: (engine: A) => Promise<T>): Promise<T> => {
    const engine = current;
    await engine.ready(); // model loading is not part of the budget
    return new Promise<T>((resolve, reject) => {
      let done = false;
      const timer = setT(() => {
        if (done) return;
        done = true;
        if (engine === current) restart();
        reject(new AnalysisTimeoutError(budgetMs));
      }, budgetMs);
      call(engine).then(
        (a) => {
          if (done) return;
          done = true;
          clearT(timer);
          resolve(a);
        },
        (e: unknown) => {
          if (done) return;
          done = true;
          clearT(timer);
          reject(e instanceof Error ? e : new Error(String(e)));
        },
      );
    });
  };

  // everything else the engine offers, always sent to the engine currently running
  const queued = <T,>(call: (engine: A) => Promise<T>): Promise<T> => {
    const run = tail.then(() => runOne(call));
    tail = run.catch(() => undefined);
    return run;
  };
  const passthrough: Record<string, unknown> = {};
  for (const key of Object.keys(current)) {
    if (OWN.has(key) || typeof (current as Record<string, unknown>)[key] !== 'function') continue;
    const method = (engine: A) => (engine as Record<string, unknown>)[key] as (...a: unknown[]) => unknown;
    passthrough[key] = BUDGETED.has(key)
      ? (...args: unknown[]) => queued((engine) => Promise.resolve(method(engine).apply(engine, args)))
      : (...args: unknown[]) => method(current).apply(current, args);
  }

  const wrapped: WatchdogAnalyzer = {
    analyze(text: string): Promise<Analysis> {
      return queued((engine) => engine.analyze(text));
    },
    ready: (): Promise<EngineReady> => current.ready(),
    ping: (): Promise<'pong'> => (current.ping ? current.ping() : current.ready().then(() => 'pong' as const)),
    restarts: () => restarts,
    dispose() {
      current.dispose?.();
    },
  };
  return Object.assign(passthrough, wrapped) as WatchdogAnalyzer & Omit<A, 'analyze' | 'ready' | 'ping' | 'dispose'>;
}
