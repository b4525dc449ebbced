import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/index.js';
import type { ProgrammeState } from '../src/context.js';
import type { ScheduleAdapter } from '../src/schedule/adapter.js';
import { HUGE_SESSIONS, hugeProgrammeUrl } from './support/huge-programme.js';
import { memoryAdapter } from './support/memory-adapter.js';
import { partialProgrammeUrl } from './support/partial-programme.js';
import './support/story-programme.js';

/*
 * Every list here has `deep-link="none"`: a list in a story must not rewrite Storybook's URL.
 * Tags `expected-error` and `loading-state`: see panel-card.stories.ts and scripts/check-stories.mjs.
 */

interface SessionListArgs {
  src?: string;
  view?: 'list' | 'grid';
  day?: string;
  theme?: string;
  'panel-format'?: string;
  location?: string;
  'panel-ids'?: string;
  person?: string;
  affiliation?: string;
  controls?: string;
  'starred-only'?: boolean;
  query?: string;
  'time-zone'?: string;
  'panel-href'?: string;
  now?: string;
  'heading-level'?: number;
  onProgrammeStarChange?: (event: Event) => void;
  onProgrammeLoginRequest?: (event: Event) => void;
  onProgrammeError?: (event: Event) => void;
  /** Documented attributes that the stories fix or leave out (no control for them). */
  'deep-link'?: never;
  schedule?: never;
  'login-url'?: never;
}

/** What the sample programme (demo/programme.json) holds, for the controls. */
const DAYS = ['2024-06-07', '2024-06-08', '2024-06-09', '2024-06-10'];
const THEMES = [
  'Anthropology and Ethnography',
  'Economics and Development',
  'Environment and Energy',
  'Film, Media and the Arts',
  'History',
  'Language and Literature',
  'Political Science, International Relations, and Law',
  'Religion',
];
const FORMATS = ['Book Discussion', 'Individual Paper Session', 'Panel', 'Roundtable'];
const LOCATIONS = ['305 (Floor 3)', '410 (Floor 4)', '701 (Floor 7)', '702 (Floor 7)', 'Auditorium A', 'Library Hall'];
const TIME_ZONES = ['conference', 'viewer', 'Asia/Almaty', 'Europe/London', 'America/New_York', 'UTC'];

/** A select control whose first choice, "(any)", leaves the attribute out. */
const choice = (options: string[], any = '(any)') => ({
  control: { type: 'select' as const, labels: { '': any } },
  options: ['', ...options],
});

const attr = (value: string | undefined) => ifDefined(value || undefined);

const list = (args: SessionListArgs, adapter?: ScheduleAdapter) =>
  html`<session-list
    deep-link="none"
    src=${attr(args.src)}
    view=${attr(args.view)}
    day=${attr(args.day)}
    theme=${attr(args.theme)}
    panel-format=${attr(args['panel-format'])}
    location=${attr(args.location)}
    panel-ids=${attr(args['panel-ids'])}
    person=${attr(args.person)}
    affiliation=${attr(args.affiliation)}
    controls=${attr(args.controls)}
    ?starred-only=${args['starred-only']}
    query=${attr(args.query)}
    time-zone=${attr(args['time-zone'])}
    panel-href=${attr(args['panel-href'])}
    now=${attr(args.now)}
    heading-level=${ifDefined(args['heading-level'])}
    .scheduleAdapter=${adapter}
    @programme-star-change=${args.onProgrammeStarChange}
    @programme-login-request=${args.onProgrammeLoginRequest}
    @programme-error=${args.onProgrammeError}
  ></session-list>`;

/** The list inside the story-only provider, which hands it `state` without any network. */
const provided = (state: ProgrammeState) => (args: SessionListArgs) =>
  html`<story-programme .state=${state}>${list({ ...args, src: undefined })}</story-programme>`;

