import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * One runner for every test: engine and CLI tests in Node, component tests in jsdom,
 * end-to-end tests in real Chromium (their global setup builds the app and serves it).
 */
export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          sequence: { groupOrder: 0 },
          include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          sequence: { groupOrder: 0 },
          include: ['src/**/*.test.tsx', 'test/dom/**/*.test.tsx'],
          setupFiles: ['test/setup-dom.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          // after the unit and dom projects: the browser timings (long tasks) are measured on a quiet machine
          sequence: { groupOrder: 1 },
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
