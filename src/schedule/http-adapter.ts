import {
  SignedOutError,
  UnreachableError,
  type ScheduleAdapter,
  type ScheduleUser,
  type SetStarredOptions,
  type SharedSchedule,
  type StarState,
} from './adapter.js';
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

/** The header that carries when the person pressed (ms since 1970), so the server keeps the later press. */
export const CHOICE_AT_HEADER = 'X-Choice-At';

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

  /**
   * PUT or DELETE the item, with the time of the press. The server answers 204 (taken) or 200 with
   * `{ starred, at }`, the state it holds: when a later press was already there, that one.
   */
  async setStarred(itemId: string, starred: boolean, options: SetStarredOptions = {}): Promise<void | StarState> {
    const at = options.at;
    const headers = typeof at === 'number' && Number.isFinite(at) ? { [CHOICE_AT_HEADER]: String(at) } : undefined;
    const body = await this.#request(starred ? 'PUT' : 'DELETE', `/items/${encodeURIComponent(itemId)}`, headers);
    if (body === NO_CONTENT) return;
    const state = body as Partial<StarState> | undefined;
    // A 200 with nothing (or not a state) in it may come from anything on the way: not a confirmation.
    if (typeof state?.starred !== 'boolean') throw new UnreachableError(`The schedule server did not confirm the change (${this.base}).`);
    return { starred: state.starred, ...(typeof state.at === 'number' ? { at: state.at } : {}) };
  }

  /**
   * A new secret calendar URL of the reader's schedule, for calendar apps to subscribe to:
   * `POST {base}/calendar`, which replaces (turns off) the URL made before. Null when the server
   * answers 404 (it has no calendar feeds). Rejects with `SignedOutError` when nobody is signed in.
   * A retried POST only makes one more URL, and the last one made is the one that works.
   */
  async calendarUrl(): Promise<{ url: string; webcal: string } | null> {
    let body: { url?: unknown; webcal?: unknown } | undefined;
    try {
      body = (await this.#request('POST', '/calendar')) as typeof body;
    } catch (e) {
      // A server without calendars.
      if (e instanceof RefusedError && e.status === 404) return null;
      throw e;
    }
    if (typeof body?.url !== 'string' || typeof body.webcal !== 'string') throw new Error(`${this.base}/calendar did not answer with a calendar URL.`);
    return { url: body.url, webcal: body.webcal };
  }

  /** POST `{base}/share`: the token of a link that shows this person's stars read only; null when the server has none. */
  async shareToken(): Promise<string | null> {
    try {
      const body = (await this.#request('POST', '/share')) as { token?: unknown } | undefined;
      if (typeof body?.token !== 'string') throw new Error(`${this.base}/share did not answer with a token.`);
      return body.token;
    } catch (e) {
      if (e instanceof RefusedError && e.status === 404) return null;
      throw e;
    }
  }

  /** GET `{base}/shared/{token}`: someone's starred items and name; null when the link is unknown. */
  async sharedSchedule(token: string): Promise<SharedSchedule | null> {
    try {
      const body = (await this.#request('GET', `/shared/${encodeURIComponent(token)}`)) as { name?: unknown; items?: unknown } | undefined;
      if (!Array.isArray(body?.items)) throw new Error(`${this.base}/shared did not answer with a list of ids.`);
      return { ...(typeof body.name === 'string' ? { name: body.name } : {}), items: body.items.filter((id): id is string => typeof id === 'string') };
    } catch (e) {
      if (e instanceof RefusedError && e.status === 404) return null;
      throw e;
    }
  }

  /**
   * One request, tried again (PUT and DELETE are idempotent) after network failures, timeouts and
   * 5xx. When every try failed so, it rejects with `UnreachableError`: the store keeps the change and
   * sends it later. A 401 rejects with `SignedOutError`, any other refusal (4xx) with an `Error`.
   */
  async #request(method: string, path: string, headers?: Record<string, string>): Promise<unknown> {
    let lastError: Error = new Error('no attempt');
    for (let attempt = 0; attempt <= this.#retries; attempt++) {
      if (attempt) await wait(250 * 3 ** (attempt - 1));
      try {
        return await this.#once(method, path, headers);
      } catch (e) {
        lastError = e as Error;
        if (!(e instanceof UnreachableError)) throw e;
      }
    }
    throw lastError;
  }

  /**
   * One request. Redirects are not followed: the reader's stars never go to another origin, and a
   * redirect (to a sign-in page, as single sign-on does) or an HTML page in place of JSON means the
   * reader is not signed in.
   */
  async #once(method: string, path: string, headers?: Record<string, string>): Promise<unknown> {
    const url = this.base + path;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        credentials: 'include',
        redirect: 'manual',
        headers: { ...REQUEST_HEADER, accept: 'application/json', ...headers },
        signal: AbortSignal.timeout(this.#timeout),
      });
    } catch (e) {
      throw new UnreachableError(
        (e as Error).name === 'TimeoutError'
          ? `The schedule server did not answer within ${this.#timeout / 1000} s.`
          : 'The schedule server could not be reached.',
      );
    }
    if (response.status === 401 || response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) throw new SignedOutError();
    const message = `The schedule server answered HTTP ${response.status}.`;
    // 5xx: the server could not take it now (down, overloaded, restarting); the change is kept.
    if (response.status >= 500) throw new UnreachableError(message);
    if (!response.ok) throw new RefusedError(await reasonOf(response, message), response.status);
    if (response.status === 204) return NO_CONTENT;
    if (/^text\/html\b/i.test(response.headers.get('content-type') ?? '')) throw new SignedOutError();
    const text = await response.text();
    try {
      return text ? JSON.parse(text) : undefined;
    } catch {
      throw new Error(`The schedule server's answer to ${method} ${path} is not JSON.`);
    }
  }
}

/** The server refused a request (4xx other than 401), with its status. */
class RefusedError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** What `#once` returns for a 204: taken, nothing to read. */
const NO_CONTENT = Symbol('no content');

/** The server's own reason for a refusal (`{ "error": "…" }`), else `fallback`. */
async function reasonOf(response: Response, fallback: string): Promise<string> {
  try {
    const body = (await response.json()) as { error?: unknown };
    return typeof body?.error === 'string' && body.error.length < 500 ? `${fallback.slice(0, -1)}: ${body.error.replace(/\.?$/, '.')}` : fallback;
  } catch {
    return fallback;
  }
}

/** One HTTP adapter per API base (and login) on the page, so every star using it shares one store. */
export function httpAdapterFor(base: string, login?: string): HttpScheduleAdapter {
  return onePer(`http-adapter|${apiBase(base)}|${login ?? ''}`, () => new HttpScheduleAdapter(base, { login }));
}
