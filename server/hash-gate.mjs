/**
 * Password checks take real work (scrypt, on Node's thread pool). A flood of sign-ins must not
 * take the server from everyone saving their stars, so at most `concurrency` checks run at once and
 * at most `queue` wait; beyond that the answer is 429 at once, without hashing anything.
 */
import { ThrottledError } from './throttle.mjs';

export function hashGate({ concurrency = 1, queue = 8 } = {}) {
  let running = 0;
  const waiting = [];
  const next = () => {
    if (running >= concurrency || !waiting.length) return;
    running++;
    waiting.shift()();
  };
  return {
    /** Runs `work` when a place is free; rejects with ThrottledError when too many are waiting. */
    async run(work) {
      if (running >= concurrency && waiting.length >= queue) {
        throw new ThrottledError('The server is busy signing people in. Try again in a few seconds.', 2);
      }
      await new Promise((start) => {
        waiting.push(start);
        next();
      });
      try {
        return await work();
      } finally {
        running--;
        next();
      }
    },
  };
}
