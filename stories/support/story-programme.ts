import { ContextProvider } from '@lit/context';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { displayContext, programmeContext, type ProgrammeState } from '../../src/context.js';
import { ProgrammeIndex } from '../../src/data/programme-index.js';
import { validateProgramme } from '../../src/data/validate.js';
import type { Programme } from '../../src/data/types.js';

/**
 * Story-only provider: hands its children any `ProgrammeState` through the library's context,
 * so that a story can hold an element in the loading or error state, or give it a programme built
 * in the story file, without a network. Not part of the library.
 *
 * - `.state`: the state to provide as it is (`{ status: 'loading' }` by default);
 * - `.programme`: a programme document, validated and indexed, provided as `ready`;
 * - `time-zone`: the display setting, as `<programme-source time-zone>` would provide it.
 *
 * Written without decorators on purpose: a story file should not depend on the compiler settings
 * that the library needs.
 */
export class StoryProgramme extends LitElement {
  static override properties = {
    state: { attribute: false },
    programme: { attribute: false },
    timeZone: { attribute: 'time-zone' },
  };

  static override styles = css`
    :host {
      display: contents;
    }
  `;

  declare state: ProgrammeState;
  declare programme: Programme | undefined;
  declare timeZone: string;

  readonly #programme = new ContextProvider(this, { context: programmeContext, initialValue: { status: 'loading' } });
  readonly #display = new ContextProvider(this, { context: displayContext, initialValue: { timeZone: 'conference' } });

  constructor() {
    super();
    this.state = { status: 'loading' };
    this.programme = undefined;
    this.timeZone = 'conference';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('state') || changed.has('programme')) this.#programme.setValue(this.#current());
    if (changed.has('timeZone')) this.#display.setValue({ timeZone: this.timeZone || 'conference' });
  }

  #current(): ProgrammeState {
    if (!this.programme) return this.state;
    const result = validateProgramme(this.programme as never);
    if (!result.ok) {
      const message = `story-programme: the story's programme is invalid: ${result.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`;
      return { status: 'error', message, retry: () => this.requestUpdate() };
    }
    return { status: 'ready', index: new ProgrammeIndex(result.programme) };
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

if (!customElements.get('story-programme')) customElements.define('story-programme', StoryProgramme);

declare global {
  interface HTMLElementTagNameMap {
    'story-programme': StoryProgramme;
  }
}
