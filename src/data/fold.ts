/**
 * Text folded for search: lower case, without accents and other marks, so that "Lefevre" finds
 * "Lefèvre" and "lefèvre" finds "LEFEVRE", in any script (Irish fadas, French accents, Greek
 * tonos and final sigma, Cyrillic й and ё, Kazakh, Turkish dotted İ).
 */

/** Letters that carry their mark inside them (no decomposition) and read as plain ones in a search. */
const PLAIN: Record<string, string> = { ø: 'o', ł: 'l', đ: 'd', ð: 'd', ħ: 'h', ı: 'i', ß: 'ss', æ: 'ae', œ: 'oe', ς: 'σ', ŀ: 'l' };
const NON_ASCII = /[^\0-\x7f]/;
const SPECIAL = new RegExp(`[${Object.keys(PLAIN).join('')}]`, 'g');

/** `text` in the form both the programme's text and the reader's query are compared in. */
export function fold(text: string): string {
  // Plain ASCII has no marks to drop: lower case is all (and most of a programme's text is plain).
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(SPECIAL, (c) => PLAIN[c]);
}
