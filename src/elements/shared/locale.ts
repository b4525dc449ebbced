/**
 * The language an element speaks: the closest `[lang]` around it (looking through shadow roots),
 * then the programme's own locale, then the browser's.
 */
export function localeOf(element: Element, programmeLocale?: string): string {
  let node: Element | null = element;
  while (node) {
    const lang = node.closest('[lang]')?.getAttribute('lang');
    if (lang && isLocale(lang)) return lang;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  if (programmeLocale && isLocale(programmeLocale)) return programmeLocale;
  return navigator.language || 'en';
}

function isLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length > 0;
  } catch {
    return false;
  }
}
