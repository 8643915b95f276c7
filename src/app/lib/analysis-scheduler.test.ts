import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AnalysisScheduler, DEFAULT_POLICY, delayAfter } from './analysis-scheduler';

/**
 * A fake engine whose runs take a chosen number of (fake) milliseconds. Every call is logged,
 * so the tests assert which texts ran, in which order, and what got published — behaviour,
 * not wall time.
 */
function fakeEngine(durationMs: (text: string) => number) {
  const calls: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const run = (text: string) => {
    calls.push(text);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    return new Promise<string>((resolve, reject) =>
      setTimeout(() => {
        inFlight--;
        if (text.includes('FAIL')) reject(new Error(`failed on ${text}`));
        else resolve(`analysis of ${text}`);
      }, durationMs(text)),
    );
  };
  return { run, calls, maxInFlight: () => maxInFlight };
}

const make = (durationMs: (text: string) => number) => {
  const engine = fakeEngine(durationMs);
  const s = new AnalysisScheduler(engine.run, { now: () => Date.now() });
  const published: string[] = [];
  s.subscribe(() => {
    const r = s.getState().result;
    if (r && published[published.length - 1] !== r.text) published.push(r.text);
  });
  return { s, engine, published };
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('delayAfter (the adaptive debounce)', () => {
  it('analyses at once when nothing is measured yet or the last run was fast', () => {
    expect(delayAfter(null)).toBe(0);
    expect(delayAfter(5)).toBe(0);
    expect(delayAfter(DEFAULT_POLICY.fastMs)).toBe(0);
  });
  it('waits longer after slower runs, up to the cap', () => {
    const a = delayAfter(DEFAULT_POLICY.fastMs + 10);
    const b = delayAfter(DEFAULT_POLICY.fastMs + 60);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(a);
    expect(delayAfter(10_000)).toBe(DEFAULT_POLICY.maxDelayMs);
  });
});

describe('AnalysisScheduler', () => {
  it('runs the first text without waiting for a debounce and publishes its answer', async () => {
    const { s, engine, published } = make(() => 10);
    s.request('note A');
    await vi.advanceTimersByTimeAsync(0);
    expect(engine.calls).toEqual(['note A']);
    expect(s.getState().running).toBe('note A');
    await vi.advanceTimersByTimeAsync(10);
    expect(published).toEqual(['note A']);
    expect(s.getState().result).toEqual({ text: 'note A', value: 'analysis of note A' });
    expect(s.getState().running).toBeNull();
  });

  it('after fast runs, each pause in typing is analysed at once', async () => {
    const { s, engine, published } = make(() => 10);
    for (const t of ['a', 'ab', 'abc']) {
      s.request(t);
      await vi.advanceTimersByTimeAsync(10); // a keystroke every 10 ms, each run 10 ms
    }
    await vi.runAllTimersAsync();
    expect(engine.calls).toEqual(['a', 'ab', 'abc']);
    expect(published).toEqual(['a', 'ab', 'abc']);
    expect(s.counters.lastDelayMs).toBe(0);
  });

  it('after a slow run, a short burst of keystrokes is debounced into one run of the last text', async () => {
    const { s, engine, published } = make(() => 200);
    s.request('slow');
    await vi.runAllTimersAsync();
    expect(s.counters.lastRunMs).toBe(200);
    const delay = delayAfter(200);
    expect(delay).toBeGreaterThan(100);
    // three keystrokes 100 ms apart: each arrives before the previous one's delay has passed
    for (const t of ['s1', 's2', 's3']) {
      s.request(t);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(engine.calls).toEqual(['slow']);
    await vi.runAllTimersAsync();
    expect(engine.calls).toEqual(['slow', 's3']);
    expect(published).toEqual(['slow', 's3']);
  });

  it('continuous typing after slow runs still gets analysed every so often (no starvation)', async () => {
    const { s, engine, published } = make(() => 200);
    s.request('start');
    await vi.runAllTimersAsync();
    // a key every 100 ms for 2 s: a plain debounce would never fire until the keys stop
    for (let i = 1; i <= 20; i++) {
      s.request(`typed ${i}`);
      await vi.advanceTimersByTimeAsync(100);
    }
    const during = engine.calls.length - 1;
    expect(during).toBeGreaterThanOrEqual(2);
    expect(engine.maxInFlight()).toBe(1);
    // each run was for the newest text at the time it started
    expect(engine.calls.slice(1).every((t, i, xs) => i === 0 || Number(t.split(' ')[1]) > Number(xs[i - 1].split(' ')[1]))).toBe(true);
    await vi.runAllTimersAsync();
    expect(published[published.length - 1]).toBe('typed 20');
    expect(engine.calls[engine.calls.length - 1]).toBe('typed 20');
  });

  it('never has more than one run in flight and one waiting; the waiting text is always the newest', async () => {
    const { s, engine, published } = make(() => 40);
    s.request('v1');
    await vi.advanceTimersByTimeAsync(1); // v1 running
    // while v1 runs, three more texts come due (fast engine: no debounce)
    for (const t of ['v2', 'v3', 'v4']) {
      s.request(t);
      await vi.advanceTimersByTimeAsync(1);
      expect(s.getState().pending).toBe(t);
    }
    expect(engine.calls).toEqual(['v1']);
    await vi.runAllTimersAsync();
    // v2 and v3 were replaced before they started; v1's answer is stale and dropped
    expect(engine.calls).toEqual(['v1', 'v4']);
    expect(engine.maxInFlight()).toBe(1);
    expect(published).toEqual(['v4']);
    expect(s.counters.dropped).toBe(1);
    expect(s.counters.superseded).toBe(2);
  });

  it('drops a stale answer and keeps the previous result until the latest text is answered', async () => {
    const { s, published } = make(() => 30);
    s.request('old');
    await vi.runAllTimersAsync();
    s.request('mid');
    await vi.advanceTimersByTimeAsync(1); // mid running
    s.request('new');
    await vi.advanceTimersByTimeAsync(29); // mid finishes: stale, dropped
    expect(s.getState().result?.text).toBe('old');
    expect(s.getState().running).toBe('new');
    await vi.runAllTimersAsync();
    expect(published).toEqual(['old', 'new']);
  });

  it('going back to the text being analysed needs no new run', async () => {
    const { s, engine, published } = make(() => 30);
    s.request('A');
    await vi.advanceTimersByTimeAsync(1);
    s.request('AB');
    s.request('A'); // undo before AB came due
    await vi.runAllTimersAsync();
    expect(engine.calls).toEqual(['A']);
    expect(published).toEqual(['A']);
  });

  it('does not analyse an empty note, and drops the answer for a note emptied meanwhile', async () => {
    const { s, engine, published } = make(() => 30);
    s.request('   ');
    await vi.runAllTimersAsync();
    expect(engine.calls).toEqual([]);
    s.request('text');
    await vi.advanceTimersByTimeAsync(1);
    s.request('');
    await vi.runAllTimersAsync();
    expect(engine.calls).toEqual(['text']);
    expect(published).toEqual([]);
  });

  it('publishes a failure for the latest text and recovers on the next text', async () => {
    const { s, published } = make(() => 10);
    s.request('FAIL here');
    await vi.runAllTimersAsync();
    expect(s.getState().error?.text).toBe('FAIL here');
    expect(String(s.getState().error?.error)).toContain('failed on FAIL here');
    s.request('fine');
    expect(s.getState().error).toBeUndefined();
    await vi.runAllTimersAsync();
    expect(published).toEqual(['fine']);
  });

  it('publishes nothing after dispose', async () => {
    const { s, published } = make(() => 10);
    s.request('x');
    await vi.advanceTimersByTimeAsync(1);
    s.dispose();
    await vi.runAllTimersAsync();
    expect(published).toEqual([]);
  });
});
