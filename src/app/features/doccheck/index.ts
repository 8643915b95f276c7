import { lazy } from 'react';

/** The documentation check view, loaded on demand (keeps first paint small). */
export const DocCheckView = lazy(() => import('./doccheck-view').then((m) => ({ default: m.DocCheckView })));
