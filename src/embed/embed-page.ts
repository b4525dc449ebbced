/**
 * What runs on the iframe embed page (embed/embed.html, dist/embed.html)? This, its one module
 * script: it styles the page, starts posting the page's height to the parent frame, sends a
 * signed-out star's sign-in to a new top-level window, and builds the one element the page's
 * query asks for (src/embed/mount.ts, with the allow-list of src/embed/attributes.ts). The
 * elements themselves come from the self-contained file the page loads before this script.
 */
import { mountEmbed, openSignInOnTop, postHeights, stylePage } from './mount.js';

stylePage();
postHeights();
openSignInOnTop();
void mountEmbed(location.search);
