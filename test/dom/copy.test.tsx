import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { analyze } from '../../src/engine/index';
import { claimLinesCsv, claimLinesJson, claimLinesText, CSV_COLUMNS } from '../../src/app/lib/claim-lines';
import { renderApp, sampleText, WAIT } from './helpers';

afterEach(() => vi.restoreAllMocks());

function mockClipboard() {
  const writeText = vi.fn(async (_: string) => {});
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  return writeText;
}

describe('copy', () => {
  it('copies the claim lines tab-separated (CPT, Mod1–Mod4, Units, Status) with one click', async () => {
    const text = sampleText('scs-ipg');
    const { user } = renderApp({ text });
    await screen.findAllByTestId('suggestion', undefined, WAIT);
    const writeText = mockClipboard();
    await user.click(screen.getByRole('button', { name: 'Copy lines' }));
    const expected = claimLinesText(analyze(text));
    expect(writeText).toHaveBeenCalledWith(expected);
    const rows = expected.split('\n').map((r) => r.split('\t'));
    for (const r of rows) {
      expect(r).toHaveLength(7);
      expect(r[0]).toMatch(/^\d{5}$/);
      expect(r[5]).toMatch(/^\d+$/);
      expect(r[6]).toMatch(/^(ready|review: .+)$/);
    }
    expect(rows.map((r) => r.slice(0, 6))).toContainEqual(['63685', '', '', '', '', '1']);
    expect(screen.getByTestId('copy-status')).toHaveTextContent('63685 x1');
  });

  it('puts each modifier in its own column and carries the status of each line', () => {
    const ready = claimLinesText(analyze(sampleText('scs-trial')));
    expect(ready).toBe('63650\t\t\t\t\t2\tready');
    const sided = analyze(sampleText('sacral-stage1'));
    expect(sided.suggestions[0].status).toBe('review');
    const [row] = claimLinesText(sided).split('\n');
    const cells = row.split('\t');
    expect(cells.slice(0, 6)).toEqual(['64561', 'RT', '', '', '', '1']);
    // the question to ask, not just a flag
    expect(cells[6]).toBe(`review: ${sided.suggestions[0].reviewReasons![0].question}`);
  });

  it('JSON and CSV carry the status and the review reasons of every line', () => {
    const a = analyze(sampleText('sacral-stage2'));
    const json = JSON.parse(claimLinesJson(a));
    expect(json.lines[0]).toMatchObject({ code: '64590', status: 'review' });
    expect(json.lines[0].review.map((r: { check: string }) => r.check)).toEqual(a.suggestions[0].reviewReasons!.map((r) => r.id));
    expect(json.warnings.join(' ')).not.toMatch(/Device codes that usually go with/);
    expect(json.deviceCodes.length).toBeGreaterThan(0);
    const csv = claimLinesCsv(a).trim().split('\r\n');
    expect(csv[0]).toBe(CSV_COLUMNS.join(','));
    expect(csv).toHaveLength(1 + a.suggestions.length);
    expect(csv[1]).toMatch(/^64590,,,,,1,/);
    expect(csv[1]).toContain(',review,');
    expect(csv[1]).toContain(a.suggestions[0].reviewReasons![0].question!);
  });

  it('copies JSON with the same lines', async () => {
    const text = sampleText('scs-ipg');
    const { user } = renderApp({ text });
    await screen.findAllByTestId('suggestion', undefined, WAIT);
    const writeText = mockClipboard();
    await user.click(screen.getByRole('button', { name: 'Copy JSON' }));
    const json = JSON.parse(writeText.mock.calls[0][0]);
    const a = analyze(text);
    expect(json.lines.map((l: { code: string }) => l.code)).toEqual(a.suggestions.map((s) => s.code));
    expect(json.lines[0]).toMatchObject({ units: a.suggestions[0].units, modifiers: a.suggestions[0].modifiers.map((m) => m.code) });
  });

  it('Alt+Shift+C copies the lines from anywhere, even the editor', async () => {
    const text = sampleText('scs-trial');
    const { user } = renderApp({ text });
    await screen.findAllByTestId('suggestion', undefined, WAIT);
    const writeText = mockClipboard();
    await user.click(screen.getByLabelText('Operative note text'));
    await user.keyboard('{Alt>}{Shift>}C{/Shift}{/Alt}');
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(claimLinesText(analyze(text))));
  });

  it('joins modifiers with "-" and units with " x"', async () => {
    const { claimLine } = await import('../../src/app/lib/claim-lines');
    expect(claimLine({ code: '64590', units: 1, modifiers: [{ code: 'RT', reasons: [] }] })).toBe('64590-RT x1');
    expect(claimLine({ code: '63650', units: 2, modifiers: [{ code: '59', reasons: [] }, { code: 'LT', reasons: [] }] })).toBe('63650-59-LT x2');
  });
});
