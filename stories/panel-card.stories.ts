import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/index.js';
import type { ProgrammeState } from '../src/context.js';
import { longTextProgramme } from './fixtures/long-text.js';
import { partialProgrammeUrl } from './support/partial-programme.js';
import './support/story-programme.js';
import { zonelessExportUrl } from './support/zoneless-export.js';

/*
 * Tags read by scripts/check-stories.mjs (and usable as sidebar filters):
 * - `expected-error`: the story shows an error on purpose; it must show an alert, and may log
 *   the library's own "programme-elements:" errors and the failed request it makes on purpose.
 * - `loading-state`: the story stays in the loading state on purpose.
 */

interface PanelCardArgs {
  'panel-id': string;
  src?: string;
  'heading-level'?: number;
  'time-zone'?: string;
  onProgrammeError?: (event: Event) => void;
}

const TIME_ZONES = ['conference', 'viewer', 'Asia/Almaty', 'Europe/London', 'America/New_York', 'UTC'];

const card = (args: PanelCardArgs) =>
  html`<panel-card
    panel-id=${args['panel-id']}
    src=${ifDefined(args.src || undefined)}
    heading-level=${ifDefined(args['heading-level'])}
    time-zone=${ifDefined(args['time-zone'] || undefined)}
    @programme-error=${args.onProgrammeError}
  ></panel-card>`;

/** The card inside the story-only provider, which hands it `state` without any network. */
const provided = (state: ProgrammeState) => (args: PanelCardArgs) =>
  html`<story-programme .state=${state}>${card({ ...args, src: undefined })}</story-programme>`;

const meta = {
  title: 'Elements/panel-card',
  component: 'panel-card',
  render: card,
  args: { 'panel-id': 'P021', src: '/programme.json', 'heading-level': 2 },
  argTypes: {
    'panel-id': { control: 'text' },
    src: { control: 'text' },
    'heading-level': { control: { type: 'select' }, options: [2, 3, 4] },
    'time-zone': { control: { type: 'select' }, options: TIME_ZONES },
  },
  parameters: {
    docs: {
      description: {
        component:
          'A whole panel from the programme. Give it a `src` and a `panel-id`, or place it inside `<programme-source>`. ' +
          'The sample programme is served at `/programme.json`, the test fixtures at `/fixtures/`.',
      },
    },
  },
} satisfies Meta<PanelCardArgs>;

export default meta;
type Story = StoryObj<PanelCardArgs>;

/** The seed panel P021 from the sample programme, loaded with its own `src`. */
export const Loaded: Story = {};

/** Held in the loading state by a provider that never finishes. */
export const Loading: Story = {
  tags: ['loading-state'],
  render: provided({ status: 'loading' }),
};

/** The programme is not there: HTTP 404. */
export const ErrorNotFound: Story = {
  name: 'Error: 404',
  tags: ['expected-error'],
  args: { src: '/fixtures/missing.json' },
};

/** The server answers 200 with an HTML page instead of the programme. */
export const ErrorNotJson: Story = {
  name: 'Error: not JSON',
  tags: ['expected-error'],
  args: { src: '/story-static/not-json.txt' },
};

/** A JSON document that is not a valid programme (an unknown time zone, and a session that starts at "9am"); problems go to the console. */
export const ErrorInvalid: Story = {
  name: 'Error: invalid document',
  tags: ['expected-error'],
  args: { src: '/fixtures/invalid-time-zone.json', 'panel-id': 'P1' },
};

/** The error state as a provider hands it over, with its retry button. */
export const ErrorFromProvider: Story = {
  name: 'Error: from the provider',
  tags: ['expected-error'],
  render: provided({ status: 'error', message: 'The programme could not be loaded.', retry: () => {} }),
};

/** A panel with nothing but an id and a title. */
export const Sparse: Story = {
  args: { src: '/fixtures/sparse.json', 'panel-id': 'BARE' },
};

/** One session without a title or location; one paper without authors or abstract, one with a short abstract only. */
export const SparseSession: Story = {
  args: { src: '/fixtures/sparse.json', 'panel-id': 'THIN' },
};

/** A 400-character title without spaces, 20 convenors, a 2,000-word abstract. Nothing may overflow. */
export const LongText: Story = {
  args: { 'panel-id': 'LONG', src: undefined },
  render: (args) => html`<story-programme .programme=${longTextProgramme}>${card({ ...args, src: undefined })}</story-programme>`,
};

/** HTML in every field of the programme is shown as text and never runs. */
export const HostileContent: Story = {
  args: { src: '/fixtures/hostile.json', 'panel-id': 'HTML' },
};

/** An id the programme does not have: says so and fires `programme-error` (kind `not-found`). */
export const UnknownId: Story = {
  tags: ['expected-error'],
  args: { 'panel-id': 'P999' },
};

/** Times in the reader's time zone instead of the conference's. */
export const ViewerTimeZone: Story = {
  args: { 'time-zone': 'viewer' },
};

/** Inside `<programme-source>`, as on a host page with several cards sharing one fetch. */
export const InsideProgrammeSource: Story = {
  args: { src: undefined, 'heading-level': 3 },
  render: (args) => html`<programme-source src="/programme.json">${card({ ...args, src: undefined })}</programme-source>`,
};

/**
 * A panel shown without one of its sessions (P3-2 ends before it starts): the card shows the rest
 * and says, in the card, that an item of the panel is not shown; `programme-error` (kind
 * `partial`) names it. Below it, an abstract asked for a paper of that session says why it is missing.
 */
export const PartlyShown: Story = {
  name: 'Partly shown (a session has mistakes)',
  tags: ['expected-error'],
  args: { 'panel-id': 'P3', src: undefined },
  render: (args) => html`<div style="display: grid; gap: 1.5rem">
    ${card({ ...args, src: partialProgrammeUrl() })}
    <abstract-view src=${partialProgrammeUrl()} paper-id="P3-2-a"></abstract-view>
  </div>`,
};

/**
 * An export that names no time zone (a frab schedule.json without `time_zone_name`, its times at
 * +02:00): the card labels its times "UTC+02:00" and says why, once.
 */
export const ZonelessExport: Story = {
  name: 'Export without a time zone',
  args: { 'panel-id': 'frab-zoneless-1', src: undefined },
  render: (args) => card({ ...args, src: zonelessExportUrl() }),
};
