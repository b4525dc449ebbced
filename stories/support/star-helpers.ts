import type { Programme } from '../../src/data/types.js';

/** The parts of a `<star-toggle>` a play function reads, through its shadow root. */
export function starParts(star: Element | null | undefined) {
  const root = star?.shadowRoot;
  if (!root) throw new Error('story: no <star-toggle> with a shadow root in the story');
  const button = root.querySelector<HTMLButtonElement>('button[part="button"]');
  if (!button) throw new Error('story: the star has no button yet');
  return { button, message: root.querySelector<HTMLElement>('[part="message"]') };
}

/**
 * The first `<star-toggle>` in the story, once its schedule has been read: until then its button is
 * `aria-disabled` and a press does nothing.
 */
export async function firstStar(canvasElement: HTMLElement, timeout = 3000): Promise<HTMLElement> {
  const started = Date.now();
  for (;;) {
    const star = canvasElement.querySelector<HTMLElement>('star-toggle');
    const button = star?.shadowRoot?.querySelector('button[part="button"]');
    if (star && button && button.getAttribute('aria-disabled') !== 'true') return star;
    if (Date.now() - started > timeout) throw new Error('story: the star never became ready');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const LOCAL_PREFIX = 'programme-elements:schedule:';
const STORY_CONFERENCE = 'storybook-local-';
let fresh = 0;

/**
 * A conference id that no schedule in this browser's storage belongs to yet, so that a star in
 * local mode starts empty. Schedules left by earlier visits to the story are removed first.
 */
export function freshConferenceId(): string {
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith(LOCAL_PREFIX + STORY_CONFERENCE)) localStorage.removeItem(key);
  } catch {
    // Storage blocked: the local adapter keeps the schedule in memory anyway.
  }
  return `${STORY_CONFERENCE}${Date.now().toString(36)}-${++fresh}`;
}

/** A one-panel programme for a conference with the given id: gives a star its title and conference. */
export function onePanelProgramme(conferenceId: string): Programme {
  return {
    version: 1,
    conference: { id: conferenceId, title: 'A conference kept in this browser', timeZone: 'Asia/Almaty', locale: 'en' },
    panels: [
      {
        id: 'P021',
        title: 'Kazakhstan Between Great Powers: Middle Power Status and Multi-Vector Diplomacy',
        sessions: [
          {
            id: 'P021-1',
            start: '2024-06-09T09:00:00+05:00',
            end: '2024-06-09T10:45:00+05:00',
            papers: [{ id: 'P021-1-a', title: 'Is Kazakhstan a middle power?' }],
          },
        ],
      },
    ],
  };
}
