import { lazy } from 'react';

/** The batch view, loaded on demand so papaparse and the audit code stay out of the first paint. */
export const BatchView = lazy(() => import('./batch-view').then((m) => ({ default: m.BatchView })));
