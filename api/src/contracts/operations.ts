// Every operation of the HTTP API in one table: the function definitions take their routes from here
// and the OpenAPI document is generated from it, so the two cannot drift apart.
import { z } from 'zod';
import {
  bookingCreatedSchema,
  bookingListQuerySchema,
  bookingListSchema,
  bookingRequestSchema,
  bookingSchema,
  cancelRequestSchema,
  rescheduleRequestSchema,
} from './bookings.js';
import { botBookingListSchema, botPeopleQuerySchema, botPeopleSchema } from './bot.js';
import { meSchema, settingsSchema } from './me.js';
import {
  bookingPageInputSchema,
  bookingPageListSchema,
  bookingPageSchema,
  publicPageSchema,
} from './pages.js';
import { slotsAnswerSchema, slotsQuerySchema } from './slots.js';
import {
  previewExplainAnswerSchema,
  previewExplainRequestSchema,
  previewSlotsRequestSchema,
} from './preview.js';
import { selfTestRunSchema, syncHealthSchema } from './sync.js';

export const healthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    checks: z.record(z.string(), z.object({ ok: z.boolean(), detail: z.string().optional() })),
  })
  .meta({ id: 'Health' });

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/**
 * host: a person's SSO bearer token (delegated, `access_as_user`); bot: the Teams bot's application
 * token (client credentials, app role `Tandem.Bot`); manage: the signed manage token in the path;
 * none: public.
 */
export type Access = 'host' | 'bot' | 'manage' | 'none';

export interface Operation {
  method: HttpMethod;
  /** Functions route syntax, below `/api/`: `pages/{pageId}`. */
  route: string;
  summary: string;
  access: Access;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The success status and its body (absent for 204). */
  answer: { status: number; schema?: z.ZodType; contentType?: string };
  /** Writes that take an Idempotency-Key header. */
  idempotent?: boolean;
  /** Optimistic concurrency: If-Match with the ETag read. */
  ifMatch?: boolean;
}

const op = (o: Operation) => o;

