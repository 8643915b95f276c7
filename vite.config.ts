import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

/**
 * The app is static: one HTML page, a small main chunk, and a worker chunk that carries
 * wink-nlp, its model and the engine. Nothing is fetched from anywhere but this origin.
 */
export default defineConfig({
  plugins: [react(), tailwindcss()],
  worker: { format: 'es' },
  // The engine worker imports these lazily; pre-bundle them so the dev server never has to
  // re-optimise and reload the page on first analysis.
  optimizeDeps: { include: ['wink-nlp', 'wink-eng-lite-web-model', 'comlink', 'zod'] },
  build: {
    target: 'es2022',
    // The worker chunk holds the wink model (~3.7 MB raw); it is not on the first-paint path.
    chunkSizeWarningLimit: 4500,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
