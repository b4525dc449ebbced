import { css } from 'lit';
import { baseStyles } from '../shared/base-styles.js';

export const styles = [
  baseStyles,
  css`
    :host {
      display: block;
    }
    .text {
      max-width: var(--abstract-view-max-width, 70ch);
    }
    .text p,
    .empty {
      margin: 0 0 0.6em;
      white-space: pre-line;
    }
    .empty {
      color: var(--_muted);
      font-style: italic;
    }
    .skipped {
      margin: 0.4em 0 0;
      color: var(--_muted);
      font-size: 0.9em;
    }
    .toggle {
      display: inline-flex;
      align-items: center;
      gap: 0.4em;
      min-height: 24px;
      padding: 0.15em 0;
      border: 0;
      background: none;
      color: var(--_accent);
      text-decoration: underline;
      text-underline-offset: 0.2em;
    }
    .chevron {
      display: inline-block;
      width: 0.45em;
      height: 0.45em;
      border-inline-end: 2px solid currentColor;
      border-block-end: 2px solid currentColor;
      transform: rotate(45deg) translateY(-0.15em);
      transition: transform 0.15s ease;
    }
    :host([expanded]) .chevron {
      transform: rotate(225deg) translateX(-0.1em);
    }
    @media (prefers-reduced-motion: reduce) {
      .chevron {
        transition: none;
      }
    }
  `,
];
