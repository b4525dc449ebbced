import { fileURLToPath } from 'node:url';
import { startReferenceServer } from '../server/reference-server.mjs';
import { DEMO_CREDENTIALS } from '../server/users.mjs';

/**
 * The demo: the page in demo/, the built library in dist/, the sample programme at /programme.json,
 * and the reference schedule server (login and /api/schedule) behind the stars, all on one origin.
 * Accounts, sessions and schedules are kept in demo/.data/schedules.sqlite, so they survive a restart.
 */
const root = fileURLToPath(new URL('..', import.meta.url));

const server = await startReferenceServer({
  port: Number(process.env.PORT ?? 8080),
  host: process.env.HOST ?? '127.0.0.1',
  staticRoot: root,
  programmeFile: fileURLToPath(new URL('programme.json', import.meta.url)),
  allowedOrigins: (process.env.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean),
});

console.log(`programme-elements demo: ${server.url}/`);
console.log(`sign in at ${server.url}/login as ${DEMO_CREDENTIALS.map((c) => `${c.username} / ${c.password}`).join(' or ')}`);

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
