import { useSyncExternalStore } from 'react';

/** The app's location, kept in the URL hash (#/reference/63685) so views can be linked and bookmarked. */
export interface Route {
  view: string;
  param: string | null;
}

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  return { view: parts[0] ?? 'workspace', param: parts[1] ? decodeURIComponent(parts[1]) : null };
}

export function routeHref(view: string, param?: string | null): string {
  return `#/${view}${param ? `/${encodeURIComponent(param)}` : ''}`;
}

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

const getHash = () => window.location.hash;

/** The current route; re-renders on hash changes. */
export function useRoute(): Route {
  return parseHash(useSyncExternalStore(subscribe, getHash, () => ''));
}

export function navigate(view: string, param?: string | null): void {
  window.location.hash = routeHref(view, param);
}
