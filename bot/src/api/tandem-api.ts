// The Tandem API as the bot uses it, over HTTP: the bot's own operations (with the app token, acting for
// the Teams user) and the public booking endpoints (as any invitee would). Every answer is parsed with
// the contracts' zod schemas; a refusal comes back as the API's own sentence, never as an exception.
import {
  bookingCreatedSchema,
  bookingSchema,
  botBookingListSchema,
  botPeopleSchema,
  publicPageSchema,
  slotsAnswerSchema,
  type Booking,
  type BookingRequest,
  type BotBooking,
  type BotPerson,
  type PublicPage,
  type SlotsAnswer,
} from '@tandem/api/contracts';
import type { z } from 'zod';
import type { AppTokenSource } from '../auth/app-token.js';
import { errorText } from '../error-text.js';

/** The API said no: its status and the sentence of its problem+json answer. */
export interface ApiRefusal {
  ok: false;
  status: number;
  detail: string;
  code?: string;
  /** A 409 on a decision carries the booking as it now stands. */
  current?: Booking;
}
export type ApiResult<T> = { ok: true; value: T } | ApiRefusal;

export type Decision = 'approve' | 'decline' | 'cancel';

export interface TandemApi {
  bookingsOf(userId: string): Promise<ApiResult<BotBooking[]>>;
  decide(
    userId: string,
    bookingId: string,
    decision: Decision,
    options?: { reason?: string; idempotencyKey?: string },
  ): Promise<ApiResult<Booking>>;
  /** Colleagues in the bot's tenant whose name or address matches, with their booking pages. */
  people(query: string): Promise<ApiResult<BotPerson[]>>;
  publicPage(pageId: string): Promise<ApiResult<PublicPage>>;
  slots(
    pageId: string,
    query: { start: string; end: string; duration: number; timeZone: string },
  ): Promise<ApiResult<SlotsAnswer>>;
  book(pageId: string, request: BookingRequest, idempotencyKey: string): Promise<ApiResult<Booking>>;
}

export function tandemApi(options: { baseUrl: string; appToken: AppTokenSource }): TandemApi {
  const base = `${options.baseUrl}/api/`;

  async function call<S extends z.ZodType>(
    schema: S,
    method: 'GET' | 'POST',
    path: string,
    init: { body?: unknown; headers?: Record<string, string>; asApp?: boolean } = {},
  ): Promise<ApiResult<z.infer<S>>> {
    const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
    if (init.asApp) {
      const token = await options.appToken();
      if (token) headers.authorization = `Bearer ${token}`;
    }
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(new URL(path, base), {
        method,
        headers,
        ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
      });
    } catch (error) {
      return {
        ok: false,
        status: 503,
        detail: `Tandem could not be reached (${errorText(error)}).`,
      };
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (response.ok) {
      const parsed = schema.safeParse(json);
      if (parsed.success) return { ok: true, value: parsed.data };
      return { ok: false, status: 502, detail: 'Tandem answered in a shape the bot does not understand.' };
    }
    return refusal(response.status, json);
  }

  const userPath = (userId: string) => `bot/users/${encodeURIComponent(userId)}`;

  return {
    async bookingsOf(userId) {
      const result = await call(botBookingListSchema, 'GET', `${userPath(userId)}/bookings`, { asApp: true });
      return result.ok ? { ok: true, value: result.value.bookings } : result;
    },
    decide(userId, bookingId, decision, { reason, idempotencyKey } = {}) {
      return call(
        bookingSchema,
        'POST',
        `${userPath(userId)}/bookings/${encodeURIComponent(bookingId)}/${decision}`,
        {
          asApp: true,
          body: reason ? { reason } : {},
          ...(idempotencyKey && { headers: { 'idempotency-key': idempotencyKey } }),
        },
      );
    },
    async people(query) {
      const q = new URLSearchParams({ query });
      const result = await call(botPeopleSchema, 'GET', `bot/people?${q}`, { asApp: true });
      return result.ok ? { ok: true, value: result.value.people } : result;
    },
    publicPage(pageId) {
      return call(publicPageSchema, 'GET', `public/pages/${encodeURIComponent(pageId)}`);
    },
    slots(pageId, query) {
      const q = new URLSearchParams({ ...query, duration: String(query.duration) });
      return call(slotsAnswerSchema, 'GET', `public/pages/${encodeURIComponent(pageId)}/slots?${q}`);
    },
    async book(pageId, request, idempotencyKey) {
      const result = await call(
        bookingCreatedSchema,
        'POST',
        `public/pages/${encodeURIComponent(pageId)}/bookings`,
        {
          body: request,
          headers: { 'idempotency-key': idempotencyKey },
        },
      );
      return result.ok ? { ok: true, value: result.value.booking } : result;
    },
  };
}

/** The problem+json sentence (and, on a 409, the booking as it stands when the API includes it). */
function refusal(status: number, json: unknown): ApiRefusal {
  const problem = (json ?? {}) as { detail?: unknown; code?: unknown; booking?: unknown; current?: unknown };
  const current = bookingSchema.safeParse(problem.current ?? problem.booking);
  return {
    ok: false,
    status,
    detail:
      typeof problem.detail === 'string'
        ? problem.detail
        : `Tandem answered ${status} without an explanation.`,
    ...(typeof problem.code === 'string' && { code: problem.code }),
    ...(current.success && { current: current.data }),
  };
}
