import type { BookingPageInput } from '../contracts/pages.js';

/**
 * Slug prefix of the sync self-test's temporary pages (sync/self-test.ts). They live for seconds on
 * the host's own calendar and are nobody's to see: hidden from the host's page list, and their
 * bookings are not announced to the host in Teams.
 */
export const selfTestSlugPrefix = 'tandem-selftest-';

export function isSelfTestPage(page: Pick<BookingPageInput, 'slug'> | undefined): boolean {
  return page?.slug.startsWith(selfTestSlugPrefix) ?? false;
}
