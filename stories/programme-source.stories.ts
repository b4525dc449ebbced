import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/index.js';

/* Tags `expected-error`: see panel-card.stories.ts and scripts/check-stories.mjs. */

interface ProgrammeSourceArgs {
  src?: string;
  'time-zone'?: string;
  onProgrammeError?: (event: Event) => void;
}

const source = (args: ProgrammeSourceArgs) =>
  html`<programme-source src=${ifDefined(args.src || undefined)} time-zone=${ifDefined(args['time-zone'] || undefined)} @programme-error=${args.onProgrammeError}>
    <panel-card panel-id="P021" heading-level="3"></panel-card>
    <abstract-view paper-id="P021-1-b"></abstract-view>
  </programme-source>`;

const meta = {
  title: 'Elements/programme-source',
  component: 'programme-source',
  render: source,
  args: { src: '/programme.json', 'time-zone': 'conference' },
  argTypes: {
    src: { control: 'text' },
    'time-zone': { control: { type: 'select' }, options: ['conference', 'viewer', 'Asia/Almaty', 'Europe/London', 'America/New_York', 'UTC'] },
  },
  parameters: {
    docs: {
      description: {
        component: [
          '`<programme-source>` loads the programme once and hands it, with the display time zone, to every programme element inside it. ',
          'It shows nothing itself (`display: contents`); elements inside it need no `src`.',
          '',
          '```html',
          '<programme-source src="/programme.json" time-zone="conference">',
          '  <panel-card panel-id="P021"></panel-card>',
          '  <abstract-view paper-id="P021-1-b"></abstract-view>',
          '</programme-source>',
          '```',
          '',
          'An element with its own `src` loads (and shares) the programme itself; one with neither says so.',
          'When the programme cannot be loaded, every element inside shows the error with a retry button and the source fires `programme-error`.',
        ].join('\n'),
      },
    },
  },
} satisfies Meta<ProgrammeSourceArgs>;

export default meta;
type Story = StoryObj<ProgrammeSourceArgs>;

/** A panel card and an abstract sharing one programme. */
export const Loaded: Story = {};

/** Every time shown in the reader's own time zone. */
export const ViewerTimeZone: Story = {
  args: { 'time-zone': 'viewer' },
};

/** The programme is not there: every element inside shows the error. */
export const ErrorNotFound: Story = {
  name: 'Error: 404',
  tags: ['expected-error'],
  args: { src: '/fixtures/missing.json' },
};

/** No `src` at all: the source says what is missing, through its elements. */
export const NoSource: Story = {
  name: 'Error: no src',
  tags: ['expected-error'],
  args: { src: undefined },
};
