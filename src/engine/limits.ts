/**
 * Limits shared by the engine, the worker and the page. This module imports nothing, so the
 * page can read the limits without loading the engine.
 */

/** Longest note the engine reads; the rest is reported, never silently dropped. */
export const MAX_CHARS = 300_000;
