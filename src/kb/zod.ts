/**
 * zod, configured once before any schema is built. Every kb file imports `z` from here, never
 * from 'zod' (the lint enforces it), so the setting is in place before the first schema.
 *
 * jitless: zod 4 would otherwise probe `new Function('')` to decide whether it may compile fast
 * object parsers. The app's CSP has no 'unsafe-eval', so the probe fails — and even though zod
 * catches the error, Chromium reports a `securitypolicyviolation` on every view that parses kb
 * data (Reference, Compare). Jitless parsing is plain interpretation: same results, no eval.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
