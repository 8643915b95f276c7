import { describe, expect, it, vi } from 'vitest';
import { analyze } from '../engine/index';
import type { Analysis } from '../engine/types';
import { AnalysisTimeoutError, withWatchdog, type DisposableAnalyzer } from './watchdog';

/** A fake engine: analyses containing "HANG" never finish; others answer at once. */
function fakeFactory() {
  const made: { disposed: boolean }[] = [];
  const create = (): DisposableAnalyzer => {
    const me = { disposed: false };
    made.push(me);
    return {
      ready: async () => ({ loadMs: 1 }),
      ping: async () => 'pong' as const,
      analyze: (text: string) =>
        text.includes('HANG') ? new Promise<Analysis>(() => {}) : Promise.resolve(analyze(text)),
      dispose: () => {
        me.disposed = true;
      },
    };
  };
  return { create, made };
}

describe('withWatchdog', () => {
  it('passes results through while analyses finish in time', async () => {
    const f = fakeFactory();
    const a = withWatchdog(f.create, 1000);
    const r = await a.analyze('Two leads were placed at T8.');
    expect(r.stats.chars).toBe(28);
    expect(a.restarts()).toBe(0);
    expect(f.made).toHaveLength(1);
  });

  it('rejects an over-budget analysis with a message, restarts the engine, and keeps working', async () => {
    vi.useFakeTimers();
    try {
      const f = fakeFactory();
      const onRestart = vi.fn();
      const a = withWatchdog(f.create, 5000, { onRestart });
      const stuck = a.analyze('HANG');
      const next = a.analyze('no lead'); // queued behind the stuck one
      const caught = stuck.catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(5001);
      const err = await caught;
      expect(err).toBeInstanceOf(AnalysisTimeoutError);
      expect((err as Error).message).toMatch(/longer than 5 s .* restarted/);
      expect(f.made).toHaveLength(2);
      expect(f.made[0].disposed).toBe(true);
      expect(onRestart).toHaveBeenCalledWith({ budgetMs: 5000, restarts: 1 });
      await expect(next).resolves.toMatchObject({ stats: { chars: 7 } });
      expect(a.restarts()).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not count queued time against a call', async () => {
    vi.useFakeTimers();
    try {
      let release: () => void = () => {};
      const create = (): DisposableAnalyzer => ({
        ready: async () => ({ loadMs: 1 }),
        analyze: (text) =>
          text === 'slow'
            ? new Promise<Analysis>((res) => {
                release = () => res(analyze(text));
              })
            : Promise.resolve(analyze(text)),
      });
      const a = withWatchdog(create, 1000);
      const first = a.analyze('slow');
      const second = a.analyze('second');
      await vi.advanceTimersByTimeAsync(900);
      release();
      await expect(first).resolves.toBeTruthy();
      await vi.advanceTimersByTimeAsync(900);
      await expect(second).resolves.toBeTruthy();
      expect(a.restarts()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('passes other engine methods (e.g. ask) through to the current engine', async () => {
    let n = 0;
    const a = withWatchdog(
      () => {
        const me = ++n;
        return { ready: async () => ({ loadMs: 0 }), analyze: async (t: string) => analyze(t), echo: async (q: string) => `${q} from ${me}` };
      },
      1000,
    );
    await expect(a.echo('63650?')).resolves.toBe('63650? from 1');
  });

  it('passes engine errors through without restarting', async () => {
    const a = withWatchdog(() => ({ ready: async () => ({ loadMs: 0 }), analyze: () => Promise.reject(new Error('boom')) }), 1000);
    await expect(a.analyze('x')).rejects.toThrow('boom');
    expect(a.restarts()).toBe(0);
  });

  // issue 19: the documentation check ran on the main thread, outside the budget
  it('gives the documentation check and questions the same budget and queue as analyze', async () => {
    vi.useFakeTimers();
    try {
      const made: { disposed: boolean }[] = [];
      const create = () => {
        const me = { disposed: false };
        made.push(me);
        return {
          ready: async () => ({ loadMs: 1 }),
          analyze: async (t: string) => analyze(t),
          checkDocumentation: (t: string) => (t.includes('HANG') ? new Promise<never>(() => {}) : Promise.resolve({ text: t })),
          ask: (q: string) => (q.includes('HANG') ? new Promise<never>(() => {}) : Promise.resolve({ q })),
          dispose: () => {
            me.disposed = true;
          },
        };
      };
      const a = withWatchdog(create as unknown as () => DisposableAnalyzer, 2000) as unknown as { checkDocumentation(t: string): Promise<unknown>; ask(q: string): Promise<unknown>; restarts(): number };
      const stuck = a.checkDocumentation('Model HANG').catch((e: unknown) => e);
      const next = a.checkDocumentation('fine');
      await vi.advanceTimersByTimeAsync(2001);
      expect(await stuck).toBeInstanceOf(AnalysisTimeoutError);
      expect(made[0].disposed).toBe(true);
      await expect(next).resolves.toEqual({ text: 'fine' });
      const q = a.ask('HANG?').catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(2001);
      expect(await q).toBeInstanceOf(AnalysisTimeoutError);
      expect(a.restarts()).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
