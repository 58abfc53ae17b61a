export { BookingService, type BookResult } from './booking-service.js';
export { HostService } from './host-service.js';
export { BotService, type BotAction } from './bot-service.js';
export { BotOutbox, recipientsOf, type BookingEventDetails } from './bot-outbox.js';
export { reconcilePending, reconcileGraceMs, type ReconcileReport } from './reconciler.js';
export { ManageLinks } from './manage-links.js';
export { idempotentWrite } from './idempotent.js';
export type { BookingDeps, BookingFaults } from './deps.js';
export * from './errors.js';
