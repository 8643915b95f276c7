import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderApp, WAIT } from './helpers';

describe('device ledger table', () => {
  it('lists each device with what was done to it and where it ended, and lights its words on hover', async () => {
    const text = 'DESCRIPTION: The old spinal cord stimulator generator was removed from the flank pocket. A new generator was connected to the existing leads and placed in the same pocket.';
    const { user } = renderApp({ text });
    const table = await screen.findByTestId('device-ledger', undefined, WAIT);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(within(table).getByText('already in the patient; removed today')).toBeInTheDocument();
    expect(within(table).getAllByText('placed today and left in').length).toBeGreaterThanOrEqual(1);
    const act = within(table).getAllByRole('button', { name: /removed/ })[0];
    await user.hover(act);
    const lit = [...screen.getByTestId('evidence-body').querySelectorAll('mark[data-active="true"], mark.ev-active')].map((m) => m.textContent);
    expect(lit.join(' ')).toContain('removed');
  });
});