const meta = {
  title: 'Elements/session-list',
  component: 'session-list',
  render: (args) => list(args),
  args: { src: '/programme.json', view: 'list', 'starred-only': false },
  argTypes: {
    src: { control: 'text' },
    view: { control: { type: 'inline-radio' }, options: ['list', 'grid'] },
    day: choice(DAYS, '(all days)'),
    theme: choice(THEMES),
    'panel-format': choice(FORMATS),
    location: choice(LOCATIONS),
    'panel-ids': { control: 'text' },
    person: { control: 'text' },
    affiliation: { control: 'text' },
    controls: { control: 'text' },
    'starred-only': { control: 'boolean' },
    query: { control: 'text' },
    'time-zone': choice(TIME_ZONES, '(conference, with the reader’s switch)'),
    'panel-href': { control: 'text' },
    now: { control: 'text' },
    'heading-level': { control: { type: 'select' }, options: [1, 2, 3, 4, 5] },
    // Attributes these stories fix or leave to the page: no control that would do nothing.
    'deep-link': { control: false },
    schedule: { control: false },
    'login-url': { control: false },
  },
  parameters: {
    docs: {
      description: {
        component: [
          'The whole programme as a list by day and time, or as a timetable by room for one day. Each row shows its time and length,',
          'title, people, theme (a coloured chip with its name) and room; the title opens the panel in place. Day tabs choose a day;',
          'the search stays in view and the other filters sit behind "Filters" (open by default from 960 px), with counts that',
          'narrow each other and chips that remove them. `controls` names the controls a host wants. The attributes preset the',
          'filters; the reader can change them. Only the rows near the viewport are rendered, so a 5,000-session programme shows at once.',
          '',
          '```html',
          '<session-list src="/programme.json" panel-href="/programme/{id}"></session-list>',
          '```',
          '',
          'The controls list what the sample programme (`/programme.json`) holds. `deep-link` is `none` in every story, so that the',
          'list leaves Storybook’s URL alone; on a page, the default `hash` makes days and items linkable.',
        ].join('\n'),
      },
    },
  },
} satisfies Meta<SessionListArgs>;

export default meta;
type Story = StoryObj<SessionListArgs>;

/** The sample programme, by day and time. A row's title opens the panel's papers, authors and abstracts in place. */
export const List: Story = {};

/** Day tabs: Sunday chosen (`aria-pressed`); "All days" shows every day again. */
export const DayTabs: Story = {
  name: 'Day tabs',
  args: { day: '2024-06-09' },
};

/** In a container at least 960 px wide, the filters are open from the start; every option says how many sessions it would leave. */
export const FiltersOpen: Story = {
  name: 'Filters open (wide)',
  render: (args) => html`<div style="width: 1000px">${list(args)}</div>`,
};

/** Filters in force show as chips that remove them, with "Clear all" (focus then goes to the search box). */
export const Chips: Story = {
  args: { theme: 'History', 'panel-format': 'Panel' },
};

/** `controls="search days"`: a host that wants only the search box and the day tabs. */
export const SearchAndDaysOnly: Story = {
  name: 'controls="search days"',
  args: { controls: 'search days' },
};

/** `panel-ids`: a department's own panels, without the rest of the programme. */
export const OurPanels: Story = {
  name: 'Our panels (panel-ids)',
  args: { 'panel-ids': 'P021 P027 P033' },
};

/**
 * Signed out of an account-bound schedule: the list says once, above the rows, how to sign in,
 * and each row's star is the star alone. A press, then signing in, applies it.
 */
export const SignedOut: Story = {
  name: 'Signed out',
  render: (args) => list(args, memoryAdapter({ signedIn: false })),
};

/** The timetable for Saturday 8 June: a column per room, a line per quarter hour. It needs 640 px; narrower, it shows the list. */
export const Grid: Story = {
  args: { view: 'grid', day: '2024-06-08' },
  render: (args) => html`<div style="width: 100%; min-width: 44rem">${list(args)}</div>`,
};

/** Preset to one theme; the reader can widen it again with the theme select. */
export const Filtered: Story = {
  args: { theme: 'Environment and Energy' },
};

/** A search that matches nothing: says so and offers to clear the filters. */
export const Empty: Story = {
  args: { query: 'no session says this' },
};

/**
 * A generated programme of 5,000 sessions over ten days in a hundred rooms, fetched from a Blob URL
 * built in the story. Only the first rows are rendered; more appear as you scroll.
 */
export const Huge: Story = {
  name: `Huge (${HUGE_SESSIONS.toLocaleString('en')} sessions)`,
  // On the docs page it renders in a frame of its own height, not inline down the whole page.
  parameters: { docs: { story: { inline: false, height: '600px' } } },
  args: { src: undefined },
  argTypes: {
    src: { control: false },
    day: { control: 'text' },
    theme: { control: 'text' },
    'panel-format': { control: 'text' },
    location: { control: 'text' },
  },
  render: (args) => list({ ...args, src: hugeProgrammeUrl() }),
};

/** Times in the reader's zone, here fixed to New York: late sessions in Almaty move to the day before, and the zone switch is hidden. */
export const ReadersZone: Story = {
  name: "In the reader's zone (New York)",
  args: { 'time-zone': 'America/New_York' },
};

/**
 * Only the reader's starred items, from a signed-in memory adapter with a paper of P021, the whole
 * panel P008 and the session P038-1 starred: four sessions. A row's star is the session's own:
 * P038-1's is pressed; the others are half filled ("partly", `aria-pressed="mixed"`) and say they
 * are in the schedule through their panel or a paper. Pressing one stars the session itself.
 */
