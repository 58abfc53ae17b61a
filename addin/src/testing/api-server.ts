// A real HTTP server on 127.0.0.1 that speaks the API's contracts for component tests of the front end:
// every request the page sends is parsed with the API's own zod schemas (so a client that drifts from
// the contract fails here), and every answer is checked against its answer schema before it is sent.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- test servers check traffic against the real schemas
import * as contracts from '@tandem/api/contracts';
import type { Booking, BookingPage, Me, PublicPage } from '../api/types.js';
import type {
  ExplainAnswer,
  FieldError,
  PreviewSlotsRequest,
  SelfTestRun,
  SyncHealth,
} from '../api/types.js';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}

export interface ContractServerState {
  publicPage: PublicPage;
  /** Free slot starts (UTC instants); a booking removes its start. */
  free: string[];
  /** Starts someone else books just before the invitee submits: booking one answers 409. */
  takenByOthers: Set<string>;
  bookings: Map<string, Booking>;
  pages: BookingPage[];
  explain: (start: string) => ExplainAnswer['reasons'];
  /** Free starts a drafted page would offer (default: `free`). */
  preview: (request: PreviewSlotsRequest) => string[];
  /** User ids of the tenant's people who use Tandem: team members must be among them. */
  colleagues: string[];
  health: SyncHealth;
  /** The signed-in host (`GET /api/me`); absent: that call answers 503 as when Graph is unreachable. */
  me?: Me;
  /** The self-test run as each poll sees it: POST answers the first, each GET the next (the last repeats). */
  selfTest: SelfTestRun[];
  /**
   * The host's Microsoft 365 connection is broken: slots answer no times with this sentence as
   * `paused.detail`, and booking or rescheduling answers 503 HOST_DISCONNECTED (as the API does).
   */
  paused?: string;
}

export interface ContractServer {
  baseUrl: string;
  state: ContractServerState;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const problem = (status: number, detail: string, code?: string) => ({
  type: `https://tandem.dev/problems/${code ?? 'error'}`,
  title: detail,
  status,
  detail,
  ...(code && { code }),
});

/** The API's answer to booking or rescheduling while the host's connection is broken. */
const hostDisconnected = () =>
  problem(
    503,
    'Bookings with this person are paused until they reconnect their calendar to Tandem. Please try again later.',
    'HOST_DISCONNECTED',
  );

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

export async function startContractServer(
  initial: Partial<ContractServerState> & { publicPage: PublicPage },
) {
  const state: ContractServerState = {
    free: [],
    takenByOthers: new Set(),
    bookings: new Map(),
    pages: [],
    explain: () => [],
    preview: () => state.free,
    colleagues: [],
    health: { enabled: true, calendars: [], notifications: { accepted: 0, forged: 0 } },
    selfTest: [],
    ...initial,
  };
  const requests: RecordedRequest[] = [];
  let nextId = 1;
  let selfTestPolls = 0;

  const send = (
    res: ServerResponse,
    status: number,
    body?: unknown,
    schema?: { parse(v: unknown): unknown },
  ) => {
    const checked = schema && status < 300 ? schema.parse(body) : body;
    res.writeHead(status, {
      'content-type': status >= 400 ? 'application/problem+json' : 'application/json',
      'access-control-allow-origin': '*',
    });
    res.end(body === undefined ? undefined : JSON.stringify(checked));
  };

  const invalid = (res: ServerResponse, error: unknown) => {
    const issue = error as { issues?: unknown };
    if (issue && Array.isArray(issue.issues))
      return send(
        res,
        400,
        contracts.validationProblem(error as Parameters<typeof contracts.validationProblem>[0]),
      );
    throw error;
  };

  const slotsBetween = (start: string, end: string, duration: number, zone: string) =>
    state.free
      .filter((s) => s >= start && s < end)
      .map((s) => ({
        start: s,
        end: new Date(Date.parse(s) + duration * 60_000).toISOString(),
        inviteeDate: new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(s)),
      }));

