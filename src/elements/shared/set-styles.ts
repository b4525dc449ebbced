import { noChange } from 'lit';
import { Directive, directive, type ElementPart } from 'lit/directive.js';

/**
 * Sets inline styles through the CSSOM (`element.style.setProperty`), never as a `style`
 * attribute: a strict Content-Security-Policy (`style-src 'self'`) refuses style attributes,
 * including the first render of Lit's `styleMap`, but allows the CSSOM.
 * Use on an element only: `<div ${setStyles({ 'grid-row': '2 / 4' })}>`. Names are CSS property names.
 */
class SetStyles extends Directive {
  #previous: Record<string, string> = {};

  render(_styles: Record<string, string>) {
    return noChange;
  }

  override update(part: ElementPart, [styles]: [Record<string, string>]) {
    const style = (part.element as HTMLElement).style;
    const previous = this.#previous;
    for (const name in previous) if (!(name in styles)) style.removeProperty(name);
    // Only what changed: a list or timetable drawn again sets (and parses) nothing it already has.
    for (const name in styles) if (styles[name] !== previous[name]) style.setProperty(name, styles[name]);
    this.#previous = styles;
    return noChange;
  }
}

export const setStyles = directive(SetStyles);
