import type { ValidationProblem } from './validate.js';

/** Why a programme could not be had. */
export type LoadFailure = 'network' | 'http' | 'not-json' | 'invalid';

/**
 * A programme that could not be loaded. `message` is the detailed reason (for the console and
 * `programme-error`); `kind` tells which step failed; `problems` lists validation paths.
 */
export class ProgrammeLoadError extends Error {
  override readonly name = 'ProgrammeLoadError';
  constructor(
    readonly kind: LoadFailure,
    message: string,
    readonly url: string,
    readonly status?: number,
    readonly problems: ValidationProblem[] = [],
  ) {
    super(message);
  }
}
