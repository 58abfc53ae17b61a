// Imported first by main.tsx, so that this runs before React and Fluent UI are evaluated: the page
// and its first slots are on their way while the rest of the script starts.
import { createApiClient } from '../../api/client.js';
import { askEarly } from '../../components/BookingPage/askEarly.js';
import { firstSlotsQuery } from '../../components/SlotPicker/firstSlotsQuery.js';
import { config } from '../../config.js';

const params = new URLSearchParams(location.search);

/** The page id of the link (`?page=`). */
export const pageId = params.get('page') ?? undefined;
/** A slot start from a one-click link (`&start=`). */
export const initialStart = params.get('start') ?? undefined;

const client = createApiClient({ baseUrl: config.apiBaseUrl });
/** The API client of the booking page, already asking for the page and this month's slots. */
export const api = pageId ? askEarly(client, pageId, firstSlotsQuery(new Date())) : client;
