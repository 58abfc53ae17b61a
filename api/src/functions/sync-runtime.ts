// Wiring of Outlook sync into the function app: made from app settings at first use (tests hand in
// their own settings with provideSyncSettings). Without TANDEM_API_BASE_URL Graph has nowhere to post
// notifications, so sync stays off and everything else runs as before.
import { NotificationIntake } from '../sync/notification-intake.js';
import { SelfTest } from '../sync/self-test.js';
import { SelfTestStore } from '../sync/self-test-store.js';
import { SyncStore } from '../sync/subscription-store.js';
import { SyncService, type SyncSettings } from '../sync/sync-service.js';
import { bookingRuntime } from './booking-runtime.js';
import type { Services } from './services.js';

export interface SyncRuntime {
  store: SyncStore;
  intake: NotificationIntake;
  sync: SyncService;
  selfTest: SelfTest;
}

const settingsBy = new WeakMap<Services, SyncSettings | null>();
const runtimes = new WeakMap<Services, SyncRuntime>();

/** `TANDEM_API_BASE_URL`: the API's public origin (Graph posts to `{origin}/api/webhooks/…`). */
export function syncSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): SyncSettings | null {
  const apiBaseUrl = env.TANDEM_API_BASE_URL;
  return apiBaseUrl ? { apiBaseUrl } : null;
}

export function provideSyncSettings(services: Services, settings: SyncSettings): void {
  settingsBy.set(services, settings);
  runtimes.delete(services);
}

/** Store and intake always (webhooks answer either way); `sync` only when sync is configured. */
export function syncRuntime(services: Services): SyncRuntime & { enabled: boolean } {
  let settings = settingsBy.get(services);
  if (settings === undefined) {
    settings = syncSettingsFromEnv();
    settingsBy.set(services, settings);
  }
  let runtime = runtimes.get(services);
  if (!runtime) {
    const booking = bookingRuntime(services);
    const store = new SyncStore(services.tables);
    runtime = {
      store,
      intake: new NotificationIntake(store, services.queues),
      sync: new SyncService(booking.deps, booking.bookings, store, settings ?? { apiBaseUrl: '' }),
      selfTest: new SelfTest(booking.deps, booking.bookings, new SelfTestStore(services.tables), {
        syncEnabled: settings !== null,
      }),
    };
    runtimes.set(services, runtime);
  }
  return { ...runtime, enabled: settings !== null };
}

/** After connect or a settings change; a failure is recorded in sync health, never the caller's. */
export async function syncAfterConnect(services: Services, hostId: string): Promise<void> {
  const runtime = syncRuntime(services);
  if (!runtime.enabled) return;
  try {
    await runtime.sync.connect(hostId);
  } catch (error) {
    console.warn(`Outlook sync could not start for host ${hostId}:`, error);
  }
}
