import type { ScheduleAdapter, ScheduleUser } from './adapter.js';
import { apiBase } from './api-base.js';

/**
 * The HTTP adapter for a declarative `schedule="https://…"`, whose code loads on first use: pages
 * that keep stars in the browser (the default) never download it.
 */
export class DeferredHttpAdapter implements ScheduleAdapter {
  readonly base: string;
  readonly #real: Promise<ScheduleAdapter>;

  constructor(
    base: string,
    readonly login?: string,
  ) {
    this.base = apiBase(base);
    this.#real = import('./http-adapter.js').then(({ httpAdapterFor }) => httpAdapterFor(base, login));
  }

  async user(): Promise<ScheduleUser | null> {
    return (await this.#real).user();
  }

  async starred(): Promise<Iterable<string>> {
    return (await this.#real).starred();
  }

  async setStarred(itemId: string, starred: boolean): Promise<void> {
    return (await this.#real).setStarred(itemId, starred);
  }
}

const byBase = new Map<string, DeferredHttpAdapter>();

/** One adapter per API base and login on the page, so every star using it shares one store. */
export function deferredHttpAdapterFor(base: string, login?: string): DeferredHttpAdapter {
  const key = `${apiBase(base)}|${login ?? ''}`;
  let adapter = byBase.get(key);
  if (!adapter) byBase.set(key, (adapter = new DeferredHttpAdapter(base, login)));
  return adapter;
}
