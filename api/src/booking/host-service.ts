import { randomBytes } from 'node:crypto';
import type { Principal } from '../auth/principal.js';
import type {
  BookingPage,
  BookingPageInput,
  Me,
  PreviewExplainRequest,
  PreviewExplanation,
  PreviewSlotsRequest,
  Settings,
  SlotsAnswer,
} from '../contracts/index.js';
import type { Booking } from '../contracts/index.js';
import { readCalendars, type CalendarSummary } from '../graph/calendar-reads.js';
import type { HostTokens } from '../graph/tokens.js';
import type { BookingRecord } from '../store/bookings.js';
import { NotFoundError } from '../store/errors.js';
import type { BookingPageRecord } from '../store/pages.js';
import type { BookingStatus } from '../scheduling/types.js';
import type { BookingService } from './booking-service.js';
import type { BookingDeps } from './deps.js';
import { InvalidFieldError } from './errors.js';
import { previewExplain, previewSlots } from './page-preview.js';
import { isSelfTestPage } from './self-test-pages.js';
import { toBookingView } from './views.js';

const toPage = (record: BookingPageRecord): BookingPage => ({
  id: record.id,
  hostId: record.hostId,
  ...record.page,
  createdAt: record.createdAt,
  updatedAt: record.updatedAt,
  etag: record.etag,
});

/**
 * What a signed-in host does: connect (on-behalf-of), settings, booking pages, their bookings. Every
 * read is scoped to the host's own partition, so another host's page or booking is simply not found.
 */
export class HostService {
  constructor(
    private readonly deps: BookingDeps,
    private readonly tokens: HostTokens,
    private readonly bookingService: BookingService,
  ) {}

  /**
   * Profile, connection, calendars and mailbox settings. Every call records who the host is and
   * renews the stored token cache from the SSO token, so background work keeps running as them.
   */
  async me(principal: Principal, ssoToken: string): Promise<Me> {
    const connection = await this.deps.connections.saveIdentity({
      hostId: principal.userId,
      tenantId: principal.tenantId,
      upn: principal.upn,
      displayName: principal.name,
    });
    const user = {
      id: principal.userId,
      tenantId: principal.tenantId,
      displayName: principal.name,
      upn: principal.upn,
    };
    const fallbackMailbox = {
      timeZone: 'UTC',
      workingHours: {
        daysOfWeek: [],
        startTime: '08:00:00.0000000',
        endTime: '17:00:00.0000000',
        timeZone: 'UTC',
      },
    };
    try {
      await this.tokens.connect({ hostId: principal.userId, tenantId: principal.tenantId }, ssoToken);
    } catch (error) {
      const code = (error as { errorCode?: string }).errorCode;
      return {
        user,
        connection: {
          state: code === 'invalid_grant' || code === 'consent_required' ? 'consentRequired' : 'error',
          detail: 'Tandem could not get access to your calendar. Sign in again and accept the permissions.',
        },
        calendars: [],
        mailbox: fallbackMailbox,
        ...(connection.settings && { settings: connection.settings }),
      };
    }
    this.bookingService.availability.forgetHost(principal.userId);
    const [calendars, mailbox] = await Promise.all([
      readCalendars(this.deps.graphFor(principal.userId), principal.userId),
      this.bookingService.availability.mailboxProfile(principal.userId),
    ]);
    return {
      user,
      connection: { state: 'connected' },
      calendars,
      mailbox,
      ...(connection.settings && { settings: connection.settings }),
    };
  }

  /** Saves settings after checking every calendar is one of the host's (and the destination writable). */
  async saveSettings(principal: Principal, settings: Settings): Promise<Settings> {
    await this.requireConnection(principal);
    const calendars = await readCalendars(this.deps.graphFor(principal.userId), principal.userId);
    const byId = new Map<string, CalendarSummary>(calendars.map((c) => [c.id, c]));
    settings.availabilityCalendarIds.forEach((id, i) => {
      if (!byId.has(id))
        throw new InvalidFieldError(`availabilityCalendarIds[${i}]`, 'This is not one of your calendars.');
    });
    const destination = byId.get(settings.destinationCalendarId);
    if (!destination)
      throw new InvalidFieldError('destinationCalendarId', 'This is not one of your calendars.');
    if (!destination.canEdit)
      throw new InvalidFieldError(
        'destinationCalendarId',
        'Tandem cannot add events to this calendar; choose one you can edit.',
      );
    const saved = await this.deps.connections.saveSettings(principal.userId, settings);
    this.bookingService.availability.forgetHost(principal.userId);
    return saved.settings!;
  }

