import type { AppPrincipal } from '../auth/principal.js';
import type { BotBooking, BotPerson } from '../contracts/bot.js';
import type { Booking } from '../contracts/index.js';
import type { BookingStatus } from '../scheduling/types.js';
import type { BookingRecord } from '../store/bookings.js';
import type { HostConnection } from '../store/connections.js';
import { NotFoundError } from '../store/errors.js';
import type { BookingPageRecord } from '../store/pages.js';
import type { BookingService } from './booking-service.js';
import type { BookingDeps } from './deps.js';
import { UnknownHostError } from './errors.js';
import { toBookingView } from './views.js';
import { isSelfTestPage } from './self-test-pages.js';

const opaqueId = /^[A-Za-z0-9_-]{1,64}$/;
/** How many people a search answers: a chat shows a short list, the user types more to narrow it. */
export const peopleLimit = 10;

export type BotAction = 'approve' | 'decline' | 'cancel';

/**
 * What the Teams bot does for the people it chats with. The bot calls as itself (an application
 * token) and names the Teams user: that user must be a Tandem host of the token's tenant, and acts
 * only on their own bookings, through the same booking logic the host's own screens use.
 */
export class BotService {
  constructor(
    private readonly deps: BookingDeps,
    private readonly bookings: BookingService,
  ) {}

  /** The user's bookings as host (same range and status rules as `GET /api/bookings`), with page titles. */
  async listBookings(
    bot: AppPrincipal,
    userId: string,
    query: { from?: string; to?: string; status?: BookingStatus[] },
  ): Promise<BotBooking[]> {
    await this.hostOf(bot, userId);
    const records = await this.deps.bookings.list(userId, query);
    const pages = new Map<string, BookingPageRecord | undefined>(
      (await this.deps.pages.list(userId)).map((p) => [p.id, p]),
    );
    // A round-robin booking lives with the member it was given to; its page with the page's owner.
    for (const pageId of new Set(records.map((r) => r.pageId)))
      if (!pages.has(pageId)) pages.set(pageId, await this.deps.pages.locate(pageId));
    return records.map((r) => {
      const page = pages.get(r.pageId)?.page;
      return { ...toBookingView(r, page), pageTitle: page?.title ?? 'Booking page (deleted)' };
    });
  }

  /**
   * Approves, declines or cancels one of the user's bookings as that host. A decision already taken
   * is a conflict naming the booking's state (see BookingService.approve), never a second action.
   */
  async act(
    bot: AppPrincipal,
    userId: string,
    bookingId: string,
    action: BotAction,
    reason?: string,
  ): Promise<Booking> {
    const booking = await this.ownBooking(bot, userId, bookingId);
    switch (action) {
      case 'approve':
        return this.bookings.approve(booking);
      case 'decline':
        return this.bookings.decline(booking, reason);
      case 'cancel':
        return this.bookings.cancel(booking, reason, 'host');
    }
  }

  /**
   * Connected hosts of the bot's tenant whose name, UPN, or one of whose page titles or slugs
   * contains the query (case-insensitive), each with what invitees see of their pages.
   * @example
   * await bot.people(principal, 'INTRO') // Megan, whose page "Intro call" matches
   */
  async people(bot: AppPrincipal, query: string): Promise<BotPerson[]> {
    const needle = query.trim().toLowerCase();
    const has = (value: string) => value.toLowerCase().includes(needle);
    const tenantId = bot.tenantId.toLowerCase();
    const people: BotPerson[] = [];
    for await (const connection of this.deps.connections.all()) {
      if (connection.tenantId.toLowerCase() !== tenantId || !connection.sealedRefreshToken) continue;
      // A sync self-test's temporary page is nobody's to book.
      const pages = (await this.deps.pages.list(connection.hostId)).filter((p) => !isSelfTestPage(p.page));
      if (pages.length === 0) continue;
      const matches =
        has(connection.displayName) ||
        has(connection.upn) ||
        pages.some((p) => has(p.page.title) || has(p.page.slug));
      if (!matches) continue;
      people.push({
        userId: connection.hostId,
        name: connection.displayName,
        upn: connection.upn,
        pages: pages.map((p) => ({
          id: p.id,
          slug: p.page.slug,
          title: p.page.title,
          durations: p.page.durations,
          requiresConfirmation: p.page.requiresConfirmation,
        })),
      });
    }
    return people.sort((a, b) => a.name.localeCompare(b.name)).slice(0, peopleLimit);
  }

  /** The Teams user as a Tandem host of the bot's tenant; anyone else is not found. */
  private async hostOf(bot: AppPrincipal, userId: string): Promise<HostConnection> {
    const connection = opaqueId.test(userId) ? await this.deps.connections.get(userId) : undefined;
    if (!connection || connection.tenantId.toLowerCase() !== bot.tenantId.toLowerCase())
      throw new UnknownHostError();
    return connection;
  }

  /** One of the user's own bookings; anyone else's is not found, exactly as one that does not exist. */
  private async ownBooking(bot: AppPrincipal, userId: string, bookingId: string): Promise<BookingRecord> {
    await this.hostOf(bot, userId);
    const found = opaqueId.test(bookingId) ? await this.deps.bookings.get(userId, bookingId) : undefined;
    if (!found) throw new NotFoundError('booking');
    return found;
  }
}
