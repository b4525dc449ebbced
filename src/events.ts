import type { LoadFailure } from './data/load-error.js';
import type { ValidationProblem } from './data/validate.js';

/**
 * What a `programme-error` is about:
 * - `network`, `http`, `not-json`, `invalid`: the element's own `src` could not be loaded (which step failed);
 * - `partial`: the programme had mistakes only inside some panels, sessions or papers, and is shown without those;
 * - `not-found`: the panel or paper the element names is not in the programme;
 * - `no-source`: the element has neither a `src` nor a `<programme-source>` around it (or the source has no `src`);
 * - `save`: the schedule refused a change to a star, which is put back;
 * - `queued`: a change could not be delivered now (or the reader is signed out); it is kept, shown as pending, and sent when the server is back (or the reader signs in again);
 * - `schedule`: the reader's schedule could not be read (the server is unreachable or answered nonsense); the stars offer to try again;
 * - `missing-code`: a part of the library that loads on demand (a `lazy/` chunk) could not be loaded: most often the file was copied without its `lazy/` folder.
 */
export type ProgrammeErrorKind = LoadFailure | 'partial' | 'not-found' | 'no-source' | 'save' | 'queued' | 'schedule' | 'missing-code';

/** `programme-error`: loading or saving failed. `message` is the detailed reason. */
export interface ProgrammeErrorDetail {
  message: string;
  /**
   * What failed (see ProgrammeErrorKind). For `partial`, `message` names the URL and each item left
   * out, by path, id and reason, and `problems` has them all; the detail of the element that loaded
   * it also carries `items` and `ids`, as `Skipped` in data/skipped.ts describes them.
   */
  kind: ProgrammeErrorKind;
  /** Validation problems by path, when the document was invalid (or, for `partial`, its items left out). */
  problems?: ValidationProblem[];
}

/** `programme-star-change`: the person pressed a star. */
export interface StarChangeDetail {
  itemId: string;
  starred: boolean;
}

/** `programme-login-request`: a signed-out person pressed a star. Cancel it to handle sign-in yourself. */
export interface LoginRequestDetail {
  itemId: string;
  login?: string;
}

export interface ProgrammeEventMap {
  'programme-error': ProgrammeErrorDetail;
  'programme-star-change': StarChangeDetail;
  'programme-login-request': LoginRequestDetail;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'programme-error': CustomEvent<ProgrammeErrorDetail>;
    'programme-star-change': CustomEvent<StarChangeDetail>;
    'programme-login-request': CustomEvent<LoginRequestDetail>;
  }
}

/** Dispatches one of the library's events: bubbling, composed, typed. Returns false when cancelled. */
export function emit<K extends keyof ProgrammeEventMap>(
  target: EventTarget,
  name: K,
  detail: ProgrammeEventMap[K],
  options: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }));
}
