/**
 * e2e global setup: build the app with `vite build` into a private folder (so a concurrent
 * `npm run build` cannot race us), serve it with `vite preview` on a free localhost port,
 * and hand the URL to the tests through `provide('baseUrl')`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ARTIFACTS = path.join(root, 'test/e2e/artifacts');
const outDir = path.join(ARTIFACTS, 'dist');
const viteBin = path.join(root, 'node_modules/vite/bin/vite.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, child: ChildProcess, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`vite preview did not answer at ${url} within ${ms} ms`);
}

/**
 * Build the app into `dir` and serve it with `vite preview` on a free localhost port. Used by
 * the e2e setup and by `npm run screens`.
 */
export async function buildAndServe(dir: string): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const env = { ...process.env, NODE_ENV: 'production' };
  const build = spawnSync(process.execPath, [viteBin, 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  if (build.status !== 0) {
    throw new Error(`vite build failed (${build.status}):\n${build.stdout}\n${build.stderr}`);
  }

  const port = await freePort();
  const preview = spawn(
    process.execPath,
    [viteBin, 'preview', '--outDir', dir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  preview.stdout?.on('data', (d) => (log += String(d)));
  preview.stderr?.on('data', (d) => (log += String(d)));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${baseUrl}/`, preview, 30_000);
  } catch (e) {
    preview.kill('SIGTERM');
    throw new Error(`${(e as Error).message}\n${log}`, { cause: e });
  }

  const stop = async () => {
    if (preview.exitCode === null) {
      preview.kill('SIGTERM');
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          if (preview.exitCode === null) preview.kill('SIGKILL');
          resolve();
        }, 3000);
        preview.once('exit', () => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  };
  return { baseUrl, stop };
}

export default async function setup(project: TestProject) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const { baseUrl, stop } = await buildAndServe(outDir);
  project.provide('baseUrl', baseUrl);
  return stop;
}
