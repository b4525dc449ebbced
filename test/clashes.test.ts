import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import { clashes } from '../src/data/clashes.js';
import type { SessionRow } from '../src/data/session-rows.js';
import type { SessionList } from '../src/elements/session-list/session-list.js';
import { programmeUrl } from './helpers.js';

/** Overlapping sessions of the reader's own schedule are marked as clashes, in the list. */

const row = (id: string, start: string, end: string, panelId = id.split('-')[0]): SessionRow =>
  ({ session: { id, start, end }, panel: { id: panelId, title: `Panel ${panelId}` }, start: Date.parse(start), end: Date.parse(end) }) as unknown as SessionRow;

describe('clashes', () => {
  it('pairs every starred session with those it overlaps; touching ends and unstarred sessions do not clash', () => {
    const rows = [
      row('A-1', '2024-06-08T09:00:00Z', '2024-06-08T10:00:00Z'),
      row('B-1', '2024-06-08T09:30:00Z', '2024-06-08T11:00:00Z'),
      row('C-1', '2024-06-08T10:00:00Z', '2024-06-08T10:30:00Z'),
      row('D-1', '2024-06-08T11:00:00Z', '2024-06-08T12:00:00Z'),
      row('E-1', '2024-06-08T09:00:00Z', '2024-06-08T12:00:00Z'),
    ];
    const found = clashes(rows, new Set(['A-1', 'B-1', 'C', 'D-1']));
    const ids = (id: string) => found.get(id)?.map((r) => r.session.id) ?? [];
    expect(ids('A-1')).to.deep.equal(['B-1']);
    expect(ids('B-1')).to.deep.equal(['A-1', 'C-1']);
    expect(ids('C-1'), 'starred through its panel').to.deep.equal(['B-1']);
    expect(ids('D-1'), 'starts as B ends').to.deep.equal([]);
    expect(found.has('E-1'), 'not starred').to.equal(false);
    expect(clashes(rows, new Set()).size).to.equal(0);
  });

  it('a list marks the two overlapping sessions of the reader’s schedule and names the other', async () => {
    localStorage.setItem('programme-elements:schedule:cess-2024', JSON.stringify(['P011-2', 'P014', 'P003-1']));
    const el = await fixture<SessionList>(
      html`<session-list src=${programmeUrl('demo')} deep-link="none" day="2024-06-08" style="width: 900px"></session-list>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[data-session="P014-1"]'), 'the list never showed', { timeout: 8000 });
    await waitUntil(() => el.shadowRoot!.querySelector('[data-session="P014-1"] .clash'), 'no clash shown');
    const text = (id: string) => el.shadowRoot!.querySelector(`[data-session="${id}"] .clash`)?.textContent ?? '';
    expect(text('P014-1')).to.match(/^Clashes with “Writing After Empire[^”]*” in your schedule$/);
    expect(text('P011-2')).to.match(/^Clashes with “Islam, State and Everyday Piety[^”]*” in your schedule$/);
    expect(text('P011-1'), 'not on the schedule').to.equal('');
    await expect(el).to.be.accessible();
    localStorage.removeItem('programme-elements:schedule:cess-2024');
  });
});
