/** A parsed incoming request, the same for every route table (Entra, Graph, admin, connector, views). */
export interface EmulatorRequest {
  method: string;
  /** Path without query string, percent-decoding left to the router's parameters. */
  path: string;
  url: URL;
  query: URLSearchParams;
  /** Lower-cased header names; repeated headers joined with ", ". */
  headers: Record<string, string | undefined>;
  /** JSON bodies parsed, form bodies as a plain object of strings, anything else the raw text. */
  body: unknown;
  rawBody: string;
  /** Named path parameters of the matched route (already percent-decoded). */
  params: Record<string, string>;
  /** Graph's `request-id`, also sent back as the `request-id` and `client-request-id` headers. */
  requestId: string;
}

export interface EmulatorResponse {
  status: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as is (set content-type in headers); undefined sends no body. */
  body?: unknown;
  /** Runs once the response is fully sent (a restart must not cut its own answer short). */
  afterSend?: () => void;
}

export type RouteHandler<C> = (
  req: EmulatorRequest,
  context: C,
) => EmulatorResponse | Promise<EmulatorResponse>;

export interface HttpRoute<C> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** "/v1.0/users/:user/events/:eventId"; a final "*rest" segment matches the remainder. */
  path: string;
  handler: RouteHandler<C>;
}
