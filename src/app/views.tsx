import type { ComponentType } from 'react';
import { Workspace } from './features/workspace/workspace';

/**
 * The app's views. Each feature adds one entry: an id (the URL hash), a tab label and its
 * component (which receives the route parameter, e.g. the code of a reference page).
 */
export interface ViewDef {
  id: string;
  label: string;
  component: ComponentType<{ param: string | null }>;
}

export const VIEWS: ViewDef[] = [
  { id: 'workspace', label: 'Workspace', component: Workspace },
];
