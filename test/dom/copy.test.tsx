import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { analyze } from '../../src/engine/index';
import { claimLinesText } from '../../src/app/lib/claim-lines';
import { renderApp, sampleText, WAIT } from './helpers';

afterEach(() => vi.restoreAllMocks());

function mockClipboard() {
  const writeText = vi.fn(async (_: string) => {});
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  return writeText;
}

describe('copy', () => {
  it('copies the claim lines as text with one click', async () => {
    const text = sampleText('scs-ipg');
    const { user } = renderApp({ text });
    await screen.findAllByTestId('suggestion', undefined, WAIT);
    const writeText = mockClipboard();
    await user.click(screen.getByRole('button', { name: 'Copy lines' }));
    const expected = claimLinesText(analyze(text));
    expect(writeText).toHaveBeenCalledWith(expected);
    expect(expected).toMatch(/^\d{5}(-[A-Z0-9]{2})* x\d+(\n\d{5}(-[A-Z0-9]{2})* x\d+)*$/);
    expect(expected.split('\n')).toContain('63685 x1');
    expect(screen.getByTestId('copy-status')).toHaveTextContent('63685 x1');
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