export const StarredOnly: Story = {
  args: { 'starred-only': true },
  render: (args) => list(args, memoryAdapter({ starred: ['P021-1-a', 'P008', 'P038-1'] })),
};

/**
 * The reader starred two sessions that overlap on Saturday afternoon (one through its panel): each
 * is marked as clashing with the other, by name.
 */
export const Clashes: Story = {
  args: { day: '2024-06-08' },
  render: (args) => list(args, memoryAdapter({ starred: ['P011-2', 'P014', 'P008-1'] })),
};

/**
 * Signed in to an account whose adapter gives a calendar address and a share link: the Download
 * menu offers "Subscribe in your calendar" and "Share my schedule", each opening a box with the
 * address to copy. (The addresses here are made up: a story has no server.)
 */
export const CalendarAndShare: Story = {
  name: 'Calendar and share',
  render: (args) => list(args, memoryAdapter({ account: true, starred: ['P021-1'] })),
};

/** `now` set to Sunday 9 June, 09:30 in Almaty: the session in progress is marked "Happening now". */
export const HappeningNow: Story = {
  args: { now: '2024-06-09T09:30:00+05:00', day: '2024-06-09' },
};

/** With `panel-href`, a row's title links to the panel's own page instead of opening it in place. */
export const PanelLinks: Story = {
  args: { 'panel-href': '/programme/{id}', day: '2024-06-07' },
};

/** In a 22 rem column the rows stack their time above the title, and the timetable gives way to the list. */
export const Narrow: Story = {
  args: { view: 'grid', day: '2024-06-08' },
  render: (args) => html`<div style="max-width: 22rem">${list(args)}</div>`,
};

/** Held in the loading state by a provider that never finishes. */
export const Loading: Story = {
  tags: ['loading-state'],
  render: provided({ status: 'loading' }),
};

/** The timetable while the conference runs (`now` on Sunday 9 June, 10:05 in Almaty): the "now" line, and "Jump to now" brings the session on now into view and focus. */
export const TimetableNow: Story = {
  name: 'Timetable: jump to now',
  args: { view: 'grid', now: '2024-06-09T10:05:00+05:00' },
  render: (args) => html`<div style="width: 100%; min-width: 44rem">${list(args)}</div>`,
};

/** A frab/pentabarf `schedule.xml` as the CCC published it (31C3), read by its content with nothing converted. */
export const FromScheduleXml: Story = {
  name: 'Feed: frab schedule.xml (31C3)',
  args: { src: '/interop/frab-31c3.xml' },
};

/** An iCalendar feed as linux.conf.au 2020 published it (TZID with no VTIMEZONE: read as Australia/Brisbane). */
export const FromICalendar: Story = {
  name: 'Feed: iCalendar (linux.conf.au 2020)',
  args: { src: '/interop/ical-lca2020.ics' },
};

/** A spreadsheet in the documented CSV layout (docs/csv-format.md), its zone given by `time-zone`. */
export const FromSpreadsheet: Story = {
  name: 'Feed: CSV spreadsheet (the template)',
  args: { src: '/docs/programme-template.csv', 'time-zone': 'Europe/London' },
};

/** FOSDEM's `schedule.xml` names no zone and its times carry no offset: the element asks for `time-zone` instead of guessing. */
export const FeedWithoutZone: Story = {
  name: 'Feed: no time zone (FOSDEM 2021)',
  tags: ['expected-error'],
  args: { src: '/interop/frab-fosdem2021.xml' },
};

/** The programme is not there: HTTP 404. */
export const ErrorNotFound: Story = {
  name: 'Error: 404',
  tags: ['expected-error'],
  args: { src: '/fixtures/missing.json' },
};

/** The error state as a provider hands it over, with its retry button. */
export const ErrorFromProvider: Story = {
  name: 'Error: from the provider',
  tags: ['expected-error'],
  render: provided({ status: 'error', message: 'The programme could not be loaded.', retry: () => {} }),
};

/**
 * A programme with mistakes inside two items (panel P2 has a convenor without a name, session P3-2
 * ends before it starts): the list shows the rest with a note above it, a card asked for P2 says
 * why it is missing, and `programme-error` (kind `partial`) names what was left out; the console
 * gets one warning.
 */
export const PartlyBroken: Story = {
  name: 'Partly broken programme',
  tags: ['expected-error'],
  args: { src: undefined },
  argTypes: { src: { control: false } },
  render: (args) => html`<programme-source src=${partialProgrammeUrl()}>
    <div style="display: grid; gap: 1.5rem">
      ${list({ ...args, src: undefined })}
      <panel-card panel-id="P2" heading-level="3"></panel-card>
    </div>
  </programme-source>`,
};
