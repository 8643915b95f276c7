import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { analyze } from '../../src/engine/index';
import type { Analysis } from '../../src/engine/types';
import { claimLine } from '../../src/app/lib/claim-lines';
import { engineAnalyzer, renderApp, sampleText, WAIT } from './helpers';

describe('suggestions list', () => {
  it('shows the ranked claim lines the engine finds, with description, confidence and reasons', async () => {
    const { user } = renderApp();
    await user.selectOptions(screen.getByLabelText(/load a sample note/i), 'scs-ipg');
    const expected = analyze(sampleText('scs-ipg'));
    const cards = await screen.findAllByTestId('suggestion', undefined, WAIT);
    expect(cards.map((c) => c.getAttribute('data-line'))).toEqual(expected.suggestions.map(claimLine));
    expect(cards.map((c) => c.getAttribute('data-code'))).toContain('63685');
    const first = expected.suggestions[0];
    const card = within(cards[0]);
    expect(card.getByText(first.description)).toBeInTheDocument();
    expect(card.getByText(`${first.confidence} confidence`)).toBeInTheDocument();
    for (const r of first.reasons) expect(card.getAllByText(r.text).length).toBeGreaterThan(0);
  });

  it('links each claim line to its reference page and to questions about it', async () => {
    const { user } = renderApp();
    await user.selectOptions(screen.getByLabelText(/load a sample note/i), 'scs-ipg');
    const cards = await screen.findAllByTestId('suggestion', undefined, WAIT);
    const first = analyze(sampleText('scs-ipg')).suggestions[0];
    const card = within(cards[0]);
    expect(card.getByRole('link', { name: `reference for ${first.code}` })).toHaveAttribute('href', `#/reference/${first.code}`);
    const asks = within(card.getByTestId('suggested-questions')).getAllByRole('link');
    expect(asks.map((a) => a.textContent)).toContain(`What must the note show for ${first.code}?`);
    for (const a of asks) expect(a.getAttribute('href')).toMatch(/^#\/ask\//);
  });

  it('updates while typing (pasted text goes through the engine)', async () => {
    const { user } = renderApp();
    const area = screen.getByLabelText('Operative note text');
    await user.click(area);
    await user.paste(sampleText('scs-trial'));
    const expected = analyze(sampleText('scs-trial')).suggestions.map(claimLine);
    await waitFor(() => {
      const lines = screen.getAllByTestId('suggestion').map((c) => c.getAttribute('data-line'));
      expect(lines).toEqual(expected);
    }, WAIT);
    await waitFor(() => expect(screen.getByTestId('claims-panel')).toHaveAttribute('data-updating', 'false'), WAIT);
  });

  it('never lets a slow answer for older text overwrite the answer for newer text', async () => {
    const older = sampleText('scs-ipg');
    const newer = sampleText('out-of-scope');
    const slow = {
      ...engineAnalyzer,
      analyze: async (text: string): Promise<Analysis> => {
        const a = analyze(text);
        await new Promise((r) => setTimeout(r, text === older ? 1200 : 10));
        return a;
      },
    };
    const { store } = renderApp({ analyzer: slow });
    act(() => store.getState().setText(older));
    await new Promise((r) => setTimeout(r, 400)); // debounce passes; the slow call is in flight
    act(() => store.getState().setText(newer));
    expect(await screen.findByTestId('out-of-scope', undefined, WAIT)).toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 1200)); // the slow answer arrives now
    expect(screen.getByTestId('out-of-scope')).toBeInTheDocument();
    expect(screen.queryAllByTestId('suggestion')).toHaveLength(0);
  });

  it('shows the engine loading state and an empty-state hint', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    renderApp({ analyzer: { ...engineAnalyzer, ready: async () => (await gate, { loadMs: 5 }) } });
    expect(screen.getByTestId('engine-status')).not.toHaveAttribute('data-stage', 'ready');
    await waitFor(() => expect(screen.getByTestId('engine-status')).toHaveAttribute('data-stage', 'loading-model'));
    expect(screen.getByRole('progressbar', { name: /loading the language model/i })).toBeInTheDocument();
    expect(screen.getByText(/paste an operative note/i)).toBeInTheDocument();
    act(() => release());
    await waitFor(() => expect(screen.getByTestId('engine-status')).toHaveAttribute('data-stage', 'ready'));
  });
});
