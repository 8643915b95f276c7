import type { ComponentType } from 'react';
import { Workspace } from './features/workspace/workspace';
import { AskView } from './features/ask/ask-view';
import { DocCheckView } from './features/doccheck';
import { CompareView, ReferenceView } from './features/reference';
import { TrainerView } from './features/trainer';
import { BatchView } from './features/batch';
import { PrivacyView } from './features/privacy/privacy-view';

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
  { id: 'batch', label: 'Batch', component: BatchView },
  { id: 'ask', label: 'Ask', component: AskView },
  { id: 'check', label: 'Documentation check', component: DocCheckView },
  { id: 'reference', label: 'Code reference', component: ReferenceView },
  { id: 'compare', label: 'Compare codes', component: CompareView },
  { id: 'trainer', label: 'Trainer', component: TrainerView },
  { id: 'privacy', label: 'Privacy', component: PrivacyView },
];
