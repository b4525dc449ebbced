import { ContextConsumer } from '@lit/context';
import type { ReactiveController } from 'lit';
import type { ScheduleElement } from './programme-element.js';
import { scheduleContext, type ScheduleChoice } from '../../context.js';
import { emit } from '../../events.js';
import { isLocalChoice, storeForChoice } from '../../schedule/resolve.js';
import type { ScheduleChange, ScheduleFailure, ScheduleStore } from '../../schedule/store.js';

type Host = ScheduleElement;

interface Options {
  /**
   * The item ids whose changes should re-render the host, or `all`; changes of sign-in state
   * re-render every host that watches anything. `undefined` (now) means none.
   */
  watch?: () => readonly string[] | 'all' | undefined;
  /** Called when a change this host started did not persist. */
  onFailure?: (failure: ScheduleFailure) => void;
}

/**
 * Gives an element the schedule store it should use: its own adapter or `schedule` attribute first,
 * then what the surrounding `<programme-source>` was told, then this browser's storage.
 */
export class ScheduleController implements ReactiveController {
  store?: ScheduleStore;
  readonly #choice: ContextConsumer<typeof scheduleContext, Host>;
  #connected = false;

  constructor(
    private readonly host: Host,
    private readonly options: Options = {},
  ) {
    host.addController(this);
    this.#choice = new ContextConsumer(host, { context: scheduleContext, subscribe: true });
  }

  /** The host's own choice, else what its provider was told. */
  #effectiveChoice(): ScheduleChoice {
    const own: ScheduleChoice = { adapter: this.host.scheduleAdapter, schedule: this.host.schedule, loginUrl: this.host.loginUrl };
    const inherited = this.#choice.value ?? {};
    return own.adapter || own.schedule ? own : { ...inherited, loginUrl: own.loginUrl ?? inherited.loginUrl };
  }

  /** Whether the schedule is this browser's storage, which is kept per conference. */
  get usesLocalStorage(): boolean {
    return isLocalChoice(this.#effectiveChoice());
  }

  /** The store for this host, given the conference the programme names (for local storage). */
  resolve(conferenceId?: string, given?: ScheduleStore): ScheduleStore {
    const store = given ?? storeForChoice(this.#effectiveChoice(), conferenceId);
    if (store !== this.store) this.#attach(store);
    return store;
  }

  hostConnected(): void {
    this.#connected = true;
    if (this.store) this.#listen(this.store);
  }

  hostDisconnected(): void {
    this.#connected = false;
    if (this.store) this.#unlisten(this.store);
  }

  #attach(store: ScheduleStore): void {
    if (this.store) this.#unlisten(this.store);
    this.store = store;
    if (this.#connected) this.#listen(store);
    // Not during the host's render: starting notifies every listener, this host included.
    queueMicrotask(() => void store.start());
  }

  #onChange = (event: Event) => {
    // The schedule could not be read: one element of the page says so (rule 6 of ErrorReports).
    if (this.store?.claimError()) emit(this.host, 'programme-error', { message: this.store.message, kind: 'schedule' });
    const watched = this.options.watch?.();
    if (!watched) return;
    const { ids } = (event as CustomEvent<ScheduleChange>).detail;
    if (!ids || watched === 'all' || ids.some((id) => watched.includes(id))) this.host.requestUpdate();
  };

  #onFailure = (event: Event) => {
    const failure = (event as CustomEvent<ScheduleFailure>).detail;
    if (failure.origin === this.host) this.options.onFailure?.(failure);
  };

  #listen(store: ScheduleStore) {
    store.addEventListener('change', this.#onChange);
    store.addEventListener('failure', this.#onFailure);
  }

  #unlisten(store: ScheduleStore) {
    store.removeEventListener('change', this.#onChange);
    store.removeEventListener('failure', this.#onFailure);
  }
}
