#!/usr/bin/env node
/**
 * npm test — runs every test (engine, CLI, components, end-to-end in Chromium) with one Vitest
 * run, then prints the plain line CI reads: "N passed, M failed".
 * Extra arguments go to Vitest (e.g. `npm test -- --project unit`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const report = '.vitest-report.json';
rmSync(report, { force: true });
const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)];
const run = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' } });

let passed;
let failed;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests ?? 0;
  failed = r.numFailedTests ?? 0;
  // a test file that failed to load has no tests but must count as a failure
  for (const file of r.testResults ?? []) {
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) failed++;
  }
} else {
  console.error('test runner: Vitest wrote no report; counting the run as one failure');
  passed = 0;
  failed = 1;
}
if (run.status !== 0 && failed === 0) {
  console.error(`test runner: Vitest exited with status ${run.status} without a failing test; counting one failure`);
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
