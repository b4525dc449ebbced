/**
 * How does a person show someone else their schedule? With a link that carries a share token:
 * `base64url(userId).mac`, where mac is an HMAC of the user id with the server's secret. Nothing is
 * stored, so the link stays the same however often it is asked for, and works on every server
 * process that shares the database (and its secret). It reveals the starred ids and the person's
 * display name, read only; it cannot change anything.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The longest token looked at. */
const MAX_TOKEN = 400;

const mac = (secret, userId) => createHmac('sha256', secret).update(`share|${userId}`).digest('base64url').slice(0, 27);

/** The share token of this user. */
export function shareToken(secret, userId) {
  return `${Buffer.from(userId).toString('base64url')}.${mac(secret, userId)}`;
}

/** The user a share token names, or null when it is not one this server made. */
export function userOfShareToken(secret, token) {
  if (typeof token !== 'string' || token.length > MAX_TOKEN || !/^[\w-]+\.[\w-]+$/.test(token)) return null;
  const [encoded, given] = token.split('.');
  const userId = Buffer.from(encoded, 'base64url').toString('utf8');
  const expected = Buffer.from(mac(secret, userId));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? userId : null;
}
