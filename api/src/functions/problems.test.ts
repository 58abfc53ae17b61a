import { InvocationContext } from '@azure/functions';
import { z } from 'zod';
import { AuthError, AuthUnavailableError } from '../auth/errors.js';
import {
  BookingTooLongError,
  NotFoundError,
  SlotTakenError,
  SlugTakenError,
  StaleRecordError,
} from '../store/errors.js';
import { SchedulingInputError } from '../scheduling/errors.js';
import { problemResponse } from './problems.js';

const logged: unknown[][] = [];
const context = () =>
  new InvocationContext({
    invocationId: 'inv-1',
    functionName: 'f',
    logHandler: (_level, ...args) => logged.push(args),
  });
const answer = (error: unknown) => {
  const res = problemResponse(error, context(), '/api/x');
  return {
    status: res.status,
    headers: res.headers as Record<string, string>,
    body: JSON.parse(res.body as string) as Record<string, unknown>,
  };
};

describe('the error mapper', () => {
  test.each([
    ['a slot just taken', new SlotTakenError('h1'), 409, 'SLOT_TAKEN'],
    ['a slug in use', new SlugTakenError('intro'), 409, 'SLUG_TAKEN'],
    ['a missing record', new NotFoundError('booking'), 404, 'NOT_FOUND'],
    ['a stale ETag', new StaleRecordError('booking page'), 412, 'PRECONDITION_FAILED'],
    ['a booking over eight hours', new BookingTooLongError(120, 98), 422, 'BOOKING_TOO_LONG'],
    [
      'engine input',
      new SchedulingInputError('INVALID_TIME_ZONE', 'inviteeTimeZone', 'Unknown zone.'),
      400,
      'INVALID_TIME_ZONE',
    ],
  ])('answers %s with %i and its code', (_name, error, status, code) => {
    const { status: got, headers, body } = answer(error);
    expect(got).toBe(status);
    expect(headers['content-type']).toBe('application/problem+json');
    expect(body).toMatchObject({ status, code, detail: (error as Error).message, instance: '/api/x' });
  });

  it('answers an AuthError with 401 and its challenge in WWW-Authenticate', () => {
    const error = new AuthError('expired', 'The access token has expired. Sign in again.');
    const { status, headers, body } = answer(error);
    expect(status).toBe(401);
    expect(headers['www-authenticate']).toBe(error.challenge);
    expect(body).toMatchObject({
      code: 'UNAUTHENTICATED',
      detail: 'The access token has expired. Sign in again.',
    });
  });

  it('answers an unreachable identity provider with 503, not 401', () => {
    expect(answer(new AuthUnavailableError(new Error('ETIMEDOUT'))).status).toBe(503);
  });

  it('names the field of a domain error that has one', () => {
    expect(answer(new SlugTakenError('intro')).body.errors).toEqual([
      { field: 'slug', message: expect.stringContaining('intro') },
    ]);
  });

  it('answers a ZodError with 400 and every offending field', () => {
    const error = z
      .object({ a: z.string(), b: z.object({ c: z.int() }) })
      .safeParse({ a: 1, b: { c: 'x' } }).error!;
    expect(answer(error).body.errors).toEqual([
      { field: 'a', message: expect.any(String) },
      { field: 'b.c', message: expect.any(String) },
    ]);
  });

  it('adds Retry-After to 429 and WWW-Authenticate to 401', () => {
    const limited = Object.assign(new Error('Slow down.'), { code: 'RATE_LIMITED', retryAfterSeconds: 2.5 });
    expect(answer(limited).headers['retry-after']).toBe('3');
    const unauthenticated = Object.assign(new Error('No token.'), { code: 'UNAUTHENTICATED' });
    expect(answer(unauthenticated).headers['www-authenticate']).toBe('Bearer');
  });

  it('carries extensions (fresh slots) but never lets them overwrite the status', () => {
    const taken = Object.assign(new SlotTakenError('h'), {
      extensions: { slots: ['2026-04-15T10:00:00Z'], status: 200 },
    });
    expect(answer(taken).body).toMatchObject({ status: 409, slots: ['2026-04-15T10:00:00Z'] });
  });

  test.each([
    ['a plain Error', new Error('ECONNREFUSED 10.0.0.4:5432')],
    ['an error with an unlisted code', Object.assign(new Error('internal detail'), { code: 'ERR_SOCKET' })],
    ['a thrown string', 'raw secret'],
  ])('answers %s with a generic 500 and logs it', (_name, error) => {
    logged.length = 0;
    const { status, body } = answer(error);
    expect(status).toBe(500);
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|internal detail|raw secret/);
    expect(body.detail).toContain('inv-1');
    expect(logged.flat()).toContain(error);
  });
});
