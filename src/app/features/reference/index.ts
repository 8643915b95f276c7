import { lazy } from 'react';

/** The code reference and comparison views, loaded on demand (the reference data is large). */
export const ReferenceView = lazy(() => import('./reference-view').then((m) => ({ default: m.ReferenceView })));
export const CompareView = lazy(() => import('./compare-view').then((m) => ({ default: m.CompareView })));
