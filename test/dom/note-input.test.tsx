import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { htmlToText, rtfToText, fileToText } from '../../src/app/lib/plain-text';
import { renderApp, WAIT } from './helpers';
import { isLargePayload, PASTE_CAP, takePayload } from '../../src/app/features/note-input/note-input';

describe('note input', () => {
  it('reduces pasted HTML to plain text and never renders it', async () => {
    renderApp();
    const area = screen.getByLabelText('Operative note text') as HTMLTextAreaElement;
    area.focus();
    const html =
      '<html><body><p><b>PROCEDURE:</b> Placement of <i>spinal cord stimulator</i> generator.</p><img src="http://evil.example/x.png" onerror="window.__pwned=1"><script>window.__pwned=1</script><ul><li>Pocket was created.</li></ul></body></html>';
    fireEvent.paste(area, {
      clipboardData: { getData: (t: string) => (t === 'text/html' ? html : '') },
    });
    await waitFor(() => expect(area.value).toContain('PROCEDURE: Placement of spinal cord stimulator generator.'));
    expect(area.value).toContain('- Pocket was created.');
    expect(area.value).not.toMatch(/<|script|img/);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    expect(document.querySelector('img[src*="evil"]')).toBeNull();
  });

  it('a paste over the cap: the first PASTE_CAP characters go in, the user is told the sizes', async () => {
    renderApp();
    const area = screen.getByLabelText('Operative note text') as HTMLTextAreaElement;
    area.focus();
    const line = 'PROCEDURE: two leads were placed at T8 under fluoroscopy.\n';
    const big = line.repeat(Math.ceil(2_000_000 / line.length)).slice(0, 2_000_000);
    fireEvent.paste(area, { clipboardData: { getData: (t: string) => (t === 'text/plain' ? big : '') } });
    await waitFor(() => expect(area.value.length).toBe(PASTE_CAP));
    expect(area.value).toBe(big.slice(0, PASTE_CAP));
    expect(screen.getByTestId('note-notice').textContent).toMatch(/was 2,000,000 characters: the first 300,000 .* were pasted, the rest was not/);
  });

  it('isLargePayload: plain text over the cap, or (with no plain text) formatted text over it', () => {
    const big = 'x'.repeat(PASTE_CAP + 1);
    expect(isLargePayload((t) => (t === 'text/plain' ? 'short' : big))).toBe(false);
    expect(isLargePayload((t) => (t === 'text/plain' ? big : ''))).toBe(true);
    expect(isLargePayload((t) => (t === 'text/html' ? big : ''))).toBe(true);
    expect(isLargePayload((t) => (t === 'text/html' ? '<b>x</b>' : ''))).toBe(false);
  });

  it('takePayload: plain text under the cap is left to the textarea; formatted text over it is cut and said so', () => {
    expect(takePayload((t) => (t === 'text/plain' ? 'short note' : ''))).toBeNull();
    const plain = 'x'.repeat(PASTE_CAP + 1);
    expect(takePayload((t) => (t === 'text/plain' ? plain : ''))).toMatchObject({ text: plain.slice(0, PASTE_CAP), notice: expect.stringMatching(/300,001 characters/) });
    const html = `<p>${'lead placed. '.repeat(150_000)}</p>`;
    const got = takePayload((t) => (t === 'text/html' ? html : ''));
    expect(got?.text.length).toBe(PASTE_CAP);
    expect(got?.notice).toMatch(/longer than 300,000 characters/);
    const small = takePayload((t) => (t === 'text/html' ? '<b>PROCEDURE:</b> lead' : ''));
    expect(small).toEqual({ text: 'PROCEDURE: lead', notice: 'Formatted text was pasted as plain text.' });
  });

  it('reduces RTF to plain text', () => {
    const rtf =
      '{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}{\\colortbl;\\red0\\green0\\blue0;}\\f0\\fs20 {\\b PROCEDURE:} Placement of generator\\par Pocket was created in the right buttock\\\'2e\\par}';
    expect(rtfToText(rtf)).toBe('PROCEDURE: Placement of generator\nPocket was created in the right buttock.');
    expect(fileToText('note.rtf', rtf)).toContain('Pocket was created');
  });

  it('keeps line structure from HTML blocks and line breaks', () => {
    expect(htmlToText('<div>Line one<br>Line two</div><p>Para &amp; more</p>')).toBe('Line one\nLine two\nPara & more');
  });

  it('loads a dropped .txt file', async () => {
    renderApp();
    const file = new File(['PROCEDURE: Spinal cord stimulator trial.\nTwo leads were placed.'], 'note.txt', { type: 'text/plain' });
    fireEvent.drop(screen.getByTestId('drop-zone'), { dataTransfer: { files: [file], getData: () => '' } });
    await waitFor(() =>
      expect(screen.getByLabelText('Operative note text')).toHaveValue('PROCEDURE: Spinal cord stimulator trial.\nTwo leads were placed.'),
    );
    expect(await screen.findByText(/loaded note\.txt/i, undefined, WAIT)).toBeInTheDocument();
  });

  it('switches theme and remembers the choice', async () => {
    const { user, store } = renderApp();
    const toggle = screen.getByTestId('theme-toggle');
    expect(toggle).toHaveAttribute('data-theme-pref', 'system');
    await user.click(toggle);
    expect(store.getState().theme).toBe('light');
    expect(document.documentElement.classList.contains('dark')).toBe(false);
    await user.click(toggle);
    expect(document.documentElement.classList.contains('dark')).toBe(true);
    expect(localStorage.getItem('opnote-coder:ui')).toContain('dark');
    await user.keyboard('{Alt>}{Shift>}D{/Shift}{/Alt}');
    expect(store.getState().theme).toBe('system');
  });
});
