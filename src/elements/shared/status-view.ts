import { html, nothing } from 'lit';
import type { ProgrammeProblem } from '../../data/programme-state.js';
import type { CoreWords as Words } from '../../words.js';
import type { TaskRenderers } from './programme-task.js';

/** A polite loading line, while the programme is on its way. */
export function pendingView(words: Words) {
  return html`<p part="status" class="status" role="status">${words.loading}</p>`;
}

/** A message in the element's box, with a retry control when something can be retried. */
export function errorView(message: string, words: Words, retry?: () => void) {
  return html`<div part="status error" class="status error" role="alert">
    <span>${message}</span>
    ${retry ? html`<button part="retry" type="button" @click=${retry}>${words.retry}</button>` : nothing}
  </div>`;
}

/**
 * What an element shows while its programme is not ready, for its controller's `render`: the
 * loading line, or a short message a reader understands with a retry button.
 */
export function statusViews(words: Words): Pick<TaskRenderers<unknown>, 'pending' | 'error'> {
  return {
    pending: () => pendingView(words),
    error: (problem: ProgrammeProblem) => errorView(problem.reason ? words[problem.reason] : problem.message, words, problem.retry),
  };
}
