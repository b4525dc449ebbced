import { waitUntil } from '@open-wc/testing';

/**
 * What a reader does with a `<session-list>`'s controls, as the tests do it: open the filters,
 * choose a day tab or a filter option, open a row, use the downloads menu.
 */

type List = HTMLElement & { updateComplete: Promise<unknown> };
const root = (el: HTMLElement) => el.shadowRoot!;

/** Opens the filters behind the "Filters" button (their code loads on first use) and waits for them. */
export async function openFilters(el: List): Promise<void> {
  const button = root(el).querySelector<HTMLButtonElement>('.filters-button')!;
  if (button.getAttribute('aria-expanded') !== 'true') button.click();
  await waitUntil(() => root(el).querySelector('#filter-panel'), 'the filters never opened', { timeout: 5000 });
  await el.updateComplete;
}

/** The select labelled `label` among the filters (opened first). */
export async function filterSelect(el: List, label: string): Promise<HTMLSelectElement> {
  await openFilters(el);
  const field = [...root(el).querySelectorAll('#filter-panel label')].find((l) => l.querySelector('span')?.textContent === label);
  if (!field) throw new Error(`no filter labelled ${label}`);
  return field.querySelector('select')!;
}

/** The day tabs: `value` is their day (`yyyy-MM-dd`), '' for "All days". */
export const dayTabs = (el: HTMLElement) => [...root(el).querySelectorAll<HTMLButtonElement>('.day-tab')];

/** Chooses a day with its tab ('' for all days), or a filter option by its select's label. */
export async function choose(el: List, label: string, value: string): Promise<void> {
  if (label === 'Day') {
    const tab = dayTabs(el).find((t) => t.dataset.day === value);
    if (!tab) throw new Error(`no day tab for ${JSON.stringify(value)}`);
    tab.click();
  } else {
    const select = await filterSelect(el, label);
    select.value = value;
    select.dispatchEvent(new Event('change'));
  }
  await el.updateComplete;
}

/** The starred-only checkbox (the filters opened first). */
export async function starredOnlyBox(el: List): Promise<HTMLInputElement> {
  await openFilters(el);
  return root(el).querySelector<HTMLInputElement>('#filter-panel input[type=checkbox]')!;
}

/** The zone switch's radios, conference then reader (the filters opened first). */
export async function zoneRadios(el: List): Promise<HTMLInputElement[]> {
  await openFilters(el);
  return [...root(el).querySelectorAll<HTMLInputElement>('input[name=zone]')];
}

/** The button that opens a row's panel in place (its title). */
export const opener = (row: Element) => row.querySelector<HTMLButtonElement>('button.title-button');

/** Opens the downloads menu and presses "these sessions" or "my starred". */
export async function download(el: List, which: 'shown' | 'starred'): Promise<void> {
  const menu = root(el).querySelector<HTMLButtonElement>('.menu-button')!;
  if (menu.getAttribute('aria-expanded') !== 'true') menu.click();
  await waitUntil(() => root(el).querySelector('#downloads button'), 'the downloads menu never opened', { timeout: 5000 });
  root(el).querySelectorAll<HTMLButtonElement>('#downloads button')[which === 'shown' ? 0 : 1].click();
}
