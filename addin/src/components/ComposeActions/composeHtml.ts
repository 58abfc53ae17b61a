import type { Slot } from '../../api/types.js';
import type { Strings } from '../../i18n/index.js';
import { formatDateTime } from '../../time/zones.js';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The public link of a page, optionally opening one slot ready to book. */
export function bookingLink(origin: string, pageId: string, slot?: Slot): string {
  const url = new URL('index.html', origin.endsWith('/') ? origin : `${origin}/`);
  url.searchParams.set('page', pageId);
  if (slot) url.searchParams.set('start', slot.start);
  return url.href;
}

/** "Book a time with me: <title>" as one link; titles are escaped, never trusted as HTML. */
export function linkHtml(t: Strings['host']['compose'], title: string, href: string): string {
  return `<a href="${escapeHtml(href)}">${escapeHtml(t.linkText(title))}</a>`;
}

/** The next free times, written in the recipient's zone, each a one-click booking link. */
export function timesHtml(
  t: Strings['host']['compose'],
  options: { origin: string; pageId: string; slots: Slot[]; zone: string; locale: string },
): string {
  const items = options.slots
    .map(
      (slot) =>
        `<li><a href="${escapeHtml(bookingLink(options.origin, options.pageId, slot))}">${escapeHtml(
          formatDateTime(slot.start, options.zone, options.locale),
        )}</a></li>`,
    )
    .join('');
  const all = bookingLink(options.origin, options.pageId);
  return `<p>${escapeHtml(t.timesIntro(options.zone))}</p><ul>${items}</ul><p>${escapeHtml(t.timesOutro)} <a href="${escapeHtml(all)}">${escapeHtml(all)}</a></p>`;
}
