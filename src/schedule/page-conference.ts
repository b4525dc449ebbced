/**
 * The conferences whose programmes are shown on this page now. A star with no programme of its
 * own (a lone `<star-toggle item-id>`) keeps its choices in this browser under the page's
 * conference when there is exactly one, so that it and a card's star for the same item agree.
 */
const shown = new Map<string, number>();
const listeners = new Set<() => void>();

/** An element shows a programme of conference `id`; call the function returned when it no longer does. */
export function noteConference(id: string): () => void {
  shown.set(id, (shown.get(id) ?? 0) + 1);
  if (shown.get(id) === 1) for (const listener of listeners) listener();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (shown.get(id) ?? 1) - 1;
    if (left) shown.set(id, left);
    else shown.delete(id);
  };
}

/** The page's one conference, or undefined when none is shown or several are. */
export function pageConference(): string | undefined {
  return shown.size === 1 ? shown.keys().next().value : undefined;
}

/** Calls `listener` when a conference starts being shown on the page; returns the unsubscribe function. */
export function onPageConference(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
