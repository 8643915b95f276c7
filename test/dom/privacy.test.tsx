/**
 * Privacy and robustness of the workspace in jsdom, with IndexedDB from fake-indexeddb:
 * nothing stored by default; opt-in history saves, survives a reload and is deleted by
 * "delete everything"; copies are redacted on request; hostile pastes stay inert text; a
 * failing panel never blanks the page or loses the note; size cap and odd input are explained.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, renderHook, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { renderApp, sampleText, WAIT, engineAnalyzer } from './helpers';
import { analyze, MAX_CHARS } from '../../src/engine/index';
import type { Analysis } from '../../src/engine/types';
import { HISTORY_DB_NAME, listEntries } from '../../src/app/lib/history-db';
import { DRAFT_KEY, PRIVACY_KEY, privacyStore, reloadPrivacySettings } from '../../src/app/features/privacy/privacy-store';
import { deleteEverything, refreshHistory } from '../../src/app/features/privacy/history';
import { ANALYSIS_CHAR_CAP, inputWarning } from '../../src/app/features/note-input/note-input';
import { useCopyActions } from '../../src/app/features/copy/use-copy';
import { WorkspaceStoreProvider, createWorkspaceStore, type WorkspaceStore } from '../../src/app/lib/store';

const area = () => screen.getByLabelText('Operative note text') as HTMLTextAreaElement;

/** Switch the app to another view (the privacy controls live in #/privacy, the note in #/workspace). */
async function toView(view: 'workspace' | 'privacy') {
  await act(async () => {
    window.location.hash = `#/${view}`;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await new Promise((r) => setTimeout(r, 0));
  });
  await screen.findByTestId(view === 'privacy' ? 'privacy-view' : 'claims-panel', {}, WAIT);
}

/** Wait until the result on screen is the analysis of the note in the store. */
async function settled(store: WorkspaceStore) {
  await waitFor(() => {
    // the evidence pane shows the part the engine read (the first MAX_CHARS characters)
    const text = store.getState().text;
    const body = screen.getByTestId('evidence-body').textContent ?? '';
    expect(body).toBe(text.slice(0, MAX_CHARS));
    expect(screen.getByTestId('claims-panel')).toHaveAttribute('data-updating', 'false');
  }, WAIT);
}

beforeEach(async () => {
  await deleteEverything();
  sessionStorage.clear();
  localStorage.clear();
  reloadPrivacySettings();
});

afterEach(() => {
  vi.restoreAllMocks();
  window.location.hash = '';
});

describe('nothing is stored by default', () => {
  it('analysing a note writes nothing to localStorage, sessionStorage or IndexedDB', async () => {
    const { store } = renderApp({ text: sampleText('scs-ipg') });
    await settled(store);
    expect(await screen.findAllByTestId('suggestion', undefined, WAIT)).not.toHaveLength(0);
    // the workspace says so in one line, with a link to the Privacy view
    expect(screen.getByTestId('privacy-status')).toHaveAttribute('data-state', 'off');
    expect(screen.getByTestId('privacy-status')).toHaveTextContent(/Nothing is stored/);
    expect(within(screen.getByTestId('privacy-status')).getByRole('link', { name: 'Privacy settings' })).toHaveAttribute('href', '#/privacy');
    await toView('privacy');
    expect(screen.getByTestId('history-indicator')).toHaveAttribute('data-state', 'off');
    expect(screen.getByTestId('history-indicator')).toHaveTextContent(/Nothing is stored/);
    expect(localStorage.getItem(PRIVACY_KEY)).toBeNull();
    expect(sessionStorage.length).toBe(0);
    expect(await Dexie.exists(HISTORY_DB_NAME)).toBe(false);
    expect(screen.getByTestId('delete-everything')).toBeDisabled();
  });
});

