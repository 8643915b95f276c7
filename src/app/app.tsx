import { useState } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { Analyzer } from '../worker/api';
import { AnalyzerProvider } from './lib/analyzer-context';
import { WorkspaceStoreProvider, type WorkspaceStore } from './lib/store';
import { ThemeSync } from './features/theme/theme-sync';
import { Shell } from './shell/shell';

export interface AppProps {
  /** The engine: the worker in the browser, the engine itself in tests. */
  analyzer: Analyzer;
  store?: WorkspaceStore;
  queryClient?: QueryClient;
}

/** The whole app with its providers. */
export function App({ analyzer, store, queryClient }: AppProps) {
  const [client] = useState(
    () => queryClient ?? new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } }),
  );
  return (
    <QueryClientProvider client={client}>
      <AnalyzerProvider analyzer={analyzer}>
        <WorkspaceStoreProvider store={store}>
          <ThemeSync />
          <Shell />
        </WorkspaceStoreProvider>
      </AnalyzerProvider>
    </QueryClientProvider>
  );
}
