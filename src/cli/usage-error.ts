/**
 * What does the command line say when it cannot do what it was asked? A failure the person
 * running it can act on: its message is all they need, and its code is the exit status (1 for bad
 * input, 2 for a wrong command line).
 */

/** A failure the person running the command can act on: its message is all they need. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly code: 1 | 2,
  ) {
    super(message);
  }
}
