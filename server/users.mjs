import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCallback);

/**
 * The demo's accounts, put into the database on first start (an account already there keeps its
 * own password). A host replaces this list, or fills the users table, with its own; only `id`,
 * `name` and the password check matter to the rest of the server.
 *
 * Passwords are stored as `scrypt$N$r$p$salt$hash` (salt and hash base64url). To make one:
 *   node -e 'const c=require("crypto"),s=c.randomBytes(16);console.log(`scrypt$16384$8$1$${s.toString("base64url")}$${c.scryptSync(process.argv[1],s,32,{N:16384,r:8,p:1}).toString("base64url")}`)' PASSWORD
 */
export const DEMO_USERS = [
  {
    id: 'ada',
    username: 'ada',
    name: 'Ada Lovelace',
    password: 'scrypt$16384$8$1$QM8mFk93LeRf-IpkOb7RWA$gBaY8rRmLWamHveloPn_0_0E4huYp_WQjvtnlBs1WsU',
  },
  {
    id: 'member',
    username: 'member',
    name: 'A. Member',
    password: 'scrypt$16384$8$1$i3-A3fbTQDWAf4Vjei99dQ$zxOc7fZksIKEFNOrJfgsV8Hp-o4uyo5ArfMlV4Cmyc0',
  },
];

/** The demo credentials in plain text, for the login page's note and the demo's start-up message. */
export const DEMO_CREDENTIALS = [
  { username: 'ada', password: 'lovelace' },
  { username: 'member', password: 'member' },
];

/** Checked against when the username is unknown, so that both answers take as long. */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** The cost of new hashes; stored ones say their own. */
const COST = { N: 16384, r: 8, p: 1 };
/** Parameters above these are refused rather than run: a stored hash cannot make one check take seconds. */
const MAX_N = 1 << 17;

async function matches(password, stored) {
  const [kind, n, r, p, salt, hash] = String(stored).split('$');
  if (kind !== 'scrypt' || !(Number(n) <= MAX_N) || !(Number(r) <= 16) || !(Number(p) <= 4)) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 256 * 1024 * 1024,
  });
  return timingSafeEqual(actual, expected);
}

/** A stored hash of `password`: `scrypt$N$r$p$salt$hash`. */
export async function hashPassword(password) {
  const salt = randomBytes(16);
  const hash = await scrypt(String(password), salt, 32, COST);
  return `scrypt$${COST.N}$${COST.r}$${COST.p}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

/** Shortest new password accepted. */
export const MIN_PASSWORD_LENGTH = 8;
/** Longest password checked at all (a megabyte of password is not hashed). */
export const MAX_PASSWORD_LENGTH = 1024;

/**
 * The accounts in the database, looked up by id and checked by username and password. Every
 * check goes through `gate` (hash-gate.mjs), so that a flood of sign-ins waits its turn or is
 * turned away instead of taking the server's time from saves.
 */
export function userDirectory({ db, gate }) {
  const check = (password, stored) => gate.run(() => matches(String(password).slice(0, MAX_PASSWORD_LENGTH), stored));
  return {
    /** The public face of a user ({ id, name }), or null when there is none with that id. */
    async find(id) {
      if (typeof id !== 'string') return null;
      const user = await db.userById(id);
      return user ? { id: user.id, name: user.name } : null;
    },
    /** The user whose password this is, or null. Takes as long for an unknown name as for a known one. */
    async verify(username, password) {
      const user = typeof username === 'string' && username.length <= 200 ? await db.userByUsername(username) : null;
      const ok = await check(password, user?.password ?? DUMMY_HASH);
      return ok && user ? { id: user.id, name: user.name } : null;
    },
    /**
     * Changes a password when `current` is right; every session of the user ends (the caller
     * signs this browser in again). Resolves to an error message, or null when changed.
     */
    async changePassword(userId, current, next) {
      const user = await db.userById(userId);
      if (!user || !(await check(current, user.password))) return 'Your current password is not right.';
      const fresh = String(next);
      if (fresh.length < MIN_PASSWORD_LENGTH) return `A new password has at least ${MIN_PASSWORD_LENGTH} characters.`;
      if (fresh.length > MAX_PASSWORD_LENGTH) return `A new password has at most ${MAX_PASSWORD_LENGTH} characters.`;
      await db.setPassword(userId, await gate.run(() => hashPassword(fresh)), Date.now());
      return null;
    },
  };
}
