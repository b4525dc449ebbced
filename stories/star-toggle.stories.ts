import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/index.js';
import { HTTP_403, HTTP_503, memoryAdapter, type MemoryAdapterOptions } from './support/memory-adapter.js';
import { firstStar, freshConferenceId, onePanelProgramme, starParts } from './support/star-helpers.js';
import './support/story-programme.js';

/*
 * Every star here gets its own in-memory schedule adapter (stories/support/memory-adapter.ts)
 * through the `scheduleAdapter` property: no network, no account.
 *
 * Tags read by scripts/check-stories.mjs:
 * - `save-error`: a scripted press fails on purpose; the star must show why, and may fire
 *   `programme-error` of kind `save`.
 * (`expected-error` and `loading-state`: see panel-card.stories.ts.)
 */

interface StarToggleArgs {
  'item-id': string;
  'item-title'?: string;
  onProgrammeStarChange?: (event: Event) => void;
  onProgrammeLoginRequest?: (event: Event) => void;
  onProgrammeError?: (event: Event) => void;
}

/** A star with a fresh memory adapter made from `options` (a function of the args, for initial stars). */
const starWith =
  (options: MemoryAdapterOptions | ((args: StarToggleArgs) => MemoryAdapterOptions) = {}) =>
  (args: StarToggleArgs) =>
    html`<star-toggle
      item-id=${args['item-id']}
      item-title=${ifDefined(args['item-title'] || undefined)}
      .scheduleAdapter=${memoryAdapter(typeof options === 'function' ? options(args) : options)}
      @programme-star-change=${args.onProgrammeStarChange}
      @programme-login-request=${args.onProgrammeLoginRequest}
      @programme-error=${args.onProgrammeError}
    ></star-toggle>`;

/** Storybook shows play-function states on the docs page too, once the story has played. */
const playsInDocs = { docs: { story: { autoplay: true } } };

const meta = {
  title: 'Elements/star-toggle',
  component: 'star-toggle',
  render: starWith(),
  args: { 'item-id': 'P021-1-a', 'item-title': 'Is Kazakhstan a middle power?' },
  argTypes: {
    'item-id': { control: 'text' },
    'item-title': { control: 'text' },
  },
  parameters: {
    docs: {
      description: {
        component: [
          'A personal-schedule star for a panel, session or paper. Every star for the same item on the page shows the same state.',
          '',
          'The stories give each star an in-memory `ScheduleAdapter` (the contract in `src/schedule/adapter.ts`) through the',
          '`scheduleAdapter` property, so that every state shows without a network. On a real page the star uses',
          '`schedule="local"` (this browser\'s storage, the default), `schedule="https://…/api"` (an HTTP schedule), or the host\'s own adapter:',
          '',
          '```js',
          "const star = document.querySelector('star-toggle');",
          'star.scheduleAdapter = {',
          '  user: async () => ({ id: "u1" }),        // or null when nobody is signed in',
          '  starred: async () => ["P021-1-a"],',
          '  setStarred: async (itemId, starred) => { /* save, or throw an Error saying why */ },',
          '  login: () => openLoginDialog(),            // or a URL',
          '};',
          '```',
        ].join('\n'),
      },
    },
  },
} satisfies Meta<StarToggleArgs>;

export default meta;
type Story = StoryObj<StarToggleArgs>;

/** Nobody is signed in: the star says "Sign in"; a press fires `programme-login-request` and then calls the adapter's `login` (here it logs). */
export const SignedOut: Story = {
  render: starWith({ signedIn: false }),
};

/** Signed in, the item not on the schedule. Press it: it fills at once and saves in the background (150 ms here). */
export const SignedIn: Story = {};

/** Signed in, the item already on the schedule (`aria-pressed="true"`). */
export const Pressed: Story = {
  render: starWith((args) => ({ starred: [args['item-id']] })),
};

/**
 * `partly`: the item is in the schedule through another (a session through its panel or one of
 * its papers), not by itself. Half filled, `aria-pressed="mixed"`, and described so; a press stars
 * the item itself. `<session-list>` sets it on each row's star.
 */
