import type {
  Booking,
  BookingCreated,
  BookingPage,
  BookingPageInputBody,
  BookingRequest,
  ExplainAnswer,
  FieldError,
  Me,
  PreviewQuery,
  Problem,
  PublicPage,
  RescheduleRequest,
  SelfTestRun,
  SlotsAnswer,
  SyncHealth,
} from './types.js';

/** An answer of the API that is not a success; `message` is the API's own sentence (problem detail). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly fieldErrors: FieldError[];
  /** The problem's extension members, e.g. `booking` (as it now stands) on a 409 about its state. */
  readonly extensions: Readonly<Record<string, unknown>>;
  constructor(
    status: number,
    message: string,
    code?: string,
    fieldErrors: FieldError[] = [],
    extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.extensions = extensions;
  }
}

export interface ApiClientOptions {
  /** Origin (and path prefix) of the API; empty means the page's own origin. */
  baseUrl: string;
  /** A bearer token for host calls. */
  getToken?: () => Promise<string>;
  fetch?: typeof fetch;
}

type Query = Record<string, string | number | undefined>;

const newKey = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `k-${Date.now()}-${Math.random().toString(36).slice(2)}`;

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && typeof (value as Problem).detail === 'string';
}

/** The typed client of every API operation the front end uses. */
export function createApiClient(options: ApiClientOptions) {
  const base = options.baseUrl.replace(/\/$/, '');
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));

  const url = (path: string, query?: Query): string => {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) search.set(k, String(v));
    const qs = search.toString();
    return `${base}/api/${path}${qs ? `?${qs}` : ''}`;
  };

  async function call<T>(
    method: string,
    path: string,
    init: { query?: Query; body?: unknown; host?: boolean; idempotent?: boolean; ifMatch?: string } = {},
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (init.idempotent) headers['idempotency-key'] = newKey();
    if (init.ifMatch) headers['if-match'] = init.ifMatch;
    if (init.host && options.getToken) headers.authorization = `Bearer ${await options.getToken()}`;
    let response: Response;
    try {
      response = await doFetch(url(path, init.query), {
        method,
        headers,
        ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
      });
    } catch {
      throw new ApiError(0, 'Tandem could not be reached. Check your connection and try again.', 'NETWORK');
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!response.ok) {
      if (isProblem(parsed)) {
        const {
          type: _t,
          title: _ti,
          status: _s,
          instance: _i,
          detail,
          code,
          errors,
          ...extensions
        } = parsed as Problem & Record<string, unknown>;
        throw new ApiError(response.status, detail, code, errors ?? [], extensions);
      }
      throw new ApiError(
        response.status,
        `The server answered ${response.status} ${response.statusText}.`.trim(),
      );
    }
    return parsed as T;
  }

  const enc = encodeURIComponent;
  return {
    /** Where the .ics of a booking downloads from (a plain link, no script needed). */
    icsUrl: (manageToken: string) => url(`manage/${enc(manageToken)}/booking.ics`),

    publicPage: (pageId: string) => call<PublicPage>('GET', `public/pages/${enc(pageId)}`),
    slots: (pageId: string, q: { start: string; end: string; duration: number; timeZone: string }) =>
      call<SlotsAnswer>('GET', `public/pages/${enc(pageId)}/slots`, { query: q }),
    book: (pageId: string, body: BookingRequest) =>
      call<BookingCreated>('POST', `public/pages/${enc(pageId)}/bookings`, { body, idempotent: true }),

    manageView: (token: string) => call<Booking>('GET', `manage/${enc(token)}`),
    manageReschedule: (token: string, body: RescheduleRequest) =>
      call<Booking>('POST', `manage/${enc(token)}/reschedule`, { body, idempotent: true }),
    manageCancel: (token: string, reason?: string) =>
      call<Booking>('POST', `manage/${enc(token)}/cancel`, {
        body: reason ? { reason } : {},
        idempotent: true,
      }),

    me: () => call<Me>('GET', 'me', { host: true }),
    listPages: () => call<{ pages: BookingPage[] }>('GET', 'pages', { host: true }),
    createPage: (body: BookingPageInputBody) =>
      call<BookingPage>('POST', 'pages', { body, host: true, idempotent: true }),
    updatePage: (id: string, body: BookingPageInputBody, etag: string) =>
      call<BookingPage>('PUT', `pages/${enc(id)}`, { body, host: true, ifMatch: etag }),
    deletePage: (id: string, etag: string) =>
      call<undefined>('DELETE', `pages/${enc(id)}`, { host: true, ifMatch: etag }),
    previewSlots: (q: PreviewQuery) =>
      call<SlotsAnswer>('POST', 'pages/preview/slots', { body: q, host: true }),
    previewExplain: (q: Omit<PreviewQuery, 'end'>) =>
      call<ExplainAnswer>('POST', 'pages/preview/explain', { body: q, host: true }),

    listBookings: (q: { from?: string; to?: string; status?: string } = {}) =>
      call<{ bookings: Booking[] }>('GET', 'bookings', { query: q, host: true }),
    hostCancel: (id: string, reason?: string) =>
      call<Booking>('POST', `bookings/${enc(id)}/cancel`, {
        body: reason ? { reason } : {},
        host: true,
        idempotent: true,
      }),
    hostReschedule: (id: string, body: RescheduleRequest) =>
      call<Booking>('POST', `bookings/${enc(id)}/reschedule`, { body, host: true, idempotent: true }),
    approve: (id: string) =>
      call<Booking>('POST', `bookings/${enc(id)}/approve`, { host: true, idempotent: true }),
    decline: (id: string, reason?: string) =>
      call<Booking>('POST', `bookings/${enc(id)}/decline`, {
        body: reason ? { reason } : {},
        host: true,
        idempotent: true,
      }),

    syncHealth: () => call<SyncHealth>('GET', 'sync/health', { host: true }),
    startSelfTest: () => call<SelfTestRun>('POST', 'sync/selftest', { host: true }),
    selfTestRun: (runId: string) => call<SelfTestRun>('GET', `sync/selftest/${enc(runId)}`, { host: true }),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
