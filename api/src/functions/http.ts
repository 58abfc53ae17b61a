import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { z } from 'zod';
import type { HttpFunction } from './definition.js';
import { problemResponse } from './problems.js';
import type { Services } from './services.js';

/** A request body that is not JSON. */
export class InvalidJsonError extends Error {
  override readonly name = 'InvalidJsonError';
  readonly code = 'INVALID_JSON';
  readonly field = '(body)';
  constructor() {
    super('The request body is not valid JSON.');
  }
}

/** The body parsed by `schema`; a ZodError (→ 400 naming the fields) otherwise. */
export async function readBody<S extends z.ZodType>(request: HttpRequest, schema: S): Promise<z.infer<S>> {
  const text = await request.text();
  let value: unknown;
  try {
    value = text === '' ? undefined : JSON.parse(text);
  } catch {
    throw new InvalidJsonError();
  }
  return schema.parse(value);
}

/** The query string parsed by `schema` (every value a string, as sent). */
export function readQuery<S extends z.ZodType>(request: HttpRequest, schema: S): z.infer<S> {
  return schema.parse(Object.fromEntries(request.query.entries()));
}

/** Runs an HTTP function with the error mapper around it: every failure answers problem+json. */
export async function invokeHttp(
  definition: HttpFunction,
  request: HttpRequest,
  context: InvocationContext,
  services: () => Promise<Services>,
): Promise<HttpResponseInit> {
  try {
    return await definition.handler(request, context, await services());
  } catch (error) {
    return problemResponse(error, context, new URL(request.url).pathname);
  }
}
