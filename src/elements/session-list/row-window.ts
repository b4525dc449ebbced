import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A run of consecutive items, rendered together or stood in for by a placeholder of its height. */
export interface Chunk<T> {
  index: number;
  items: T[];
  /** Position of the chunk's first item in the whole list. */
  offset: number;
  rendered: boolean;
  /** Placeholder height in px: measured when the chunk was last rendered, else estimated. */
  height: number;
}

export interface RowWindowOptions<T> {
  chunkSize: number;
  /** The height in px an item is expected to take before it has been drawn. */
  estimate: (item: T) => number;
  /**
   * The element holding the chunks (each marked `data-chunk`), looked up after every update of the
   * host, so a list that appears only once data has arrived is watched from its first render.
   */
  container: () => Element | null | undefined;
  /**
   * How far beyond the visible area chunks are drawn ahead of the reader; default 600 px. Chromium
   * adds the viewport's and a scrolling container's margins, so the page's own scrolling draws
   * about twice as far ahead.
   */
  margin?: string;
  /** Where the chunks are inside the container; default its children marked `data-chunk`. */
  chunks?: string;
  /** Whether a new chunk starts at this item (a day heading, say), whatever the size of the last. */
  breakBefore?: (item: T) => boolean;
}

/**
 * Renders only the chunks of a long list that are near what the reader sees. Chunks further than
 * `margin` from it become placeholders that keep their measured height, so the page neither jumps
 * nor holds thousands of nodes. Works with the page's own scrolling and inside any scrolling
 * container (no inner scroller of its own).
 */
export class RowWindow<T> implements ReactiveController {
  #items: T[] = [];
  /** Where each chunk starts in the list, and how many items it holds. */
  #bounds: Array<{ offset: number; length: number }> = [];
  #rendered = new Set<number>([0]);
  #heights = new Map<number, number>();
  #observer?: IntersectionObserver;
  /** Printing: every chunk is drawn, since paper has no scrolling. */
  #printing = false;
  #print?: MediaQueryList;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: RowWindowOptions<T>,
  ) {
    host.addController(this);
  }

  /** The list, as last set. */
  get items(): readonly T[] {
    return this.#items;
  }

  /** Sets the list; a new list starts again from its top. */
  setItems(items: T[]): void {
    if (items === this.#items) return;
    this.#items = items;
    this.#bounds = [];
    const { chunkSize, breakBefore } = this.options;
    items.forEach((item, i) => {
      const last = this.#bounds[this.#bounds.length - 1];
      if (!last || last.length >= chunkSize || (i > 0 && breakBefore?.(item))) this.#bounds.push({ offset: i, length: 1 });
      else last.length++;
    });
    // To start, the chunks that fill about a screen and the margin by their estimated height (at
    // least one): no flash of blanks on a short list. The observer adds the others as they come near.
    this.#rendered = new Set();
    let height = 0;
    const first = window.innerHeight + this.#marginPx;
    for (let index = 0; index < this.#bounds.length && (index === 0 || height < first); index++) {
      this.#rendered.add(index);
      const { offset, length } = this.#bounds[index];
      for (let i = offset; i < offset + length; i++) height += this.options.estimate(items[i]);
    }
    this.#heights.clear();
  }

  chunks(): Chunk<T>[] {
    return this.#bounds.map(({ offset, length }, index) => {
      const items = this.#items.slice(offset, offset + length);
      return {
        index,
        items,
        offset,
        rendered: this.#printing || this.#rendered.has(index),
        height: this.#heights.get(index) ?? items.reduce((sum, item) => sum + this.options.estimate(item), 0),
      };
    });
  }

  /** Makes sure the chunk holding item `position` is rendered (for deep links and focus). */
  reveal(position: number): void {
    const index = this.#bounds.findIndex(({ offset, length }) => position >= offset && position < offset + length);
    if (index >= 0 && !this.#rendered.has(index)) {
      this.#rendered.add(index);
      this.host.requestUpdate();
    }
  }

  hostConnected(): void {
    const margin = this.options.margin ?? '600px 0px';
    // `scrollMargin` widens the clip of scrolling containers between the list and the viewport,
    // so a list inside one is drawn ahead of the reader too (`rootMargin` only widens the viewport).
    const init = { rootMargin: margin, scrollMargin: margin } as IntersectionObserverInit;
    this.#observer = new IntersectionObserver((entries) => this.#onIntersect(entries), init);
    this.#print = window.matchMedia('print');
    this.#print.addEventListener('change', this.#onPrint);
    window.addEventListener('beforeprint', this.#onPrint);
    window.addEventListener('afterprint', this.#onPrint);
  }

  /** Print (or print preview) starts or ends: draw every chunk for it, then window again. */
  #onPrint = (event: Event): void => {
    const printing = event.type === 'beforeprint' || (event.type !== 'afterprint' && !!this.#print?.matches);
    if (printing === this.#printing) return;
    this.#printing = printing;
    this.host.requestUpdate();
  };

  hostUpdated(): void {
    const observer = this.#observer;
    if (!observer) return;
    observer.disconnect();
    this.options
      .container()
      ?.querySelectorAll(this.options.chunks ?? ':scope > [data-chunk]')
      .forEach((el) => observer.observe(el));
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#print?.removeEventListener('change', this.#onPrint);
    window.removeEventListener('beforeprint', this.#onPrint);
    window.removeEventListener('afterprint', this.#onPrint);
  }

  /**
   * Whether `el` is, now, further than the margin from the viewport. An entry can be older than
   * the layout (the list moved, or data arrived, between the observation and its delivery), so a
   * chunk is only replaced by a placeholder when it is still out of reach.
   */
  #farAway(el: Element): boolean {
    const margin = this.#marginPx;
    const { top, bottom } = el.getBoundingClientRect();
    return bottom < -margin || top > window.innerHeight + margin;
  }

  get #marginPx(): number {
    return Number.parseFloat(this.options.margin ?? '600px') || 0;
  }

  #onIntersect(entries: IntersectionObserverEntry[]): void {
    let changed = false;
    for (const entry of entries) {
      // A chunk taken out of the page (the timetable replaced the list) is not "far away".
      if (!entry.target.isConnected) continue;
      const index = Number((entry.target as HTMLElement).dataset.chunk);
      if (entry.isIntersecting && !this.#rendered.has(index)) {
        this.#rendered.add(index);
        changed = true;
      } else if (
        !entry.isIntersecting &&
        this.#rendered.has(index) &&
        !entry.target.contains(this.host.shadowRoot?.activeElement ?? null) &&
        this.#farAway(entry.target)
      ) {
        this.#heights.set(index, entry.target.getBoundingClientRect().height);
        this.#rendered.delete(index);
        changed = true;
      }
    }
    if (changed) this.host.requestUpdate();
  }
}
