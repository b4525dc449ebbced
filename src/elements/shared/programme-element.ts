import { LitElement, type PropertyDeclarations } from 'lit';
import { isProgrammeFormat, type ProgrammeFormat } from '../../data/formats.js';
import type { ScheduleAdapter } from '../../schedule/adapter.js';

/** A new class that is `base` in all but identity: what a second name needs. */
const subclassOf = (base: typeof LitElement) => class extends base {};

/** An element class this library defines: its usual tag and the elements it renders. */
type Definable = { readonly tag: string; define(tag?: string): void };

/**
 * What every element of the library shares: how it is registered, and where its programme comes
 * from (`src`, `format`).
 *
 * Properties are declared with `declare` and given their defaults in the constructor, as Lit
 * advises for code without decorators, so that no class field shadows Lit's accessors whatever
 * the compiler's `useDefineForClassFields`.
 */
export class ProgrammeElement extends LitElement {
  /** The tag this element is registered under by default. */
  static readonly tag: string = '';

  /**
   * The elements this one renders, by the tag it renders them with: registered with it, since a
   * template can only name a tag.
   */
  static readonly dependencies: Record<string, Definable> = {};

  /**
   * Registers this element as `tag` (default: its usual name), and the elements it renders under
   * theirs. A no-op for a name that is taken already (by this library loaded twice, say); a class
   * already registered under another name is registered again as a subclass, since one class may
   * hold only one name.
   */
  static define(tag = this.tag): void {
    for (const [name, dependency] of Object.entries(this.dependencies)) dependency.define(name);
    if (customElements.get(tag)) return;
    try {
      customElements.define(tag, this);
    } catch (error) {
      if ((error as DOMException)?.name !== 'NotSupportedError') throw error;
      customElements.define(tag, subclassOf(this));
    }
  }

  static override properties: PropertyDeclarations = {
    src: {},
    format: {},
  };

  /** URL of the programme, for an element used without a `<programme-source>`. Relative URLs resolve against the page. */
  declare src: string | null;

  /** What `src` holds: `auto` (default: tells a programme v1, frab, c3voc v2 and pretalx apart), `native`, `frab`, `c3voc2` or `pretalx`. */
  declare format: string | null;

  constructor() {
    super();
    this.src = null;
    this.format = 'auto';
  }

  /** The data format of `src`, as `format` names it (`auto` for anything else). */
  get sourceFormat(): ProgrammeFormat {
    return isProgrammeFormat(this.format) ? this.format : 'auto';
  }
}

/**
 * An element with stars, or a provider of the schedule they use: which schedule (`schedule`,
 * `scheduleAdapter`) and where a signed-out reader goes to sign in (`login-url`).
 */
export class ScheduleElement extends ProgrammeElement {
  static override properties: PropertyDeclarations = {
    schedule: {},
    loginUrl: { attribute: 'login-url' },
    scheduleAdapter: { attribute: false },
  };

  /** Where the stars keep the reader's schedule: `local` (default: this browser's storage) or the base URL of an HTTP schedule API. An element's own wins over its provider's. */
  declare schedule: string | null;

  /** Where a signed-out press of a star leads, with the HTTP schedule. `{return}` becomes this page's URL. */
  declare loginUrl: string | null;

  /** A host's own schedule adapter for the stars (a property). Wins over `schedule`. */
  declare scheduleAdapter?: ScheduleAdapter;

  constructor() {
    super();
    this.schedule = null;
    this.loginUrl = null;
  }
}