describe('opt-in history', () => {
  it('saves notes with their results, survives a reload, and "delete everything" removes it all', async () => {
    const note = sampleText('sacral-stage2');
    const first = renderApp();
    await toView('privacy');
    await first.user.click(screen.getByTestId('keep-history'));
    expect(screen.getByTestId('history-indicator')).toHaveAttribute('data-state', 'on');
    expect(JSON.parse(localStorage.getItem(PRIVACY_KEY) ?? '{}')).toMatchObject({ keepHistory: true });

    await toView('workspace');
    expect(screen.getByTestId('privacy-status')).toHaveAttribute('data-state', 'on');
    act(() => first.store.getState().setText(note));
    await settled(first.store);
    await waitFor(() => expect(screen.getByTestId('privacy-status')).toHaveTextContent('1 note saved on this device'), WAIT);
    await toView('privacy');
    await waitFor(() => expect(screen.getAllByTestId('history-entry')).toHaveLength(1), WAIT);
    const saved = await listEntries();
    expect(saved).toHaveLength(1);
    expect(saved[0].text).toBe(note);
    expect(saved[0].lines.length).toBe(analyze(note).suggestions.length);
    expect(screen.getByTestId('history-indicator')).toHaveTextContent('1 note saved on this device');
    await waitFor(() => expect(sessionStorage.getItem(DRAFT_KEY)).toBe(note), WAIT);
    await toView('workspace');

    // "reload": a new app over the same storage; the draft comes back from sessionStorage
    first.unmount();
    reloadPrivacySettings();
    await refreshHistory();
    const second = renderApp({ text: '' });
    // renderApp clears localStorage (the theme); restore the privacy setting as a reload would find it
    act(() => privacyStore.getState().setKeepHistory(true));
    await waitFor(() => expect(area().value).toBe(note), WAIT);
    await waitFor(() => expect(screen.getByTestId('privacy-status')).toHaveTextContent('1 note saved'), WAIT);

    // a different note pasted over the old one becomes a second entry
    const other = sampleText('vns');
    act(() => second.store.getState().setText(other));
    await settled(second.store);
    await waitFor(() => expect(screen.getByTestId('privacy-status')).toHaveTextContent('2 notes saved'), WAIT);
    await toView('privacy');
    await waitFor(() => expect(screen.getAllByTestId('history-entry')).toHaveLength(2), WAIT);

    await second.user.click(screen.getByTestId('delete-everything'));
    await second.user.click(screen.getByRole('button', { name: 'Yes, delete everything' }));
    await waitFor(() => expect(screen.queryAllByTestId('history-entry')).toHaveLength(0), WAIT);
    expect(await screen.findByText(/Deleted everything this app stored/, undefined, WAIT)).toBeInTheDocument();
    expect(await Dexie.exists(HISTORY_DB_NAME)).toBe(false);
    expect(localStorage.getItem(PRIVACY_KEY)).toBeNull();
    expect(sessionStorage.getItem(DRAFT_KEY)).toBeNull();
    expect(screen.getByTestId('history-indicator')).toHaveAttribute('data-state', 'off');
    // the note on screen is kept in memory
    await toView('workspace');
    expect(area().value).toBe(other);
  });

  it('opens a saved note back into the editor', async () => {
    const { user, store } = renderApp();
    await toView('privacy');
    await user.click(screen.getByTestId('keep-history'));
    await toView('workspace');
    act(() => store.getState().setText(sampleText('scs-trial')));
    await settled(store);
    await waitFor(() => expect(screen.getByTestId('privacy-status')).toHaveTextContent('1 note saved'), WAIT);
    act(() => store.getState().setText(''));
    await toView('privacy');
    await waitFor(() => expect(screen.getAllByTestId('history-entry')).toHaveLength(1), WAIT);
    const list = screen.getByTestId('history-list');
    await user.click(within(list).getByText(/Saved notes/));
    await user.click(within(list).getByRole('button', { name: /^Open the note saved/ }));
    // "Open" goes back to the workspace with the note
    await screen.findByTestId('claims-panel', {}, WAIT);
    expect(area().value).toBe(sampleText('scs-trial'));
  });
});

describe('history of an abstained note', () => {
  it('a note where the deciding fact is missing is saved as "no code: …", not "out of scope"', async () => {
    const { user, store } = renderApp();
    await toView('privacy');
    await user.click(screen.getByTestId('keep-history'));
    await toView('workspace');
    const text = 'Stimulator battery changed.';
    expect(analyze(text).abstain?.fact).toBe('target');
    act(() => store.getState().setText(text));
    await settled(store);
    await waitFor(() => expect(screen.getByTestId('privacy-status')).toHaveTextContent('1 note saved'), WAIT);
    expect((await listEntries())[0].missingFact).toBe('which system or nerve the device is on');
    await toView('privacy');
    const [entry] = await screen.findAllByTestId('history-entry', undefined, WAIT);
    expect(entry).toHaveTextContent('no code: the note does not say which system or nerve the device is on');
  });
});

describe('redact before copy', () => {
  it('masks identifiers in copied text when the option is on, and only then', async () => {
    const user = userEvent.setup(); // installs a clipboard stub
    const base = analyze(sampleText('scs-ipg'));
    const analysis: Analysis = {
      ...base,
      warnings: [...base.warnings, { kind: 'note', message: 'Patient: Jane Doe, MRN 12345678, DOB 01/02/1950, call 555-123-4567' } as Analysis['warnings'][number]],
    };
    const store = createWorkspaceStore();
    const wrapper = ({ children }: { children: ReactNode }) => <WorkspaceStoreProvider store={store}>{children}</WorkspaceStoreProvider>;
    const { result } = renderHook(() => useCopyActions(analysis), { wrapper });
    await act(() => result.current.copyJson());
    expect(await navigator.clipboard.readText()).toContain('Patient: Jane Doe');

    act(() => privacyStore.getState().setRedact(true));
    await act(() => result.current.copyJson());
    const copied = await navigator.clipboard.readText();
    expect(copied).toContain('Patient: [NAME], MRN [MRN], DOB [DATE], call [PHONE]');
    expect(copied).not.toMatch(/Jane|12345678|1950|4567/);
    expect(store.getState().lastCopy?.text).toBe(copied);
    void user;
  });

  it('the redact checkbox is in the privacy panel and off by default', async () => {
    const { user } = renderApp();
    await toView('privacy');
    const box = screen.getByTestId('redact-toggle');
    expect(box).not.toBeChecked();
    await user.click(box);
    expect(privacyStore.getState().redact).toBe(true);
  });
});

