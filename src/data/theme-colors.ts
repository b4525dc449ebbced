import type { ThemeColor } from './types.js';

/**
 * Mid-tone hues that stay apart from each other and show on light and dark pages alike. A chip
 * uses its colour only for a mark and a light tint behind the theme's name, whose text keeps the
 * page's own colour: its contrast never depends on the colour.
 */
const PALETTE = ['#2563eb', '#db2777', '#059669', '#d97706', '#7c3aed', '#dc2626', '#0891b2', '#65a30d', '#c026d3', '#ea580c', '#4f46e5', '#0d9488'];

/** A stable number for a name, so a theme keeps its colour from page to page and build to build. */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The colour of a theme: the programme's own (`conference.themes`), else one of the palette, by name. */
export function themeColor(name: string, themes: readonly ThemeColor[] = []): string {
  return themes.find((t) => t.name === name)?.color ?? PALETTE[hash(name) % PALETTE.length];
}
