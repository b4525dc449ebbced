import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import * as library from '../src/index.js';
// Written by `npm run manifest` (cem analyze --litelement); `npm run build-storybook` runs it first.
import manifest from '../custom-elements.json';

interface Member {
  name: string;
  kind?: string;
  privacy?: string;
  static?: boolean;
  attribute?: string;
}
interface Declaration {
  name: string;
  cssParts?: Array<{ name: string }>;
  kind?: string;
  customElement?: boolean;
  tagName?: string;
  members?: Member[];
}
interface Manifest {
  modules?: Array<{ declarations?: Declaration[] }>;
}

/**
 * The manifest as Storybook's argument tables need it:
 * - every element has its tag name (the analyzer cannot see it through `defineElement(tag, Class)`,
 *   so it is taken from the registry, where src/index.js has just defined each class);
 * - private members are left out, and so are properties that an attribute row already documents;
 * - CSS parts are named `::part(name)`: Storybook keys every row by name, and a part named like an
 *   attribute (panel-card's `time-zone`) would otherwise replace the attribute's row and control.
 */
function forStorybook(source: Manifest): Manifest {
  return {
    ...source,
    modules: source.modules?.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) => {
        if (!declaration.customElement) return declaration;
        const constructor = (library as Record<string, unknown>)[declaration.name];
        const tagName =
          declaration.tagName ?? (typeof constructor === 'function' ? customElements.getName(constructor as CustomElementConstructor) : null) ?? undefined;
        const members = declaration.members?.filter(
          (m) => m.privacy !== 'private' && m.privacy !== 'protected' && !m.static && !m.attribute && m.kind !== 'method',
        );
        const cssParts = declaration.cssParts?.map((part) => ({ ...part, name: `::part(${part.name})` }));
        return { ...declaration, tagName, members, cssParts };
      }),
    })),
  };
}

setCustomElementsManifest(forStorybook(manifest as Manifest));

/** Rows that document rather than drive the story: no control for them. */
const DOCUMENTATION_ONLY = new Set(['properties', 'events', 'slots', 'css custom properties', 'css shadow parts']);

const preview: Preview = {
  tags: ['autodocs'],
  argTypesEnhancers: [
    ({ argTypes }) =>
      Object.fromEntries(
        Object.entries(argTypes).map(([name, argType]) => [
          name,
          DOCUMENTATION_ONLY.has(String(argType.table?.category)) ? { ...argType, control: false } : argType,
        ]),
      ),
  ],
  parameters: {
    layout: 'padded',
    controls: { expanded: true, sort: 'requiredFirst' },
    a11y: { test: 'todo' },
    docs: { toc: false },
  },
};

export default preview;
