// The engine worker is started by boot.ts, an async entry of its own in <head>, before this
// chunk is even compiled; importing the same module here shares that analyzer (and starts it
// in development, where there is no separate boot entry).
import { analyzer } from './engine-start';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './styles.css';

// Offline support: register the service worker only after the engine has loaded, so its
// precache downloads never slow down the first suggestion. (Not in development builds.)
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  void analyzer
    .ready()
    .catch(() => undefined)
    .then(() => import('virtual:pwa-register'))
    .then(({ registerSW }) => registerSW({ immediate: true }))
    .catch((e: unknown) => console.warn('Offline support is not available:', e));
}

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <App analyzer={analyzer} />
  </StrictMode>,
);
