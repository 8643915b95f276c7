/**
 * The UI thread never runs engine analysis on note text (issue 19): every path that reads a note
 * (workspace, evidence, documentation check, trainer, batch, questions) goes through the worker
 * under the watchdog. This test reads the app's imports: only the small helpers below may be
 * imported from src/engine as values; everything else is `import type`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Engine modules the app may import as values, and why each is not note analysis. */
const ALLOWED: Record<string, string> = {
  'engine/limits': 'the MAX_CHARS constant',
  'engine/doccheck/questions': 'formats a finished check as text',
  'engine/audit/index': 'CSV columns and verdict formatting of finished results (the analyses run in the batch worker)',
  'engine/modifiers/dates': 'the print summary reads the labelled date of service (linear, 40-character windows)',
  'engine/redact': 'masks names in text the user copies (linear, lint-checked expressions)',
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return files(p);
    return /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : [];
  });
}

describe('main thread', () => {
  it('imports no engine analysis code (only type imports and the listed helpers)', () => {
    const bad: string[] = [];
    for (const f of files('src/app')) {
      const src = readFileSync(f, 'utf8');
      for (const m of src.matchAll(/^import (type )?[^;]*? from '([^']+)'/gm)) {
        const [, typeOnly, from] = m;
        const at = from.indexOf('engine/');
        if (typeOnly || at < 0) continue;
        const mod = from.slice(at);
        if (!(mod in ALLOWED)) bad.push(`${f}: ${mod}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