describe('pasted content is always inert text', () => {
  const HOSTILE = [
    '<script>window.__pwned = 1</script>',
    '<img src="x" onerror="window.__pwned = 2">',
    '<a href="javascript:window.__pwned = 3">click</a>',
    '<svg onload="window.__pwned = 4"></svg>',
    '<iframe src="javascript:parent.__pwned = 5"></iframe>',
    '{\\rtf1 {\\field{\\*\\fldinst HYPERLINK "javascript:alert(1)"}}}',
    'PROCEDURE: Spinal cord stimulator trial. Two leads placed at T8.',
  ].join('\n');

  it('typed/plain-pasted markup is shown as text, never as elements', async () => {
    const { store } = renderApp();
    act(() => store.getState().setText(HOSTILE));
    await settled(store);
    expect(area().value).toBe(HOSTILE);
    const evidence = screen.getByTestId('evidence-body');
    expect(evidence.textContent).toBe(HOSTILE);
    const root = document.getElementById('root') ?? document.body;
    expect(root.querySelectorAll('script, img[src="x"], iframe, svg[onload], a[href^="javascript"]')).toHaveLength(0);
    expect(document.querySelectorAll('[onerror], [onload]')).toHaveLength(0);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('an HTML clipboard payload is reduced to its text', async () => {
    renderApp();
    area().focus();
    fireEvent.paste(area(), {
      clipboardData: { getData: (t: string) => (t === 'text/html' ? `<p>${HOSTILE}</p><a href="javascript:alert(1)">link text</a>` : '') },
    });
    await waitFor(() => expect(area().value).toContain('link text'), WAIT);
    expect(area().value).not.toContain('<script');
    expect(area().value).not.toContain('href');
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('a failing panel never blanks the app or loses the note', () => {
  it('a broken result breaks only the panels that render it', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken = {
      analyze: async (text: string) => ({ ...analyze(text), suggestions: null, facts: null, matches: null }) as unknown as Analysis,
      ready: engineAnalyzer.ready,
    };
    const note = 'PROCEDURE: Spinal cord stimulator trial. Two leads were placed at T8.';
    renderApp({ analyzer: broken, text: note });
    await waitFor(() => expect(screen.getAllByRole('alert').some((a) => /could not be shown/.test(a.textContent ?? ''))).toBe(true), WAIT);
    expect(area().value).toBe(note);
    expect(screen.getByTestId('privacy-status')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'OpNote Coder' })).toBeInTheDocument();
    expect(screen.getAllByText(/Your note is kept/).length).toBeGreaterThan(0);
  });
});

describe('odd input gets a sensible result or a clear message', () => {
  it('the UI cap equals the engine cap', () => {
    expect(ANALYSIS_CHAR_CAP).toBe(MAX_CHARS);
  });

  it('says what the cap is when a note is longer than it', async () => {
    const long = `PROCEDURE: Spinal cord stimulator trial.\n${'Two leads were placed at T8. '.repeat(11_000)}`;
    const { store } = renderApp({ text: long });
    const warning = await screen.findByTestId('input-warning');
    expect(warning).toHaveTextContent(`Only the first 300,000 (the size cap) are analysed`);
    expect(warning).toHaveTextContent(long.length.toLocaleString('en-US'));
    await settled(store);
    expect(screen.getByTestId('claims-panel')).toHaveTextContent(/only the first 300,000 were analysed/);
    expect(screen.getByTestId('evidence-truncated')).toHaveTextContent(`The remaining ${(long.length - MAX_CHARS).toLocaleString('en-US')} characters were not analysed`);
  });

  it('flags binary or undecodable text', () => {
    expect(inputWarning('\u0000\u0001\u0002PK\u0003\u0004\ufffd\ufffd\ufffd binary')).toMatch(/binary or unreadable/);
    expect(inputWarning('Ordinary note. Lead placed.')).toBeNull();
    expect(inputWarning('Café — naïve résumé, 患者, 😀')).toBeNull();
  });

  it.each([
    ['empty', ''],
    ['whitespace only', ' \n\t \r\n  '],
    ['emoji', '😀🔋⚡ Spinal cord stimulator trial 😀 two leads placed 👍'],
    ['non-English', 'Procédure : mise en place d’un neurostimulateur médullaire. 手術：脊髄刺激装置。'],
    ['all caps', sampleText('scs-ipg').toUpperCase()],
    ['Windows line endings', sampleText('scs-trial').replace(/\n/g, '\r\n')],
    ['binary', Array.from({ length: 2000 }, (_, i) => String.fromCharCode((i * 37) % 256)).join('')],
  ])('%s', async (_name, text) => {
    const { store } = renderApp({ text });
    if (!text.trim()) {
      expect(await screen.findByText(/Paste an operative note/)).toBeInTheDocument();
      return;
    }
    await settled(store);
    expect(screen.queryByText(/could not be shown/)).toBeNull();
    expect(screen.queryByText(/could not be analysed/)).toBeNull();
  });
});

