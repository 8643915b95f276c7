import { lazy } from 'react';

/** Trainer mode, loaded on demand. */
export const TrainerView = lazy(() => import('./trainer-view').then((m) => ({ default: m.TrainerView })));
