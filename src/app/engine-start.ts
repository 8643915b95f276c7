/**
 * Starts the engine worker. main.tsx imports this module first, so the worker (and the language
 * model inside it) starts loading before the rest of the app's modules are even evaluated.
 * The watchdog gives each analysis a time budget; a stuck worker is terminated and replaced,
 * and the analysis fails with a message instead of freezing the results.
 */
import { createWorkerAnalyzer } from '../worker/client';
import { ANALYSIS_BUDGET_MS, withWatchdog } from '../worker/watchdog';

export const analyzer = withWatchdog(createWorkerAnalyzer, ANALYSIS_BUDGET_MS, {
  onRestart: ({ restarts }) => console.warn(`The analysis engine ran over its ${ANALYSIS_BUDGET_MS} ms budget and was restarted (${restarts}).`),
});
