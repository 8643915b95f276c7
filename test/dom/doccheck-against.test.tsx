import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { renderApp, sampleText, WAIT } from './helpers';

const optionCodes = (group: HTMLElement | null) => [...(group?.querySelectorAll('option') ?? [])].map((o) => o.value);

describe('documentation check: "Check against" any code of the family', () => {
  it('defaults to the suggestion, offers the same system and the rest of the family, and checks a code the note did not lead to', async () => {
    window.location.hash = '#/check';
    const { user } = renderApp({ text: sampleText('scs-trial') });
    const select = (await screen.findByTestId('check-against-select', {}, WAIT)) as HTMLSelectElement;
    expect(select.value).toBe('63650');
    const groups = [...select.querySelectorAll('optgroup')];
    expect(groups.map((g) => g.label)).toEqual(['Suggested for this note', 'Same system', 'Other neurostimulator codes']);
    expect(optionCodes(groups[0])).toEqual(['63650']);
    expect(optionCodes(groups[1])).toEqual(expect.arrayContaining(['63655', '63685', '63688']));
    expect(optionCodes(groups[2])).toEqual(expect.arrayContaining(['64590', '64561', '61885']));
    expect(optionCodes(groups[1])).not.toContain('63650');

    await user.selectOptions(select, '63685');
    const panel = screen.getByTestId('doccheck-panel');
    await waitFor(() => expect(screen.getByTestId('doc-score').dataset.code).toBe('63685'), WAIT);
    // a trial lead on an external stimulator: the generator code's pocket and connection block it
    const blocking = within(screen.getByTestId('doc-group-blocking'));
    expect(blocking.getByText('Pocket creation')).toBeInTheDocument();
    const connection = panel.querySelector<HTMLElement>('[data-item="connection"]')!;
    expect(connection.dataset.status).toBe('missing');
    expect(connection.dataset.weight).toBe('blocking');
    expect(Number(screen.getByTestId('doc-score-blocking').dataset.percent)).toBeLessThan(100);
    expect(screen.getByTestId('what-would-change').textContent).toMatch(/63685 is not supported/);
    // good practice is scored apart
    expect(screen.getByTestId('doc-group-practice').querySelector('[data-item="anesthesia"]')).not.toBeNull();
  });

  it('a note that stops at an open question offers its candidate codes and checks none until one is picked', async () => {
    window.location.hash = '#/check';
    const { user } = renderApp({ text: 'Stimulator battery changed.' });
    const select = (await screen.findByTestId('check-against-select', {}, WAIT)) as HTMLSelectElement;
    expect(select.value).toBe('');
    expect(select.querySelector('optgroup')!.label).toBe('Candidates for this note');
    expect(screen.getByTestId('doccheck-empty').textContent).toMatch(/target decides the code.*Choose one of the candidate codes/);
    await user.selectOptions(select, '63685');
    await waitFor(() => expect(screen.getByTestId('doc-score').dataset.code).toBe('63685'), WAIT);
    const target = screen.getByTestId('doccheck-panel').querySelector<HTMLElement>('[data-item="target"]')!;
    expect([target.dataset.status, target.dataset.weight]).toEqual(['missing', 'blocking']);
  });

  it('keeps the pick while the note still leads to the same code, and drops it for another note', async () => {
    window.location.hash = '#/check';
    const { user, store } = renderApp({ text: sampleText('scs-trial') });
    const select = (await screen.findByTestId('check-against-select', {}, WAIT)) as HTMLSelectElement;
    await user.selectOptions(select, '63688');
    await waitFor(() => expect(screen.getByTestId('doc-score').dataset.code).toBe('63688'), WAIT);
    act(() => store.getState().setText(`${sampleText('scs-trial')}\nEstimated blood loss: minimal.`));
    await waitFor(() => expect(screen.getByTestId('doccheck-panel').dataset.updating).toBe('false'), WAIT);
    expect(screen.getByTestId('doc-score').dataset.code).toBe('63688');
    act(() => store.getState().setText(sampleText('sacral-stage2')));
    await waitFor(() => expect((screen.getByTestId('check-against-select') as HTMLSelectElement).value).toBe('64590'), WAIT);
  });

  it('shows no picker for a note outside the family', async () => {
    window.location.hash = '#/check';
    renderApp({ text: sampleText('out-of-scope') });
    await screen.findByTestId('doccheck-empty', {}, WAIT);
    expect(screen.queryByTestId('check-against-select')).toBeNull();
  });
});
