/**
 * Does the static HTML survive a WordPress post as an ordinary editor saves it? sanitize-html,
 * configured like WordPress's `post` allow-list (wp-includes/kses.php: `$allowedposttags` with the
 * global attributes of `_wp_add_global_attributes()`, and `wp_allowed_protocols()` for links), is
 * run over the fragments of the seed panel, the demo's whole list and an abstract: nothing is
 * removed, so every word and every link the reader sees survives.
 *
 *   node --test test/node/render-wordpress.test.mjs   (after npx rollup -c or npm run build)
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import sanitizeHtml from 'sanitize-html';
import { render } from '../../dist/cli.js';

/** WordPress's post allow-list (kses.php), the same file the browser test reads. */
const KSES = JSON.parse(readFileSync(new URL('../fixtures/wordpress-kses.json', import.meta.url), 'utf8'));
const GLOBAL = [...KSES.global, 'data-*'];
const WORDPRESS = {
  allowedTags: Object.keys(KSES.tags),
  allowedAttributes: Object.fromEntries(Object.entries(KSES.tags).map(([tag, attributes]) => [tag, [...GLOBAL, ...attributes]])),
  allowedSchemes: KSES.protocols,
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
};

/** The text a reader sees: tags dropped, entities read, spaces folded. */
const textOf = (html) =>
  sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

const hrefs = (html) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
/** Every tag with the names of its attributes, in order: what a filter would remove shows here. */
const structure = (html) =>
  [...html.matchAll(/<(\/?[a-z0-9-]+)((?:\s+[a-z][\w:-]*(?:="[^"]*")?)*)\s*\/?>/gi)].map(
    (m) => `${m[1]}${[...m[2].matchAll(/\s([a-z][\w:-]*)/gi)].map((a) => ` ${a[1]}`).join('')}`,
  );

describe('static HTML through a WordPress-style filter', () => {
  for (const [name, options] of [
    ['the seed panel', { element: 'panel-card', panelId: 'P021' }],
    ['the whole demo list', { element: 'session-list' }],
    ['one abstract', { element: 'abstract-view', paperId: 'P021-1-a' }],
  ]) {
    test(`${name}: every word and link survives`, async () => {
      const { html } = await render('demo/programme.json', options);
      const filtered = sanitizeHtml(html, WORDPRESS);
      assert.ok(textOf(html).length > 100, 'the fragment has text');
      assert.equal(textOf(filtered), textOf(html), 'words were lost');
      assert.deepEqual(hrefs(filtered), hrefs(html), 'links were lost');
      // Nothing needed a tag or attribute outside the list: the filter changed nothing but spacing.
      assert.deepEqual(structure(filtered), structure(html));
      assert.ok(structure(html).length > 5, 'the fragment has markup');
    });
  }

  test('a hostile programme stays text: nothing the filter would have to remove', async () => {
    const { html } = await render('test/fixtures/programmes/hostile.json', { element: 'panel-card', panelId: 'HTML' });
    const filtered = sanitizeHtml(html, WORDPRESS);
    assert.equal(textOf(filtered), textOf(html));
    assert.ok(!/<(script|img|iframe|svg)/i.test(html), 'markup from the data became markup');
    assert.ok(!/javascript:/i.test(hrefs(html).join(' ')), 'a javascript: link');
  });
});
