/**
 * Issue 18 item 10: the skip link is the first Tab stop of every view, and #privacy (with or
 * without the slash) is a view of its own.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderApp, WAIT } from './helpers';
import { VIEWS } from '../../src/app/views';

afterEach(() => {
  window.location.hash = '';
});

describe('shell', () => {
  it.each(VIEWS.map((v) => v.id))('the skip link is the first Tab stop in #/%s', async (id) => {
    window.location.hash = `#/${id}`;
    const { user } = renderApp();
    await screen.findByTestId('skip-link', {}, WAIT);
    document.body.focus();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByTestId('skip-link'));
  });

  it.each(['#privacy', '#/privacy'])('%s opens the privacy view alone', async (hash) => {
    window.location.hash = hash;
    renderApp();
    expect(await screen.findByTestId('privacy-view', {}, WAIT)).toBeInTheDocument();
    expect(screen.queryByTestId('claims-panel')).toBeNull();
    expect(screen.queryByRole('textbox', { name: /note/i })).toBeNull();
  });
});
