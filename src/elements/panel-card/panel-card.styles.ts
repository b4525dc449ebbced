import { css } from 'lit';
import { baseStyles } from '../shared/base-styles.js';

export const styles = [
  baseStyles,
  css`
    :host {
      display: block;
      container-type: inline-size;
      --_padding: var(--panel-card-padding, var(--_space));
    }
    article {
      padding: var(--_padding);
      border: var(--panel-card-border, 1px solid var(--_border));
      border-radius: var(--_radius);
      background: var(--panel-card-background, transparent);
    }
    .header {
      display: flex;
      gap: 0.75em;
      align-items: flex-start;
      justify-content: space-between;
    }
    .header ::slotted(*),
    .header star-toggle,
    .paper-header star-toggle {
      flex: none;
    }
    .title {
      margin: 0 0 0.5em;
      font-size: var(--panel-card-title-size, 1.375em);
      font-weight: 700;
      line-height: 1.25;
    }
    .details {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.25em 1em;
      margin: 0 0 1em;
    }
    .row {
      display: contents;
    }
    dt {
      color: var(--_muted);
    }
    dd {
      margin: 0;
    }
    .people {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .affiliation,
    .time-zone,
    .where {
      color: var(--_muted);
    }
    .section-heading {
      margin: 1em 0 0.4em;
      font-size: 1.125em;
      font-weight: 700;
    }
    .sessions {
      margin: 0;
      padding-inline-start: 1.25em;
    }
    .add-calendar {
      display: inline-block;
      vertical-align: top;
      margin-inline-start: 0.5em;
      font-size: 0.875em;
    }
    .add-calendar[open] {
      display: block;
      margin-inline-start: 0;
    }
    .add-calendar summary {
      cursor: pointer;
      color: var(--_accent);
      min-height: 24px;
    }
    .calendar-links {
      margin: 0.25em 0 0.5em;
      padding-inline-start: 1.25em;
    }
    .calendar-links button {
      font: inherit;
      text-align: start;
      padding: 0;
      border: 0;
      background: none;
      color: var(--_accent);
      text-decoration: underline;
      cursor: pointer;
    }
    .time-zone {
      margin: 0.4em 0 0;
      font-size: 0.9em;
    }
    .session-heading {
      margin: 0.8em 0 0.4em;
      font-weight: 700;
    }
    .papers {
      margin: 0;
      padding-inline-start: 1.25em;
    }
    .paper {
      margin-block-end: 1em;
    }
    .paper-header {
      display: flex;
      gap: 0.5em;
      align-items: flex-start;
      justify-content: space-between;
    }
    .paper-title {
      font-weight: 600;
    }
    .note {
      margin: 0.75em 0 0;
      font-size: 0.875em;
      color: var(--_muted);
    }
    .missing {
      margin: 0.75em 0 0;
      font-weight: 600;
    }
    .offer {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em 0.75em;
      align-items: center;
      margin: 0.75em 0 0;
      font-size: 0.875em;
    }
    .offer p {
      margin: 0;
    }
    .offer button {
      font: inherit;
      min-height: 2.5em;
      padding: 0.25em 0.85em;
    }
    .authors {
      margin: 0.2em 0 0.4em;
    }
    .description p {
      margin: 0 0 0.6em;
      white-space: pre-line;
    }
    .empty {
      color: var(--_muted);
      margin: 0;
    }
    @container (max-width: 30em) {
      .details {
        grid-template-columns: 1fr;
      }
      dd {
        margin-block-end: 0.4em;
      }
    }
    @media (forced-colors: active) {
      article {
        border-color: CanvasText;
      }
    }
  `,
];
