import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { SHORTCUT_DOCS, matchShortcut } from '../../src/app/features/help/shortcuts';
import { renderApp } from './helpers';

describe('help dialog', () => {
  it('opens with "?", lists the shortcuts, traps focus and closes with Esc', async () => {
    const { user } = renderApp();
    const helpButton = screen.getByRole('button', { name: /help/i });
    helpButton.focus();
    await user.keyboard('?');
    const dialog = screen.getByRole('dialog', { name: /keyboard shortcuts/i });
    for (const s of SHORTCUT_DOCS) expect(within(dialog).getByText(s.label)).toBeInTheDocument();
    // the app's own shortcuts are Alt+Shift+key: none that a major browser claims
    expect(within(dialog).getAllByText('Alt').length).toBeGreaterThanOrEqual(6);
    expect(dialog.textContent).not.toMatch(/Ctrl\s*\+\s*Shift/);
    for (const view of ['Batch', 'Ask', 'Documentation check', 'Code reference', 'Trainer', 'Privacy']) expect(within(dialog).getByTestId('help-views')).toHaveTextContent(view);
    const close = within(dialog).getByRole('button', { name: /close/i });
    expect(close).toHaveFocus();
    await user.tab();
    expect(dialog.contains(document.activeElement)).toBe(true);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(helpButton).toHaveFocus();
  });

  it('binds no shortcut a major browser claims (Ctrl+Shift+C inspector, Ctrl+Shift+Y downloads, Alt+digit tabs)', () => {
    const ev = (code: string, key: string, mods: Partial<KeyboardEvent>) => ({ code, key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
    for (const [code, key] of [['KeyC', 'C'], ['KeyY', 'Y'], ['KeyL', 'L'], ['KeyI', 'I'], ['KeyJ', 'J']]) {
      expect(matchShortcut(ev(code, key, { ctrlKey: true, shiftKey: true }), false), `Ctrl+Shift+${key}`).toBeNull();
      expect(matchShortcut(ev(code, key, { metaKey: true, shiftKey: true }), false), `Cmd+Shift+${key}`).toBeNull();
    }
    for (const d of ['1', '2', '3']) expect(matchShortcut(ev(`Digit${d}`, d, { altKey: true }), false), `Alt+${d}`).toBeNull();
    // the app's own, by physical key (a Mac's Option+Shift+C types "Ç")
    expect(matchShortcut(ev('KeyC', 'Ç', { altKey: true, shiftKey: true }), true)).toBe('copy-lines');
    expect(matchShortcut(ev('KeyJ', 'Ô', { altKey: true, shiftKey: true }), true)).toBe('copy-json');
    expect(matchShortcut(ev('Digit3', '#', { altKey: true, shiftKey: true }), false)).toBe('focus-claims');
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
