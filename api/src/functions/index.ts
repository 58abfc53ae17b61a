// Every function of the app, and their registration with the Azure Functions runtime. The local
// functions host (dev/src/functions-host) serves the same list.
import type { app as azureApp } from '@azure/functions';
import type { FunctionDefinition } from './definition.js';
import { health } from './health.js';
import { invokeHttp } from './http.js';
import { openapi } from './openapi.js';
import { publicPage } from './public-page.js';
import { slots } from './slots.js';
import { book } from './book.js';
import { manageView } from './manage-view.js';
import { manageReschedule } from './manage-reschedule.js';
import { manageCancel } from './manage-cancel.js';
import { manageIcs } from './manage-ics.js';
import { me } from './me.js';
import { putSettings } from './put-settings.js';
import { listPages } from './list-pages.js';
import { createPage } from './create-page.js';
import { getPage } from './get-page.js';
import { updatePage } from './update-page.js';
import { deletePage } from './delete-page.js';
import { previewSlots } from './preview-slots.js';
import { previewExplain } from './preview-explain.js';
import { listBookings } from './list-bookings.js';
import { hostCancel } from './host-cancel.js';
import { hostReschedule } from './host-reschedule.js';
import { approve } from './approve.js';
import { decline } from './decline.js';
import { botListBookings } from './bot-list-bookings.js';
import { botApprove } from './bot-approve.js';
import { botDecline } from './bot-decline.js';
import { botCancel } from './bot-cancel.js';
import { botPeople } from './bot-people.js';
import { reconcileBookings } from './reconcile-bookings.js';
import { graphWebhook } from './graph-webhook.js';
import { graphLifecycleWebhook } from './graph-lifecycle-webhook.js';
import { syncNotifications } from './sync-notifications.js';
import { renewSubscriptions } from './renew-subscriptions.js';
import { syncHealthFunction } from './sync-health.js';
import { startSelfTest } from './start-self-test.js';
import { selfTestRun } from './self-test-run.js';
import { syncSelfTest } from './sync-self-test.js';
import { lazyServices, type Services } from './services.js';

export const functions: readonly FunctionDefinition[] = [
  health,
  openapi,
  publicPage,
  slots,
  book,
  manageView,
  manageReschedule,
  manageCancel,
  manageIcs,
  me,
  putSettings,
  listPages,
  createPage,
  getPage,
  updatePage,
  deletePage,
  previewSlots,
  previewExplain,
  listBookings,
  hostCancel,
  hostReschedule,
  approve,
  decline,
  botListBookings,
  botApprove,
  botDecline,
  botCancel,
  botPeople,
  reconcileBookings,
  graphWebhook,
  graphLifecycleWebhook,
  syncNotifications,
  renewSubscriptions,
  syncHealthFunction,
  startSelfTest,
  selfTestRun,
  syncSelfTest,
];

/** Registers every function with the runtime; handlers get services made once, on first use. */
export function registerFunctions(
  app: typeof azureApp,
  list: readonly FunctionDefinition[] = functions,
  services: () => Promise<Services> = lazyServices(),
): void {
  for (const definition of list) {
    const { name, trigger } = definition;
    switch (trigger.kind) {
      case 'http': {
        const http = definition as Extract<FunctionDefinition, { trigger: { kind: 'http' } }>;
        app.http(name, {
          methods: trigger.methods,
          route: trigger.route,
          authLevel: trigger.authLevel,
          handler: (request, context) => invokeHttp(http, request, context, services),
        });
        break;
      }
      case 'timer': {
        const timer = definition as Extract<FunctionDefinition, { trigger: { kind: 'timer' } }>;
        app.timer(name, {
          schedule: trigger.schedule,
          runOnStartup: trigger.runOnStartup ?? false,
          handler: async (info, context) => timer.handler(info, context, await services()),
        });
        break;
      }
      case 'queue': {
        const queue = definition as Extract<FunctionDefinition, { trigger: { kind: 'queue' } }>;
        app.storageQueue(name, {
          queueName: trigger.queueName,
          connection: trigger.connection ?? 'AzureWebJobsStorage',
          // The runtime decodes base64 and parses JSON itself; what arrives is the message.
          handler: async (message, context) => queue.handler(message, context, await services()),
        });
        break;
      }
    }
  }
}

export type { FunctionDefinition, HttpFunction, TimerFunction, QueueFunction } from './definition.js';
export { createServices, lazyServices, type Services } from './services.js';
export { decodeQueueMessage, encodeQueueMessage } from '../store/queues.js';
export { problemResponse, statusByCode } from './problems.js';
export { invokeHttp, readBody, readQuery } from './http.js';
export { provideSyncSettings, syncRuntime, type SyncRuntime } from './sync-runtime.js';
export {
  createBookingRuntime,
  provideBookingRuntime,
  type BookingRuntime,
  type BookingSettings,
} from './booking-runtime.js';
