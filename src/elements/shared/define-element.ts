/**
 * Registers `constructor` as `tag`, tolerating a second registration: a tag that is taken already
 * (by this library loaded twice, say) is left as it is, and a class already registered under
 * another name is registered again as a subclass, since one class may hold only one name.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (customElements.get(tag)) return;
  try {
    customElements.define(tag, constructor);
  } catch (error) {
    if ((error as DOMException)?.name !== 'NotSupportedError') throw error;
    customElements.define(tag, class extends (constructor as typeof HTMLElement) {});
  }
}
