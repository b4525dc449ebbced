import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/index.js';
import type { ProgrammeState } from '../src/context.js';
import { longTextProgramme } from './fixtures/long-text.js';
import { partialProgrammeUrl } from './support/partial-programme.js';
import './support/story-programme.js';

/* Tags `expected-error` and `loading-state`: see panel-card.stories.ts and scripts/check-stories.mjs. */

interface AbstractViewArgs {
  'paper-id': string;
  src?: string;
  expanded?: boolean;
  onProgrammeError?: (event: Event) => void;
}

const view = (args: AbstractViewArgs) =>
  html`<abstract-view
    paper-id=${args['paper-id']}
    src=${ifDefined(args.src || undefined)}
    ?expanded=${args.expanded}
    @programme-error=${args.onProgrammeError}
  ></abstract-view>`;

const provided = (state: ProgrammeState) => (args: AbstractViewArgs) =>
  html`<story-programme .state=${state}>${view({ ...args, src: undefined })}</story-programme>`;

const meta = {
  title: 'Elements/abstract-view',
  component: 'abstract-view',
  render: view,
  args: { 'paper-id': 'P021-1-a', src: '/programme.json', expanded: false },
  argTypes: {
    'paper-id': { control: 'text' },
    src: { control: 'text' },
    expanded: { control: 'boolean' },
  },
  parameters: {
    docs: {
      description: {
        component:
          "One paper's abstract, short by default, with a button that shows it in full. Give it a `src` and a `paper-id`, " +
          'place it inside `<programme-source>`, or set its `paper` property.',
      },
    },
  },
} satisfies Meta<AbstractViewArgs>;

export default meta;
type Story = StoryObj<AbstractViewArgs>;

/** P021-1-a from the sample programme: the short abstract and a "Show full abstract" button. */
export const Collapsed: Story = {};

/** The same paper with `expanded`: the full abstract in paragraphs. */
export const Expanded: Story = {
  args: { expanded: true },
};

/** Held in the loading state by a provider that never finishes. */
export const Loading: Story = {
  tags: ['loading-state'],
  render: provided({ status: 'loading' }),
};

/** A paper without any abstract (sparse.json, THIN-1-a). */
export const NoAbstract: Story = {
  args: { src: '/fixtures/sparse.json', 'paper-id': 'THIN-1-a' },
};

/** Only a short abstract: nothing to expand, so no button. */
export const ShortAbstractOnly: Story = {
  args: { src: '/fixtures/sparse.json', 'paper-id': 'THIN-1-b' },
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

/** A JSON document that is not a valid programme; the problems go to the console. */
export const ErrorInvalid: Story = {
  name: 'Error: invalid document',
  tags: ['expected-error'],
  args: { src: '/fixtures/invalid-time-zone.json', 'paper-id': 'P2-1-a' },
};

/** A paper id the programme does not have: says so and fires `programme-error` (kind `not-found`). */
export const UnknownId: Story = {
  tags: ['expected-error'],
  args: { 'paper-id': 'NOPE' },
};

/** A 2,000-word abstract with a 400-character title, collapsed to its first paragraph. */
export const LongTextCollapsed: Story = {
  args: { 'paper-id': 'LONG-1-a', src: undefined },
  render: (args) => html`<story-programme .programme=${longTextProgramme}>${view({ ...args, src: undefined })}</story-programme>`,
};

/** The whole 2,000-word abstract. */
export const LongTextExpanded: Story = {
  ...LongTextCollapsed,
  args: { ...LongTextCollapsed.args, expanded: true },
};

/** HTML in the abstract is shown as text and never runs. */
export const HostileContent: Story = {
  args: { src: '/fixtures/hostile.json', 'paper-id': 'HTML-1-a', expanded: true },
};

/** Given its `paper` as a property, as `<panel-card>` does: no programme needed. */
export const PaperProperty: Story = {
  args: { src: undefined, 'paper-id': '' },
  render: (args) =>
    html`<abstract-view
      ?expanded=${args.expanded}
      .paper=${{
        id: 'X-1',
        title: 'A paper handed over as a property',
        shortAbstract: 'The short abstract comes first.',
        abstract: 'The short abstract comes first.\n\nThen the full abstract follows, paragraph by paragraph.\n\nAnd a third paragraph.',
      }}
    ></abstract-view>`,
};

/**
 * A paper whose panel lost a session to its mistakes: the abstract shows, and says that an item of
 * its panel is not shown. Below it, the abstract of the paper that was left out says why it is missing.
 */
export const PanelPartlyShown: Story = {
  name: 'Panel partly shown',
  tags: ['expected-error'],
  args: { 'paper-id': 'P3-1-a', src: undefined },
  render: (args) => html`<div style="display: grid; gap: 1.5rem">
    ${view({ ...args, src: partialProgrammeUrl() })}
    <abstract-view src=${partialProgrammeUrl()} paper-id="P3-2-a"></abstract-view>
  </div>`,
};