  /** As the API refuses a team member who is not a Tandem user of the host's tenant. */
  const memberProblems = (page: contracts.BookingPageInput, prefix: string) => {
    const errors: FieldError[] = (page.team?.members ?? []).flatMap((member, i) =>
      state.colleagues.includes(member.userId)
        ? []
        : [
            {
              field: `${prefix}team.members[${i}].userId`,
              message: 'No one with this id in your organization uses Tandem.',
            },
          ],
    );
    if (errors.length === 0) return undefined;
    return { ...problem(400, `${errors[0]!.field}: ${errors[0]!.message}`, 'VALIDATION_FAILED'), errors };
  };
  const changedElsewhere = () =>
    problem(
      412,
      'The booking page was changed by someone else in the meantime. Reload it and try again.',
      'PRECONDITION_FAILED',
    );

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = req.method === 'GET' ? undefined : await readJson(req);
    const query = Object.fromEntries(url.searchParams);
    requests.push({ method: req.method ?? 'GET', path: url.pathname, query, body, headers: req.headers });
    const route = `${req.method} ${url.pathname.replace(/^\/api\//, '')}`;
    const page = state.publicPage;
    let m: RegExpMatchArray | null;

    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-origin': '*',
        'access-control-allow-headers': '*',
        'access-control-allow-methods': '*',
      });
      return res.end();
    }
    if ((m = route.match(/^GET public\/pages\/([^/]+)$/))) {
      if (decodeURIComponent(m[1]!) !== page.id)
        return send(res, 404, problem(404, 'There is no booking page at this link.', 'PAGE_NOT_FOUND'));
      return send(res, 200, page, contracts.publicPageSchema);
    }
    if ((m = route.match(/^GET public\/pages\/([^/]+)\/slots$/))) {
      const parsed = contracts.slotsQuerySchema.safeParse(query);
      if (!parsed.success) return invalid(res, parsed.error);
      const q = parsed.data;
      return send(
        res,
        200,
        state.paused === undefined
          ? {
              timeZone: q.timeZone,
              durationMinutes: q.duration,
              slots: slotsBetween(q.start, q.end, q.duration, q.timeZone),
            }
          : {
              timeZone: q.timeZone,
              durationMinutes: q.duration,
              slots: [],
              paused: { reason: 'hostDisconnected', detail: state.paused },
            },
        contracts.slotsAnswerSchema,
      );
    }
    if ((m = route.match(/^POST public\/pages\/([^/]+)\/bookings$/))) {
      contracts.idempotencyKeySchema.parse(req.headers['idempotency-key']);
      const parsed = contracts.bookingRequestSchema.safeParse(body);
      if (!parsed.success) return invalid(res, parsed.error);
      const b = parsed.data;
      if (state.paused !== undefined) return send(res, 503, hostDisconnected());
      if (state.takenByOthers.has(b.start) || !state.free.includes(b.start)) {
        state.free = state.free.filter((s) => s !== b.start);
        return send(res, 409, problem(409, 'That time was just taken; please choose another.', 'SLOT_TAKEN'));
      }
      state.free = state.free.filter((s) => s !== b.start);
      const booking: Booking = {
        id: `b${nextId++}`,
        pageId: page.id,
        status: page.requiresConfirmation ? 'pending' : 'confirmed',
        start: b.start,
        end: new Date(Date.parse(b.start) + b.durationMinutes * 60_000).toISOString(),
        durationMinutes: b.durationMinutes,
        invitee: { name: b.name, email: b.email, timeZone: b.timeZone },
        answers: b.answers,
        ...(page.requiresConfirmation && { awaitingApproval: true as const }),
        ...(page.location.kind === 'teams' && {
          location: { kind: 'teams', joinUrl: 'https://teams.microsoft.com/l/meetup-join/demo' },
        }),
      };
      state.bookings.set(`tok-${booking.id}`, booking);
      return send(res, 201, { booking, manageToken: `tok-${booking.id}` }, contracts.bookingCreatedSchema);
    }
    if ((m = route.match(/^GET manage\/([^/]+)$/))) {
      const booking = state.bookings.get(decodeURIComponent(m[1]!));
      if (!booking)
        return send(
          res,
          404,
          problem(404, 'This manage link has expired or is not valid.', 'MANAGE_LINK_INVALID'),
        );
      return send(res, 200, booking, contracts.bookingSchema);
    }
    if ((m = route.match(/^POST manage\/([^/]+)\/(cancel|reschedule)$/))) {
      const token = decodeURIComponent(m[1]!);
      const booking = state.bookings.get(token);
      if (!booking) return send(res, 404, problem(404, 'This manage link has expired or is not valid.'));
      if (m[2] === 'cancel') {
        const parsed = contracts.cancelRequestSchema.safeParse(body);
        if (!parsed.success) return invalid(res, parsed.error);
        const next: Booking = {
          ...booking,
          status: 'cancelled',
          ...(parsed.data.reason && { cancelReason: parsed.data.reason }),
        };
        state.bookings.set(token, next);
        state.free.push(booking.start);
        return send(res, 200, next, contracts.bookingSchema);
      }
      const parsed = contracts.rescheduleRequestSchema.safeParse(body);
      if (!parsed.success) return invalid(res, parsed.error);
      if (state.paused !== undefined) return send(res, 503, hostDisconnected());
      const next: Booking = {
        ...booking,
        start: parsed.data.start,
        end: new Date(Date.parse(parsed.data.start) + booking.durationMinutes * 60_000).toISOString(),
      };
      state.free = state.free.filter((s) => s !== parsed.data.start).concat(booking.start);
      state.bookings.set(token, next);
      return send(res, 200, next, contracts.bookingSchema);
    }
    // Host operations: a bearer token is required, as in the real API.
    if (!String(req.headers.authorization ?? '').startsWith('Bearer '))
      return send(res, 401, problem(401, 'Sign in to Tandem first.', 'UNAUTHENTICATED'));
    if (route === 'GET pages') return send(res, 200, { pages: state.pages }, contracts.bookingPageListSchema);
    if (route === 'POST pages/preview/slots') {
      const parsed = contracts.previewSlotsRequestSchema.safeParse(body);
      if (!parsed.success) return invalid(res, parsed.error);
      const q = parsed.data;
      const strangers = memberProblems(q.page, 'page.');
      if (strangers) return send(res, 400, strangers);
      const offered = new Set(state.preview(q));
      return send(
        res,
        200,
        {
          timeZone: q.timeZone,
          durationMinutes: q.duration,
          slots: slotsBetween(q.start, q.end, q.duration, q.timeZone).filter((s) => offered.has(s.start)),
        },
        contracts.slotsAnswerSchema,
      );
    }
    if (route === 'POST pages/preview/explain') {
      const parsed = contracts.previewExplainRequestSchema.safeParse(body);
      if (!parsed.success) return invalid(res, parsed.error);
      const reasons = state.explain(parsed.data.start);
      return send(
        res,
        200,
        { start: parsed.data.start, bookable: reasons.length === 0, reasons },
        contracts.previewExplainAnswerSchema,
      );
    }
    if (route === 'POST pages' || (m = route.match(/^PUT pages\/([^/]+)$/))) {
      const parsed = contracts.bookingPageInputSchema.safeParse(body);
      if (!parsed.success) return invalid(res, parsed.error);
      const strangers = memberProblems(parsed.data, '');
      if (strangers) return send(res, 400, strangers);
      const id = m?.[1] ?? `pg-new-${nextId++}`;
      const before = state.pages.find((p) => p.id === id);
      if (m && !before) return send(res, 404, problem(404, 'There is no such booking page.', 'NOT_FOUND'));
      if (before && req.headers['if-match'] !== before.etag) return send(res, 412, changedElsewhere());
      const saved: BookingPage = {
        ...parsed.data,
        id,
        hostId: 'host-1',
        createdAt: '2026-11-01T00:00:00Z',
        updatedAt: '2026-11-01T00:00:00Z',
        etag: `"${nextId++}"`,
      };
      state.pages = [...state.pages.filter((p) => p.id !== id), saved];
      return send(res, route.startsWith('POST') ? 201 : 200, saved, contracts.bookingPageSchema);
    }
    if ((m = route.match(/^DELETE pages\/([^/]+)$/))) {
      const before = state.pages.find((p) => p.id === decodeURIComponent(m![1]!));
      if (!before) return send(res, 404, problem(404, 'There is no such booking page.', 'NOT_FOUND'));
      if (req.headers['if-match'] !== before.etag) return send(res, 412, changedElsewhere());
      state.pages = state.pages.filter((p) => p !== before);
      return send(res, 204);
    }
    if (route === 'GET bookings')
      return send(res, 200, { bookings: [...state.bookings.values()] }, contracts.bookingListSchema);
    if ((m = route.match(/^POST bookings\/([^/]+)\/cancel$/))) {
      const entry = [...state.bookings.entries()].find(([, b]) => b.id === m![1]);
      if (!entry) return send(res, 404, problem(404, 'There is no such booking.'));
      contracts.idempotencyKeySchema.parse(req.headers['idempotency-key']);
      const parsed = contracts.cancelRequestSchema.safeParse(body);
      if (!parsed.success) return invalid(res, parsed.error);
      const next: Booking = {
        ...entry[1],
        status: 'cancelled',
        ...(parsed.data.reason && { cancelReason: parsed.data.reason }),
      };
      state.bookings.set(entry[0], next);
      return send(res, 200, next, contracts.bookingSchema);
    }
    if ((m = route.match(/^POST bookings\/([^/]+)\/reschedule$/))) {
      const entry = [...state.bookings.entries()].find(([, b]) => b.id === m![1]);
      if (!entry) return send(res, 404, problem(404, 'There is no such booking.'));
      contracts.idempotencyKeySchema.parse(req.headers['idempotency-key']);
      const parsed = contracts.rescheduleRequestSchema.safeParse(body);
      if (!parsed.success) return invalid(res, parsed.error);
      if (state.paused !== undefined) return send(res, 503, hostDisconnected());
      if (!state.free.includes(parsed.data.start))
        return send(res, 409, problem(409, 'That time was just taken; please choose another.', 'SLOT_TAKEN'));
      const booking = entry[1];
      const next: Booking = {
        ...booking,
        start: parsed.data.start,
        end: new Date(Date.parse(parsed.data.start) + booking.durationMinutes * 60_000).toISOString(),
      };
      state.free = state.free.filter((s) => s !== parsed.data.start).concat(booking.start);
      state.bookings.set(entry[0], next);
      return send(res, 200, next, contracts.bookingSchema);
    }
    if ((m = route.match(/^POST bookings\/([^/]+)\/(approve|decline)$/))) {
      const entry = [...state.bookings.entries()].find(([, b]) => b.id === m![1]);
      if (!entry) return send(res, 404, problem(404, 'There is no such booking.'));
      contracts.idempotencyKeySchema.parse(req.headers['idempotency-key']);
      const parsed = m[2] === 'decline' ? contracts.cancelRequestSchema.safeParse(body) : undefined;
      if (parsed && !parsed.success) return invalid(res, parsed.error);
      const { awaitingApproval, ...booking } = entry[1];
      if (!awaitingApproval) {
        // As the API refuses a second decision: the sentence, and the booking as it now stands.
        const detail =
          booking.status === 'cancelled'
            ? `This booking is already cancelled${booking.cancelReason ? ` (${booking.cancelReason.replace(/\.$/, '')})` : ''}; nothing was changed.`
            : 'This booking is already confirmed: it was approved or needed no approval; nothing was changed.';
        return send(res, 409, {
          ...problem(409, detail, 'CONFLICT'),
          bookingStatus: booking.status,
          booking: contracts.bookingSchema.parse(entry[1]),
        });
      }
      const next: Booking =
        m[2] === 'approve'
          ? { ...booking, status: 'confirmed' }
          : {
              ...booking,
              status: 'cancelled',
              cancelReason: parsed?.data?.reason || 'The host declined this booking.',
            };
      if (next.status === 'cancelled') state.free.push(booking.start);
      state.bookings.set(entry[0], next);
      return send(res, 200, next, contracts.bookingSchema);
    }
    if (route === 'GET me')
      return state.me
        ? send(res, 200, state.me, contracts.meSchema)
        : send(res, 503, problem(503, 'Your Microsoft 365 profile cannot be read right now.'));
    if (route === 'GET sync/health') return send(res, 200, state.health, contracts.syncHealthSchema);
    if (route === 'POST sync/selftest') {
      selfTestPolls = 0;
      const first = state.selfTest[0];
      return first
        ? send(res, 202, first, contracts.selfTestRunSchema)
        : send(res, 503, problem(503, 'The self-test cannot run now.'));
    }
    if ((m = route.match(/^GET sync\/selftest\/([^/]+)$/))) {
      const params = contracts.selfTestRunParamsSchema.safeParse({ runId: decodeURIComponent(m[1]!) });
      if (!params.success) return invalid(res, params.error);
      const runs = state.selfTest.filter((r) => r.runId === params.data.runId);
      if (runs.length === 0) return send(res, 404, problem(404, 'There is no such self-test run.'));
      selfTestPolls = Math.min(selfTestPolls + 1, runs.length - 1);
      return send(res, 200, runs[selfTestPolls], contracts.selfTestRunSchema);
    }
    return send(res, 404, problem(404, `No route ${route}.`));
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => send(res, 500, problem(500, error.message)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    state,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  } satisfies ContractServer;
}

/** A public page as the API would answer it, with overrides. */
export function samplePublicPage(overrides: Partial<PublicPage> = {}): PublicPage {
  return {
    id: 'page-1',
    slug: 'intro',
    title: 'Intro call',
    description: 'Thirty minutes to get to know each other.',
    durations: [30, 60],
    location: { kind: 'teams' },
    hostDisplayName: 'Adele Vance',
    questions: [
      { id: 'topic', label: 'What would you like to talk about?', kind: 'shortText', required: true },
    ],
    requiresConfirmation: false,
    ...overrides,
  };
}
