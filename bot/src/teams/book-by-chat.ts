// Booking a colleague by chat: "book <name or page>" → their pages → the next free times in the
// chatting person's zone → a click books with that person as the invitee. Each step's card carries what
// the next needs, so the flow keeps no state; the booking's Idempotency-Key is derived from the click,
// so a double click books once.
import { createHash } from 'node:crypto';
import { TeamsInfo, type AdaptiveCardInvokeResponse, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { TandemApi } from '../api/tandem-api.js';
import { bookingFacts } from '../cards/booking-views.js';
import { cardAttachment, renderCard, type PeoplePagesView, type SlotsView } from '../cards/render.js';
import { formatDay, formatTime } from '../time/format.js';
import { notice, replaceCard } from './invoke-responses.js';
import type { TurnIdentity } from './turn-identity.js';

/** How far ahead the bot looks for free times, and how many it offers. */
const searchDays = 14;
const offeredSlots = 9;
const offeredDays = 3;

/** The page's public booking page in the front end. */
const bookingPageUrl = (publicBaseUrl: string, pageId: string) =>
  `${publicBaseUrl}/?page=${encodeURIComponent(pageId)}`;

export async function startBooking(context: TurnContext, api: TandemApi, query: string): Promise<void> {
  if (!query) {
    await context.sendActivity(
      'Whom would you like to book? Type "book" and a name, for example "book Megan".',
    );
    return;
  }
  const found = await api.people(query);
  if (!found.ok) {
    await context.sendActivity(found.detail);
    return;
  }
  const people = found.value.filter((p) => p.pages.length > 0);
  if (people.length === 0) {
    await context.sendActivity(
      `No colleague with a booking page matches "${query}". Try part of their name.`,
    );
    return;
  }
  const view: PeoplePagesView = {
    title: people.length === 1 ? `Book ${people[0]!.name}` : `Colleagues matching "${query}"`,
    people: people.slice(0, 5).map((person) => ({
      name: person.name,
      pages: person.pages.flatMap((page) =>
        page.durations.map((duration) => ({
          label: page.durations.length > 1 ? `${page.title} · ${duration} min` : page.title,
          pageId: page.id,
          duration,
        })),
      ),
    })),
  };
  await context.sendActivity({ attachments: [cardAttachment('people-pages', view)] });
}

export const choosePageDataSchema = z.object({
  pageId: z.string().min(1),
  duration: z.coerce.number().int().positive(),
});

/** The next free times of a page, in the chatting person's zone. */
export async function offerSlots(
  api: TandemApi,
  who: TurnIdentity,
  rawData: unknown,
  options: { now: Date; note?: string; publicBaseUrl?: string },
): Promise<AdaptiveCardInvokeResponse> {
  const data = choosePageDataSchema.safeParse(rawData);
  if (!data.success)
    return notice('This card does not say which page to book; type "book" and a name again.');
  const { pageId, duration } = data.data;
  const page = await api.publicPage(pageId);
  if (!page.ok) return notice(page.detail);
  const slots = await api.slots(pageId, {
    start: options.now.toISOString(),
    end: new Date(options.now.getTime() + searchDays * 86_400_000).toISOString(),
    duration,
    timeZone: who.timeZone,
  });
  if (!slots.ok) return notice(slots.detail);
  const days = new Map<string, { label: string; slots: { label: string; start: string }[] }>();
  for (const slot of slots.value.slots.slice(0, offeredSlots)) {
    let day = days.get(slot.inviteeDate);
    if (!day) {
      if (days.size === offeredDays) break;
      day = { label: formatDay(slot.start, who.timeZone), slots: [] };
      days.set(slot.inviteeDate, day);
    }
    day.slots.push({ label: formatTime(slot.start, who.timeZone), start: slot.start });
  }
  const view: SlotsView = {
    title: `${page.value.title} with ${page.value.hostDisplayName}`,
    subtitle: `${options.note ? `${options.note} ` : ''}${duration} minutes; times in ${who.timeZone}.`,
    empty: `No free time in the next ${searchDays} days.`,
    pageId,
    duration,
    days: [...days.values()],
    ...(options.publicBaseUrl && {
      pageUrl: bookingPageUrl(options.publicBaseUrl, pageId),
    }),
  };
  return replaceCard(renderCard('slots', view));
}

export const bookSlotDataSchema = choosePageDataSchema.extend({ start: z.iso.datetime({ offset: true }) });

/** Books the clicked time with the chatting person as the invitee, and confirms it in the card. */
export async function bookSlot(
  context: TurnContext,
  api: TandemApi,
  who: TurnIdentity,
  rawData: unknown,
  options: { now: Date; publicBaseUrl?: string },
): Promise<AdaptiveCardInvokeResponse> {
  const data = bookSlotDataSchema.safeParse(rawData);
  if (!data.success)
    return notice('This card does not say which time to book; type "book" and a name again.');
  const { pageId, duration, start } = data.data;
  const invitee = await inviteeOf(context);
  if (!invitee) return notice('Teams did not give me your name and email address, so I cannot book for you.');
  const key = createHash('sha256')
    .update([who.userId ?? invitee.email, pageId, start, duration].join('|'))
    .digest('base64url');
  const booked = await api.book(
    pageId,
    {
      name: invitee.name,
      email: invitee.email,
      answers: {},
      durationMinutes: duration,
      start,
      timeZone: who.timeZone,
    },
    `teams-book-${key}`,
  );
  if (!booked.ok) {
    if (booked.status === 409)
      return offerSlots(api, who, { pageId, duration }, { ...options, note: 'That time was just taken.' });
    // A page whose questions need answers is booked on its web page, where the questions are asked.
    const onThePage = options.publicBaseUrl
      ? ` You can book on the page instead: ${bookingPageUrl(options.publicBaseUrl, pageId)}`
      : '';
    return notice(`${booked.detail}${booked.status === 400 ? onThePage : ''}`);
  }
  const page = await api.publicPage(pageId);
  const pageTitle = page.ok ? page.value.title : 'Booking';
  const booking = booked.value;
  const pending = booking.status === 'pending' && page.ok && page.value.requiresConfirmation;
  return replaceCard(
    renderCard('booked', {
      title: pending ? 'Requested: waiting for the host to accept' : 'Booked',
      ...(page.ok && {
        note: pending
          ? `${page.value.hostDisplayName} confirms each booking; you will get the invitation once they accept.`
          : `With ${page.value.hostDisplayName}. The invitation is on its way to ${invitee.email}.`,
      }),
      facts: bookingFacts(booking, { pageTitle, timeZone: who.timeZone }).filter((f) => f.title !== 'Who'),
      ...(booking.location?.joinUrl && { joinUrl: booking.location.joinUrl }),
    }),
  );
}

/** The chatting person's name and address, from the Teams roster. */
async function inviteeOf(context: TurnContext): Promise<{ name: string; email: string } | undefined> {
  try {
    const member = await TeamsInfo.getMember(context, context.activity.from.id);
    const email = member.email || member.userPrincipalName;
    if (!email) return undefined;
    return { name: member.name || context.activity.from.name || email, email };
  } catch {
    return undefined;
  }
}
