import { css } from 'lit';
import { baseStyles } from '../shared/base-styles.js';

export const styles = [
  baseStyles,
  css`
    :host {
      display: block;
      --_gap: var(--session-list-row-gap, 0.75rem);
      --_now: var(--session-list-now-color, light-dark(#0b6e4f, #6ee7b7));
    }
    .controls {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      margin-block-end: 0.5rem;
    }
    .bar {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: stretch;
    }
    .search {
      flex: 1 1 14em;
      display: flex;
    }
    input[type='search'],
    select {
      font: inherit;
      min-height: 2.5em;
      padding: 0.25em 0.6em;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--programme-surface, Canvas);
      color: inherit;
      max-width: 100%;
    }
    input[type='search'] {
      flex: 1;
      min-width: 0;
    }
    /* Buttons of the bar, the tabs, the chips and the menu: one quiet shape. */
    .filters-button,
    .segmented button,
    .menu-button,
    .day-tab,
    .chip,
    .clear,
    .empty button,
    .sign-in button,
    .offer button,
    .subscribe button {
      font-size: 0.9em;
      min-height: 2.5em;
      padding: 0.25em 0.85em;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--programme-surface, Canvas);
      white-space: nowrap;
    }
    [aria-pressed='true'],
    .filters-button[aria-expanded='true'] {
      border-color: var(--_accent);
      box-shadow: inset 0 -3px 0 var(--_accent);
      font-weight: 600;
    }
    .segmented {
      display: inline-flex;
    }
    .segmented button + button {
      margin-inline-start: -1px;
    }
    .menu {
      position: relative;
    }
    .caret {
      display: inline-block;
      margin-inline-start: 0.4em;
      border: 0.3em solid transparent;
      border-top-color: currentColor;
      border-bottom: 0;
      vertical-align: middle;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.2em;
      min-width: 0;
      max-width: 100%;
      font-size: 0.9em;
    }
    .day-tabs {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      margin-block-end: 0.5rem;
    }
    /* On a phone the days wrap (nothing scrolls sideways), in tighter tabs. */
    @container (max-width: 36em) {
      .day-tab {
        padding-inline: 0.55em;
      }
    }
    .day-select {
      margin-block-end: 0.5rem;
    }
    .offer p {
      margin: 0;
    }
    .sign-in,
    .offer,
    .missing {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em 0.75em;
      align-items: center;
      margin: 0 0 0.5rem;
      padding: 0.5em 0.75em;
      border-inline-start: 4px solid var(--_accent);
      background: color-mix(in srgb, var(--_accent) 8%, transparent);
      border-radius: var(--_radius);
      font-size: 0.9em;
    }
    .count {
      margin: 0 0 0.5rem;
      color: var(--_muted);
      font-size: 0.9em;
    }
    .day {
      position: sticky;
      top: 0;
      z-index: 1;
      margin: 1rem 0 0.25rem;
      padding: 0.35rem 0;
      font-size: 1.15em;
      font-weight: 700;
      background: var(--programme-surface, Canvas);
      border-block-end: 2px solid var(--_border);
    }
    .row {
      display: grid;
      grid-template-columns: 8.5em 1fr auto;
      gap: 0.25rem 1rem;
      padding: var(--_gap) 0.25rem;
      border-block-end: 1px solid var(--_border);
    }
    /* What is scrolled to or focused is not left under the sticky day heading. */
    .row,
    .row a,
    .row button {
      scroll-margin-block-start: 3.5rem;
    }
    .row:focus-visible,
    .row:focus {
      outline: var(--_focus);
      outline-offset: 2px;
    }
    .when {
      font-variant-numeric: tabular-nums;
      display: flex;
      flex-direction: column;
      gap: 0.15em;
      align-items: flex-start;
      font-weight: 600;
    }
    .duration {
      font-weight: 400;
      font-size: 0.85em;
      color: var(--_muted);
    }
    .title {
      font-weight: 600;
      font-size: 1.05em;
      line-height: 1.3;
    }
    .title-button {
      display: inline;
      padding: 0;
      border: 0;
      background: none;
      font: inherit;
      text-align: start;
      cursor: pointer;
    }
    .title-button:hover .panel-title,
    .title-link {
      text-decoration: underline;
      text-decoration-thickness: 1px;
      text-underline-offset: 0.2em;
    }
    .title-link {
      color: inherit;
    }
    .chevron {
      display: inline-block;
      width: 0.45em;
      height: 0.45em;
      margin-inline-start: 0.45em;
      border-inline-end: 2px solid currentColor;
      border-block-end: 2px solid currentColor;
      transform: translateY(-0.2em) rotate(45deg);
      transition: transform 0.15s;
    }
    [aria-expanded='true'] > .chevron {
      transform: translateY(0.05em) rotate(-135deg);
    }
    .session-title {
      font-weight: 400;
    }
    .people {
      margin: 0.2em 0 0;
      font-size: 0.95em;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em 0.75em;
      align-items: center;
      margin: 0.35em 0 0;
      color: var(--_muted);
      font-size: 0.875em;
    }
    .theme-chip {
      display: inline-flex;
      align-items: center;
      gap: 0.4em;
      padding: 0.05em 0.6em 0.05em 0.45em;
      border-radius: 999px;
      /* The page's own text colour on a light tint of the theme's: the contrast is the page's. */
      color: inherit;
      background: color-mix(in srgb, var(--chip) 16%, transparent);
      border: 1px solid color-mix(in srgb, var(--chip) 45%, transparent);
    }
    .theme-chip::before {
      content: '';
      width: 0.6em;
      height: 0.6em;
      border-radius: 50%;
      background: var(--chip);
      flex: none;
    }
    .clash {
      margin: 0.35em 0 0;
      padding-inline-start: 0.5em;
      border-inline-start: 3px solid var(--programme-clash, #b45309);
      font-size: 0.85em;
    }
    .partly {
      margin: 0.35em 0 0;
      font-size: 0.85em;
      font-style: italic;
      color: var(--_muted);
    }
    .now {
      display: inline-block;
      padding: 0 0.4em;
      border-radius: 999px;
      font-size: 0.8em;
      font-weight: 600;
      color: light-dark(#fff, #000);
      background: var(--_now);
    }
    .live {
      border-inline-start: 4px solid var(--_now);
      padding-inline-start: 0.75rem;
    }
    .detail panel-card {
      margin-block-start: 0.5rem;
    }
    .empty {
      padding: 1.5rem;
      border: 1px dashed var(--_border);
      border-radius: var(--_radius);
      text-align: center;
    }
    .empty p {
      margin: 0 0 0.75em;
    }
    .note {
      margin: 1rem 0 0;
      font-size: 0.875em;
      color: var(--_muted);
    }
    .row star-toggle {
      align-self: start;
    }
    @media print {
      .controls,
      .day-tabs,
      .day-select,
      .sign-in,
      .chevron,
      .note {
        display: none;
      }
      .day {
        position: static;
      }
      .row {
        break-inside: avoid;
      }
      .title-button {
        color: inherit;
      }
    }
    @container (max-width: 36em) {
      .row {
        grid-template-columns: 1fr auto;
      }
      .when {
        grid-column: 1 / -1;
        flex-direction: row;
        flex-wrap: wrap;
        gap: 0.1em 0.6em;
        align-items: baseline;
      }
    }
    :host {
      container-type: inline-size;
    }
    @media (forced-colors: active) {
      .now {
        forced-color-adjust: none;
        color: Canvas;
        background: CanvasText;
      }
      .live {
        border-inline-start: 4px solid CanvasText;
      }
    }
  `,
];
