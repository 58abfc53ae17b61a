import type { HttpResponseInit, InvocationContext } from '@azure/functions';
import { ZodError } from 'zod';
import { validationProblem, type FieldError, type Problem } from '../contracts/problem.js';

/** HTTP status of every domain error code. A code not listed here is a bug: it answers 500. */
export const statusByCode: Readonly<Record<string, number>> = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  // The engine's SchedulingInputError codes: input the engine refuses is the caller's to fix.
  INVALID_TIME_ZONE: 400,
  INVALID_INSTANT: 400,
  INVALID_DATE: 400,
  INVALID_TIME: 400,
  INVALID_RANGE: 400,
  RANGE_TOO_LONG: 400,
  INVALID_MINUTES: 400,
  DURATION_NOT_OFFERED: 400,
  OVERLAPPING_INTERVALS: 400,
  EMPTY_TEAM: 400,
  INVALID_WEIGHT: 400,
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  SLOT_TAKEN: 409,
  SLUG_TAKEN: 409,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  BOOKING_TOO_LONG: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  AUTH_UNAVAILABLE: 503,
  // The host's Microsoft 365 connection is broken: nothing can be booked with them until they sign in.
  HOST_DISCONNECTED: 503,
};

const titles: Record<number, string> = {
  400: 'Some input is not valid',
  401: 'Sign-in required',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  412: 'Changed in the meantime',
  422: 'Cannot be done as asked',
  429: 'Too many requests',
  500: 'Something went wrong',
  503: 'Temporarily unavailable',
};

/** The shape domain errors share: a literal code, a sentence for a person, maybe the field. */
interface CodedError {
  code: string;
  message: string;
  field?: string;
  /** 401: the WWW-Authenticate challenge. */
  challenge?: string;
  /** 429: seconds to wait. */
  retryAfterSeconds?: number;
  /** Extra problem members (e.g. fresh slots after SLOT_TAKEN). */
  extensions?: Record<string, unknown>;
}

function coded(error: unknown): CodedError | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !(code in statusByCode)) return undefined;
  return error as Error & CodedError;
}

const reserved = new Set(['type', 'title', 'status', 'detail', 'instance', 'code', 'errors']);

/**
 * The one error mapper of the API: domain errors by `code`, zod errors as 400 with every field, and
 * anything else as 500 with a generic sentence (the error itself goes to the log, never the answer).
 */
export function problemResponse(
  error: unknown,
  context: InvocationContext,
  instance?: string,
): HttpResponseInit {
  const headers: Record<string, string> = { 'content-type': 'application/problem+json' };
  let problem: Problem & Record<string, unknown>;
  if (error instanceof ZodError) {
    problem = validationProblem(error, instance === undefined ? {} : { instance });
  } else {
    const known = coded(error);
    if (known) {
      const status = statusByCode[known.code]!;
      const errors: FieldError[] | undefined = known.field
        ? [{ field: known.field, message: known.message }]
        : undefined;
      const extensions = Object.fromEntries(
        Object.entries(known.extensions ?? {}).filter(([k]) => !reserved.has(k)),
      );
      problem = {
        ...extensions,
        type: `https://tandem.dev/problems/${known.code.toLowerCase().replaceAll('_', '-')}`,
        title: titles[status] ?? 'Request failed',
        status,
        detail: known.message,
        code: known.code,
        ...(errors && { errors }),
        ...(instance !== undefined && { instance }),
      };
      if (status === 401) headers['www-authenticate'] = known.challenge ?? 'Bearer';
      if (status === 429 && known.retryAfterSeconds !== undefined)
        headers['retry-after'] = String(Math.ceil(known.retryAfterSeconds));
    } else {
      context.error(`Unhandled error in ${context.functionName} (${context.invocationId}):`, error);
      problem = {
        type: 'https://tandem.dev/problems/internal',
        title: titles[500]!,
        status: 500,
        detail: `Something went wrong on our side. Please try again; if it keeps happening, mention reference ${context.invocationId}.`,
        ...(instance !== undefined && { instance }),
      };
    }
  }
  return { status: problem.status, headers, body: JSON.stringify(problem) };
}
