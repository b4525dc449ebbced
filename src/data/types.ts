/**
 * The programme format, version 1. `schema/programme.schema.json` is the reference;
 * these types describe the same document for TypeScript users.
 */

/** A person named on a panel or a paper. */
export interface Person {
  name: string;
  affiliation?: string;
}

export interface Conference {
  id: string;
  title: string;
  /** IANA time zone in which the programme is shown by default, e.g. `Asia/Almaty`. */
  timeZone: string;
  /** BCP 47 language tag of the programme's text. */
  locale?: string;
  /** Web page of the conference: an absolute http(s) or mailto URL; a relative one is no link (data-url.ts dataUrl). */
  url?: string;
  /** Colours for the panels' themes, by theme name; themes not named here get one from a fixed palette. */
  themes?: ThemeColor[];
}

/** The colour a theme's chips carry beside its name. */
export interface ThemeColor {
  name: string;
  /** `#rgb` or `#rrggbb`. */
  color: string;
}

export interface Paper {
  id: string;
  title: string;
  authors?: Person[];
  /** Plain text. */
  shortAbstract?: string;
  /** Plain text; a blank line starts a paragraph. */
  abstract?: string;
}

export interface Session {
  id: string;
  title?: string;
  /** ISO 8601 date-time with an offset, e.g. `2024-06-09T09:00:00+05:00`. */
  start: string;
  end: string;
  /** Overrides the panel's location. */
  location?: string;
  papers?: Paper[];
}

export interface Panel {
  id: string;
  title: string;
  format?: string;
  theme?: string;
  location?: string;
  description?: string;
  /** Web page of the panel: an absolute http(s) or mailto URL; a relative one is no link (data-url.ts dataUrl). */
  url?: string;
  convenors?: Person[];
  chairs?: Person[];
  discussants?: Person[];
  sessions?: Session[];
}

export interface Programme {
  version: 1;
  conference: Conference;
  panels: Panel[];
}

/** What an id names. */
export type ItemKind = 'panel' | 'session' | 'paper';
