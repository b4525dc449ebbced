import { css } from 'lit';

/** The global design tokens and what every element shares: host font and colours, focus ring, status lines. */
export const baseStyles = css`
  :host {
    --_accent: var(--programme-accent, LinkText);
    --_muted: var(--programme-muted, color-mix(in srgb, currentColor 72%, transparent));
    --_border: var(--programme-border, color-mix(in srgb, currentColor 25%, transparent));
    --_radius: var(--programme-radius, 0.375rem);
    --_focus: var(--programme-focus-ring, 2px solid var(--_accent));
    --_space: var(--programme-space, 1rem);
    font: inherit;
    color: inherit;
    overflow-wrap: anywhere;
  }
  :host([hidden]) {
    display: none;
  }
  :focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  a {
    color: var(--_accent);
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  .status {
    margin: 0;
    color: var(--_muted);
  }
  .error {
    color: inherit;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: baseline;
    padding: 0.5em 0.75em;
    border: 1px solid var(--programme-error-color, light-dark(#b3261e, #ff8a80));
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
  }
  .error button {
    padding: 0.2em 0.8em;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    background: transparent;
  }
  /* Text from the data is isolated: a bidi override in one value cannot reorder the next. */
  .name,
  .author,
  .affiliation,
  .title,
  .paper-title,
  .session-title,
  .panel-title,
  .where,
  .meta > span,
  dd {
    unicode-bidi: isolate;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
