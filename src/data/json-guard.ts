/** The one test for "a JSON object" (not null, not an array) used wherever loose JSON is read. */

export type Obj = Record<string, unknown>;

export const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
