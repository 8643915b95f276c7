import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The Content-Security-Policy of the built app. Everything comes from this origin; nothing
 * may be fetched, framed, posted or loaded from anywhere else.
 *
 * - script-src 'self': the entry chunk and registerSW.js are files; no inline script, no eval
 *   (wink-nlp needs neither, and there is no WebAssembly, so no 'wasm-unsafe-eval').
 * - worker-src 'self': the engine worker is a same-origin file (no blob: workers); the
 *   service worker too.
 * - style-src 'self': Tailwind's output is one CSS file. React's `style={…}` props are set
 *   through the CSSOM, which CSP does not restrict, and the app does not use them anyway,
 *   so no 'unsafe-inline' for styles or style attributes.
 * - img-src 'self' data:: the favicon and any data: image a browser extension or a pasted
 *   rich-text fragment might produce (pasted HTML is never rendered, but data: is harmless).
 * - connect-src 'self': the only requests are the app's own files (worker chunk, precache).
 * - object-src/base-uri/form-action 'none': no plugins, no <base> hijack, no form posts.
 *
 * It is delivered as a <meta> tag in the built index.html (works on any static host) and as
 * a response header from `vite preview` (which also covers the workers and adds the
 * header-only directives). The dev server gets neither: Vite injects inline scripts there.
 */
export const CSP_DIRECTIVES: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'worker-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'manifest-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
};

export const CSP = Object.entries(CSP_DIRECTIVES)
  .map(([k, v]) => `${k} ${v}`)
  .join('; ');

/** frame-ancestors is ignored in a <meta> policy; it only works as a header. */
const CSP_HEADER = `${CSP}; frame-ancestors 'none'`;

/** Adds the CSP <meta> to the built index.html (after <meta charset>) and fails on inline script or style. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'opnote:csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (/<script(?![^>]*\bsrc=)[^>]*>/i.test(html)) {
          throw new Error('index.html has an inline <script>; the CSP (script-src \'self\') would block it.');
        }
        if (/\sstyle="/i.test(html) || /<style[\s>]/i.test(html)) {
          throw new Error('index.html has inline styles; the CSP (style-src \'self\') would block them.');
        }
        const meta = `<meta http-equiv="Content-Security-Policy" content="${CSP.replace(/"/g, '&quot;')}" />`;
        // right after <meta charset>, before anything that loads
        const charset = /<meta charset="[^"]*"\s*\/?>/i;
        if (!charset.test(html)) throw new Error('index.html needs <meta charset> first in <head>.');
        return html.replace(charset, (m) => `${m}\n    ${meta}`);
      },
    },
  };
}

/**
 * Loads src/app/boot.ts (a separate entry chunk) with an async module script in <head>, so the
 * engine worker starts as soon as that small chunk arrives, not after the main chunk is fetched,
 * compiled and evaluated. Its shared imports are preloaded with it.
 */
function bootEntry(): Plugin {
  return {
    name: 'opnote:boot',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const boot = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'boot');
        if (!boot || boot.type !== 'chunk') throw new Error('the boot entry chunk is missing from the build');
        const base = '/';
        const preloads = boot.imports.map((f) => `<link rel="modulepreload" crossorigin href="${base}${f}" />`);
        const tags = [`<script type="module" async crossorigin src="${base}${boot.fileName}"></script>`, ...preloads]
          .filter((t) => !html.includes(t.match(/(?:src|href)="([^"]+)"/)![1] + '"'))
          .join('\n    ');
        return html.replace(/<\/title>/i, (m) => `${m}\n    ${tags}`);
      },
    },
  };
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP_HEADER,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

/**
 * The app is static: one HTML page, a small main chunk, and a worker chunk that carries
 * wink-nlp, its model and the engine. Nothing is fetched from anywhere but this origin.
 */
export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    contentSecurityPolicy(),
    bootEntry(),
    VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      // registered from main.tsx once the engine is ready, so precaching (about 5 MB, the one
      // engine worker's chunks included) never competes with the first load of the model
      injectRegister: false,
      includeAssets: ['favicon.svg'],
      manifest: {
        name: 'OpNote Coder',
        short_name: 'OpNote Coder',
        description: 'Neurostimulator CPT coding from the operative note. Runs entirely on this device.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f1f5f9',
        theme_color: '#0f766e',
        icons: [
          { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        ],
      },
      workbox: {
        // Precache everything the app needs, the ~4 MB engine/model worker chunk included,
        // so that after one visit the app works with no network at all.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,txt,json}'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: '/index.html',
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
      devOptions: { enabled: false },
    }),
  ],
  worker: { format: 'es' },
  // The engine worker imports these lazily; pre-bundle them so the dev server never has to
  // re-optimise and reload the page on first analysis.
  optimizeDeps: { include: ['wink-nlp', 'wink-eng-lite-web-model', 'comlink', 'zod'] },
  build: {
    target: 'es2022',
    rolldownOptions: {
      input: { index: 'index.html', boot: 'src/app/boot.ts' },
    },
    // The worker chunk holds the wink model (~3.7 MB raw); it is not on the first-paint path.
    chunkSizeWarningLimit: 4500,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', headers: SECURITY_HEADERS },
});
