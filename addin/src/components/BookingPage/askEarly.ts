import type { ApiClient } from '../../api/client.js';
import type { SlotsQuery } from '../SlotPicker/firstSlotsQuery.js';

const sameQuery = (a: SlotsQuery, b: SlotsQuery) =>
  a.start === b.start && a.end === b.end && a.duration === b.duration && a.timeZone === b.timeZone;

/**
 * Sends the booking page's first two requests (the page and this month's slots) right away, while
 * React is still starting, and answers the page's own first identical requests with them. Each early
 * answer is handed out once: any later request (a refresh after a taken slot) asks the API anew.
 */
export function askEarly(api: ApiClient, pageId: string, query: SlotsQuery): ApiClient {
  let page: ReturnType<ApiClient['publicPage']> | undefined = api.publicPage(pageId);
  let slots: ReturnType<ApiClient['slots']> | undefined = api.slots(pageId, query);
  // A failure is reported to the screen that takes the answer, not as an unhandled rejection here.
  page.catch(() => undefined);
  slots.catch(() => undefined);
  return {
    ...api,
    publicPage(id) {
      const early = id === pageId ? page : undefined;
      page = undefined;
      return early ?? api.publicPage(id);
    },
    slots(id, q) {
      const early = id === pageId && sameQuery(q, query) ? slots : undefined;
      slots = undefined;
      return early ?? api.slots(id, q);
    },
  };
}
