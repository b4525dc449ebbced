/**
 * Collapses the white space and comments inside Lit's css`…` templates. Terser leaves template
 * text alone, and the styles are a good part of the bundle. Only CSS is touched: html`…`
 * templates keep their white space, which can be meaningful.
 */
export function minifyCss() {
  return {
    name: 'minify-lit-css',
    transform(code, id) {
      if (!/\.ts$/.test(id) || !code.includes('css`')) return null;
      const out = code.replace(/\bcss`([^`]*)`/g, (_, body) => {
        const min = body
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .replace(/\s*([{};,>])\s*/g, '$1')
          .replace(/:\s+/g, ':')
          .replace(/;}/g, '}')
          .trim();
        return `css\`${min}\``;
      });
      return { code: out, map: null };
    },
  };
}