export const Partly: Story = {
  render: (args) =>
    html`<star-toggle item-id=${args['item-id']} item-title=${ifDefined(args['item-title'] || undefined)} partly .scheduleAdapter=${memoryAdapter()}></star-toggle>`,
};

/** A press in progress: the adapter never answers, so the star stays filled and pulses (still under reduced motion, dimmed). */
export const Pending: Story = {
  render: starWith({ save: 'never' }),
  parameters: playsInDocs,
  play: async ({ canvasElement }) => {
    const star = await firstStar(canvasElement);
    await userEvent.click(starParts(star).button);
    await waitFor(() => {
      const { button } = starParts(star);
      expect(button.getAttribute('aria-pressed')).toBe('true');
      expect(button.classList.contains('pending')).toBe(true);
    });
  },
};

/** A press the schedule server refuses (HTTP 403): the star is put back and says why, until the next press. */
export const Failed: Story = {
  tags: ['save-error'],
  render: starWith({ save: 'fail', delay: 300 }),
  parameters: playsInDocs,
  play: async ({ canvasElement }) => {
    const star = await firstStar(canvasElement);
    await userEvent.click(starParts(star).button);
    await waitFor(() => expect(starParts(star).message?.textContent).toContain(HTTP_403), { timeout: 3000 });
    expect(starParts(star).button.getAttribute('aria-pressed')).toBe('false');
  },
};

/**
 * A press that cannot be delivered (the server answers 503, or there is no connection): the star
 * stays pressed and pulses as pending, says the change is kept, and sends it when the server is
 * back (a schedule on a server keeps it in this browser's storage until then).
 */
export const NotSentYet: Story = {
  name: 'Not sent yet',
  tags: ['save-error'],
  render: starWith({ save: 'unreachable', delay: 300 }),
  parameters: playsInDocs,
  play: async ({ canvasElement }) => {
    const star = await firstStar(canvasElement);
    await userEvent.click(starParts(star).button);
    await waitFor(() => expect(starParts(star).message?.textContent).toContain(HTTP_503), { timeout: 3000 });
    expect(starParts(star).message?.textContent).toContain('Your change is kept');
    expect(starParts(star).button.getAttribute('aria-pressed')).toBe('true');
    expect(starParts(star).button.classList.contains('pending')).toBe(true);
  },
};

/**
 * `schedule="local"`: the schedule lives in this browser's storage, kept per conference (here a fresh
 * conference id, so the star starts empty), and the star tells screen readers so. The programme,
 * given by a story-only provider, names the conference and the item's title.
 */
export const LocalMode: Story = {
  args: { 'item-title': undefined },
  render: (args) =>
    html`<story-programme .programme=${onePanelProgramme(freshConferenceId())}>
      <star-toggle
        schedule="local"
        item-id=${args['item-id']}
        item-title=${ifDefined(args['item-title'] || undefined)}
        @programme-star-change=${args.onProgrammeStarChange}
        @programme-error=${args.onProgrammeError}
      ></star-toggle>
    </story-programme>`,
};

/** The schedule cannot be read (`user()` rejects): the star offers "Try again", which asks the adapter again, and one `programme-error` of kind `schedule` fires. */
export const ScheduleUnavailable: Story = {
  tags: ['schedule-error'],
  render: starWith({ unavailable: true }),
};

/**
 * A panel card from the sample programme with a signed-in memory adapter on which paper P021-1-a is
 * starred: the card hands its adapter to the star on the panel and on each paper.
 */
export const InPanelCard: Story = {
  args: { 'item-id': 'P021', 'item-title': undefined },
  argTypes: { 'item-title': { control: false } },
  render: (args) =>
    html`<panel-card
      src="/programme.json"
      panel-id=${args['item-id']}
      .scheduleAdapter=${memoryAdapter({ starred: ['P021-1-a'] })}
      @programme-star-change=${args.onProgrammeStarChange}
      @programme-error=${args.onProgrammeError}
    ></panel-card>`,
};
