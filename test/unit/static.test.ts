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
});
