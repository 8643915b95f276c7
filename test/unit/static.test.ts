import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Type-checking and lint are part of the suite: a type error or an impure engine fails CI. */
describe('static checks', () => {
  it('type-checks the whole project (tsc, strict)', () => {
    const r = spawnSync('npx', ['tsc', '--noEmit', '-p', '.'], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).not.toMatch(/error TS/);
    expect(r.status).toBe(0);
  });

  it('lints clean, including the pure-engine rules (no React/DOM/network in src/engine)', () => {
    const r = spawnSync('npx', ['eslint', '.', '--max-warnings=0'], { encoding: 'utf8' });
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
  });

  it('the engine lint rules really reject a network call and a React import', () => {
    const code = "import React from 'react';\nexport const x = () => fetch('https://example.com') && React;\n";
    const r = spawnSync('npx', ['eslint', '--stdin', '--stdin-filename', 'src/engine/probe.ts'], { encoding: 'utf8', input: code });
    expect(r.status).not.toBe(0);
    expect(r.stdout).toMatch(/no-restricted-imports/);
    expect(r.stdout).toMatch(/no-restricted-globals/);
  });

  it('the engine and kb lint rules reject a function over 80 lines, complexity over 25, and kb importing the engine', () => {
    const body = Array.from({ length: 85 }, (_, i) => `  if (x === ${i}) y += ${i};`).join('\n');
    const code = `export function big(x: number): number {\n  let y = 0;\n${body}\n  return y;\n}\n`;
    const r = spawnSync('npx', ['eslint', '--stdin', '--stdin-filename', 'src/engine/probe.ts'], { encoding: 'utf8', input: code });
    expect(r.status).not.toBe(0);
    expect(r.stdout).toMatch(/max-lines-per-function/);
    expect(r.stdout).toMatch(/complexity/);
    const kb = "import type { Doc } from '../engine/types';\nexport type D = Doc;\n";
    const k = spawnSync('npx', ['eslint', '--stdin', '--stdin-filename', 'src/kb/probe.ts'], { encoding: 'utf8', input: kb });
    expect(k.status).not.toBe(0);
    expect(k.stdout).toMatch(/never imports the engine/);
  });

  // issue 19, finding 1: the three super-linear expressions, as they were, fail the lint in src/
  it('the regexp lint rules reject the super-linear expressions issue 19 found, anywhere in src/', () => {
    const code = [
      'export const EMPTY = /^[\\s:.\\-–—]*(none|nil|n\\/?a|not applicable|no|0|zero|_{2,}|-{2,})?[\\s.]*$/i;',
      'export const MODEL = /\\b(?:model|serial|lot)\\b[ \\t]*(?:number|no\\.?|#)?[ \\t]*[:#]?[ \\t]*[A-Z0-9][A-Z0-9-]{2,20}/gi;',
      '',
    ].join('\n');
    // one lint run (the rule set covers src/**; the engine's own expressions are in src/engine/regex-safety.test.ts)
    for (const file of ['src/app/probe.ts']) {
      const r = spawnSync('npx', ['eslint', '--stdin', '--stdin-filename', file], { encoding: 'utf8', input: code });
      expect(r.status, file).not.toBe(0);
      // one report per expression
      expect((r.stdout.match(/regexp\/no-super-linear-(backtracking|move)/g) ?? []).length, r.stdout).toBeGreaterThanOrEqual(2);
    }
  }, 120_000);
});
