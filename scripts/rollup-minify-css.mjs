/**
 * Collapses the white space and comments inside Lit's css`…` templates. Terser leaves template
 * text alone, and the styles are a good part of the bundle. Only CSS is touched: html`…`
 * templates keep their white space, which can be meaningful.
 *
 * @rollup/plugin-typescript compiles in its `load` hook, so this sees TypeScript's output, which
 * writes the tag as css `…` (with a space): the pattern allows white space after the tag. Quoted
 * strings (`[type='search']`) are kept as written; a template with `${` is left as it is.
 */
/** CSS outside quoted strings with its white space collapsed and dropped around punctuation. */
const tighten = (css) =>
  css
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}');

export function minifyCss() {
  return {
    name: 'minify-lit-css',
    transform(code, id) {
      if (!/\.ts$/.test(id) || !/\bcss\s*`/.test(code)) return null;
      const out = code.replace(/\bcss\s*`([^`]*)`/g, (whole, body) => {
        if (body.includes('${')) return whole;
        const min = body
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .split(/("[^"]*"|'[^']*')/)
          .map((part, i) => (i % 2 ? part : tighten(part)))
          .join('')
          .trim();
        return `css\`${min}\``;
      });
      return { code: out, map: null };
    },
  };
}
