import { RestError } from '@azure/data-tables';

/** The HTTP status a Tables call failed with (409 conflict, 412 stale ETag, 404 missing), if any. */
export function storageStatus(error: unknown): number | undefined {
  if (error instanceof RestError) return error.statusCode;
  if (typeof error === 'object' && error !== null && 'statusCode' in error) {
    const status = (error as { statusCode: unknown }).statusCode;
    return typeof status === 'number' ? status : undefined;
  }
  return undefined;
}

/** Runs a point read, answering undefined for 404 (the only "expected" failure of a read). */
export async function orMissing<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (storageStatus(error) === 404) return undefined;
    throw error;
  }
}
