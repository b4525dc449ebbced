import { html, nothing, svg, type PropertyDeclarations } from 'lit';
import { ScheduleElement } from '../shared/programme-element.js';
import { onPageConference, pageConference } from '../../schedule/page-conference.js';
import type { ScheduleFailure, ScheduleStore } from '../../schedule/store.js';
import { emit } from '../../events.js';
import { coreEnglishWords, wordsFor, type Words } from '../../words.js';
import { localeOf } from '../shared/locale.js';
import { ProgrammeController } from '../shared/programme-controller.js';
import { ScheduleController } from '../shared/schedule-controller.js';
import { styles } from './star-toggle.styles.js';

/**
 * A star that adds a panel, session or paper to the personal schedule of the person signed in,
 * or removes it. Every star for the same item on the page shows the same state. Signed out, it
 * says what signing in is for and a press asks the host to sign the person in.
 *
 * @tagname star-toggle
 * @summary A personal-schedule star for any panel, session or paper.
 * @csspart button - The star button.
 * @csspart icon - The star shape.
 * @csspart label - The visible text beside the star (signed out, or when the schedule failed).
 * @csspart message - The line that says why a change was not saved.
 * @cssprop --star-toggle-size - Size of the star. Defaults to 1.25rem; the button stays at least 24px.
 * @cssprop --star-toggle-color - Colour of a pressed star. Defaults to `--programme-star-color`, then amber: #b45309 (#fbbf24 where the page is dark).
 * @cssprop --programme-accent - The focus ring.
 * @cssprop --programme-border - The button's border on hover.
 * @cssprop --programme-radius - The button's corners.
 * @cssprop --programme-error-color - The "not saved" message. Defaults to the text colour.
 * @cssprop --programme-focus-ring - The focus outline.
 * @fires programme-star-change - After a press: `{ itemId, starred }`.
 * @fires programme-login-request - A signed-out press: `{ itemId, login }`. Cancelable; by default the browser goes to the adapter's `login`.
 * @fires programme-error - When the server refused a change (4xx): `{ message, kind: 'save' }` (put back); when it could not be delivered (no connection, no answer, 5xx) or met a signed-out server: `{ message, kind: 'queued' }` (kept in this browser, and sent when the server is back or the reader signs in again); when the schedule cannot be read at all: `kind: 'schedule'`, once per failure (the star offers to try again).
 */
export class StarToggle extends ScheduleElement {
  static override readonly tag = 'star-toggle';

  static override styles = styles;

  /** Lit's reactive properties (and their attributes), beside those of every element (ProgrammeElement). */
  static override properties: PropertyDeclarations = {
    itemId: { attribute: 'item-id' },
    itemTitle: { attribute: 'item-title' },
    store: { attribute: false },
    partly: { type: Boolean, reflect: true },
    quiet: { type: Boolean },
    words: { attribute: false },
    message: { state: true, attribute: false },
  };

  /** Id of the panel, session or paper this star is for. */
  declare itemId: string;

  /** What the star names to screen readers ("Add '…' to my schedule"). Defaults to the item's title in the programme. */
  declare itemTitle: string | null;

  /** The store to use, when a parent element already has it (as `<panel-card>` does). */
  declare store?: ScheduleStore;

  /**
   * The item is in the reader's schedule through another (a session through its panel or one of
   * its papers), though not starred itself: the star shows half filled, says so, and a press stars
   * the item itself. Set by the element that knows the relation (`<session-list>` does).
   */
  declare partly: boolean;

  /** Signed out, show the star alone (the element around it says once how to sign in). */
  declare quiet: boolean;

  /** Strings to override for this star only. */
  declare words?: Partial<Words>;

  /** Why the last change was not saved, shown until the next press. */
  declare private message: string;

  constructor() {
    super();
    this.itemId = '';
    this.itemTitle = null;
    this.partly = false;
    this.quiet = false;
    this.message = '';
  }

