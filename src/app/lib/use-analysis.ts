import { startTransition, useEffect, useState } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Analysis } from '../../engine/types';
import type { Analyzer } from '../../worker/api';
import { useAnalyzer } from './analyzer-context';
import { AnalysisScheduler } from './analysis-scheduler';
import { useWorkspace } from './store';

/** How long typing must pause before a trainer case is analysed again (the workspace adapts, see analysis-scheduler.ts). */
export const ANALYSIS_DEBOUNCE_MS = 250;

/** An analysis together with the exact text it was computed from (offsets refer to it). */
export interface AnalysedNote {
  text: string;
  analysis: Analysis;
}

export function useDebouncedValue<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    if (Object.is(v, value)) return;
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms, v]);
  return v;
}

/** The cache key of a text's analysis: exact, without serialising the key array. */
export function analysisQueryHash(text: string): string {
  return `analysis:${text}`;
}

const schedulers = new WeakMap<QueryClient, WeakMap<Analyzer, AnalysisScheduler<AnalysedNote>>>();

/**
 * One scheduler per query client and analyzer, shared by every component that shows the
 * note's analysis (workspace, documentation check, history), so a text is analysed once.
 * Answers go through the query cache: going back to a text analysed before is instant.
 */
function schedulerFor(client: QueryClient, analyzer: Analyzer): AnalysisScheduler<AnalysedNote> {
  let byAnalyzer = schedulers.get(client);
  if (!byAnalyzer) schedulers.set(client, (byAnalyzer = new WeakMap()));
  let s = byAnalyzer.get(analyzer);
  if (!s) {
    s = new AnalysisScheduler<AnalysedNote>((text) =>
      client.fetchQuery({
        queryKey: ['analysis', text],
        // The default hash is JSON.stringify of the key, a scan and copy of the whole note on
        // every lookup (up to 300,000 characters: issue 19); a plain concatenation is cheap and
        // as exact (same text, same hash; a different text, a different one).
        queryHash: analysisQueryHash(text),
        queryFn: async (): Promise<AnalysedNote> => ({ text, analysis: await analyzer.analyze(text) }),
        staleTime: Infinity,
        gcTime: 5 * 60_000,
        retry: false,
      }),
    );
    byAnalyzer.set(analyzer, s);
  }
  return s;
}

/**
 * The analysis of the current note, scheduled by an adaptive debounce (at once when the last
 * run was fast, longer when slow; one run in flight and at most one waiting; stale answers
 * dropped). Every result carries the exact text it was computed from, so an answer for an
 * older text is never shown as the answer for a newer one; while a new answer is on its way
 * the previous one stays on screen, flagged as out of date.
 */
export function useAnalysis() {
  const analyzer = useAnalyzer();
  const client = useQueryClient();
  const scheduler = schedulerFor(client, analyzer);
  const text = useWorkspace((s) => s.text);
  useEffect(() => scheduler.request(text), [scheduler, text]);
  // A new result is rendered as a transition: React renders the claim lines and the highlighted
  // note in slices, yielding to input, so a result never blocks typing with one long task.
  const [state, setState] = useState(scheduler.getState);
  useEffect(() => {
    setState(scheduler.getState());
    return scheduler.subscribe(() => startTransition(() => setState(scheduler.getState())));
  }, [scheduler]);
  const empty = text.trim().length === 0;
  const data = empty ? undefined : state.result?.value;
  const failed = !empty && state.error?.text === text ? state.error.error : null;
  const error = failed === null ? null : failed instanceof Error ? failed : new Error(String(failed));
  return {
    data,
    error,
    /** True while the shown result is not for the text in the editor. */
    updating: !empty && error === null && data?.text !== text,
    empty,
  };
}

/** The engine's start-up: answering at all, then the language model loaded. */
export function useEngineStatus() {
  const analyzer = useAnalyzer();
  const ping = useQuery({
    queryKey: ['engine', 'ping'],
    queryFn: () => (analyzer.ping ? analyzer.ping() : Promise.resolve('pong' as const)),
    staleTime: Infinity,
    retry: false,
  });
  const ready = useQuery({
    queryKey: ['engine', 'ready'],
    queryFn: () => analyzer.ready(),
    staleTime: Infinity,
    retry: false,
  });
  const stage: 'starting' | 'loading-model' | 'ready' | 'error' =
    ready.isError || ping.isError ? 'error' : ready.isSuccess ? 'ready' : ping.isSuccess ? 'loading-model' : 'starting';
  return { stage, loadMs: ready.data?.loadMs, error: ready.error ?? ping.error };
}