export const operations = {
  syncHealth: op({
    method: 'GET',
    route: 'sync/health',
    summary: 'Outlook sync per calendar: subscription, last notification and delta, errors, permission',
    access: 'host',
    answer: { status: 200, schema: syncHealthSchema },
  }),
  startSelfTest: op({
    method: 'POST',
    route: 'sync/selftest',
    summary:
      'Starts the sync self-test: the five-step checklist against your own calendar, run in the background',
    access: 'host',
    answer: { status: 202, schema: selfTestRunSchema },
  }),
  selfTestRun: op({
    method: 'GET',
    route: 'sync/selftest/{runId}',
    summary: 'A self-test run of yours: each step as it stands (poll while running)',
    access: 'host',
    answer: { status: 200, schema: selfTestRunSchema },
  }),
  graphWebhook: op({
    method: 'POST',
    route: 'webhooks/graph',
    summary: 'Microsoft Graph change notifications (and their validation handshake)',
    access: 'none',
    answer: { status: 202 },
  }),
  graphLifecycleWebhook: op({
    method: 'POST',
    route: 'webhooks/graph-lifecycle',
    summary: 'Microsoft Graph lifecycle notifications (and their validation handshake)',
    access: 'none',
    answer: { status: 202 },
  }),
  health: op({
    method: 'GET',
    route: 'health',
    summary: 'Storage reachable',
    access: 'none',
    answer: { status: 200, schema: healthSchema },
  }),
  openapi: op({
    method: 'GET',
    route: 'openapi.json',
    summary: 'This document',
    access: 'none',
    answer: { status: 200 },
  }),
  me: op({
    method: 'GET',
    route: 'me',
    summary: 'Profile, connection, calendars, mailbox settings',
    access: 'host',
    answer: { status: 200, schema: meSchema },
  }),
  putSettings: op({
    method: 'PUT',
    route: 'me/settings',
    summary: 'Save calendars and default rules',
    access: 'host',
    body: settingsSchema,
    answer: { status: 200, schema: settingsSchema },
  }),
  listPages: op({
    method: 'GET',
    route: 'pages',
    summary: "The host's booking pages",
    access: 'host',
    answer: { status: 200, schema: bookingPageListSchema },
  }),
  createPage: op({
    method: 'POST',
    route: 'pages',
    summary: 'Create a booking page',
    access: 'host',
    body: bookingPageInputSchema,
    answer: { status: 201, schema: bookingPageSchema },
    idempotent: true,
  }),
  getPage: op({
    method: 'GET',
    route: 'pages/{pageId}',
    summary: 'One booking page',
    access: 'host',
    answer: { status: 200, schema: bookingPageSchema },
  }),
  updatePage: op({
    method: 'PUT',
    route: 'pages/{pageId}',
    summary: 'Replace a booking page',
    access: 'host',
    body: bookingPageInputSchema,
    answer: { status: 200, schema: bookingPageSchema },
    ifMatch: true,
  }),
  deletePage: op({
    method: 'DELETE',
    route: 'pages/{pageId}',
    summary: 'Delete a booking page',
    access: 'host',
    answer: { status: 204 },
    ifMatch: true,
  }),
  previewSlots: op({
    method: 'POST',
    route: 'pages/preview/slots',
    summary: 'Slots a drafted page would offer (nothing is saved)',
    access: 'host',
    body: previewSlotsRequestSchema,
    answer: { status: 200, schema: slotsAnswerSchema },
  }),
  previewExplain: op({
    method: 'POST',
    route: 'pages/preview/explain',
    summary: 'Why a drafted page would or would not offer a start',
    access: 'host',
    body: previewExplainRequestSchema,
    answer: { status: 200, schema: previewExplainAnswerSchema },
  }),
  listBookings: op({
    method: 'GET',
    route: 'bookings',
    summary: "The host's bookings",
    access: 'host',
    query: bookingListQuerySchema,
    answer: { status: 200, schema: bookingListSchema },
  }),
  hostCancel: op({
    method: 'POST',
    route: 'bookings/{bookingId}/cancel',
    summary: 'Cancel a booking (host)',
    access: 'host',
    body: cancelRequestSchema,
    answer: { status: 200, schema: bookingSchema },
    idempotent: true,
  }),
  hostReschedule: op({
    method: 'POST',
    route: 'bookings/{bookingId}/reschedule',
    summary: 'Move a booking (host)',
    access: 'host',
    body: rescheduleRequestSchema,
    answer: { status: 200, schema: bookingSchema },
    idempotent: true,
  }),
  approve: op({
    method: 'POST',
    route: 'bookings/{bookingId}/approve',
    summary: 'Approve a booking that requires confirmation',
    access: 'host',
    answer: { status: 200, schema: bookingSchema },
    idempotent: true,
  }),
  decline: op({
    method: 'POST',
    route: 'bookings/{bookingId}/decline',
    summary: 'Decline a booking that requires confirmation',
    access: 'host',
    body: cancelRequestSchema,
    answer: { status: 200, schema: bookingSchema },
    idempotent: true,
  }),
  publicPage: op({
    method: 'GET',
    route: 'public/pages/{pageId}',
    summary: 'What an invitee sees of a page',
    access: 'none',
    answer: { status: 200, schema: publicPageSchema },
  }),
  slots: op({
    method: 'GET',
    route: 'public/pages/{pageId}/slots',
    summary: 'Free slots in a range, in the invitee zone',
    access: 'none',
    query: slotsQuerySchema,
    answer: { status: 200, schema: slotsAnswerSchema },
  }),
  book: op({
    method: 'POST',
    route: 'public/pages/{pageId}/bookings',
    summary: 'Book a slot',
    access: 'none',
    body: bookingRequestSchema,
    answer: { status: 201, schema: bookingCreatedSchema },
    idempotent: true,
  }),
  manageView: op({
    method: 'GET',
    route: 'manage/{token}',
    summary: 'The booking behind a manage link',
    access: 'manage',
    answer: { status: 200, schema: bookingSchema },
  }),
  manageReschedule: op({
    method: 'POST',
    route: 'manage/{token}/reschedule',
    summary: 'Reschedule through the manage link',
    access: 'manage',
    body: rescheduleRequestSchema,
    answer: { status: 200, schema: bookingSchema },
    idempotent: true,
  }),
  manageCancel: op({
    method: 'POST',
    route: 'manage/{token}/cancel',
    summary: 'Cancel through the manage link',
    access: 'manage',
    body: cancelRequestSchema,
    answer: { status: 200, schema: bookingSchema },
    idempotent: true,
  }),
  manageIcs: op({
    method: 'GET',
    route: 'manage/{token}/booking.ics',
    summary: 'The booking as an iCalendar file',
    access: 'manage',
    answer: { status: 200, contentType: 'text/calendar' },
  }),
  botListBookings: op({
    method: 'GET',
    route: 'bot/users/{userId}/bookings',
    summary: "A Teams user's bookings as host, with page titles (bot)",
    access: 'bot',
    query: bookingListQuerySchema,
    answer: { status: 200, schema: botBookingListSchema },
  }),
  botApprove: op({
    method: 'POST',
    route: 'bot/users/{userId}/bookings/{bookingId}/approve',
    summary: 'Approve a booking for its host from Teams (bot)',
    access: 'bot',
    answer: { status: 200, schema: bookingSchema },
  }),
  botDecline: op({
    method: 'POST',
    route: 'bot/users/{userId}/bookings/{bookingId}/decline',
    summary: 'Decline a booking for its host from Teams (bot)',
    access: 'bot',
    body: cancelRequestSchema,
    answer: { status: 200, schema: bookingSchema },
  }),
  botCancel: op({
    method: 'POST',
    route: 'bot/users/{userId}/bookings/{bookingId}/cancel',
    summary: 'Cancel a booking for its host from Teams (bot)',
    access: 'bot',
    body: cancelRequestSchema,
    answer: { status: 200, schema: bookingSchema },
  }),
  botPeople: op({
    method: 'GET',
    route: 'bot/people',
    summary: "Colleagues of the bot's tenant with booking pages, by name, UPN or page (bot)",
    access: 'bot',
    query: botPeopleQuerySchema,
    answer: { status: 200, schema: botPeopleSchema },
  }),
} satisfies Record<string, Operation>;
export type OperationName = keyof typeof operations;
