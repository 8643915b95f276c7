import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { createWorkerAnalyzer } from '../worker/client';
import { ANALYSIS_BUDGET_MS, withWatchdog } from '../worker/watchdog';
import './styles.css';

// Start the engine worker at once: the language model loads while the user reads the page.
// The watchdog gives each analysis a time budget; a stuck worker is terminated and replaced,
// and the analysis fails with a message instead of freezing the results.
const analyzer = withWatchdog(createWorkerAnalyzer, ANALYSIS_BUDGET_MS, {
  onRestart: ({ restarts }) => console.warn(`The analysis engine ran over its ${ANALYSIS_BUDGET_MS} ms budget and was restarted (${restarts}).`),
});

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <App analyzer={analyzer} />
  </StrictMode>,
);
