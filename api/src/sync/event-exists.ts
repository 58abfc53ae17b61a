import type { Client } from '@microsoft/microsoft-graph-client';
import { isNotFound } from './graph-subscriptions.js';

/**
 * Whether Graph still has the event at `eventPath` (`/users/{id}/events/{id}` or a calendar's):
 * only a 404 means it is gone; any other error is thrown, never read as "gone".
 */
export async function eventExists(graph: Client, eventPath: string): Promise<boolean> {
  return graph
    .api(eventPath)
    .select('id')
    .get()
    .then(
      () => true,
      (error: unknown) => {
        if (isNotFound(error)) return false;
        throw error;
      },
    );
}
