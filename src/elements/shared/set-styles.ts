import { noChange } from 'lit';
import { Directive, directive, type ElementPart } from 'lit/directive.js';

/**
 * Sets inline styles through the CSSOM (`element.style.setProperty`), never as a `style`
 * attribute: a strict Content-Security-Policy (`style-src 'self'`) refuses style attributes,
 * including the first render of Lit's `styleMap`, but allows the CSSOM.
 * Use on an element only: `<div ${setStyles({ 'grid-row': '2 / 4' })}>`. Names are CSS property names.
 */
class SetStyles extends Directive {
  #previous = new Set<string>();

  render(_styles: Record<string, string>) {
    return noChange;
  }

  override update(part: ElementPart, [styles]: [Record<string, string>]) {
    const style = (part.element as HTMLElement).style;
    for (const name of this.#previous) if (!(name in styles)) style.removeProperty(name);
    for (const [name, value] of Object.entries(styles)) style.setProperty(name, value);
    this.#previous = new Set(Object.keys(styles));
    return noChange;
  }
}

export const setStyles = directive(SetStyles);