  async listPages(principal: Principal): Promise<BookingPage[]> {
    // The sync self-test's temporary page lives for seconds and is not the host's to manage.
    return (await this.deps.pages.list(principal.userId)).filter((p) => !isSelfTestPage(p.page)).map(toPage);
  }

  async getPage(principal: Principal, pageId: string): Promise<BookingPage> {
    return toPage(await this.ownPage(principal, pageId));
  }

  async createPage(principal: Principal, input: BookingPageInput): Promise<BookingPage> {
    await this.requireConnection(principal);
    const page = await this.checkTeam(principal, input);
    return toPage(
      await this.deps.pages.create(principal.userId, `pg_${randomBytes(9).toString('base64url')}`, page),
    );
  }

  async updatePage(
    principal: Principal,
    pageId: string,
    input: BookingPageInput,
    etag?: string,
  ): Promise<BookingPage> {
    await this.ownPage(principal, pageId);
    const page = await this.checkTeam(principal, input);
    const updated = await this.deps.pages.update(
      principal.userId,
      pageId,
      page,
      etag === undefined ? {} : { etag },
    );
    this.bookingService.forgetPage(pageId);
    return toPage(updated);
  }

  async deletePage(principal: Principal, pageId: string, etag?: string): Promise<void> {
    await this.ownPage(principal, pageId);
    await this.deps.pages.delete(principal.userId, pageId, etag === undefined ? {} : { etag });
    this.bookingService.forgetPage(pageId);
  }

  /** Slots of a drafted page (team members checked as on save); nothing is saved. */
  async previewSlots(principal: Principal, request: PreviewSlotsRequest): Promise<SlotsAnswer> {
    await this.requireConnection(principal);
    const page = await this.checkTeam(principal, request.page);
    return previewSlots(this.bookingService.availability, principal.userId, { ...request, page });
  }

  /** Why a drafted page would or would not offer one start; nothing is saved. */
  async previewExplain(principal: Principal, request: PreviewExplainRequest): Promise<PreviewExplanation> {
    await this.requireConnection(principal);
    const page = await this.checkTeam(principal, request.page);
    return previewExplain(this.bookingService.availability, principal.userId, { ...request, page });
  }

  async listBookings(
    principal: Principal,
    query: { from?: string; to?: string; status?: BookingStatus[] },
  ): Promise<Booking[]> {
    const records = await this.deps.bookings.list(principal.userId, query);
    const pages = new Map((await this.deps.pages.list(principal.userId)).map((p) => [p.id, p.page]));
    return records.map((r) => toBookingView(r, pages.get(r.pageId)));
  }

  /** One of the host's own bookings; anyone else's is not found. */
  async ownBooking(principal: Principal, bookingId: string): Promise<BookingRecord> {
    const found = /^[A-Za-z0-9_-]{1,64}$/.test(bookingId)
      ? await this.deps.bookings.get(principal.userId, bookingId)
      : undefined;
    if (!found) throw new NotFoundError('booking');
    return found;
  }

  private async ownPage(principal: Principal, pageId: string): Promise<BookingPageRecord> {
    const found = /^[A-Za-z0-9_-]{1,64}$/.test(pageId)
      ? await this.deps.pages.get(principal.userId, pageId)
      : undefined;
    if (!found) throw new NotFoundError('booking page');
    return found;
  }

  private async requireConnection(principal: Principal): Promise<void> {
    const connection = await this.deps.connections.get(principal.userId);
    if (!connection)
      await this.deps.connections.saveIdentity({
        hostId: principal.userId,
        tenantId: principal.tenantId,
        upn: principal.upn,
        displayName: principal.name,
      });
  }

  /**
   * Team members must be people of the host's tenant who have connected Tandem: their calendars are
   * read and written as them. Tandem's own connections say both (no directory permission needed).
   */
  private async checkTeam(principal: Principal, page: BookingPageInput): Promise<BookingPageInput> {
    if (!page.team) return page;
    const members = await Promise.all(
      page.team.members.map(async (member, i) => {
        const field = `team.members[${i}].userId`;
        if (member.userId === principal.userId)
          throw new InvalidFieldError(
            field,
            'You are always the first member of your team pages; list the others.',
          );
        const connection = await this.deps.connections.get(member.userId);
        if (!connection || connection.tenantId !== principal.tenantId)
          throw new InvalidFieldError(field, 'No one with this id in your organization uses Tandem.');
        if (!connection.sealedRefreshToken)
          throw new InvalidFieldError(
            field,
            `${connection.displayName} has not connected their calendar to Tandem yet.`,
          );
        return member;
      }),
    );
    const ids = members.map((m) => m.userId);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i)
        throw new InvalidFieldError(`team.members[${i}].userId`, 'This member is listed twice.');
    });
    return { ...page, team: { ...page.team, members } };
  }
}
