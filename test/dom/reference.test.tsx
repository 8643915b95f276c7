import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { renderApp, WAIT } from './helpers';
import { ReferenceLink } from '../../src/app/features/reference/reference-link';
import { searchReference } from '../../src/app/features/reference/search';
import { parsePair } from '../../src/app/features/reference/compare-view';

const SECTIONS = ['description', 'requires', 'setting', 'units', 'global', 'related', 'modifiers', 'devices', 'indications', 'payers', 'sources'];

describe('code reference', () => {
  it.each(['64590', '64596', '63685', '64580'])('shows every section of %s, with five payer rows each sourced or not available', async (code) => {
    window.location.hash = `#/reference/${code}`;
    renderApp();
    const page = await screen.findByTestId('reference-page', {}, WAIT);
    expect(page.dataset.code).toBe(code);
    for (const s of SECTIONS) expect(within(page).getByTestId(`ref-section-${s}`)).toBeInTheDocument();
    const rows = within(page).getAllByTestId('payer-row');
    expect(rows.length % 5).toBe(0);
    for (const row of rows) expect(row.querySelector('a[href^="http"]') !== null || /not available/.test(row.textContent ?? '')).toBe(true);
    // never a nonexistent modifier
    expect(within(page).getByTestId('ref-section-modifiers').textContent).not.toMatch(/(^|\D)11\b/);
  });

  it('searches by code, words and abbreviation', async () => {
    expect(searchReference('63685')[0].code).toBe('63685');
    expect(searchReference('6459').map((r) => r.code)).toEqual(expect.arrayContaining(['64590', '64595', '64596']));
    expect(searchReference('SCS').map((r) => r.code)).toContain('63650');
    expect(searchReference('pocket generator').map((r) => r.code)).toContain('64590');
    expect(searchReference('zzzz')).toEqual([]);

    window.location.hash = '#/reference';
    const { user } = renderApp();
    const box = await screen.findByRole('searchbox', { name: /search by code/i }, WAIT);
    await user.type(box, 'vagus');
    const list = screen.getByTestId('reference-results');
    expect(within(list).getAllByRole('link').map((a) => a.getAttribute('data-code'))).toContain('64568');
    await user.click(within(list).getAllByRole('link')[0]);
    expect(window.location.hash).toMatch(/^#\/reference\/\d{5}$/);
  });

  it('compares two codes side by side', async () => {
    expect(parsePair('64590,63685')).toEqual(['64590', '63685']);
    window.location.hash = '#/compare/63650,63655';
    renderApp();
    const table = await screen.findByTestId('compare-table', {}, WAIT);
    expect(table.textContent).toContain('63650');
    expect(table.textContent).toContain('63655');
    expect(within(table).getByRole('rowheader', { name: 'Global period' })).toBeInTheDocument();
    expect(screen.getByTestId('compare-difference').textContent).toMatch(/laminotomy/);
    expect(screen.getByLabelText('First code')).toHaveValue('63650');
  });

  it('ReferenceLink points at the reference page', () => {
    render(<ReferenceLink code="63685" />);
    const a = screen.getByRole('link', { name: 'Reference for code 63685' });
    expect(a.getAttribute('href')).toBe('#/reference/63685');
  });
});
