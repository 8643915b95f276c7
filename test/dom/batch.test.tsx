/**
 * The batch view in jsdom: no Web Workers here, so the runner falls back to the injected
 * analyzer (the real engine in Node), chunk by chunk — the same rows the workers produce.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import Papa from 'papaparse';
import { analyze } from '../../src/engine/index';
import { CLAIM_COLUMNS, claimRecords, processInput, type BatchOutcome } from '../../src/engine/audit/index';
import type { Analyzer } from '../../src/worker/api';
import { batchStore, resetBatch } from '../../src/app/features/batch/batch-store';
import { exportRecords } from '../../src/app/features/batch/export';
import { parseCsv } from '../../src/app/features/batch/load';
import { engineAnalyzer, renderApp } from './helpers';

const FIXTURE = readFileSync('test/fixtures/batch/batch-50.csv', 'utf8');
const note = (f: string) => readFileSync(`test/fixtures/notes/${f}`, 'utf8');
const WAIT = { timeout: 20_000 };

/** Outcomes the engine gives for a CSV, computed directly (what the view should show). */
function expectedOutcomes(csv: string): BatchOutcome[] {
  const p = parseCsv(csv);
  const out: BatchOutcome[] = [...p.inputs.map((i) => processInput(i, analyze)), ...p.errors.map((error) => ({ ok: false as const, error }))];
  return out.sort((a, b) => (a.ok ? a.row.index : a.error.index) - (b.ok ? b.row.index : b.error.index));
}

const csvFile = (text: string, name = 'notes.csv') => new File([text], name, { type: 'text/csv' });

async function openBatch(analyzer?: Analyzer) {
  window.location.hash = '#/batch';
  const utils = renderApp({ analyzer });
  await screen.findByRole('heading', { name: 'Batch and audit' }, WAIT);
  return utils;
}

async function waitForStatus(status: string) {
  await waitFor(() => expect(screen.getByTestId('batch-progress')).toHaveAttribute('data-status', status), WAIT);
}

beforeEach(() => resetBatch());
afterEach(() => {
  resetBatch();
  window.location.hash = '';
  vi.restoreAllMocks();
});

