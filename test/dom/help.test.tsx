import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { SHORTCUT_DOCS } from '../../src/app/features/help/shortcuts';
import { renderApp } from './helpers';

describe('help dialog', () => {
  it('opens with "?", lists the shortcuts, traps focus and closes with Esc', async () => {
    const { user } = renderApp();
    const helpButton = screen.getByRole('button', { name: /help/i });
    helpButton.focus();
    await user.keyboard('?');
    const dialog = screen.getByRole('dialog', { name: /keyboard shortcuts/i });
    for (const s of SHORTCUT_DOCS) expect(within(dialog).getByText(s.label)).toBeInTheDocument();
    expect(within(dialog).getAllByText('Ctrl').length).toBeGreaterThan(0);
    for (const view of ['Batch', 'Ask', 'Documentation check', 'Code reference', 'Trainer']) expect(within(dialog).getByTestId('help-views')).toHaveTextContent(view);
    const close = within(dialog).getByRole('button', { name: /close/i });
    expect(close).toHaveFocus();
    await user.tab();
    expect(dialog.contains(document.activeElement)).toBe(true);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(helpButton).toHaveFocus();
  });

  it('does not open while typing "?" in the note', async () => {
    const { user } = renderApp();
    await user.click(screen.getByLabelText('Operative note text'));
    await user.keyboard('Is a pocket needed?');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByLabelText('Operative note text')).toHaveValue('Is a pocket needed?');
  });

  it('opens with "?" in every view, not only the workspace', async () => {
    window.location.hash = '#/reference';
    try {
      const { user } = renderApp();
      await screen.findByRole('link', { name: 'Code reference', current: 'page' });
      (document.activeElement as HTMLElement | null)?.blur();
      await user.keyboard('?');
      expect(screen.getByRole('dialog', { name: /keyboard shortcuts/i })).toBeInTheDocument();
    } finally {
      window.location.hash = '';
    }
  });

  it('opens from the Help button', async () => {
    const { user } = renderApp();
    await user.click(screen.getByRole('button', { name: /help/i }));
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: /close/i }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
