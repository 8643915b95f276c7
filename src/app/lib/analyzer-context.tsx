import { createContext, useContext, type ReactNode } from 'react';
import type { Analyzer } from '../../worker/api';

const AnalyzerContext = createContext<Analyzer | null>(null);

/** Provides the analyzer: the worker in the app, the engine itself in component tests. */
export function AnalyzerProvider({ analyzer, children }: { analyzer: Analyzer; children: ReactNode }) {
  return <AnalyzerContext.Provider value={analyzer}>{children}</AnalyzerContext.Provider>;
}

export function useAnalyzer(): Analyzer {
  const a = useContext(AnalyzerContext);
  if (!a) throw new Error('useAnalyzer needs an <AnalyzerProvider>');
  return a;
}
