import { ContextRoot } from '@lit/context';

const ATTACHED = Symbol.for('programme-elements.context-root');

/**
 * Lets an element that asked for data before its `<programme-source>` was defined find it once it
 * is (the per-element entries may load in any order). Attached once per page, before any element
 * is defined. The self-contained file defines the provider first and has no need of it.
 */
export function attachContextRoot(): void {
  const page = document as Document & { [ATTACHED]?: boolean };
  if (page[ATTACHED]) return;
  page[ATTACHED] = true;
  new ContextRoot().attach(document.documentElement);
}
