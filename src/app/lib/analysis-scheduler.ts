/**
 * When to analyse the note while the user types: an adaptive debounce with at most one run in
 * flight and at most one waiting. Pure scheduling logic (timers and a clock, no React, no DOM),
 * so it is unit-tested with fake timers.
 *
 * - The delay after a keystroke follows the last run's duration: a fast engine (≤ `fastMs`)
 *   analyses at once, a slower one waits `factor ×` its last run, never more than `maxDelayMs`.
 *   The first run (nothing measured yet) starts at once.
 * - Continuous typing never starves the panel: once the text has gone unanalysed for
 *   `maxWaitMs` since the first change after the last run started, it is analysed even though
 *   keys keep coming (each keystroke otherwise restarts the delay).
 * - One run at a time: a text that comes due while a run is in flight waits, and a newer text
 *   replaces it (never more than one pending run). When the run ends the waiting text starts.
 * - Stale results are dropped: an answer for a text that is no longer the latest request is not
 *   published (the previous result stays on screen, flagged as out of date, until the latest
 *   text's answer arrives).
 */

export interface SchedulePolicy {
  /** A last run at or under this many ms means: analyse at once. */
  fastMs: number;
  /** Slower runs wait this many times their last duration… */
  factor: number;
  /** …but never longer than this. */
  maxDelayMs: number;
  /** While keys keep coming, analyse at the latest this long after the first unanalysed change. */
  maxWaitMs: number;
}

/**
 * 100 ms: a run that fast, started at once, still lands within the 150 ms keystroke → update
 * target; the worker takes 10–30 ms on a 1,000-word note (more on a loaded machine).
 */
export const DEFAULT_POLICY: SchedulePolicy = { fastMs: 100, factor: 1.5, maxDelayMs: 250, maxWaitMs: 400 };

/** The debounce delay after a keystroke, given the last run's duration (null: nothing measured yet). */
export function delayAfter(lastRunMs: number | null, policy: SchedulePolicy = DEFAULT_POLICY): number {
  if (lastRunMs === null || lastRunMs <= policy.fastMs) return 0;
  return Math.min(policy.maxDelayMs, Math.round(lastRunMs * policy.factor));
}

export interface SchedulerState<R> {
  /** The latest text asked for ('' when the note is empty). */
  requested: string;
  /** The last published result and the exact text it was computed from. */
  result?: { text: string; value: R };
  /** The error of the latest text's run, if it failed. */
  error?: { text: string; error: unknown };
  /** The text being analysed right now, if any. */
  running: string | null;
  /** The text waiting for the running one to finish, if any. */
  pending: string | null;
}

export interface SchedulerCounters {
  /** Runs started. */
  runs: number;
  /** Answers dropped because a newer text had been asked for meanwhile. */
  dropped: number;
  /** Texts that came due while a run was in flight and were replaced by a newer one before starting. */
  superseded: number;
  /** Duration of the last finished run (ms), or null. */
  lastRunMs: number | null;
  /** The delay chosen for the latest request (ms). */
  lastDelayMs: number;
}

export interface SchedulerOptions {
  policy?: SchedulePolicy;
  /** Clock in ms; defaults to performance.now(). */
  now?: () => number;
}

export class AnalysisScheduler<R> {
  private state: SchedulerState<R> = { requested: '', running: null, pending: null };
  private timer: ReturnType<typeof setTimeout> | null = null;
  private listeners = new Set<() => void>();
  private readonly policy: SchedulePolicy;
  private readonly now: () => number;
  private disposed = false;
  /** When the text first changed after the last run started (null: nothing unanalysed). */
  private dirtySince: number | null = null;
  readonly counters: SchedulerCounters = { runs: 0, dropped: 0, superseded: 0, lastRunMs: null, lastDelayMs: 0 };

  constructor(
    private readonly run: (text: string) => Promise<R>,
    opts: SchedulerOptions = {},
  ) {
    this.policy = opts.policy ?? DEFAULT_POLICY;
    this.now = opts.now ?? (() => performance.now());
  }

  getState = (): SchedulerState<R> => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The editor's text changed (or is shown again): analyse it when its delay has passed. */
  request(text: string): void {
    if (this.disposed || text === this.state.requested) return;
    this.clearTimer();
    const pending = this.state.pending;
    if (pending !== null) this.counters.superseded++;
    this.set({ requested: text, pending: null, error: undefined });
    // an empty note is never analysed; a text already shown or being computed needs no run
    if (text.trim().length === 0 || this.state.result?.text === text || this.state.running === text) {
      this.dirtySince = null;
      return;
    }
    const now = this.now();
    if (this.dirtySince === null) this.dirtySince = now;
    const waited = now - this.dirtySince;
    const delay = Math.min(delayAfter(this.counters.lastRunMs, this.policy), Math.max(0, this.policy.maxWaitMs - waited));
    this.counters.lastDelayMs = delay;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.due(text);
    }, delay);
  }

  /** Stop: no timer fires and no answer is published after this. */
  dispose(): void {
    this.disposed = true;
    this.clearTimer();
    this.listeners.clear();
  }

  private due(text: string): void {
    if (text !== this.state.requested) return;
    if (this.state.running !== null) {
      this.set({ pending: text });
      return;
    }
    this.start(text);
  }

  private start(text: string): void {
    this.counters.runs++;
    this.dirtySince = null;
    this.set({ running: text, pending: null });
    const t0 = this.now();
    let p: Promise<R>;
    try {
      p = this.run(text);
    } catch (e) {
      p = Promise.reject(e);
    }
    p.then(
      (value) => this.finish(text, t0, { value }),
      (error: unknown) => this.finish(text, t0, { error }),
    );
  }

  private finish(text: string, t0: number, outcome: { value: R } | { error: unknown }): void {
    if (this.disposed) return;
    this.counters.lastRunMs = this.now() - t0;
    const next = this.state.pending;
    const latest = text === this.state.requested;
    const patch: Partial<SchedulerState<R>> = { running: null, pending: null };
    if (latest) {
      if ('value' in outcome) patch.result = { text, value: outcome.value };
      else patch.error = { text, error: outcome.error };
    } else {
      this.counters.dropped++;
    }
    this.set(patch);
    if (next !== null && next === this.state.requested) this.start(next);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private set(patch: Partial<SchedulerState<R>>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }
}
