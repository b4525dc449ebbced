/** Saving an iCalendar document as a file, from a reader's click. Browser only. */

/** Hands `text` to the browser as a download named `filename` (an `.ics` calendar file). */
export function downloadICalendar(text: string, filename: string): void {
  const blob = new Blob([text], { type: 'text/calendar;charset=utf-8' });
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  link.rel = 'noopener';
  link.hidden = true;
  // Some browsers only follow a link that is in the document.
  (document.body ?? document.documentElement).append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoked later, not at once: a browser may still be reading the blob when click() returns.
    setTimeout(() => URL.revokeObjectURL(href), REVOKE_AFTER_MS);
  }
}

/** How long the object URL of a download stays valid. */
export const REVOKE_AFTER_MS = 30_000;

/**
 * A file name made of safe characters only: `calendarFileName('cess-2024', 'starred')` is
 * `cess-2024-starred.ics`. Letters lose their accents, anything else becomes a hyphen.
 */
export function calendarFileName(conferenceId: string, suffix?: string): string {
  const base = [conferenceId, suffix].map(slug).filter(Boolean).join('-').slice(0, 100).replace(/-+$/, '');
  return `${base || 'programme'}.ics`;
}

function slug(part: string | undefined): string {
  return (part ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}
