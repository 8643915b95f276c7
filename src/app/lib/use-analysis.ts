import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Analysis } from '../../engine/types';
import { useAnalyzer } from './analyzer-context';
import { useWorkspace } from './store';

/** How long typing must pause before the note is analysed again. */
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

/**
 * The analysis of the current note. The query key is the note text itself, so a slow
 * answer for an older text can never be shown as the answer for a newer one; while a new
 * answer is on its way the previous one stays on screen, flagged as out of date.
 */
export function useAnalysis() {
  const analyzer = useAnalyzer();
  const text = useWorkspace((s) => s.text);
  const debounced = useDebouncedValue(text, ANALYSIS_DEBOUNCE_MS);
  const empty = debounced.trim().length === 0;
  const query = useQuery({
    queryKey: ['analysis', debounced],
    queryFn: async (): Promise<AnalysedNote> => ({ text: debounced, analysis: await analyzer.analyze(debounced) }),
    enabled: !empty,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 5 * 60_000,
    retry: false,
  });
  const data = empty ? undefined : query.data;
  return {
    data,
    error: empty ? null : query.error,
    /** True while the shown result is not for the text in the editor. */
    updating: !empty && (text !== debounced || query.isFetching || data?.text !== debounced),
    empty: text.trim().length === 0,
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
