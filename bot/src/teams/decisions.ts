// Accept, decline and cancel from a card: the API acts as the person who clicked (their Entra object id,
// with the bot's app token); the answer is the card with the outcome and no buttons. A second click, or a
// click on a card that is no longer current, meets the API's 409 and shows the booking as it now stands:
// never a second action.
import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import { z } from 'zod';
import type { Decision, TandemApi } from '../api/tandem-api.js';
import { bookingOutcomeView, type Outcome } from '../cards/booking-views.js';
import { renderCard } from '../cards/render.js';
import { notice, replaceCard } from './invoke-responses.js';
import type { TurnIdentity } from './turn-identity.js';

export const decisionDataSchema = z.object({
  bookingId: z.string().min(1),
  pageTitle: z.string().default('Booking'),
  timeZone: z.string().optional(),
  /** The card's Input.Text: Teams merges input values into the action's data. */
  reason: z.string().optional(),
});

const done: Record<Decision, Outcome> = { approve: 'accepted', decline: 'declined', cancel: 'cancelled' };

export async function decideFromCard(
  api: TandemApi,
  who: TurnIdentity,
  decision: Decision,
  rawData: unknown,
): Promise<AdaptiveCardInvokeResponse> {
  const data = decisionDataSchema.safeParse(rawData);
  if (!data.success) return notice('This card is missing the booking it is about; open Tandem to act on it.');
  if (!who.userId) return notice('Teams did not say who you are, so Tandem cannot act for you.');
  const { bookingId, pageTitle } = data.data;
  const timeZone = data.data.timeZone ?? who.timeZone;
  const reason = data.data.reason?.trim();
  const result = await api.decide(who.userId, bookingId, decision, {
    ...(reason && decision !== 'approve' && { reason }),
    // The same click delivered twice is one request to the API.
    idempotencyKey: `teams-${decision}-${bookingId}`,
  });
  if (result.ok)
    return replaceCard(
      renderCard(
        'booking-event',
        bookingOutcomeView(result.value, { pageTitle, timeZone, outcome: done[decision] }),
      ),
    );
  if (result.status === 409) {
    const current = result.current ?? (await currentBooking(api, who.userId, bookingId));
    if (current)
      return replaceCard(
        renderCard(
          'booking-event',
          bookingOutcomeView(current, { pageTitle, timeZone, outcome: 'alreadyDecided' }),
        ),
      );
  }
  return notice(result.detail);
}

/** The booking as it stands, from the person's own list (when a 409 did not carry it). */
async function currentBooking(api: TandemApi, userId: string, bookingId: string) {
  const list = await api.bookingsOf(userId);
  return list.ok ? list.value.find((b) => b.id === bookingId) : undefined;
}