describe('batch view', () => {
  it('loads a CSV with quoted multi-line notes and a bad row, and shows suggestions and verdicts', async () => {
    const csv = [
      'id,note,billed',
      Papa.unparse([['a', note('003-scs-permanent-perc-leads-ipg.txt'), '63650x2;63685']]),
      'bad,"short",63650,extra',
      Papa.unparse([['b', `He said "stop"\n${note('003-scs-permanent-perc-leads-ipg.txt')}`, '63650']]),
      Papa.unparse([['c', note('061-oos-pacemaker-generator-change.txt'), '63685']]),
    ].join('\n');
    const { user } = await openBatch();
    await user.upload(screen.getByTestId('batch-files'), csvFile(csv));
    await waitForStatus('done');
    const rows = screen.getAllByTestId('batch-row');
    expect(rows.map((r) => [r.getAttribute('data-row'), r.getAttribute('data-verdict')])).toEqual([
      ['1', 'agrees'],
      ['2', 'error'],
      ['3', 'differs'],
      ['4', 'missing-documentation'],
    ]);
    expect(within(rows[0]).getByTestId('batch-lines')).toHaveTextContent('63650 x2');
    expect(rows[1]).toHaveTextContent(/Skipped: row has 4 fields, expected 3/);
    expect(rows[2]).toHaveTextContent('63650: billed 1 unit, the note supports 2.');
    expect(rows[3]).toHaveTextContent('Out of scope');
    const summary = screen.getByTestId('batch-summary');
    expect(summary).toHaveAttribute('data-audited', '3');
    expect(summary).toHaveAttribute('data-errors', '1');
    expect(screen.getByTestId('agreement-rate')).toHaveTextContent('33.3%');
  });

  it('runs the 50-note fixture, matches the engine row by row, filters and sorts', async () => {
    const expected = expectedOutcomes(FIXTURE);
    const { user } = await openBatch();
    await user.upload(screen.getByTestId('batch-files'), csvFile(FIXTURE, 'batch-50.csv'));
    await waitForStatus('done');
    expect(screen.getByTestId('batch-progress')).toHaveAttribute('data-done', '50');
    const noMs = (xs: (BatchOutcome | undefined)[]) => xs.map((o) => (o?.ok ? { ...o, row: { ...o.row, ms: 0 } } : o));
    expect(noMs(batchStore.getState().outcomes)).toEqual(noMs(expected));
    const rows = screen.getAllByTestId('batch-row');
    expect(rows).toHaveLength(50);
    expect(rows.map((r) => r.getAttribute('data-verdict'))).toEqual(expected.map((o) => (o.ok ? (o.row.audit?.verdict ?? '') : 'error')));

    const disagree = expected.filter((o) => o.ok && (o.row.audit?.verdict === 'differs' || o.row.audit?.verdict === 'missing-documentation'));
    expect(disagree.length).toBeGreaterThan(0);
    await user.selectOptions(screen.getByTestId('batch-filter'), 'disagreements');
    const shown = screen.getAllByTestId('batch-row');
    expect(shown).toHaveLength(disagree.length);
    for (const r of shown) expect(['differs', 'missing-documentation']).toContain(r.getAttribute('data-verdict'));

    // sort by audit: missing documentation first
    await user.click(screen.getByRole('button', { name: /^Audit/ }));
    const first = screen.getAllByTestId('batch-row')[0];
    expect(first.getAttribute('data-verdict')).toBe(disagree.some((o) => o.ok && o.row.audit?.verdict === 'missing-documentation') ? 'missing-documentation' : 'differs');

    // charts
    const codes = within(screen.getByTestId('code-chart')).getAllByRole('listitem');
    expect(codes.length).toBeGreaterThan(3);
    expect(Number(codes[0].getAttribute('data-value'))).toBeGreaterThanOrEqual(Number(codes[1].getAttribute('data-value')));
  });

  it('cancels a run, keeps the results so far, and stops', async () => {
    const slow: Analyzer = {
      ...engineAnalyzer,
      analyze: async (t) => {
        await new Promise((r) => setTimeout(r, 15));
        return analyze(t);
      },
    };
    const { user } = await openBatch(slow);
    await user.upload(screen.getByTestId('batch-files'), csvFile(FIXTURE));
    await waitFor(() => expect(Number(screen.getByTestId('batch-progress').getAttribute('data-done'))).toBeGreaterThanOrEqual(10), WAIT);
    expect(screen.getByRole('status')).toHaveTextContent(/of 50 notes .*(left|estimating)/);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitForStatus('cancelled');
    const done = batchStore.getState().done;
    expect(done).toBeLessThan(50);
    await new Promise((r) => setTimeout(r, 200));
    expect(batchStore.getState().done).toBe(done);
    expect(screen.getAllByTestId('batch-row')).toHaveLength(done);
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });

  it('exports CSV and JSON through a Blob URL; the CSV parses back to the same rows', async () => {
    const blobs: Blob[] = [];
    const create = vi.fn((b: Blob) => {
      blobs.push(b);
      return `blob:test/${blobs.length}`;
    });
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { user } = await openBatch();
    await user.upload(screen.getByTestId('batch-files'), csvFile(FIXTURE, 'batch-50.csv'));
    await waitForStatus('done');
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await user.click(screen.getByRole('button', { name: 'Export JSON' }));
    expect(click).toHaveBeenCalledTimes(2);
    const outcomes = batchStore.getState().outcomes as BatchOutcome[];
    const back = Papa.parse<Record<string, string>>(await blobs[0].text(), { header: true, skipEmptyLines: true });
    expect(back.errors).toEqual([]);
    expect(back.data).toEqual(outcomes.flatMap(claimRecords));
    expect(back.meta.fields).toEqual([...CLAIM_COLUMNS]);
    // one row per claim line, and one for each note with no line
    expect(back.data).toHaveLength(outcomes.reduce((n, o) => n + (o.ok ? Math.max(1, o.row.lines.length) : 1), 0));
    expect(new Set(back.data.map((r) => r.row)).size).toBe(50);
    await user.click(screen.getByRole('button', { name: 'Export note summary CSV' }));
    const notes = Papa.parse<Record<string, string>>(await blobs[2].text(), { header: true, skipEmptyLines: true });
    expect(notes.data).toEqual(exportRecords(outcomes));
    expect(notes.data).toHaveLength(50);
    const json = JSON.parse(await blobs[1].text());
    expect(json.rows).toHaveLength(50);
    expect(json.summary.analysed).toBe(50);
    expect(json.rows[0].lines).toEqual(outcomes[0].ok ? outcomes[0].row.lines.map((l) => `${[l.code, ...l.modifiers].join('-')} x${l.units}`) : []);
  });

  it('loads several .txt files as notes and opens a row in the workspace', async () => {
    const { user, store } = await openBatch();
    const files = ['019-pns-occipital-right.txt', '003-scs-permanent-perc-leads-ipg.txt'].map((f) => new File([note(f)], f, { type: 'text/plain' }));
    await user.upload(screen.getByTestId('batch-files'), files);
    await waitForStatus('done');
    const rows = screen.getAllByTestId('batch-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('003-scs-permanent-perc-leads-ipg.txt'); // sorted by path
    expect(screen.queryByRole('columnheader', { name: /Audit/ })).toBeNull(); // no billed codes, no audit column
    await user.click(screen.getByRole('button', { name: 'Open note 019-pns-occipital-right.txt in the workspace' }));
    expect(store.getState().text).toBe(note('019-pns-occipital-right.txt'));
    expect(window.location.hash).toBe('#/workspace');
  });
});
