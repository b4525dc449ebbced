/**
 * Where the reader's Worker script is: beside this module in the sources (the test server serves
 * `read-worker.ts` for it). The builds write it as `lazy/read-worker.min.js` and rewrite this line to
 * point there from wherever this code ends up (`readWorkerPlugin` in rollup.config.mjs).
 */
export const readWorkerUrl = (): URL => new URL('./read-worker.js', import.meta.url);
