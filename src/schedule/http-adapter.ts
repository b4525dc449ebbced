import { SignedOutError, UnreachableError, type ScheduleAdapter, type ScheduleUser } from './adapter.js';
import { apiBase } from './api-base.js';
import { onePer } from './registry.js';

export interface HttpScheduleOptions {
  /** Where a signed-out press leads: the host's login page. */
  login?: string;
  /** Milliseconds before a request counts as failed. Default 8000. */
  timeout?: number;
  /** Further tries after a network failure, a timeout or a 5xx answer. Default 2. */
  retries?: number;
}

/**
 * The header every request carries. It is not one a form can send, so the browser asks the server
 * (CORS preflight) before any cross-site change: a forged form post cannot star or unstar.
 */
export const REQUEST_HEADER = { 'X-Requested-With': 'programme-elements' } as const;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A schedule kept in the person's account on a host's server:
 * `GET {base}/me`, `GET {base}/items`, `PUT {base}/items/{id}`, `DELETE {base}/items/{id}`,
 * sent with the browser's credentials, to another origin if need be.
 */
export class HttpScheduleAdapter implements ScheduleAdapter {
  readonly base: string;
  /** The API's base URL names the schedule. */
  readonly scope: string;
  readonly login?: string;
  readonly #timeout: number;
  readonly #retries: number;

  constructor(base: string, options: HttpScheduleOptions = {}) {
    this.base = this.scope = apiBase(base);
    this.login = options.login;
    this.#timeout = options.timeout ?? 8000;
    this.#retries = options.retries ?? 2;
  }

  async user(): Promise<ScheduleUser | null> {
    try {
      const body = (await this.#request('GET', '/me')) as { id?: unknown; name?: unknown };
      if (typeof body?.id !== 'string') throw new Error(`${this.base}/me answered without an id.`);
      return { id: body.id, ...(typeof body.name === 'string' ? { name: body.name } : {}) };
    } catch (e) {
      if (e instanceof SignedOutError) return null;
      throw e;
    }
  }

  async starred(): Promise<string[]> {
    const body = (await this.#request('GET', '/items')) as { items?: unknown } | unknown[];
    const items = Array.isArray(body) ? body : body?.items;
    if (!Array.isArray(items)) throw new Error(`${this.base}/items did not answer with a list of ids.`);
    return items.filter((id): id is string => typeof id === 'string');
  }

  async setStarred(itemId: string, starred: boolean): Promise<void> {
    await this.#request(starred ? 'PUT' : 'DELETE', `/items/${encodeURIComponent(itemId)}`);
  }

  /**
   * One request, tried again (PUT and DELETE are idempotent) after network failures, timeouts and
   * 5xx. When every try failed so, it rejects with `UnreachableError`: the store keeps the change and
   * sends it later. A 401 rejects with `SignedOutError`, any other refusal (4xx) with an `Error`.
   */
  async #request(method: string, path: string): Promise<unknown> {
    let lastError: Error = new Error('no attempt');
    for (let attempt = 0; attempt <= this.#retries; attempt++) {
      if (attempt) await wait(250 * 3 ** (attempt - 1));
      try {
        return await this.#once(method, path);
      } catch (e) {
        lastError = e as Error;
        if (!(e instanceof UnreachableError)) throw e;
      }
    }
    throw lastError;
  }

  async #once(method: string, path: string): Promise<unknown> {
    const url = this.base + path;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        credentials: 'include',
        headers: { ...REQUEST_HEADER, accept: 'application/json' },
        signal: AbortSignal.timeout(this.#timeout),
      });
    } catch (e) {
      throw new UnreachableError(
        (e as Error).name === 'TimeoutError'
          ? `The schedule server did not answer within ${this.#timeout / 1000} s.`
          : 'The schedule server could not be reached.',
      );
    }
    if (response.status === 401) throw new SignedOutError();
    const message = `The schedule server answered HTTP ${response.status}.`;
    // 5xx: the server could not take it now (down, overloaded, restarting); the change is kept.
    if (response.status >= 500) throw new UnreachableError(message);
    if (!response.ok) throw new Error(message);
    if (response.status === 204) return undefined;
    const text = await response.text();
    try {
      return text ? JSON.parse(text) : undefined;
    } catch {
      throw new Error(`The schedule server's answer to ${method} ${path} is not JSON.`);
    }
  }
}

/** One HTTP adapter per API base (and login) on the page, so every star using it shares one store. */
export function httpAdapterFor(base: string, login?: string): HttpScheduleAdapter {
  return onePer(`http-adapter|${apiBase(base)}|${login ?? ''}`, () => new HttpScheduleAdapter(base, { login }));
}
