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
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem 1rem;
      align-items: flex-end;
      margin-block-end: 0.75rem;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.2em;
      min-width: 0;
      max-width: 100%;
      font-size: 0.9em;
    }
    .search {
      flex: 1 1 16em;
    }
    input[type='search'],
    select {
      font: inherit;
      min-height: 2.25em;
      padding: 0.25em 0.5em;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--programme-surface, Canvas);
      color: inherit;
      max-width: 100%;
    }
    .check,
    .choice label {
      display: inline-flex;
      gap: 0.35em;
      align-items: center;
      min-height: 24px;
      font-size: 0.9em;
    }
    .choice {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em 0.75em;
      margin: 0;
      padding: 0.2em 0.6em 0.4em;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .choice legend {
      font-size: 0.8em;
      color: var(--_muted);
      padding: 0 0.25em;
    }
    input[type='checkbox'],
    input[type='radio'] {
      accent-color: var(--_accent);
      width: 1.1em;
      height: 1.1em;
      margin: 0;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
    }
    .actions button,
    .empty button,
    .details {
      font-size: 0.9em;
      min-height: 24px;
      padding: 0.25em 0.75em;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: transparent;
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
      grid-template-columns: 10.5em 1fr auto;
      gap: 0.25rem 1rem;
      padding: var(--_gap) 0;
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
      gap: 0.25em;
      align-items: flex-start;
    }
    .title {
      font-weight: 600;
    }
    .session-title {
      font-weight: 400;
    }
    .meta {
      margin: 0.15em 0 0.35em;
      color: var(--_muted);
      font-size: 0.9em;
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
    .grid-wrap {
      /* Its own scroller both ways, so the room headings stick to its top. */
      overflow: auto;
      max-height: min(80vh, 60rem);
    }
    .row star-toggle {
      align-self: start;
    }
    .grid {
      display: grid;
      gap: 2px 4px;
      min-width: min-content;
    }
    .room {
      position: sticky;
      top: 0;
      font-weight: 600;
      font-size: 0.9em;
      padding: 0.25em;
      background: var(--programme-surface, Canvas);
      border-block-end: 2px solid var(--_border);
    }
    .tick {
      font-size: 0.8em;
      color: var(--_muted);
      font-variant-numeric: tabular-nums;
      border-block-start: 1px solid var(--_border);
    }
    .cell {
      overflow: hidden;
      padding: 0.3em 0.4em;
      border: 1px solid var(--_border);
      border-inline-start: 4px solid var(--_accent);
      border-radius: var(--_radius);
      background: var(--programme-surface, Canvas);
      font-size: 0.875em;
    }
    .cell-head {
      display: flex;
      gap: 0.25em;
      justify-content: space-between;
      align-items: flex-start;
    }
    .cell .meta {
      margin: 0.2em 0 0;
    }
    @container (max-width: 36em) {
      .row {
        grid-template-columns: 1fr auto;
      }
      .when {
        grid-column: 1 / -1;
        flex-direction: row;
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
