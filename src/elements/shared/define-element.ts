/**
 * Registers `constructor` as `tag` unless that name is taken already (by this library loaded
 * twice, say); a host that wants other names defines the exported classes itself.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}
