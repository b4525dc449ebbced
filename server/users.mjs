import { scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCallback);

/**
 * The demo's accounts. A host replaces this list with its own user directory; only `id`, `name`
 * and the password check matter to the rest of the server.
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

async function matches(password, stored) {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt') return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(actual, expected);
}

/** The users of a directory, looked up by id and checked by username and password. */
export function userDirectory(users = DEMO_USERS) {
  const byId = new Map(users.map((u) => [u.id, u]));
  const byUsername = new Map(users.map((u) => [u.username, u]));
  return {
    /** The public face of a user ({ id, name }), or null when there is none with that id. */
    find(id) {
      const user = byId.get(id);
      return user ? { id: user.id, name: user.name } : null;
    },
    /** The user whose password this is, or null. Takes as long for an unknown name as for a known one. */
    async verify(username, password) {
      const user = byUsername.get(String(username));
      const ok = await matches(String(password), user?.password ?? DUMMY_HASH);
      return ok && user ? { id: user.id, name: user.name } : null;
    },
  };
}