  readonly #programme = new ProgrammeController(this, { optional: () => true });
  readonly #schedule = new ScheduleController(this, {
    watch: () => [this.itemId],
    onFailure: (failure) => this.#failed(failure),
  });

  /** Whether the item is on the schedule, as this star shows it now. */
  get starred(): boolean {
    return this.#store().isStarred(this.itemId);
  }

  #store(): ScheduleStore {
    // Without a programme of its own, a star kept in this browser uses the page's one conference.
    const conference = this.#programme.value?.conference.id ?? (this.#programme.absent ? pageConference() : undefined);
    return this.#schedule.resolve(conference, this.store);
  }

  #title(): string {
    if (this.itemTitle) return this.itemTitle;
    return this.#programme.value?.titleOf(this.itemId) || this.itemId;
  }

  #stopFollowing?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#stopFollowing = onPageConference(() => this.#programme.absent && this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopFollowing?.();
  }

  /** The message says a change is waiting to be sent: it goes once the change has gone. */
  #waitingMessage = false;

  protected override willUpdate(): void {
    const store = this.#store();
    if (this.#waitingMessage && !store.isPending(this.itemId)) {
      this.#waitingMessage = false;
      this.message = '';
    }
  }

  /** Back from signing in, where this star's press sent the reader: the reader is brought back to it. */
  protected override updated(): void {
    const store = this.#schedule.store;
    if (store?.status === 'signed-in' && this.itemId && store.claimReturn(this.itemId)) {
      this.scrollIntoView({ block: 'center' });
      this.renderRoot.querySelector('button')?.focus({ preventScroll: true });
    }
  }

  protected override render() {
    const words = wordsFor(coreEnglishWords, this.words, localeOf(this));
    const store = this.#schedule.store!;
    const title = this.#title();
    const message = html`<span part="message" class="message" role="status">${this.message}</span>`;

    if (store.status === 'signed-out' || store.status === 'error') {
      const failed = store.status === 'error';
      return html`<button part="button" type="button" class="signed-out" @click=${this.#press}
          aria-label=${failed ? words.scheduleUnavailable(title) : words.signInToStar(title)}>
          ${this.#icon('none')}${this.quiet && !failed ? nothing : html`<span part="label" class="label">${failed ? words.retry : words.signIn}</span>`}
        </button>${message}`;
    }
    const loading = store.status === 'loading' || this.#awaitingConference();
    const pressed = store.isStarred(this.itemId);
    const partly = !pressed && this.partly;
    const notes = [partly && 'partly-note', store.local && 'local-note'].filter(Boolean).join(' ');
    return html`<button part="button" type="button" class=${store.isPending(this.itemId) ? 'pending' : ''}
        aria-pressed=${pressed ? 'true' : partly ? 'mixed' : 'false'} aria-disabled=${loading ? 'true' : 'false'}
        aria-label=${words.addToSchedule(title)} aria-describedby=${notes || nothing}
        @click=${this.#press}>
        ${this.#icon(pressed ? 'full' : partly ? 'half' : 'none')}
      </button>${partly ? html`<span id="partly-note" class="visually-hidden">${words.partlyStarred}</span>` : nothing}${
        store.local ? html`<span id="local-note" class="visually-hidden">${words.localNote}</span>` : nothing
      }<span class="print-only">${pressed ? words.inMySchedule : partly ? words.partlyStarred : ''}</span>${message}`;
  }

  #icon(fill: 'none' | 'half' | 'full') {
    const star = 'M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z';
    return html`<svg part="icon" class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      ${fill === 'half' ? svg`<path class="filled half" d=${star}></path>` : nothing}
      <path class=${fill === 'full' ? 'filled' : ''} d=${star} />
    </svg>`;
  }

  /**
   * A star kept in this browser's storage belongs to a conference: until the programme says which
   * (it may be loading, or have failed and wait for a retry), a press would land in the wrong
   * schedule, so the star waits.
   */
  #awaitingConference(): boolean {
    return !this.store && this.#programme.status !== 'complete' && !this.#programme.absent && this.#schedule.usesLocalStorage;
  }

  #press() {
    const store = this.#store();
    this.message = '';
    if (!this.itemId || this.#awaitingConference()) return;
    if (store.status === 'error') {
      void store.refresh();
      return;
    }
    if (store.status === 'signed-out') {
      const login = store.adapter.login;
      // Back from signing in, the press is applied (the store keeps it for this tab).
      store.starAfterSignIn(this.itemId);
      const go = emit(this, 'programme-login-request', { itemId: this.itemId, ...(typeof login === 'string' ? { login } : {}) }, { cancelable: true });
      if (!go) return;
      if (typeof login === 'function') login();
      else if (login) window.location.assign(login.replace('{return}', encodeURIComponent(returnUrl(this.itemId))));
      else this.message = wordsFor(coreEnglishWords, this.words, localeOf(this)).signedOutNote;
      return;
    }
    if (store.status !== 'signed-in') return;
    const starred = !store.isStarred(this.itemId);
    store.set(this.itemId, starred, this);
    emit(this, 'programme-star-change', { itemId: this.itemId, starred });
  }

  #failed(failure: ScheduleFailure) {
    const words = wordsFor(coreEnglishWords, this.words, localeOf(this));
    // Kept for the next sign-in: the message stays while the star asks the reader to sign in.
    this.#waitingMessage = !!failure.queued && !failure.signedOut;
    this.message =
      failure.signedOut && failure.queued ? words.keptUntilSignIn : failure.queued ? words.notSentYet(failure.message) : words.notSaved(failure.message);
    this.#programme.reports.notSaved(failure);
  }
}

/** This page, with the item pressed as its hash: a list scrolls back to it after sign-in. */
function returnUrl(itemId: string): string {
  const url = new URL(window.location.href);
  url.hash = encodeURIComponent(itemId);
  return url.href;
}
