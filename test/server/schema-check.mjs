import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';

const schemaUrl = new URL('../../schema/programme.schema.json', import.meta.url);

/** Larger bodies are refused: test documents are small. */
const MAX_BODY_BYTES = 20 * 1024 * 1024;

/** The raw request body as text, read from the Node stream (no body parser in the dev server). */
async function readBody(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw Object.assign(new Error('request body too large'), { status: 413 });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const reply = (ctx, status, body) => {
  ctx.status = status;
  ctx.type = 'application/json';
  ctx.body = JSON.stringify(body);
};

/**
 * The test server as a JSON Schema checker, so browser tests can compare the runtime validator
 * with schema/programme.schema.json.
 *
 * POST /schema/validate   body: a JSON document (any JSON value, null and arrays included)
 *   200 { "valid": boolean, "errors": [{ "instancePath": "/panels/0/id", "message": "..." }] }
 *   400 the same shape, valid false, when the body is not JSON; 413 when it is too large
 */
export function schemaMiddleware() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const validate = ajv.compile(JSON.parse(readFileSync(schemaUrl, 'utf8')));

  return async (ctx, next) => {
    if (ctx.method !== 'POST' || ctx.path !== '/schema/validate') return next();
    let text;
    try {
      text = await readBody(ctx.req);
    } catch (e) {
      return reply(ctx, e.status ?? 400, { valid: false, errors: [{ instancePath: '', message: e.message }] });
    }
    let doc;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      return reply(ctx, 400, { valid: false, errors: [{ instancePath: '', message: `request body is not JSON: ${e.message}` }] });
    }
    const valid = validate(doc);
    const errors = valid ? [] : (validate.errors ?? []).map((e) => ({ instancePath: e.instancePath, message: e.message ?? e.keyword }));
    reply(ctx, 200, { valid, errors });
  };
}
