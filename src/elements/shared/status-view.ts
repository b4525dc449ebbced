import { css, html, nothing } from 'lit';
import type { ProgrammeState } from '../../context.js';
import type { Words } from '../../words.js';

/**
 * What an element shows while its programme is not ready: a polite loading line, or a short
 * message a reader understands with a retry button. Returns `nothing` when the data is ready.
 */
export function statusView(state: ProgrammeState, words: Words) {
  if (state.status === 'loading') {
    return html`<p part="status" class="status" role="status">${words.loading}</p>`;
  }
  if (state.status === 'error') return errorView(state.reason ? words[state.reason] : state.message, words, state.retry);
  return nothing;
}

/** A message in the element's box, with a retry control when something can be retried. */
export function errorView(message: string, words: Words, retry?: () => void) {
  return html`<div part="status error" class="status error" role="alert">
    <span>${message}</span>
    ${retry ? html`<button part="retry" type="button" @click=${retry}>${words.retry}</button>` : nothing}
  </div>`;
}

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
