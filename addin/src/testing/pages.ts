import type { BookingPage } from '../api/types.js';
import { newDraft } from '../components/PageEditor/draft.js';

/**
 * A page as the API returns it once saved: a new page's defaults (30 minutes, a Teams meeting,
 * no buffers) with an id, owner, times and etag; tests name what they rely on in `fields`.
 */
export function savedPage(fields: Partial<BookingPage> = {}): BookingPage {
  return {
    ...newDraft(),
    id: 'p1',
    hostId: 'host-1',
    title: 'Intro call',
    slug: 'intro-call',
    createdAt: '2026-11-01T00:00:00Z',
    updatedAt: '2026-11-01T00:00:00Z',
    etag: '"1"',
    ...fields,
  };
}
