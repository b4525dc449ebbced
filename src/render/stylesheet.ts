/**
 * How should the static HTML look on a page that allows no `<style>` and no `style=""`? A small
 * stylesheet for its `pe-…` classes, for the site's theme (WordPress: Appearance → Customize →
 * Additional CSS) or a `<link>`: the same tokens as the elements (`--programme-*`), the page's own
 * font and colours by default. The HTML reads well without it too.
 */

/** The stylesheet that `render --css` writes. */
export const STATIC_STYLESHEET = `/* programme-elements: static HTML (render --css). Tokens as for the elements. */
.pe-panel-card,
.pe-session-list,
.pe-abstract-view {
  --_muted: var(--programme-muted, color-mix(in srgb, currentColor 65%, transparent));
  --_border: var(--programme-border, color-mix(in srgb, currentColor 20%, transparent));
  --_space: var(--programme-space, 1rem);
  line-height: 1.5;
}
.pe-panel-card {
  border: 1px solid var(--_border);
  border-radius: var(--programme-radius, 0.5rem);
  padding: var(--_space);
}
.pe-panel-card > :first-child,
.pe-day-heading,
.pe-row-title {
  margin-top: 0;
}
.pe-details {
  display: grid;
  grid-template-columns: max-content 1fr;
  gap: 0.25rem 1rem;
  margin: 0 0 var(--_space);
}
.pe-detail {
  display: contents;
}
.pe-details dt {
  color: var(--_muted);
}
.pe-details dd {
  margin: 0;
}
.pe-people,
.pe-session-lines,
.pe-papers,
.pe-rows {
  list-style: none;
  margin: 0;
  padding: 0;
}
.pe-affiliation,
.pe-time-zone,
.pe-duration,
.pe-people,
.pe-note {
  color: var(--_muted);
}
.pe-session-lines > li,
.pe-paper {
  margin-bottom: 0.5rem;
}
.pe-paper {
  border-top: 1px solid var(--_border);
  padding-top: 0.5rem;
}
.pe-paper-title,
.pe-authors,
.pe-abstract p {
  margin: 0 0 0.25rem;
}
.pe-short-abstract {
  font-style: italic;
}
.pe-day-heading {
  border-bottom: 1px solid var(--_border);
  padding-bottom: 0.25rem;
}
.pe-row {
  display: grid;
  grid-template-columns: 10em 1fr;
  gap: 0 1rem;
  padding: 0.5rem 0;
  border-bottom: 1px solid var(--_border);
}
.pe-row > :not(.pe-when) {
  grid-column: 2;
}
.pe-row > .pe-when {
  grid-row: 1 / span 4;
  display: flex;
  flex-direction: column;
}
.pe-row p,
.pe-row-title {
  margin: 0;
}
.pe-row-title {
  font-size: 1em;
}
.pe-meta > span + span::before {
  content: '· ';
}
.pe-theme {
  font-weight: 600;
}
.pe-more a,
.pe-row-title a {
  color: var(--programme-accent, LinkText);
}
@media (max-width: 30rem) {
  .pe-row,
  .pe-details {
    display: block;
  }
}
`;
