import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';

/*
 * Three host pages for the theming guide (stories/theming.mdx). Each is an ordinary page region
 * with its own font and colours and a few tokens; the elements inside take the rest from it.
 * The styles are scoped by a class on the region, as a host stylesheet would be.
 */

const meta = {
  title: 'Guides/Theming',
  tags: ['!autodocs'],
  parameters: { layout: 'padded', controls: { disable: true } },
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** The same two elements in every example, sharing one fetch of the sample programme. */
const elements = (day: string) =>
  html`<programme-source src="/programme.json">
    <panel-card panel-id="P021" heading-level="3"></panel-card>
    <h3>Programme for one day</h3>
    <session-list day=${day} deep-link="none" heading-level="4"></session-list>
  </programme-source>`;

/**
 * A university department's page: a serif face, dark red, square corners and hairline rules.
 * Tokens: `--programme-accent`, `--programme-border`, `--programme-radius`, `--programme-star-color`;
 * one part: the panel's title in small capitals.
 */
export const UniversityDepartment: Story = {
  render: () => html`<style>
      .university {
        font-family: Georgia, 'Times New Roman', 'DejaVu Serif', serif;
        color: #231f20;
        background: #fffdf8;
        padding: 1.5rem 2rem;
        border-top: 6px solid #8b1a1a;
        --programme-accent: #8b1a1a;
        --programme-border: #d9cfc1;
        --programme-radius: 0;
        --programme-star-color: #8b1a1a;
        --programme-surface: #fffdf8;
      }
      .university h2,
      .university h3 {
        font-weight: normal;
        color: #8b1a1a;
      }
      .university panel-card::part(title) {
        font-variant: small-caps;
        letter-spacing: 0.02em;
      }
    </style>
    <div class="university">
      <p style="margin: 0; font-size: 0.9em; letter-spacing: 0.08em; text-transform: uppercase">Department of Central Eurasian Studies</p>
      <h2>Our panel at the regional conference</h2>
      ${elements('2024-06-09')}
    </div>`,
};

/**
 * A scholarly association's site: a sans-serif face, teal, rounded cards on a tinted page.
 * Tokens as above plus `--programme-space`, and the element properties `--panel-card-background`,
 * `--panel-card-border` and `--session-list-row-gap`; the list's rows are turned into cards with `::part(row)`.
 */
export const ScholarlyAssociation: Story = {
  render: () => html`<style>
      .association {
        font-family: 'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif;
        color: #10302d;
        background: #f3faf9;
        padding: 1.5rem;
        border-radius: 1rem;
        --programme-accent: #0f766e;
        --programme-border: #b5dcd7;
        --programme-radius: 0.75rem;
        --programme-space: 1.25rem;
        --programme-star-color: #0f766e;
        --programme-surface: #f3faf9;
        --panel-card-background: #ffffff;
        --panel-card-border: 1px solid #b5dcd7;
        --session-list-row-gap: 0.6rem;
      }
      .association h2,
      .association h3 {
        color: #0f766e;
        letter-spacing: -0.01em;
      }
      .association session-list::part(row) {
        background: #ffffff;
        border: 1px solid #b5dcd7;
        border-radius: 0.75rem;
        padding-inline: 1rem;
        margin-block-end: 0.5rem;
      }
    </style>
    <div class="association">
      <h2>2024 Regional Conference: programme</h2>
      ${elements('2024-06-08')}
    </div>`,
};

/**
 * A dark page: `color-scheme: dark`, a dark background and light text, and no token at all. The
 * elements draw their text in the page's colour, their rules and muted text as mixes of it, and
 * their controls and sticky headings in the scheme's `Canvas`.
 */
export const DarkMode: Story = {
  render: () => html`<div style="color-scheme: dark; background: #16181d; color: #e8e6e3; padding: 1.5rem">
    <h2 style="margin-top: 0">Programme (dark page, default tokens)</h2>
    ${elements('2024-06-10')}
  </div>`,
};
