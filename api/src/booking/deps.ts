import type { Client } from '@microsoft/microsoft-graph-client';
import type { BookingRepository } from '../store/bookings.js';
import type { BusyCacheRepository } from '../store/busy-cache.js';
import type { ConnectionRepository } from '../store/connections.js';
import type { IdempotencyRepository } from '../store/idempotency.js';
import type { PageRepository } from '../store/pages.js';
import type { Queues } from '../store/queues.js';
import type { Tables } from '../store/tables.js';
import type { ManageLinks } from './manage-links.js';

/** Points where a test makes the process "crash" between two steps of a booking. */
export interface BookingFaults {
  /** Runs after the Outlook event exists and before the booking is confirmed. */
  afterEventCreated?: (bookingId: string) => void | Promise<void>;
}

/** What the booking services reach the outside world through. */
export interface BookingDeps {
  tables: Tables;
  pages: PageRepository;
  bookings: BookingRepository;
  connections: ConnectionRepository;
  busyCache: BusyCacheRepository;
  idempotency: IdempotencyRepository;
  /** Microsoft Graph acting as the host (delegated, through the host's stored token cache). */
  graphFor: (hostId: string) => Client;
  manageLinks: ManageLinks;
  /** Where booking events go to the Teams bot (`bot-outbox`); without it nobody is told. */
  queues?: Queues;
  clock: () => Date;
  faults?: BookingFaults;
}
