import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { analyze } from '../../src/engine/index';
import { renderApp, sampleText, WAIT } from './helpers';

describe('out-of-scope panel', () => {
  it('says clearly that no neurostimulator code applies, with the reason', async () => {
    const text = sampleText('out-of-scope');
    const a = analyze(text);
    expect(a.inScope).toBe(false);
    renderApp({ text });
    const panel = await screen.findByTestId('out-of-scope', undefined, WAIT);
    expect(within(panel).getByRole('heading', { name: 'No neurostimulator code applies' })).toBeInTheDocument();
    const reason = (a.outOfScopeReason ?? '').replace(/^no neurostimulator code applies\s*[:.]?\s*/i, '');
    expect(panel.textContent?.toLowerCase()).toContain(reason.slice(0, 30).toLowerCase());
    expect(screen.queryAllByTestId('suggestion')).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'Copy lines' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Copy JSON' })).toBeDisabled();
  });

  it('goes away when the note becomes a neurostimulator note', async () => {
    const { user } = renderApp({ text: sampleText('out-of-scope') });
    await screen.findByTestId('out-of-scope', undefined, WAIT);
    await user.selectOptions(screen.getByLabelText(/load a sample note/i), 'scs-trial');
    await screen.findAllByTestId('suggestion', undefined, WAIT);
    expect(screen.queryByTestId('out-of-scope')).toBeNull();
  });
});
