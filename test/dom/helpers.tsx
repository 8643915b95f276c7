/**
 * Component-test helpers: the whole app with the real engine injected (running in Node,
 * no worker), a fresh store and query client per test.
 */
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { analyze } from '../../src/engine/index';
import { checkDocumentation } from '../../src/engine/doccheck';
import type { Analysis } from '../../src/engine/types';
import type { Analyzer } from '../../src/worker/api';
import { App } from '../../src/app/app';
import { createWorkspaceStore } from '../../src/app/lib/store';
import { SAMPLES } from '../../src/app/samples';
import { normalizeNote } from '../../src/app/lib/plain-text';

/** The real engine behind the Analyzer interface. */
export const engineAnalyzer: Analyzer = {
  analyze: async (text: string): Promise<Analysis> => analyze(text),
  ready: async () => ({ loadMs: 0 }),
  checkDocumentation: async (text: string, against?: string) => checkDocumentation(analyze(text), text, against),
};

export function sampleText(id: string): string {
  const s = SAMPLES.find((x) => x.id === id);
  if (!s) throw new Error(`no sample ${id}`);
  return normalizeNote(s.text);
}

export function renderApp(opts: { analyzer?: Analyzer; text?: string } = {}) {
  localStorage.clear();
  const store = createWorkspaceStore({ text: opts.text ?? '' });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
  const user = userEvent.setup();
  const utils = render(<App analyzer={opts.analyzer ?? engineAnalyzer} store={store} queryClient={queryClient} />);
  return { ...utils, store, user, queryClient };
}

/** Timeout for waiting on debounce + first engine load. */
export const WAIT = { timeout: 8000 };
