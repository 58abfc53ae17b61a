// A real HTTP server on 127.0.0.1 that speaks the API's contracts for component tests of the front end:
// every request the page sends is parsed with the API's own zod schemas (so a client that drifts from
// the contract fails here), and every answer is checked against its answer schema before it is sent.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- test servers check traffic against the real schemas
import * as contracts from '@tandem/api/contracts';
import type { Booking, BookingPage, PublicPage } from '../api/types.js';
import type { ExplainAnswer, SelfTestStep, SyncHealth } from '../api/types.js';

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
  health: SyncHealth;
  selfTest: SelfTestStep[];
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
    health: { enabled: true, calendars: [], notifications: { accepted: 0, forged: 0 } },
    selfTest: [],
    ...initial,
  };
  const requests: RecordedRequest[] = [];
  let nextId = 1;

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
        {
          timeZone: q.timeZone,
          durationMinutes: q.duration,
          slots: slotsBetween(q.start, q.end, q.duration, q.timeZone),
        },
        contracts.slotsAnswerSchema,
      );
    }
    if ((m = route.match(/^POST public\/pages\/([^/]+)\/bookings$/))) {
      contracts.idempotencyKeySchema.parse(req.headers['idempotency-key']);
      const parsed = contracts.bookingRequestSchema.safeParse(body);
      if (!parsed.success) return invalid(res, parsed.error);
      const b = parsed.data;
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
    if (route === 'POST pages/preview/slots' || route === 'POST pages/preview/explain') {
      const q = body as { page: unknown; start: string; end?: string; duration: number; timeZone: string };
      const parsed = contracts.bookingPageInputSchema.safeParse(q.page);
      if (!parsed.success) return invalid(res, parsed.error);
      if (route.endsWith('explain'))
        return send(res, 200, { start: q.start, reasons: state.explain(q.start) });
      return send(
        res,
        200,
        {
          timeZone: q.timeZone,
          durationMinutes: q.duration,
          slots: slotsBetween(q.start, q.end!, q.duration, q.timeZone),
        },
        contracts.slotsAnswerSchema,
      );
    }
    if (route === 'POST pages' || (m = route.match(/^PUT pages\/([^/]+)$/))) {
      const parsed = contracts.bookingPageInputSchema.safeParse(body);
      if (!parsed.success) return invalid(res, parsed.error);
      const id = m?.[1] ?? `p${nextId++}`;
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
    if (route === 'GET bookings')
      return send(res, 200, { bookings: [...state.bookings.values()] }, contracts.bookingListSchema);
    if ((m = route.match(/^POST bookings\/([^/]+)\/cancel$/))) {
      const entry = [...state.bookings.entries()].find(([, b]) => b.id === m![1]);
      if (!entry) return send(res, 404, problem(404, 'There is no such booking.'));
      const next: Booking = { ...entry[1], status: 'cancelled' };
      state.bookings.set(entry[0], next);
      return send(res, 200, next, contracts.bookingSchema);
    }
    if (route === 'GET sync/health') return send(res, 200, state.health);
    if ((m = route.match(/^POST sync\/self-test\/(\d)$/))) {
      const step = state.selfTest.find((s) => s.step === Number(m![1]));
      return step ? send(res, 200, step) : send(res, 404, problem(404, 'There is no such step.'));
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
