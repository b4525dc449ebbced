/**
 * The colours a web editor may give an embed (or a snippet): the theme's first-tier tokens, each a
 * plain CSS colour. Anything that could carry more than a colour (`;`, `}`, `url(…)`) is refused.
 */

/** Parameter name → the token it sets. */
export const COLOUR_TOKENS = { accent: '--programme-accent', surface: '--programme-surface', star: '--programme-star-color' } as const;
export type ColourName = keyof typeof COLOUR_TOKENS;

/** A CSS colour as typed (a hex, a named colour, rgb()/hsl()/oklch() of numbers), or undefined. */
export function cssColour(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v || v.length > 64) return undefined;
  return /^(#[0-9a-f]{3,8}|(rgb|hsl|oklch|oklab)a?\([\d\s.,%/+-]+\)|[a-z]+)$/i.test(v) ? v : undefined;
}

export const isColourName = (name: string): name is ColourName => Object.hasOwn(COLOUR_TOKENS, name);
