import { css } from 'lit';
import { baseStyles } from '../shared/base-styles.js';

export const styles = [
  baseStyles,
  css`
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25em 0.5em;
      vertical-align: middle;
      --_size: var(--star-toggle-size, 1.25rem);
      --_star: var(--star-toggle-color, var(--programme-star-color, light-dark(#b45309, #fbbf24)));
    }
    button {
      display: inline-flex;
      align-items: center;
      gap: 0.35em;
      min-width: 24px;
      min-height: 24px;
      padding: 0.2em;
      border: 1px solid transparent;
      border-radius: var(--_radius);
      background: none;
      color: inherit;
      line-height: 1;
    }
    button:hover {
      border-color: var(--_border);
    }
    button[aria-disabled='true'] {
      cursor: progress;
      opacity: 0.6;
    }
    .icon {
      width: var(--_size);
      height: var(--_size);
      flex: none;
    }
    path {
      fill: transparent;
      stroke: currentColor;
      stroke-width: 1.6;
      stroke-linejoin: round;
    }
    path.filled {
      fill: var(--_star);
      stroke: var(--_star);
    }
    /* Half filled: in the schedule through the panel or a paper, not by itself. */
    path.half {
      clip-path: inset(0 50% 0 0);
    }
    .print-only {
      display: none;
    }
    @media print {
      button {
        display: none;
      }
      .print-only:not(:empty) {
        display: inline;
        font-size: 0.875em;
      }
    }
    .pending .icon {
      animation: pulse 1s ease-in-out infinite alternate;
    }
    @keyframes pulse {
      to {
        opacity: 0.45;
      }
    }
    .label {
      white-space: nowrap;
      font-size: 0.875em;
      text-decoration: underline;
      text-underline-offset: 0.2em;
    }
    .message:empty {
      position: absolute;
    }
    .message {
      font-size: 0.875em;
      font-weight: 600;
      color: var(--programme-error-color, currentColor);
    }
    @media (prefers-reduced-motion: reduce) {
      .pending .icon {
        animation: none;
        opacity: 0.6;
      }
    }
    @media (forced-colors: active) {
      path.filled {
        fill: ButtonText;
        stroke: ButtonText;
      }
    }
  `,
];
